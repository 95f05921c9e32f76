"""A map's geometry reaches the browser as a file it fetches once (map_chart.with_geometry_files,
maps_ui.drawn_spec), not inside the spec Streamlit serialises on every rerun."""

from __future__ import annotations

import json

from observatory import map_chart
from observatory.ui import maps_ui
from tests.pagetest import open_page


def test_the_spec_names_files_that_hold_exactly_its_geometry():
    features = [{"type": "Feature", "properties": {"comune_istat": "097042", "comune": "Lecco"},
                 "geometry": {"type": "Point", "coordinates": [9.39, 45.85]}}]
    spec = {"layer": [{"name": "comuni", "data": {"name": "data-abc", "format": {"property": "features"}}},
                      {"name": "citta", "data": {"name": "data-rows"}}],
            "datasets": {"data-abc": {"type": "FeatureCollection", "features": features},
                         "data-rows": [{"name": "Lecco"}]}}
    drawn, files = map_chart.with_geometry_files(spec)
    assert drawn["layer"][0]["data"] == {"format": {"property": "features"}, "url": f"{map_chart.GEO_URL}data-abc.json"}
    assert drawn["layer"][1] == spec["layer"][1] and drawn["datasets"] == {"data-rows": [{"name": "Lecco"}]}
    assert json.loads(files["data-abc.json"]) == spec["datasets"]["data-abc"]
    assert "coordinates" not in json.dumps(drawn)


def test_the_population_map_page_sends_no_coordinates(data_dir):
    at = open_page("panoramica", sezione="mappa")
    assert not at.exception, [e.value for e in at.exception]
    (chart,) = [e for e in at.get("vega_lite_chart") if "geoshape" in e.proto.spec]
    assert len(chart.proto.spec) < 20_000 and "coordinates" not in chart.proto.spec
    urls = [layer["data"]["url"] for layer in json.loads(chart.proto.spec)["layer"] if "url" in layer.get("data", {})]
    assert urls and all((maps_ui.GEO_DIR / url.removeprefix(map_chart.GEO_URL)).is_file() for url in urls)
