"""Conference mode: the deck (from the URL), its shared link and the setup view; the full-screen
slideshow is observatory/ui/slideshow.py.

The URL is the deck: `?slides=titolo,disoccupazione&territorio=097&periodo=2019-2024&autoplay=20&slide=3`
opens slide 3 of that deck directly, so a presenter can bookmark or share a ready presentation and
reload it on a borrowed laptop. Without `slide` the page shows the setup view.

Every click reruns the page, so a rerun only looks things up: the deck with its summary, the years
on offer, each slide's finished chart spec (data already in Arrow) and QR code are built once per
snapshot version and remembered in this process (the version is in every key)."""

from __future__ import annotations

import dataclasses
import functools
from urllib.parse import urlencode

import streamlit as st

from observatory import labels, territory
from observatory.errors import ObservatoryError
from observatory.present import decks, export, lens_slides, link, pictures
from observatory.ui import address, data, state
from observatory.ui.state import lang, to_url

SLIDES, PERIOD, INDEX, AUTOPLAY, TERRITORY = "slides", "periodo", "slide", "autoplay", "territorio"
PAGE_PATH = "presenta"
LOOPBACK_OK = "_present_loopback_ok"
ALL_DATASETS = decks.ALL_NEEDS
MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# Presentation state: no sidebar, header or toolbar; type sized on the viewport so it stays readable
# from the back of the room at 1280×720 and on a phone; only the small controls remain.


def presenting() -> bool:
    """Presentation state is `slide` in the URL; the setup view otherwise."""
    return INDEX in st.query_params


@st.cache_resource(ttl=3600, show_spinner=False, max_entries=32)
def _deck(snapshot_version: str, data_root: str, language: str, provinces: tuple[str, ...],
          slides: tuple[str, ...], period: tuple[int, int] | None, public_url: str, allow_loopback: bool) -> decks.Deck:
    """The deck for one set of choices; built once and shared read-only by every session."""
    frames, records = _inputs()
    return decks.build_deck(frames, records, decks.DeckOptions(provinces, slides, period, language, public_url,
                                                               allow_loopback))


def _inputs() -> tuple[dict, dict]:
    """Every dataset a slide can use that is in the snapshot, and the manifest."""
    frames = {}
    for dataset_id in ALL_DATASETS:
        frame, _error = data.try_dataset(dataset_id)
        if frame is not None:
            frames[dataset_id] = frame
    try:
        records = data.manifest()
    except ObservatoryError:
        records = {}
    return frames, records


@dataclasses.dataclass(frozen=True, eq=False)
class DeckView:
    """A deck and the setup view's texts about it: heading, numbered slide titles, why some are left out."""

    deck: decks.Deck
    heading: str
    summary: str
    skipped: str


@functools.lru_cache(maxsize=16)
def deck_view(key: tuple, chosen: bool) -> DeckView:
    """The deck of `key` (snapshot version included, so a refresh is never served stale), or an empty
    one when no slide is `chosen`, with its texts. In front of the shared cache: a rerun finds it with
    a dict lookup instead of Streamlit hashing the arguments again."""
    deck = _deck(*key) if chosen else decks.Deck("", "", "", (), ())
    code_lang = key[2]
    demo = labels.t("badge.demo", code_lang)
    summary = "\n".join(f"{n}. {s.title}" + (f" — ⚠️ {demo}" if s.demo else "")
                        for n, s in enumerate(deck.slides, start=1))
    skipped = "\n".join(f"- **{labels.t(f'present.slide.{sid}', code_lang)}**: {why}" for sid, why in deck.skipped)
    return DeckView(deck, labels.t("present.setup.deck", code_lang, count=len(deck.slides)), summary,
                    f"{labels.t('present.setup.skipped', code_lang)}:\n{skipped}" if skipped else "")


@functools.lru_cache(maxsize=4)
def years_on_offer(snapshot_version: str, data_root: str) -> tuple[int, ...]:
    """Every year some slide dataset covers, for the period chooser (of the live version)."""
    frames, _records = _inputs()
    return tuple(decks.available_years(frames))


def snapshot_key() -> tuple[str, str]:
    """The live snapshot version and folder: the first two parts of every key here."""
    return data.version(), str(data.root())


