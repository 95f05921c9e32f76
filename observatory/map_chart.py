"""The municipal choropleth as the pages draw it: a Vega-Lite geoshape chart, in SVG like every
other chart (issue 16: a deck.gl map first loads and compiles its WebGL library, seconds on a phone
or a weak laptop, where a chart takes a fraction of one). Same classes, colours and grey for
missing as the deck maps (maps.py), the selected municipality outlined, the main towns named.

Layers are named (`comuni`, `province`, `scelto`, `citta`) so tests and readers can find them."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from observatory import charts, labels, maps, style


def _collection(features: list[dict]) -> alt.InlineData:
    return alt.InlineData(values={"type": "FeatureCollection", "features": features},
                          format=alt.DataFormat(property="features", type="json"))


def screen_map(features: list[dict], outlines: list[dict], values: pd.DataFrame, *, value_label: str,
               decimals: int = 0, lang: str = "it", highlight: str | None = None, missing_label: str = labels.MISSING,
               towns: tuple[dict, ...] = (), description: str = "") -> tuple[dict, list[maps.LegendClass]]:
    """The finished Vega-Lite spec of a choropleth of `values` (`comune_istat`, `valore`) over
    `features`, and its legend classes; `towns` ({"name", "position": [lon, lat]}) are written on it."""
    by_code = values.set_index("comune_istat")["valore"]
    breaks = maps.quantile_breaks(by_code)
    classes = maps.classify(by_code, breaks)
    colors = maps.palette(max(len(breaks) - 1, 1))
    painted = []
    for feature in features:
        code = feature["properties"]["comune_istat"]
        value, klass = by_code.get(code, pd.NA), classes.get(code, pd.NA)
        text = missing_label if pd.isna(value) else labels.fmt_number(value, decimals, lang)
        fill = style.MISSING_COLOR if pd.isna(klass) else colors[int(klass)]
        painted.append({**feature, "properties": {**feature["properties"], "valore": text, "fill": fill}})
    shapes = alt.Chart(_collection(painted), name="comuni").mark_geoshape(
        stroke="white", strokeWidth=0.6).encode(
        fill=alt.Fill("properties.fill:N", scale=None, legend=None),
        tooltip=[alt.Tooltip("properties.comune:N", title=labels.t("col.comune", lang)),
                 alt.Tooltip("properties.valore:N", title=value_label)])
    layers = [shapes, alt.Chart(_collection(outlines), name="province").mark_geoshape(
        filled=False, stroke="#282828", strokeWidth=1.6)]
    chosen = [f for f in painted if f["properties"]["comune_istat"] == highlight]
    if chosen:
        layers.append(alt.Chart(_collection(chosen), name="scelto").mark_geoshape(
            filled=False, stroke=style.HIGHLIGHT_COLOR, strokeWidth=3.5))
    if towns:
        rows = [{"name": town["name"], "lon": town["position"][0], "lat": town["position"][1]} for town in towns]
        place = {"longitude": alt.Longitude("lon:Q"), "latitude": alt.Latitude("lat:Q"), "text": alt.Text("name:N")}
        halo = alt.Chart(alt.Data(values=rows), name="citta").mark_text(
            fontSize=style.MAP_LABEL_SIZE, fontWeight="bold", stroke="white", strokeWidth=3, strokeOpacity=0.9,
            strokeJoin="round").encode(**place)
        layers += [halo, alt.Chart(alt.Data(values=rows), name="citta_testo").mark_text(
            fontSize=style.MAP_LABEL_SIZE, fontWeight="bold", color="#141414").encode(**place)]
    chart = alt.layer(*layers).project(type="mercator").properties(
        height=style.MAP_HEIGHT, description=description or value_label)
    spec = charts.styled(chart, lang, height=style.MAP_HEIGHT).to_dict()
    return spec, maps.legend(breaks)


#: where Streamlit's static serving (server.enableStaticServing) answers for <repo>/static/geo/,
#: relative to the page, so a sub-path behind a proxy keeps working
GEO_URL = "app/static/geo/"


def with_geometry_files(spec: dict) -> tuple[dict, dict[str, bytes]]:
    """The spec with its GeoJSON data sets moved out to files: (spec reading them by URL, {file name:
    bytes}). Streamlit serialises a spec on every rerun, about 17 ms for the municipalities' 190 KB
    of coordinates; as a file the browser fetches them once and caches them. File names are the data
    sets' own content hashes (Altair's `data-<md5>`), so one name always holds the same bytes."""
    datasets = spec.get("datasets", {})
    moved = {name: rows for name, rows in datasets.items() if isinstance(rows, dict) and "features" in rows}
    if not moved:
        return spec, {}

    def relink(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and data.get("name") in moved:
                node = {**node, "data": {**{k: v for k, v in data.items() if k != "name"},
                                         "url": f"{GEO_URL}{data['name']}.json"}}
            return {k: relink(v) for k, v in node.items()}
        return [relink(v) for v in node] if isinstance(node, list) else node

    out = relink({k: v for k, v in spec.items() if k != "datasets"})
    kept = {name: rows for name, rows in datasets.items() if name not in moved}
    if kept:
        out["datasets"] = kept
    files = {f"{name}.json": json.dumps(rows, separators=(",", ":")).encode("utf-8") for name, rows in moved.items()}
    return out, files
