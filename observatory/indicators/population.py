"""Population indicators: residents per municipality, per province, pyramids."""

from __future__ import annotations

import pandas as pd


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
