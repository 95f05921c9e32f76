"""Business demography for the Imprese page: monthly Registro Imprese flows → complete quarters,
birth/death rates on the stock at the end of the previous quarter, and ATECO section names.

Rates follow the Movimprese convention: flows of the quarter ÷ active firms at the end of the
previous quarter × 100. ATECO 2025 (from April 2025) re-letters the sections after J, so a section
rate whose denominator is in the other classification is left missing rather than mixed."""

from __future__ import annotations

import pandas as pd

from observatory.ateco import ATECO_2025, TOTAL


def quarter_label(start: pd.Timestamp, lang: str = "it") -> str:
    """First day of a quarter → '2025-T2' (it) or '2025-Q2' (en): sorts in time order as text."""
    return f"{start.year}-{'Q' if lang == 'en' else 'T'}{(start.month - 1) // 3 + 1}"


def labelled(frame: pd.DataFrame, lang: str = "it") -> pd.DataFrame:
    """Add `periodo` ('2025-T2') to a frame with `trimestre`, for charts and downloads."""
    return frame.assign(periodo=frame["trimestre"].map(lambda q: quarter_label(q, lang)))


def quarterly(imprese: pd.DataFrame) -> pd.DataFrame:
    """Sum monthly flows into complete quarters; the stock is the one at the quarter's last month.

    Columns: territorio, settore_ateco, trimestre (first day), classificazione, iscrizioni,
    cessazioni, saldo, attive. A quarter with fewer than three months published is dropped."""
    frame = imprese.assign(trimestre=imprese["mese"].dt.to_period("Q").dt.start_time).sort_values("mese")
    keys = ["territorio", "settore_ateco", "trimestre"]
    grouped = frame.groupby(keys, as_index=False).agg(
        mesi=("mese", "nunique"), classificazione=("classificazione", "last"),
        iscrizioni=("iscrizioni", lambda s: s.sum(min_count=len(s))),
        cessazioni=("cessazioni", lambda s: s.sum(min_count=len(s))),
        attive=("attive", "last"),
    )
    grouped = grouped[grouped["mesi"] == 3].drop(columns="mesi")
    for column in ("iscrizioni", "cessazioni", "attive"):
        grouped[column] = grouped[column].astype("Int64")
    grouped["saldo"] = grouped["iscrizioni"] - grouped["cessazioni"]
    return grouped.sort_values(keys).reset_index(drop=True)


def combine(quarters: pd.DataFrame, codes: list[str], new_code: str) -> pd.DataFrame:
    """Add rows for the sum of `codes` (e.g. Como + Lecco) under `new_code`; NA if any part is NA."""
    part = quarters[quarters["territorio"].isin(codes)]
    if part.empty:
        return quarters
    parts = len(codes)
    summed = part.groupby(["settore_ateco", "trimestre"], as_index=False).agg(
        classificazione=("classificazione", "last"),
        **{c: (c, lambda s: s.sum(min_count=parts)) for c in ("iscrizioni", "cessazioni", "saldo", "attive")})
    summed["territorio"] = new_code
    return pd.concat([quarters, summed[quarters.columns]], ignore_index=True)


def with_rates(quarters: pd.DataFrame) -> pd.DataFrame:
    """Add tasso_natalita, tasso_mortalita and tasso_crescita (per 100 firms active at the end of
    the previous quarter). The first quarter, gaps and section rates across the ATECO break are NA."""
    out = quarters.sort_values(["territorio", "settore_ateco", "trimestre"]).reset_index(drop=True)
    keys = [out["territorio"], out["settore_ateco"]]
    previous = out.groupby(keys)["attive"].shift(1).astype("Float64")
    prev_start = out.groupby(keys)["trimestre"].shift(1)
    prev_class = out.groupby(keys)["classificazione"].shift(1)
    consecutive = prev_start == out["trimestre"] - pd.DateOffset(months=3)
    same_scheme = (prev_class == out["classificazione"]) | (out["settore_ateco"] == TOTAL)
    base = previous.where(consecutive & same_scheme & (previous > 0))
    for column, flow in (("tasso_natalita", "iscrizioni"), ("tasso_mortalita", "cessazioni"),
                         ("tasso_crescita", "saldo")):
        out[column] = (out[flow].astype("Float64") / base * 100).astype("Float64")
    return out


