"""Helpers for page AppTests: open a page with URL parameters, read chart titles and data."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(script: str, **query) -> AppTest:
    """Run the app with `query` in the URL, then switch to `pages/<script>.py`."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    restore_url(at, query)
    at.switch_page(f"pages/{script}.py").run()
    return at


def restore_url(at: AppTest, query: dict) -> None:
    """Put the link's URL back before switching page. AppTest runs the default page first with
    the link's parameters, and that page writes its own (its view, its filters) into the URL; a
    real deep link runs the target page directly, with the URL as it was sent."""
    for key in list(at.query_params):
        if key not in query:
            del at.query_params[key]
    for key, value in query.items():
        at.query_params[key] = value


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def _is_map(spec: dict) -> bool:
    """A choropleth drawn as a Vega-Lite map (observatory.map_chart): titled by the page's heading."""
    return any(isinstance(layer, dict) and layer.get("mark", {}).get("type") == "geoshape"
               for layer in spec.get("layer") or [])


def chart_titles(at: AppTest) -> list[str]:
    """The titles of the charts drawn (not of the maps, whose title is the heading above them)."""
    titles = []
    for spec in chart_specs(at):
        if _is_map(spec):
            continue
        title = spec.get("title")
        text = title.get("text") if isinstance(title, dict) else title
        # a long title is sent as lines chosen by the screen's width; usermeta keeps it as written
        titles.append(spec.get("usermeta", {}).get("title", text) if isinstance(text, dict) else text)
    return titles


def decks(at: AppTest) -> list[dict]:
    return [json.loads(d.proto.json) for d in at.get("deck_gl_json_chart")]


def maps_drawn(at: AppTest) -> list[dict]:
    """The choropleths drawn as Vega-Lite maps (observatory.map_chart), each as {"layers": [{"id",
    "data"}]}, as a deck's layers read: a GeoJSON layer's data is its FeatureCollection (the file the
    browser fetches, or left in the spec), a table's its rows (inline, or sent as Arrow)."""
    import pyarrow as pa

    found = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        if not _is_map(spec):
            continue
        layers = [layer for layer in spec["layer"] if isinstance(layer, dict)]
        tables = {named.name: pa.ipc.open_stream(named.data.data).read_all().to_pylist()
                  for named in element.proto.datasets}
        geo = spec.get("datasets", {})
        found.append({"layers": [{"id": layer.get("name"),
                                  "data": layer["data"].get("values") or geo.get(layer["data"].get("name"))
                                  or tables.get(layer["data"].get("name")) or _geometry_file(layer["data"])}
                                 for layer in layers]})
    return found


def _geometry_file(data: dict):
    """The GeoJSON a map layer reads by URL (map_chart.GEO_URL), from the file the app wrote for the
    browser (maps_ui.GEO_DIR); None for a layer without one."""
    from observatory import map_chart
    from observatory.ui import maps_ui

    url = data.get("url", "")
    if not url.startswith(map_chart.GEO_URL):
        return None
    return json.loads((maps_ui.GEO_DIR / url[len(map_chart.GEO_URL):]).read_text(encoding="utf-8"))


def it_int(value) -> str:
    return f"{int(round(value)):,}".replace(",", ".")


def it_dec(value, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def chart_rows(at: AppTest, index: int) -> list[list[dict]]:
    """The data sets sent with chart `index`, each as a list of row dicts (decoded from Arrow)."""
    import pyarrow as pa

    proto = at.get("vega_lite_chart")[index].proto
    out = []
    for named in proto.datasets:
        table = pa.ipc.open_stream(named.data.data).read_all()
        out.append(table.to_pandas().astype(object).where(lambda f: f.notna(), None).to_dict("records"))
    return out
