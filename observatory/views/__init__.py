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

from observatory import charts, crosswalk, geo, labels, map_chart, maps
from observatory.indicators import published as _published  # not a public name: views.published_figures is a module
from observatory.indicators import published_words, registry


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
    """A headline number, formatted, with its change as a number and whether up is good; without a
    value (`value` None) the card shows `note` (and `detail`, the loader's message) instead. Every
    card of every page is this type, drawn by observatory.ui.widgets.card."""

    label: str
    value: str | None
    change: float | None = None
    decimals: int = 0
    unit: str = ""
    higher_is_better: bool | None = None
    help: str | None = None  # the indicator's full name and definition, on hover
    description: str = ""  # under the change: its period, or what it is compared with
    note: str = ""
    detail: str = ""

    def _rounded(self) -> float | None:
        if self.change is None or pd.isna(self.change):
            return None
        return round(float(self.change), self.decimals) + 0.0  # no "-0,0"

    def delta(self, lang: str) -> str | None:
        """The change as the card shows it: '+1,2 p.p.', '−0,4 %' (the true minus of every other
        number: the arrow and colour are given explicitly), None without a change."""
        rounded = self._rounded()
        if rounded is None:
            return None
        return labels.fmt_signed(rounded, self.decimals, lang, self.unit)

    def flat(self) -> bool:
        """A change that rounds to zero: neither arrow nor colour."""
        return self._rounded() == 0

    def delta_color(self) -> str:
        """Green when the change is good for this indicator, red when bad, grey when neutral or flat
        (named, not 'normal'/'inverse': Streamlit would read the direction from an ASCII '-')."""
        if self.flat() or self.higher_is_better is None or self._rounded() is None:
            return "off"
        return "green" if (self._rounded() > 0) == self.higher_is_better else "red"

    def delta_arrow(self) -> str:
        """▲ for a rise, ▼ for a fall, none when the change rounds to zero."""
        rounded = self._rounded()
        if rounded is None or self.flat():
            return "off"
        return "up" if rounded > 0 else "down"


def indicator_card(indicator_id: str, label: str, value: str | None, change: float | None, lang: str, *,
                   unit: str = "", decimals: int | None = None, description: str = "", help_note: str = "",
                   note: str = "", detail: str = "") -> Card:
    """A card for one registry indicator: its decimals and direction, its name and definition on
    hover (with `help_note`, what the change compares, when there is a change)."""
    indicator = registry.indicator(indicator_id)
    has_change = change is not None and not pd.isna(change)
    help_text = f"{indicator.label(lang)}: {indicator.definition(lang)}" + (
        f" {help_note}" if help_note and has_change else "")
    return Card(label, value, change, indicator.decimals if decimals is None else decimals, unit,
                indicator.higher_is_better, help_text, description, note, detail)


def published_card(indicator_id: str, label: str, figure, lang: str, *, percent: bool = False) -> Card:
    """A card for a figure transcribed from a publisher's release (indicators.published.Figure):
    its period and 'trascritto' under the value, the release with its link on hover, and the change
    in percent on the same period a year earlier when the same source published it."""
    indicator = registry.indicator(indicator_id)
    decimals = indicator.decimals
    change = None if percent else _published.change(figure)
    value = published_words.card_value(figure.valore, figure.circa, lang, decimals=decimals, percent=percent)
    return Card(label, value, change, 1, labels.percent_unit(lang), indicator.higher_is_better,
                published_words.card_help(indicator.label(lang), indicator.definition(lang), figure, lang,
                                          change is not None),
                published_words.card_description(figure, lang))


@dataclasses.dataclass(frozen=True, eq=False)
class MapView:
    """A municipal choropleth, built once: the values (comune_istat, comune, provincia, valore), the
    finished Vega-Lite spec of the map (map_chart.screen_map) with its legend, and the texts around it."""

    values: pd.DataFrame
    chart: dict
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


def town_points(comuni: pd.DataFrame, codes: tuple[str, ...]) -> tuple[dict, ...]:
    """{"name", "position"} of the municipalities `codes`, for the map's town labels."""
    if not codes:
        return ()
    chosen = comuni[comuni["comune_istat"].isin(codes)]
    points = geo.label_points(chosen).set_index("comune_istat")
    return tuple({"name": row.comune, "position": [round(points.at[row.comune_istat, "lon"], 5),
                                                   round(points.at[row.comune_istat, "lat"], 5)]}
                 for row in chosen.itertuples())


def map_view(values: pd.DataFrame, comuni: pd.DataFrame, *, indicator_id: str, title: str, caption: str,
             dataset_ids: tuple[str, ...], lang: str, highlight: str | None = None,
             missing_label: str | None = None, towns: tuple[str, ...] = ()) -> MapView:
    """The choropleth of `values` over the municipalities in it, with the boundary-year note; only
    for an indicator the registry marks as mappable (a municipal figure, not a provincial rate);
    the municipalities in `towns` (codes) are named on the map."""
    indicator = registry.indicator(indicator_id)
    if not indicator.mappable:
        raise ValueError(f"{indicator_id} is not a municipal indicator: it cannot be mapped")
    scope = set(values["comune_istat"])
    features, outlines = boundary_features(comuni)
    shown = [f for f in features if f["properties"]["comune_istat"] in scope]
    chart, legend = map_chart.screen_map(shown, outlines, values[["comune_istat", "valore"]],
                                         value_label=indicator.label(lang), decimals=indicator.decimals, lang=lang,
                                         highlight=highlight, missing_label=missing_label or labels.MISSING,
                                         towns=town_points(comuni, towns), description=title)
    return MapView(values, chart, tuple(legend), indicator_id, title,
                   f"{caption} {crosswalk.boundary_note(lang)}", dataset_ids, missing_label or "n.d.")
