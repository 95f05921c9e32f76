"""Reading the published figures (`numeri_pubblicati`) of short-time work and active policies as a
publisher wrote them: the change the release reported (in the transcriber's note) and a topic's latest
figure, over the periods published.span reads (their words: published_words).

Nothing here adds or compares figures of different periods or perimeters: a figure is shown with the
period and territory it was published for."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from observatory.indicators import published

#: the first change a note reports: '-27.8% vs 2025-Q2', '+21.1% vs 2023-M1-5', 'change vs 2023-Q1'
_CHANGE = re.compile(r"([+-]?\d+(?:\.\d+)?)%\s+vs\s+([\w-]+(?:/[\w-]+)?)")
_REFERENCE = re.compile(r"\bvs\s+([\w-]+(?:/[\w-]+)?)")


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
    spans = figures["periodo"].map(published.last_day)
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
