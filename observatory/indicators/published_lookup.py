"""Reading the published figures (`numeri_pubblicati`) as a publisher wrote them: the span of a
period as published ('2024-Q1', '2023-M1-5', '2025-09 (month)', '2023-01-01/2023-07-18'), its name
on screen, the change the release reported (in the transcriber's note) and a topic's latest figure.

Nothing here adds or compares figures of different periods or perimeters: a figure is shown with the
period and territory it was published for."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from observatory import labels

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTHS = re.compile(r"^(\d{4})-M(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?: \(month\))?$")
_YEAR = re.compile(r"^(\d{4})$")
_DAYS = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)/(\d{4}-\d{2}(?:-\d{2})?)$")
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})$")
#: the first change a note reports: '-27.8% vs 2025-Q2', '+21.1% vs 2023-M1-5', 'change vs 2023-Q1'
_CHANGE = re.compile(r"([+-]?\d+(?:\.\d+)?)%\s+vs\s+([\w-]+(?:/[\w-]+)?)")
_REFERENCE = re.compile(r"\bvs\s+([\w-]+(?:/[\w-]+)?)")


def period_span(period: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of a period as published; None for one without dates ('latest (n.d.)')."""
    text = str(period).strip()
    if found := _QUARTER.match(text):
        year, quarter = int(found[1]), int(found[2])
        start = pd.Timestamp(year, 3 * quarter - 2, 1)
        return start, start + pd.offsets.QuarterEnd(0)
    if found := _MONTHS.match(text):
        year = int(found[1])
        return pd.Timestamp(year, int(found[2]), 1), pd.Timestamp(year, int(found[3]), 1) + pd.offsets.MonthEnd(0)
    if found := _MONTH.match(text):
        start = pd.Timestamp(int(found[1]), int(found[2]), 1)
        return start, start + pd.offsets.MonthEnd(0)
    if found := _YEAR.match(text):
        return pd.Timestamp(int(found[1]), 1, 1), pd.Timestamp(int(found[1]), 12, 31)
    if found := _DAYS.match(text):
        start, end = pd.Timestamp(found[1]), pd.Timestamp(found[2])
        return start, end if len(found[2]) > 7 else end + pd.offsets.MonthEnd(0)
    if found := _DAY.match(text):  # a stock at a date ('2024-12-31')
        return pd.Timestamp(found[1]), pd.Timestamp(found[1])
    return None


def period_label(period: str, lang: str) -> str:
    """A period in words: '3° trim. 2025', 'gen–mag 2024', 'set 2025', '2024', '1 gen – 18 lug 2023'."""
    text = str(period).strip()
    span = period_span(text)
    if span is None:
        return labels.t("published.period.unknown", lang)
    start, end = span
    if _QUARTER.match(text):
        return labels.t("published.period.quarter", lang, n=int(text[-1]), year=start.year)
    if _YEAR.match(text):
        return str(start.year)
    if _MONTH.match(text) or (_MONTHS.match(text) and start.month == end.month):
        return labels.fmt_month(start, lang)
    if _MONTHS.match(text):
        first = labels.fmt_month(start, lang).split(" ")[0]
        return f"{first}–{labels.fmt_month(end, lang)}"
    if _DAY.match(text):
        return labels.fmt_date(start, lang)
    by_month = len(text.split("/")[0]) == 7  # '2022-06/2023-05'
    show = labels.fmt_month if by_month else labels.fmt_date
    return f"{show(start, lang)} – {show(end, lang)}"


@dataclasses.dataclass(frozen=True)
class ReportedChange:
    """A change as the release reported it: percent, and the period it compares with (as published)."""

    percent: float
    rispetto_a: str


def reported_change(note: str | None) -> ReportedChange | None:
    """The first change with its reference period in a transcriber's note, or None."""
    found = _CHANGE.search(str(note or ""))
    if found is None:
        return None
    reference = found[2].split("/")[-1]  # '2022-04/2021-04': April 2022 on April 2021
    return ReportedChange(float(found[1]), reference)


def reference_period(note: str | None) -> str | None:
    """The period a change-only figure compares with ('change vs 2023-Q1' → '2023-Q1')."""
    found = _REFERENCE.search(str(note or ""))
    return found[1].split("/")[-1] if found else None


