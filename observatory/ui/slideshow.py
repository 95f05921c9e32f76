"""Conference mode, full screen: one slide at a time, keyboard and clicker navigation, auto-advance.

The deck, its URL parameters and the setup view are in observatory/ui/slides.py; this module only
shows a deck. Each slide's chart is the picture the PowerPoint and the PDF carry, rendered once per
deck (observatory/present/pictures.py), and its QR code is remembered, so moving between slides
only looks things up: a slide change costs what a page of text costs."""

from __future__ import annotations

import base64
import functools
import html

import streamlit as st

from observatory.present import decks, pictures
from observatory.ui import slides
from observatory.ui.slides import AUTOPLAY, INDEX
from observatory.ui.state import lang, to_url

PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 3vw 0.4rem 3vw !important; max-width: 100% !important; }
.st-key-slide h1 { font-size: clamp(1.6rem, 3.4vw, 4.2rem) !important; line-height: 1.12 !important;
  font-weight: 700 !important; padding: 0 0 0.2rem 0 !important; color: #1f2328; }
.st-key-slide .slide-subtitle { font-size: clamp(1rem, 1.7vw, 2rem); color: #57606a; margin: 0; }
.st-key-slide .slide-sources { font-size: clamp(0.95rem, 1.5vw, 1.8rem); color: #57606a; }
.st-key-slide .slide-line { font-size: clamp(0.85rem, 1.1vw, 1.35rem); color: #3d444d; margin: 0; }
.st-key-slide [data-testid="stImage"] img { display: block; width: auto !important; max-width: 100%; margin: 0 auto;
  max-height: clamp(14rem, calc(100vh - 7.6vw - 10.5rem), 80vh); object-fit: contain; }
.st-key-slide [data-testid="stFullScreenFrame"] > div { width: 100%; justify-content: center; }
.st-key-slide .slide-demo { display: inline-block; margin: 0; padding: 0.1em 0.5em; border-radius: 0.3em;
  font-size: clamp(1.1rem, 2.2vw, 2.6rem); font-weight: 700; color: #7a3b00; background: #fde7c7; }
.st-key-slide-nav { opacity: 0.6; gap: 0.4rem; }
.st-key-slide-nav:hover { opacity: 1; }
.st-key-slide-nav button { min-height: 2rem; padding: 0.1rem 0.7rem; }
.st-key-slide-nav button p { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.st-key-slide-keys { display: none !important; }
</style>"""

@functools.lru_cache(maxsize=8)
def _qr(url: str) -> str:
    """The QR code of `url` as a data URL: Streamlit shows it as it is, where PNG bytes would be decoded
    and scaled down on every rerun (and blurred by the scaling); the browser scales it crisply."""
    return "data:image/png;base64," + base64.b64encode(decks.qr_png(url)).decode("ascii")


def _index(count: int) -> int:
    return decks.parse_index(st.query_params.get(INDEX), count) or 0


def _go(step: int, count: int) -> None:
    st.query_params[INDEX] = str(decks.next_index(_index(count), count, step) + 1)


def _leave() -> None:
    st.query_params.pop(INDEX, None)


def _toggle_autoplay() -> None:
    seconds = decks.parse_autoplay(st.query_params.get(AUTOPLAY))
    if seconds:
        st.session_state["_present_resume"] = seconds
        st.query_params.pop(AUTOPLAY, None)
    else:
        st.query_params[AUTOPLAY] = str(st.session_state.get("_present_resume", 15))


def presentation() -> None:
    code_lang = lang()
    t = functools.partial(slides.text, code_lang)
    st.html(PRESENTATION_CSS)
    snapshot = slides.snapshot_key()
    period = slides.period_from_url(slides.years_on_offer(*snapshot))
    key = slides.deck_key(snapshot, period, code_lang)
    deck = slides.deck_view(key, True).deck
    if not deck.slides:
        st.title(t("present.setup.title"))
        st.warning(t("present.setup.empty"))
        st.button(t("present.nav.exit"), on_click=_leave, key="slide-exit")
        return
    count = len(deck.slides)
    index = _index(count)
    to_url(INDEX, str(index + 1))
    found = slides.deck_pictures(key)
    found.start([s.id for s in deck.slides[index:] + deck.slides[:index]])  # from the one on screen onwards
    with st.container(key="slide"):
        _slide(deck, deck.slides[index], index, found, t)
    seconds = decks.parse_autoplay(st.query_params.get(AUTOPLAY))
    _controls(count, index, bool(seconds), t)
    st.session_state["_present_autoplay_s"] = seconds
    if seconds:
        _autoplay(seconds, count)


def _slide(deck: decks.Deck, slide: decks.Slide, index: int, found: pictures.DeckPictures, t) -> None:
    st.title(slide.title, anchor=False)
    if slide.demo:  # as large as the source line: readable from the back of the room
        st.markdown(f'<p class="slide-demo" title="{html.escape(t("badge.demo_help"))}">⚠️ '
                    f'{html.escape(t("badge.demo"))}</p>', unsafe_allow_html=True)
    footer = f"{deck.footer} · {t('present.counter', n=index + 1, total=len(deck.slides))}"
    if slide.chart is None:
        text, code = st.columns([3, 2])  # the QR code beside the text, at a size a phone can read
        text.markdown(f'<p class="slide-subtitle">{html.escape(slide.subtitle)}</p><div class="slide-sources">'
                      + "<br/>".join(html.escape(s) for s in slide.sources) + "</div>", unsafe_allow_html=True)
        if slide.qr_url:
            code.image(_qr(slide.qr_url), caption=slide.qr_url, width=320)
        _lines(footer)
    else:
        if slide.subtitle:
            st.markdown(f'<p class="slide-subtitle">{html.escape(slide.subtitle)}</p>', unsafe_allow_html=True)
        # the picture the PowerPoint and the PDF carry, rendered once per deck: a change only looks it up
        st.image(found.data_url(slide.id), width="stretch", alt=slide.title)
        _lines(t("present.source", sources="; ".join(slide.sources)), footer)


def _lines(*texts: str) -> None:
    """Source and footer lines, small but dark enough for a projector; one element."""
    st.markdown("".join(f'<p class="slide-line">{html.escape(text)}</p>' for text in texts), unsafe_allow_html=True)


def _controls(count: int, index: int, playing: bool, t) -> None:
    """Small previous/next/pause/exit buttons; arrow keys, PageUp/PageDown (clickers) and Esc."""
    with st.container(horizontal=True, key="slide-nav"):
        st.button(t("present.nav.prev"), icon=":material/arrow_back:", key="slide-prev", on_click=_go,
                  args=(-1, count), shortcut="Left", help=t("present.nav.prev"), disabled=index == 0)
        st.button(t("present.nav.next"), icon=":material/arrow_forward:", key="slide-next", on_click=_go,
                  args=(1, count), shortcut="Right", help=t("present.nav.next"), disabled=index == count - 1)
        st.button(t("present.nav.pause" if playing else "present.nav.play"),
                  icon=":material/pause:" if playing else ":material/play_arrow:", key="slide-play",
                  on_click=_toggle_autoplay, help=t("present.nav.pause" if playing else "present.nav.play"))
        st.button(t("present.nav.exit"), icon=":material/close:", key="slide-exit", on_click=_leave,
                  shortcut="Esc", help=t("present.nav.exit"))
    with st.container(key="slide-keys"):  # hidden: presentation clickers send PageDown/PageUp
        st.button(t("present.nav.next"), key="slide-next-page", on_click=_go, args=(1, count), shortcut="PageDown")
        st.button(t("present.nav.prev"), key="slide-prev-page", on_click=_go, args=(-1, count), shortcut="PageUp")


def _autoplay(seconds: int, count: int) -> None:
    """Advance every `seconds` (wrapping to the first slide) through a timed fragment rerun."""
    st.session_state["_present_armed"] = False

    @st.fragment(run_every=seconds)
    def tick() -> None:
        if st.session_state.get("_present_armed"):
            st.query_params[INDEX] = str(decks.next_index(_index(count), count, wrap=True) + 1)
            st.rerun()
        st.session_state["_present_armed"] = True

    tick()