def _provinces() -> tuple[str, ...]:
    """Provinces of the deck from the URL's `territorio` (the sidebar writes the same parameter), so a
    shared link keeps its territory even when it opens the page before the sidebar exists."""
    codes = tuple(p.istat for p in territory.provinces())
    value = st.query_params.get(TERRITORY, state.BOTH)
    if value == state.ONE_MUNICIPALITY:
        value = st.query_params.get("comune", "")[:3]
    return (value,) if value in codes else codes


def public_link() -> link.PublicLink:
    """The address the audience is given: OSSERVATORIO_PUBLIC_URL, else the one this browser used."""
    return address.public_link(PAGE_PATH)


def loopback_ok() -> bool:
    """Whether the presenter chose to print a loopback address in the QR codes (a rehearsal)."""
    return bool(st.session_state.get(LOOPBACK_OK))


def deck_key(snapshot: tuple[str, str], period: tuple[int, int] | None, code_lang: str) -> tuple:
    slides = decks.parse_slides(st.query_params.get(SLIDES))
    allowed = loopback_ok()
    return *snapshot, code_lang, _provinces(), slides, period, link.qr_target(public_link(), allowed), allowed


@st.cache_resource(ttl=3600, show_spinner=False, max_entries=8)
def _pictures(snapshot_version: str, data_root: str, language: str, provinces: tuple[str, ...],
              period: tuple[int, int] | None) -> pictures.DeckPictures:
    """The chart pictures of every deck of these choices (slideshow, PowerPoint, PDF), rendered once."""
    return pictures.DeckPictures(language)


@functools.lru_cache(maxsize=16)
def deck_pictures(key: tuple) -> pictures.DeckPictures:
    """The pictures of the deck of `key`; a dict lookup on a rerun (see deck_view)."""
    found = _pictures(*key[:4], key[5])
    found.add(deck_view(key, True).deck)
    return found


def period_from_url(years: tuple[int, ...]) -> tuple[int, int] | None:
    return decks.parse_period(st.query_params.get(PERIOD), list(years))


# --- setup view ---------------------------------------------------------------------------------

def _start() -> None:
    st.query_params[INDEX] = "1"


def setup() -> None:
    """The audience's address first (warned about when only this computer can open it), then period,
    auto-advance and slides of the sidebar's territory; the deck they make; start, download, share."""
    code_lang = lang()
    t = functools.partial(text, code_lang)
    st.title(t("present.setup.title"))
    st.markdown(t("present.setup.lead"))
    _link_notice(public_link(), t)
    snapshot = snapshot_key()
    years = years_on_offer(*snapshot)
    st.caption(t("present.setup.territory_from_sidebar", area=_territory_label()))
    row = st.container(horizontal=True, gap="medium")
    period = None
    if len(years) > 1:
        # the default must be a pair so Streamlit treats the slider as a range on every rerun
        period = row.select_slider(t("present.setup.period"), years, key="_present_period",
                                   value=period_from_url(years) or (years[0], years[-1]))
        whole = period == (years[0], years[-1])
        _set_param(PERIOD, None if whole else f"{period[0]}-{period[1]}")
        period = None if whole else period
    if "_present_autoplay" not in st.session_state:
        st.session_state["_present_autoplay"] = decks.parse_autoplay(st.query_params.get(AUTOPLAY))
    seconds = row.selectbox(t("present.setup.autoplay"), decks.AUTOPLAY_CHOICES, key="_present_autoplay",
                            format_func=functools.partial(_autoplay_label, code_lang))
    _set_param(AUTOPLAY, str(seconds) if seconds else None)
    if "_present_slides" not in st.session_state:
        st.session_state["_present_slides"] = list(decks.parse_slides(st.query_params.get(SLIDES)))
    _ready_deck(t)
    slide_names = {s: t(f"present.slide.{s}") for s in decks.ALL_SLIDE_IDS}
    chosen_slides = st.multiselect(t("present.setup.slides"), decks.ALL_SLIDE_IDS, key="_present_slides",
                                   format_func=slide_names.get)
    ordered = [s for s in decks.ALL_SLIDE_IDS if s in chosen_slides]
    _set_param(SLIDES, ",".join(ordered) if ordered and tuple(ordered) != decks.SLIDE_IDS else None)
    key = deck_key(snapshot, period, code_lang)
    view = deck_view(key, bool(ordered))
    _deck_summary(view, t)
    _actions(view.deck, key, t)
    st.caption(f"{t('present.setup.keys')}  \n{t('present.setup.link')}")
    st.code(share_link(), language=None)