def with_spans(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures with the first and last day of their period (`inizio`, `fine`; NaT when undated)."""
    spans = figures["periodo"].map(period_span)
    return figures.assign(inizio=spans.map(lambda s: s[0] if s else pd.NaT),
                          fine=spans.map(lambda s: s[1] if s else pd.NaT))


def of_topic(figures: pd.DataFrame, domain: str, indicator: str, territory: str | None = None) -> pd.DataFrame:
    """The numeric figures of one domain and indicator (for one published territory name when given),
    oldest period first, with their spans."""
    rows = figures[(figures["dominio"] == domain) & (figures["indicatore"] == indicator)
                   & figures["valore"].notna()]
    if territory is not None:
        rows = rows[rows["territorio"] == territory]
    return with_spans(rows).sort_values(["fine", "inizio", "riga"]).reset_index(drop=True)


def latest(figures: pd.DataFrame, domain: str, indicator: str, territory: str,
           until: int | None = None) -> pd.Series | None:
    """The figure of a territory whose period ends last (ending by the end of `until` when given), or None."""
    rows = of_topic(figures, domain, indicator, territory).dropna(subset=["fine"])
    if until is not None:
        rows = rows[rows["fine"].dt.year <= until]
    return None if rows.empty else rows.iloc[-1]


def same_release(figures: pd.DataFrame, domain: str, indicators: tuple[str, str], territory: str,
                 until: int | None = None, since: int | None = None) -> tuple[pd.Series, pd.Series] | None:
    """Two figures one release gives for the same territory and period (e.g. registrations and
    closures of a year), the latest such pair; None when no release gives both."""
    first, second = (of_topic(figures, domain, i, territory) for i in indicators)
    pairs = first.merge(second, on=["url", "periodo"], suffixes=("", "_2"))
    pairs = pairs.dropna(subset=["fine"])
    if until is not None:
        pairs = pairs[pairs["fine"].dt.year <= until]
    if since is not None:
        pairs = pairs[pairs["fine"].dt.year >= since]
    if pairs.empty:
        return None
    last = pairs.sort_values(["fine", "riga"]).iloc[-1]
    one = first[(first["url"] == last["url"]) & (first["periodo"] == last["periodo"])].iloc[-1]
    two = second[(second["url"] == last["url"]) & (second["periodo"] == last["periodo"])].iloc[-1]
    return one, two


def latest_release(figures: pd.DataFrame, domain: str, indicator: str, territories: list[str], *,
                   focus: list[str] | None = None, pattern: str | None = None,
                   until: int | None = None, since: int | None = None) -> pd.DataFrame:
    """The figures of `territories` (NUTS codes) from the release and period of the latest figure of a
    `focus` territory (default: any of them), periods matching `pattern` when given ('\\d{4}-Q[1-4]'
    for quarters only). Empty when none."""
    rows = of_topic(figures, domain, indicator)
    rows = rows[rows["territorio_nuts"].isin(territories)].dropna(subset=["fine"])
    if pattern is not None:
        rows = rows[rows["periodo"].str.fullmatch(pattern)]
    if until is not None:
        rows = rows[rows["fine"].dt.year <= until]
    if since is not None:
        rows = rows[rows["fine"].dt.year >= since]
    mine = rows[rows["territorio_nuts"].isin(focus or territories)]
    if mine.empty:
        return rows.iloc[0:0]
    last = mine.iloc[-1]
    return rows[(rows["periodo"] == last["periodo"]) & (rows["url"] == last["url"])].reset_index(drop=True)


_PAGE_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def page_date_label(text: str, lang: str) -> str:
    """A page's date in words: '2026-01-22' → '22 gen 2026', '2023-05' → 'mag 2023', 'n.d. (2023-07)' →
    'lug 2023 (data non indicata)', 'n.d. (2024)' → '2024 (data non indicata)'."""
    raw = str(text or "")
    found = _PAGE_DATE.search(raw)
    undated = raw.strip().lower().startswith("n.d")
    if found:
        day = pd.Timestamp(int(found[1]), int(found[2]), int(found[3] or 1))
        shown = labels.fmt_date(day, lang) if found[3] else labels.fmt_month(day, lang)
    else:
        year = re.search(r"(?:19|20)\d\d", raw)
        shown = year[0] if year else raw
    return f"{shown} ({labels.t('published.undated', lang)})" if undated else shown
