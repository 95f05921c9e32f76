"""Business birth and death rates from the `imprese` dataset: pure functions, no I/O.

Rate of a period = registrations (or closures) of the period / firms active at the end of the
previous period × 100 — the Movimprese convention. Flows are summed over complete periods only."""

from __future__ import annotations

import pandas as pd

KEYS = ["territorio", "settore_ateco"]
_MONTHS_IN = {"Q": 3, "Y": 12}


def period_totals(imprese: pd.DataFrame, freq: str = "Q") -> pd.DataFrame:
    """Flows summed per quarter ('Q') or year ('Y') and active firms at its last month.

    Columns: territorio, settore_ateco, periodo (first day), classificazione, iscrizioni,
    cessazioni, attive_fine. A period missing a month of flows or its last stock gets NA, not 0."""
    if freq not in _MONTHS_IN:
        raise ValueError(f"freq must be 'Q' or 'Y', not {freq!r}")
    frame = imprese.assign(periodo=imprese["mese"].dt.to_period(freq).dt.to_timestamp())
    grouped = frame.sort_values("mese").groupby(KEYS + ["periodo"], sort=True)
    out = grouped.agg(
        classificazione=("classificazione", "last"),
        iscrizioni=("iscrizioni", lambda s: s.sum(min_count=_MONTHS_IN[freq])),
        cessazioni=("cessazioni", lambda s: s.sum(min_count=_MONTHS_IN[freq])),
        mesi=("mese", "nunique"),
        ultimo_mese=("mese", "max"),
        attive_fine=("attive", lambda s: s.iloc[-1]),  # NA stays NA (no skipping)
    ).reset_index()
    complete = out["mesi"] == _MONTHS_IN[freq]
    for column in ("iscrizioni", "cessazioni"):
        out[column] = out[column].astype("Int64").where(complete)
    period_end = (out["periodo"] + pd.offsets.DateOffset(months=_MONTHS_IN[freq] - 1))
    out["attive_fine"] = out["attive_fine"].astype("Int64").where(out["ultimo_mese"] == period_end)
    return out.drop(columns=["mesi", "ultimo_mese"])


def birth_death_rates(imprese: pd.DataFrame, freq: str = "Q") -> pd.DataFrame:
    """Birth and death rates per 100 active firms, per territory × sector × period.

    Columns: territorio, settore_ateco, periodo, classificazione, iscrizioni, cessazioni,
    attive_inizio (active at the end of the previous period), tasso_natalita, tasso_mortalita
    (Float64). NA when the previous period is missing, has no stock, or — for a sector — was
    published in another ATECO classification (sections are not comparable across the break)."""
    totals = period_totals(imprese, freq)
    step = pd.offsets.DateOffset(months=_MONTHS_IN[freq])
    previous = totals[KEYS + ["periodo", "attive_fine", "classificazione"]].rename(
        columns={"attive_fine": "attive_inizio", "classificazione": "classificazione_prima"})
    previous["periodo"] = previous["periodo"] + step
    out = totals.merge(previous, on=KEYS + ["periodo"], how="left")
    crosses_break = (out["classificazione"] != out["classificazione_prima"]) & (out["settore_ateco"] != "TOTALE")
    base = out["attive_inizio"].astype("Float64").where(~crosses_break)
    base = base.where(base > 0)
    out["attive_inizio"] = out["attive_inizio"].astype("Int64")
    out["tasso_natalita"] = (out["iscrizioni"].astype("Float64") / base * 100).astype("Float64")
    out["tasso_mortalita"] = (out["cessazioni"].astype("Float64") / base * 100).astype("Float64")
    columns = KEYS + ["periodo", "classificazione", "iscrizioni", "cessazioni", "attive_inizio",
                      "tasso_natalita", "tasso_mortalita"]
    return out[columns].sort_values(KEYS + ["periodo"]).reset_index(drop=True)
