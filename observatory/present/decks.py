"""Conference decks: the slides there are, what each needs, and the deck built from the snapshot.

Pure (no Streamlit): the page, the PowerPoint/PDF export and the tests read the same Slide list, so
the screen and the file say the same numbers. One message per slide, a title of at most twelve words
stating the finding with its number, one chart, a source line (../shared/DESIGN.md, "Conference
slides"). A slide whose dataset is missing is skipped with a reason, never drawn empty."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Mapping

import altair as alt
import pandas as pd
import qrcode

from observatory import charts, labels, provenance, store, territory
from observatory.present import lens_slides, link, published_slides
from observatory.present.slides import DATA_SLIDES, Context, Finding, NoData

TITLE, CLOSING = "titolo", "chiusura"
#: the general deck (the default); the lenses' slides are offered beside it and make their own decks
SLIDE_IDS: tuple[str, ...] = (TITLE, *DATA_SLIDES, CLOSING)
ALL_SLIDES = {**DATA_SLIDES, **lens_slides.LENS_SLIDES}
ALL_SLIDE_IDS: tuple[str, ...] = (TITLE, *ALL_SLIDES, CLOSING)
NEEDS: dict[str, tuple[str, ...]] = {TITLE: (), **{k: v[1] for k, v in ALL_SLIDES.items()}, CLOSING: ()}
#: every dataset a slide may read: its own, and the published figures of the topics that have them
ALL_NEEDS = tuple(sorted({d for needs in NEEDS.values() for d in needs} | set(published_slides.NEEDS)))
AUTOPLAY_CHOICES = (0, 10, 15, 20, 30, 45, 60)
DEMO_MARK_COLOR = "#b35806"


@dataclasses.dataclass(frozen=True)
class Slide:
    """One slide: finding title, chart builder (None on title/closing slides), notes, sources."""

    id: str
    title: str
    chart: Callable[[], alt.TopLevelMixin] | None
    notes: str
    sources: tuple[str, ...]
    demo: bool = False
    subtitle: str = ""
    qr_url: str | None = None
    datasets: tuple[str, ...] = ()  # the datasets its numbers come from


@dataclasses.dataclass(frozen=True)
class DeckOptions:
    provinces: tuple[str, ...]
    slides: tuple[str, ...] = SLIDE_IDS
    period: tuple[int, int] | None = None
    lang: str = labels.DEFAULT_LANG
    public_url: str = ""  # the address the QR codes carry (present.link.qr_target); "" for none
    loopback_ok: bool = False  # the presenter chose to print a loopback address anyway (a rehearsal)


@dataclasses.dataclass(frozen=True)
class Deck:
    title: str
    brand: str
    data_date: str
    slides: tuple[Slide, ...]
    skipped: tuple[tuple[str, str], ...]  # (slide id, reason)
    loopback_ok: bool = False  # see DeckOptions: the files may then carry a loopback QR code

    @property
    def footer(self) -> str:
        return f"{self.brand} · {self.data_date}"


def _described(record: store.DatasetRecord, lang: str = "it") -> str:
    period = labels.fmt_span(record.period_start, record.period_end)
    how = provenance.phrase(record.provenance, None, lang)  # a public copy or transcribed figures say so
    return record.title + (f", {period}" if period != labels.MISSING else "") + (f" ({how})" if how else "")


def sources_for(ids: tuple[str, ...], records: Mapping[str, store.DatasetRecord],
                lang: str = "it") -> tuple[str, ...]:
    """One line per publisher and licence: 'ISTAT — Forze di lavoro, 2015 – 2024; … (CC BY 4.0)'."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for dataset_id in dict.fromkeys(ids):
        if dataset_id in records:
            record = records[dataset_id]
            grouped.setdefault((record.publisher, record.licence), []).append(_described(record, lang))
    return tuple(f"{publisher} — {'; '.join(titles)} ({licence})" for (publisher, licence), titles in grouped.items())