def break_quarter(quarters: pd.DataFrame) -> pd.Timestamp | None:
    """First quarter in ATECO 2025 when earlier quarters are in ATECO 2007, else None."""
    schemes = quarters.sort_values("trimestre").drop_duplicates("trimestre")
    new = schemes[schemes["classificazione"] == ATECO_2025]
    if new.empty or new["trimestre"].min() == schemes["trimestre"].min():
        return None
    return new["trimestre"].min()


def series(rated: pd.DataFrame, territories: list[str], sector: str, since: int | None = None) -> pd.DataFrame:
    """Rows of one sector for `territories` (in that order), from year `since`."""
    out = rated[rated["territorio"].isin(territories) & (rated["settore_ateco"] == sector)]
    if since is not None:
        out = out[out["trimestre"].dt.year >= since]
    order = {code: i for i, code in enumerate(territories)}
    return out.sort_values(["territorio", "trimestre"], key=lambda s: s.map(order) if s.name == "territorio" else s)


def latest(rated: pd.DataFrame, territory: str, sector: str) -> tuple[pd.Series | None, pd.Series | None]:
    """(latest quarter's row, same quarter one year earlier) for a territory and sector."""
    rows = rated[(rated["territorio"] == territory) & (rated["settore_ateco"] == sector)].sort_values("trimestre")
    if rows.empty:
        return None, None
    last = rows.iloc[-1]
    earlier = rows[rows["trimestre"] == last["trimestre"] - pd.DateOffset(years=1)]
    return last, (earlier.iloc[0] if not earlier.empty else None)


HEADLINE_FIELDS = ["iscrizioni", "cessazioni", "saldo", "tasso_natalita", "tasso_mortalita"]


def headline(rated: pd.DataFrame, territory: str, sector: str, lang: str = "it") -> dict | None:
    """Latest quarter's figures and their change on the same quarter a year earlier (seasonal
    data: Q1 closures include December's), or None when the territory has no rows.

    Keys: trimestre, periodo, confronto (label of the quarter compared), classificazione, and for
    each of HEADLINE_FIELDS a (value, change) pair; a change is None when not computable."""
    last, before = latest(rated, territory, sector)
    if last is None:
        return None
    out = {"trimestre": last["trimestre"], "periodo": quarter_label(last["trimestre"], lang),
           "confronto": quarter_label(last["trimestre"] - pd.DateOffset(years=1), lang),
           "classificazione": last["classificazione"]}
    for field in HEADLINE_FIELDS:
        value = last[field]
        prior = before[field] if before is not None else pd.NA
        change = None if pd.isna(value) or pd.isna(prior) else float(value - prior)
        out[field] = (None if pd.isna(value) else float(value), change)
    return out


def rate_values(rated: pd.DataFrame, territories: list[str], sector: str, quarter: pd.Timestamp,
                rate: str) -> dict[str, float]:
    """{territory: rate} of one sector in one quarter, skipping missing values (for chart titles)."""
    rows = rated[rated["territorio"].isin(territories) & (rated["settore_ateco"] == sector)
                 & (rated["trimestre"] == quarter)].dropna(subset=[rate])
    return dict(zip(rows["territorio"], rows[rate].astype(float)))


def by_sector(rated: pd.DataFrame, territory: str, quarter: pd.Timestamp) -> pd.DataFrame:
    """One quarter's sections (no total) for a territory, for the sector breakdown."""
    rows = rated[(rated["territorio"] == territory) & (rated["trimestre"] == quarter)
                 & (rated["settore_ateco"] != TOTAL)]
    return rows.sort_values("saldo", ascending=False).reset_index(drop=True)


def combined_quarters(imprese: pd.DataFrame, provinces: tuple[str, ...], label: str) -> pd.DataFrame:
    """Quarters of every territory plus the sum of `provinces` under `label` (for cached pages)."""
    return combine(quarterly(imprese), list(provinces), label)


def rated_quarters(imprese: pd.DataFrame, provinces: tuple[str, ...], label: str, lang: str = "it") -> pd.DataFrame:
    """`combined_quarters` with birth/death/growth rates and period labels, ready for the page."""
    return labelled(with_rates(combined_quarters(imprese, provinces, label)), lang)