def _territory_label() -> str:
    """The deck's territory as the sidebar chose it; a municipality's deck is its province's."""
    chosen = state.selection()
    names = {p.istat: p.name for p in territory.provinces()}
    area = " + ".join(names[c] for c in _provinces())
    return area if chosen.municipality is None else labels.t("present.setup.province_of", lang(), area=area,
                                                             town=chosen.label)


def _link_notice(found: link.PublicLink, t) -> None:
    """Where the QR code leads; a warning, and the explicit choice to print it anyway, when only this
    computer can open it."""
    if not found.url:
        st.warning(t("present.link.none"), icon=":material/qr_code_2:")
    elif found.loopback:
        st.warning(t("present.link.loopback", url=found.url), icon=":material/qr_code_2:")
        # kept under a key of its own: Streamlit forgets a widget's state on a run that does not draw it
        st.session_state[f"{LOOPBACK_OK}_box"] = loopback_ok()
        st.checkbox(t("present.link.loopback_ok"), key=f"{LOOPBACK_OK}_box", on_change=_remember_loopback_ok)
    else:
        st.caption(t("present.link.configured" if found.origin == link.CONFIGURED else "present.link.browser",
                     url=found.url))


def _remember_loopback_ok() -> None:
    st.session_state[LOOPBACK_OK] = st.session_state[f"{LOOPBACK_OK}_box"]


READY = {"generale": decks.SLIDE_IDS, **lens_slides.DECKS}


def _ready_deck(t) -> None:
    """A ready-made deck (general, or one of the social partners' lenses) fills the slide list."""
    current = lens_slides.lens_of(tuple(st.session_state["_present_slides"]))
    if tuple(st.session_state["_present_slides"]) == decks.SLIDE_IDS:
        current = "generale"
    st.session_state["_present_ready"] = current
    st.radio(t("present.lens.ready"), list(READY), key="_present_ready", horizontal=True,
             format_func=lambda side: t(f"present.lens.{side}"), on_change=_use_ready, index=None)


def _use_ready() -> None:
    chosen = st.session_state.get("_present_ready")
    if chosen in READY:
        st.session_state["_present_slides"] = list(READY[chosen])


def text(code_lang: str, key: str, **values) -> str:
    return labels.t(key, code_lang, **values)


def _autoplay_label(code_lang: str, seconds: int) -> str:
    return labels.t("present.setup.seconds", code_lang, n=seconds) if seconds else \
        labels.t("present.setup.autoplay_off", code_lang)


def _set_param(name: str, value: str | None) -> None:
    if value is None:
        st.query_params.pop(name, None)
    else:
        to_url(name, value)


def _deck_summary(view: DeckView, t) -> None:
    st.subheader(view.heading)
    if not view.deck.slides:
        st.warning(t("present.setup.empty"))
    if view.summary:
        st.markdown(view.summary)
    if view.skipped:
        st.info(view.skipped)


def _actions(deck: decks.Deck, key: tuple, t) -> None:
    """Start, and the PowerPoint/PDF downloads in a menu whose buttons exist only while it is open
    (the files themselves are built only when clicked)."""
    with st.container(horizontal=True):
        st.button(t("present.setup.start"), type="primary", icon=":material/slideshow:", on_click=_start,
                  disabled=not deck.slides, key="present-start")
        with st.popover(t("present.download.menu"), icon=":material/download:", disabled=not deck.slides,
                        key="present-downloads", on_change="rerun") as menu:
            if not menu.open:
                return
            code_lang = key[2]
            st.download_button(t("present.download.pptx"),
                               lambda: export.to_pptx(deck, code_lang, deck_pictures(key).all(deck)),
                               file_name="osservatorio-presentazione.pptx", mime=MIME_PPTX, on_click="ignore",
                               icon=":material/download:", key="present-pptx")
            st.download_button(t("present.download.pdf"),
                               lambda: export.to_pdf(deck, code_lang, deck_pictures(key).all(deck)),
                               file_name="osservatorio-presentazione.pdf", mime="application/pdf",
                               on_click="ignore", icon=":material/picture_as_pdf:", key="present-pdf")


def share_link() -> str:
    """The dashboard address that opens this deck at its first slide."""
    params = {k: st.query_params[k] for k in ("lang", TERRITORY, SLIDES, PERIOD, AUTOPLAY) if k in st.query_params}
    return f"{public_link().url}/{PAGE_PATH}?{urlencode({**params, INDEX: 1})}"
