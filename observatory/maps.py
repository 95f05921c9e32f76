"""pydeck choropleths over the simplified municipal boundaries, with no basemap from the internet.

Values are grouped in quantile classes whose breaks go in the legend; missing values are grey
(never zero). The province outline is drawn darker over thin white municipal boundaries."""

from __future__ import annotations

import dataclasses
import json

import altair as alt
import numpy as np
import pandas as pd
import pydeck as pdk
import shapely

from observatory import geo, labels, style


class FrozenDeck(pdk.Deck):
    """A Deck whose JSON is computed once and compact (pydeck indents it, doubling the bytes sent):
    a cached map costs nothing to serialise on a rerun."""

    def to_json(self):  # noqa: D102 — same contract as pydeck.Deck.to_json
        if getattr(self, "_frozen_json", None) is None:
            self._frozen_json = json.dumps(json.loads(super().to_json()), separators=(",", ":"))
        return self._frozen_json


@dataclasses.dataclass(frozen=True)
class LegendClass:
    color: str
    low: float
    high: float


def quantile_breaks(values: pd.Series, classes: int = style.MAP_CLASSES) -> list[float]:
    """Class edges by quantiles of the non-missing values (duplicates removed)."""
    clean = pd.to_numeric(values, errors="coerce").dropna().astype(float)
    if clean.empty:
        return []
    edges = np.unique(np.quantile(clean, np.linspace(0, 1, classes + 1)))
    return edges.tolist()


def classify(values: pd.Series, breaks: list[float]) -> pd.Series:
    """Class index (0…n-1) of each value; NA stays NA."""
    numeric = pd.to_numeric(values, errors="coerce").astype("Float64")
    if len(breaks) < 2:
        return pd.Series(pd.NA, index=values.index, dtype="Int64").mask(numeric.notna(), 0)
    index = np.searchsorted(np.asarray(breaks[1:-1]), numeric.fillna(np.nan).to_numpy(dtype=float), side="right")
    return pd.Series(index, index=values.index, dtype="Int64").mask(numeric.isna())


def legend(breaks: list[float]) -> list[LegendClass]:
    colors = palette(max(len(breaks) - 1, 1))
    return [LegendClass(colors[i], breaks[i], breaks[i + 1]) for i in range(len(breaks) - 1)]


def palette(n: int) -> list[str]:
    ramp = style.SEQUENTIAL
    picks = np.linspace(0, len(ramp) - 1, n).round().astype(int) if n > 1 else [len(ramp) // 2]
    return [ramp[i] for i in picks]


def base_features(comuni: pd.DataFrame) -> list[dict]:
    """GeoJSON features (geometry + code + name) of the municipalities, built once and cached."""
    geoms = geo.geometries(comuni)
    return [
        {"type": "Feature", "geometry": json.loads(shapely.to_geojson(g)),
         "properties": {"comune_istat": code, "comune": name, "sigla": sigla}}
        for g, code, name, sigla in zip(geoms, comuni["comune_istat"], comuni["comune"], comuni["sigla"])
    ]


def outline_features(comuni: pd.DataFrame) -> list[dict]:
    outlines = geo.province_outlines(comuni)
    return [{"type": "Feature", "geometry": json.loads(shapely.to_geojson(g)), "properties": {"provincia": p}}
            for g, p in zip(outlines["geometry"], outlines["provincia"])]


def choropleth(
    features: list[dict],
    outlines: list[dict],
    values: pd.DataFrame,
    *,
    value_label: str,
    decimals: int = 0,
    lang: str = "it",
    highlight: str | None = None,
    unit: str = "",
    selectable: bool = False,
    missing_label: str = labels.MISSING,
    towns: tuple[dict, ...] = (),
) -> tuple[pdk.Deck, list[LegendClass]]:
    """A choropleth of `values` (`comune_istat`, `valore`) over `features`; returns deck and legend.

    `selectable` is for maps read back with Streamlit's on_select: deck.gl's auto-highlight
    swallows the click there, so it is turned off and Streamlit's own selection shows instead.
    `towns` ({"name", "position": [lon, lat]}) are written on the map, so a reader finds Como, Lecco
    and the largest towns without hovering."""
    by_code = values.set_index("comune_istat")["valore"]
    breaks = quantile_breaks(by_code)
    classes = classify(by_code, breaks)
    colors = palette(max(len(breaks) - 1, 1))
    painted = []
    for feature in features:
        code = feature["properties"]["comune_istat"]
        value = by_code.get(code, pd.NA)
        klass = classes.get(code, pd.NA)
        fill = style.hex_to_rgb(style.MISSING_COLOR if pd.isna(klass) else colors[int(klass)], 235)
        text = missing_label if pd.isna(value) else (
            labels.fmt_number(value, decimals, lang) + (f" {unit}" if unit else ""))
        painted.append({**feature, "properties": {**feature["properties"], "fill": fill, "valore": text}})
    municipalities = pdk.Layer(
        "GeoJsonLayer", {"type": "FeatureCollection", "features": painted}, id="comuni",
        pickable=True, stroked=True, filled=True, get_fill_color="properties.fill",
        get_line_color=style.BOUNDARY_COLOR, get_line_width=40, line_width_min_pixels=1,
        auto_highlight=not selectable,
    )
    provinces = pdk.Layer(
        "GeoJsonLayer", {"type": "FeatureCollection", "features": outlines}, id="province",
        stroked=True, filled=False, get_line_color=style.PROVINCE_OUTLINE_COLOR, get_line_width=150,
        line_width_min_pixels=2,
    )
    layers = [municipalities, provinces]
    if highlight:
        chosen = [f for f in painted if f["properties"]["comune_istat"] == highlight]
        layers.append(pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": chosen}, id="scelto",
                                stroked=True, filled=False, get_line_color=[0, 0, 0, 255], get_line_width=300,
                                line_width_min_pixels=4))
    if towns:
        layers.append(town_labels(towns))
    deck = FrozenDeck(
        layers=layers,
        initial_view_state=_view(features),
        map_provider=None,  # no basemap: nothing is requested outside the app's own server
        tooltip={"html": "<b>{comune}</b> ({sigla})<br/>" + value_label + ": {valore}",
                 "style": {"fontSize": "14px"}},
    )
    return deck, legend(breaks)