def _is_demo(ids: tuple[str, ...], records: Mapping[str, store.DatasetRecord]) -> bool:
    return any(records[i].is_demo for i in ids if i in records)


def area_name(provinces: tuple[str, ...]) -> str:
    by_code = {p.istat: p.name for p in territory.provinces()}
    return "-".join(by_code.get(c, c) for c in provinces)


def _finding(slide_id: str, builder, needs: tuple[str, ...], frames: Mapping[str, pd.DataFrame],
             records: Mapping[str, store.DatasetRecord], ctx: Context) -> tuple[Finding, tuple[str, ...]] | str:
    """A slide's finding and the datasets it read, or why it is left out. A slide whose datasets are
    demo or absent is built from the published figures when they give something (its headline is
    then a published number, never a demo magnitude); else from its own datasets."""
    weak = any(d not in frames or d not in records or records[d].is_demo for d in needs)
    alternative = published_slides.BUILDERS.get(slide_id)
    if weak and alternative is not None and all(d in frames for d in published_slides.NEEDS):
        try:
            return alternative(ctx), published_slides.NEEDS
        except NoData:
            pass
    missing = [d for d in needs if d not in frames]
    if missing:
        return labels.t("present.skip.missing", ctx.lang, datasets=", ".join(missing))
    try:
        return builder(ctx), needs
    except NoData as exc:
        return str(exc)


def build_deck(frames: Mapping[str, pd.DataFrame], records: Mapping[str, store.DatasetRecord],
               options: DeckOptions) -> Deck:
    """The deck for `options`: the chosen slides in the default order, skipped ones with a reason."""
    lang = options.lang
    names = territory.territory_names()
    by_code = {p.istat: p for p in territory.provinces()}
    provinces = tuple(c for c in options.provinces if c in by_code) or tuple(by_code)
    ctx = Context(frames=frames, records=records, provinces=provinces,
                  nuts=tuple(by_code[c].nuts for c in provinces), names=names, region=territory.region()[0],
                  period=options.period, lang=lang)
    data_slides, skipped = [], []
    for slide_id, (builder, needs) in ALL_SLIDES.items():
        if slide_id not in options.slides:
            continue
        found = _finding(slide_id, builder, needs, frames, records, ctx)
        if isinstance(found, str):
            skipped.append((slide_id, found))
            continue
        finding, used_ids = found
        demo = _is_demo(used_ids, records)
        notes = finding.notes + ("\n" + labels.t("present.notes.demo", lang) if demo else "")
        sources = finding.sources or sources_for(used_ids, records, lang)
        notes += "\n" + labels.t("present.source", lang, sources="; ".join(sources))
        data_slides.append(Slide(slide_id, finding.title, finding.chart, notes, sources, demo, finding.subtitle,
                                 datasets=used_ids))
    used = tuple(d for s in data_slides for d in s.datasets)
    dates = [records[d].retrieved_at for d in used if d in records] or [r.retrieved_at for r in records.values()]
    data_date = labels.t("present.data_date", lang, date=labels.fmt_date(max(dates), lang) if dates else labels.MISSING)
    key = "present.deck.title" if len(provinces) > 1 else "present.deck.title_one"
    title = lens_slides.deck_title(options.slides, area_name(provinces), lang) or \
        labels.t(key, lang, area=area_name(provinces))
    brand = labels.t("present.brand", lang)
    all_sources = sources_for(used, records, lang)
    # a loopback address opens on this computer only: no QR code carries it unless the presenter chose so
    qr = link.qr_target(link.PublicLink(options.public_url, link.CONFIGURED), options.loopback_ok) or None
    slides = []
    if TITLE in options.slides:
        notes = labels.t("present.notes.title", lang, count=len(data_slides)) + "\n" + \
            "\n".join(f"{i}. {s.title}" for i, s in enumerate(data_slides, start=2))
        if _is_demo(used, records):
            notes += "\n" + labels.t("present.notes.demo", lang)
        slides.append(Slide(TITLE, title, None, notes, all_sources, _is_demo(used, records),
                            f"{brand} · {data_date}", qr))
    slides += data_slides
    if CLOSING in options.slides:
        notes = labels.t("present.notes.closing" if qr else "present.notes.closing_no_link", lang, url=qr) + "\n" + \
            labels.t("present.source", lang, sources="; ".join(all_sources))
        slides.append(Slide(CLOSING, labels.t("present.closing.title", lang), None, notes, all_sources, False,
                            qr or "", qr))
    return Deck(title, brand, data_date, tuple(slides), tuple(skipped), options.loopback_ok)


