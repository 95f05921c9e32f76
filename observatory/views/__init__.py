"""What each page shows, computed once per snapshot and selection: pure functions (no Streamlit)
that return titles, headline cards and chart recipes with the rows behind them.

Pages call them through `observatory.ui.data.derived`, so a rerun — a widget click, another
session, a presenter going back a slide — finds the whole view in the cache and only draws it.
"""

from __future__ import annotations

import dataclasses
import functools
import threading

import pandas as pd

from observatory import charts, crosswalk, labels, maps
from observatory.indicators import registry


@dataclasses.dataclass(frozen=True, eq=False)
class ChartBlock:
    """One chart and exactly the rows offered for download with it."""

    chart: charts.Recipe
    frame: pd.DataFrame
    name: str
    key: str
    dataset_ids: tuple[str, ...]
    caption: str = ""


@dataclasses.dataclass(frozen=True)
class Card:
    """A headline number, formatted, with its change and whether up is good."""

    label: str
    value: str
    change: float | None = None
    decimals: int = 0
    unit: str = ""
    higher_is_better: bool | None = None
    help: str | None = None  # the indicator's full name and definition, on hover


@dataclasses.dataclass(frozen=True, eq=False)
class MapView:
    """A municipal choropleth, built and serialised once: the values (comune_istat, comune,
    provincia, valore), the deck with its legend, and the texts around it."""

    values: pd.DataFrame
    deck: maps.FrozenDeck
    legend: tuple[maps.LegendClass, ...]
    indicator_id: str
    title: str
    caption: str
    dataset_ids: tuple[str, ...]
    missing_label: str = "n.d."  # what a grey municipality means (e.g. "nessuna scuola")


def by_identity(compute):
    """`compute(*frames)` remembered for the last two sets of input frames, by identity: the cached
    snapshot frames are the same objects for every view of a version, so what is derived from
    them alone (boundaries as GeoJSON, the all-municipality indicator table) is built once, not
    once per filter value. Holding the frames keeps their identity from being reused."""
    memo: list[tuple[tuple, object]] = []
    lock = threading.Lock()

    @functools.wraps(compute)
    def remembered(*frames):
        with lock:
            for known, result in memo:
                if len(known) == len(frames) and all(a is b for a, b in zip(known, frames)):
                    return result
        result = compute(*frames)
        with lock:
            memo.insert(0, (frames, result))
            del memo[2:]
        return result

    return remembered


@by_identity
def boundary_features(comuni: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Municipal and province GeoJSON features of a boundaries frame (≈70 ms to build)."""
    return maps.base_features(comuni), maps.outline_features(comuni)


def map_view(values: pd.DataFrame, comuni: pd.DataFrame, *, indicator_id: str, title: str, caption: str,
             dataset_ids: tuple[str, ...], lang: str, highlight: str | None = None,
             missing_label: str | None = None) -> MapView:
    """The choropleth of `values` over the municipalities in it, with the boundary-year note."""
    indicator = registry.indicator(indicator_id)
    scope = set(values["comune_istat"])
    features, outlines = boundary_features(comuni)
    shown = [f for f in features if f["properties"]["comune_istat"] in scope]
    deck, legend = maps.choropleth(shown, outlines, values[["comune_istat", "valore"]],
                                   value_label=indicator.label(lang), decimals=indicator.decimals, lang=lang,
                                   highlight=highlight, missing_label=missing_label or labels.MISSING)
    deck.to_json()  # serialised here, once
    return MapView(values, deck, tuple(legend), indicator_id, title,
                   f"{caption} {crosswalk.boundary_note(lang)}", dataset_ids, missing_label or "n.d.")