def town_labels(towns: tuple[dict, ...]) -> pdk.Layer:
    """The names of the main towns, dark on a white halo so they read over every class colour."""
    return pdk.Layer("TextLayer", list(towns), id="citta", get_position="position", get_text="name",
                     get_size=style.MAP_LABEL_SIZE, get_color=[20, 20, 20, 255], font_family=style.FONT,
                     font_weight="bold", get_text_anchor='"middle"', get_alignment_baseline='"center"',
                     character_set="auto", font_settings={"sdf": True}, outline_width=3,
                     outline_color=[255, 255, 255, 230], pickable=False)


def _view(features: list[dict]) -> pdk.ViewState:
    bounds = shapely.total_bounds(shapely.from_geojson([json.dumps(f["geometry"]) for f in features]))
    west, south, east, north = bounds
    return pdk.ViewState(longitude=(west + east) / 2, latitude=(south + north) / 2, zoom=8.6, min_zoom=7, max_zoom=13)


def choropleth_chart(features: list[dict], outlines: list[dict], values: pd.DataFrame, *, title: str,
                         value_title: str, lang: str, decimals: int = 0, description: str = "") -> alt.LayerChart:
    """A municipal choropleth as a Vega-Lite geoshape chart, so it renders to PNG without a browser.

    `values` has comune_istat and valore; quantile classes as on the interactive map (maps.py),
    thin white municipal boundaries, darker province outlines, missing values grey."""
    by_code = values.set_index("comune_istat")["valore"]
    painted = []
    for feature in features:
        value = by_code.get(feature["properties"]["comune_istat"], None)
        value = None if value is None or pd.isna(value) else float(value)
        painted.append({**feature, "properties": {**feature["properties"], "valore": value}})
    breaks = quantile_breaks(by_code)
    classes = legend(breaks)
    fmt = f",.{decimals}f"
    if len(classes) > 1:
        scale = alt.Scale(type="threshold", domain=breaks[1:-1], range=[c.color for c in classes])
    else:
        scale = alt.Scale(range=[c.color for c in classes] or [style.SEQUENTIAL[3]])
    shapes = alt.Chart(alt.InlineData(values={"type": "FeatureCollection", "features": painted},
                                      format=alt.DataFormat(property="features", type="json"))).mark_geoshape(
        stroke="white", strokeWidth=0.6,
    ).encode(
        color=alt.condition("isValid(datum.properties.valore)",
                            alt.Color("properties.valore:Q", scale=scale, title=value_title,
                                      legend=alt.Legend(format=fmt, orient="right", titleLimit=600)),
                            alt.value(style.MISSING_COLOR)),
        tooltip=[alt.Tooltip("properties.comune:N", title=labels.t("col.comune", lang)),
                 alt.Tooltip("properties.valore:Q", title=value_title, format=fmt)],
    )
    border = alt.Chart(alt.InlineData(values={"type": "FeatureCollection", "features": outlines},
                                      format=alt.DataFormat(property="features", type="json"))).mark_geoshape(
        filled=False, stroke="#282828", strokeWidth=1.6)
    chart = alt.layer(shapes, border).project(type="mercator").properties(
        description=description or title or value_title)
    return chart.properties(title=title) if title else chart