def slide_chart(slide: Slide, lang: str, *, width: int | str = "container", height: int | str = 440,
                mark: bool = True) -> alt.TopLevelMixin:
    """The slide's chart in the large slide style, with a 'dati dimostrativi' mark when due
    (`mark=False` on screen, where the slide shows its own badge)."""
    chart = slide.chart()
    if slide.demo and mark:  # the mark travels with the picture wherever it is pasted
        chart = chart.properties(title=alt.Title(labels.t("badge.demo", lang).upper(), anchor="end",
                                                 color=DEMO_MARK_COLOR, fontSize=22, fontWeight="bold"))
    return charts.styled(chart, lang, width=width, height=height, large=True).configure_text(
        fontSize=18).configure_axisX(labelOverlap="greedy").configure_axisQuantitative(
        tickCount=6).configure_axisTemporal(tickCount=6)  # large type: fewer, legible ticks


def qr_png(url: str, box_size: int = 12) -> bytes:
    """The QR code of `url` as PNG, drawn locally (no external service)."""
    code = qrcode.QRCode(border=2, box_size=box_size, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def available_years(frames: Mapping[str, pd.DataFrame]) -> list[int]:
    """Every year some slide dataset covers, for the period chooser."""
    years: set[int] = set()
    for dataset_id, frame in frames.items():
        if "anno" in frame and dataset_id != "popolazione":
            years.update(int(y) for y in frame["anno"].dropna().unique())
        elif "mese" in frame:
            years.update(int(y) for y in pd.to_datetime(frame["mese"]).dt.year.dropna().unique())
        elif "anno_scolastico" in frame:
            years.update(int(y[:4]) for y in frame["anno_scolastico"].dropna().unique())
    return sorted(years)


def next_index(index: int, count: int, step: int = 1, wrap: bool = False) -> int:
    """The slide index (0-based) after moving `step`; stays inside the deck unless `wrap` (autoplay)."""
    if count <= 0:
        return 0
    target = index + step
    return target % count if wrap else min(max(target, 0), count - 1)


# --- the deck in the URL: ?slides=titolo,disoccupazione&periodo=2019-2024&slide=3&autoplay=20 ---

def parse_slides(text: str | None) -> tuple[str, ...]:
    """Slide ids from the URL in the default order; unknown ids are ignored, none means the general deck."""
    if not text:
        return SLIDE_IDS
    wanted = {part.strip() for part in text.split(",")}
    chosen = tuple(s for s in ALL_SLIDE_IDS if s in wanted)
    return chosen or SLIDE_IDS


def parse_period(text: str | None, years: list[int]) -> tuple[int, int] | None:
    """'2019-2024' → (2019, 2024), clamped to the years there are; anything else → None (all)."""
    try:
        low, high = sorted(int(part) for part in (text or "").split("-"))
    except ValueError:
        return None
    if years:
        low, high = max(low, years[0]), min(high, years[-1])
    return (low, high) if low <= high else None


def parse_index(text: str | None, count: int) -> int | None:
    """The 1-based `slide` parameter as a 0-based index inside the deck; None when absent or bad."""
    try:
        number = int(text) if text is not None else None
    except ValueError:
        return None
    return None if number is None else min(max(number, 1), max(count, 1)) - 1


def parse_autoplay(text: str | None) -> int:
    """Seconds between slides (0 = off); unknown values fall back to off."""
    try:
        seconds = int(text or 0)
    except ValueError:
        return 0
    return seconds if seconds in AUTOPLAY_CHOICES else 0
