"""Population indicators: residents per municipality, per province, pyramids."""

from __future__ import annotations

import pandas as pd

from observatory import geo


def residents_by_municipality(popolazione: pd.DataFrame, comuni: pd.DataFrame,
                              provinces: tuple[str, ...]) -> pd.DataFrame:
    """Residents of the latest year per municipality of `provinces`.

    Columns: comune_istat, comune, provincia, anno, valore (residents)."""
    latest = popolazione[popolazione["anno"] == popolazione["anno"].max()]
    totals = latest.groupby(["comune_istat", "anno"], as_index=False)["totale"].sum()
    scope = comuni[comuni["provincia_istat"].isin(provinces)][["comune_istat", "comune", "provincia"]]
    out = scope.merge(totals, on="comune_istat", how="left", validate="one_to_one")
    out = out.rename(columns={"totale": "valore"})
    return out.sort_values("valore", ascending=False, na_position="last").reset_index(drop=True)


def density_by_municipality(popolazione: pd.DataFrame, comuni: pd.DataFrame,
                            provinces: tuple[str, ...]) -> pd.DataFrame:
    """Residents per km² of the latest year per municipality (area from the shipped boundaries,
    geo.areas_km2): a map of density does not paint the city of Como like a village.

    Columns: comune_istat, comune, provincia, anno, residenti, superficie_km2, valore (per km²)."""
    out = residents_by_municipality(popolazione, comuni, provinces).rename(columns={"valore": "residenti"})
    out["superficie_km2"] = out["comune_istat"].map(geo.areas_km2(comuni)).astype("Float64")
    out["valore"] = (out["residenti"].astype("Float64") / out["superficie_km2"]).round(1)
    return out.sort_values("valore", ascending=False, na_position="last").reset_index(drop=True)


def main_towns(popolazione: pd.DataFrame, comuni: pd.DataFrame, provinces: tuple[str, ...],
               per_province: int = 3) -> tuple[str, ...]:
    """The municipalities named on a map: the `per_province` largest of each province by residents
    (the provincial capital first: Como and Lecco are their provinces' largest)."""
    residents = residents_by_municipality(popolazione, comuni, provinces).dropna(subset=["valore"])
    codes = residents.groupby("provincia", sort=False).head(per_province)["comune_istat"]
    return tuple(codes)
