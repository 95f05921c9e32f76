"""Sector comparisons: ATECO sections side by side across territories, and indexed trends.

Pure functions on `avviamenti`, `cessazioni` and `unita_locali` (docs/architecture.md). Shares are
computed within each territory so Como, Lecco and Lombardia compare despite their different size."""

from __future__ import annotations

import pandas as pd

from observatory import ateco
from observatory.ateco import TOTAL
from observatory.indicators import monthly

FLOW_MEASURES = ("assunzioni", "saldo")
UNIT_MEASURES = ("unita_locali", "addetti")
MEASURES = FLOW_MEASURES + UNIT_MEASURES


def yearly_flows_by_section(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territories) -> pd.DataFrame:
    """Hires, terminations and balance per territory, section and complete calendar year.

    Columns: territorio, settore_ateco, anno, assunzioni, cessazioni, saldo. A year in which a
    territory did not publish a month is NA for it (indicators.monthly: a gap, never a zero)."""
    years = sorted(set(monthly.complete_years(avviamenti["mese"])) & set(monthly.complete_years(cessazioni["mese"])))
    sections = sorted({*avviamenti["settore_ateco"].dropna().unique(), *cessazioni["settore_ateco"].dropna().unique()})
    parts = []
    for name, frame in (("assunzioni", avviamenti), ("cessazioni", cessazioni)):
        per_month = monthly.by_territory(frame, "eventi", territories, by="settore_ateco", categories=sections)
        rows = per_month.stack(future_stack=True).rename(name).reset_index()
        rows = rows[rows["mese"].dt.year.isin(years)].assign(anno=lambda f: f["mese"].dt.year)
        parts.append(rows.groupby(["territorio", "settore_ateco", "anno"])[name].sum(min_count=12))
    out = pd.concat(parts, axis=1).astype("Float64")
    out["saldo"] = out["assunzioni"] - out["cessazioni"]
    out = out.rename_axis(["territorio", "settore_ateco", "anno"]).reset_index()
    out["anno"] = out["anno"].astype(int)
    order = {code: i for i, code in enumerate(territories)}
    out = out.sort_values(["territorio", "settore_ateco", "anno"],
                          key=lambda s: s.map(order) if s.name == "territorio" else s)
    return out.reset_index(drop=True)


def local_units_by_province(unita_locali: pd.DataFrame, comuni: pd.DataFrame, nuts_of: dict[str, str],
                            year: int | None = None) -> pd.DataFrame:
    """Local units and employees summed over each province's municipalities (latest year by default).

    `nuts_of` maps ISTAT province code → NUTS code. A province whose municipalities are all NA stays
    NA. Columns: territorio, settore_ateco, anno, unita_locali, addetti."""
    year = int(unita_locali["anno"].max()) if year is None else year
    rows = unita_locali[unita_locali["anno"] == year].merge(
        comuni[["comune_istat", "provincia_istat"]], on="comune_istat", how="inner", validate="many_to_one")
    rows = rows[rows["provincia_istat"].isin(nuts_of)]
    out = rows.groupby(["provincia_istat", "settore_ateco"])[["unita_locali", "addetti"]].sum(min_count=1)
    out = out.reset_index()
    out.insert(0, "territorio", out.pop("provincia_istat").map(nuts_of))
    out.insert(2, "anno", year)
    return out


def section_comparison(frame: pd.DataFrame, measure: str, relative: bool) -> pd.DataFrame:
    """One value per territory and section for `measure`, absolute or relative.

    Relative means the section's share of the territory's total (%) for hires, local units and
    employees (the `TOTALE` row when present, else the sum of sections), and the balance per 100
    hires of the section for `saldo`. Columns: territorio, settore_ateco, valore."""
    sections = frame[frame["settore_ateco"] != TOTAL]
    if not relative:
        out = sections[["territorio", "settore_ateco", measure]].rename(columns={measure: "valore"})
    elif measure == "saldo":
        out = sections[["territorio", "settore_ateco"]].assign(
            valore=_ratio(sections["saldo"], sections["assunzioni"]))
    else:
        totals = frame[frame["settore_ateco"] == TOTAL].set_index("territorio")[measure]
        summed = sections.groupby("territorio")[measure].sum(min_count=1)
        denominators = summed.copy()
        denominators.update(totals)
        out = sections[["territorio", "settore_ateco"]].assign(
            valore=_ratio(sections[measure], sections["territorio"].map(denominators)))
    out = out.copy()
    out["valore"] = pd.to_numeric(out["valore"], errors="coerce").astype("Float64")
    return out.reset_index(drop=True)


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """100 × numerator / denominator, NA where the denominator is zero or missing."""
    num = pd.to_numeric(numerator, errors="coerce").astype("Float64")
    den = pd.to_numeric(denominator, errors="coerce").astype("Float64")
    return (num / den.mask(den == 0) * 100).astype("Float64")


def indexed(frame: pd.DataFrame, value: str, base_year: int,
            by: tuple[str, ...] = ("territorio", "settore_ateco")) -> pd.DataFrame:
    """Add `indice`: `value` as an index with `base_year` = 100 within each group of `by`.

    Groups without a positive base-year value get NA (an index of zero makes no sense)."""
    base = frame.loc[frame["anno"] == base_year, [*by, value]].rename(columns={value: "_base"})
    out = frame.merge(base, on=list(by), how="left", validate="many_to_one")
    denominator = pd.to_numeric(out.pop("_base"), errors="coerce").astype("Float64")
    numerator = pd.to_numeric(out[value], errors="coerce").astype("Float64")
    out["indice"] = (numerator / denominator.mask(denominator <= 0) * 100).astype("Float64")
    return out


def top_sections(frame: pd.DataFrame, value: str, limit: int | None = None) -> list[str]:
    """Sections ordered by their total `value` across the frame, largest first."""
    sections = frame[frame["settore_ateco"] != TOTAL]
    order = sections.groupby("settore_ateco")[value].sum(min_count=1).sort_values(ascending=False)
    codes = order.index.tolist()
    return codes[:limit] if limit else codes


def with_section_names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy with `nome` (display name of `settore_ateco`) right after the code, for charts and downloads."""
    out = frame.copy()
    out.insert(out.columns.get_loc("settore_ateco") + 1, "nome",
               out["settore_ateco"].map(lambda c: ateco.section_name(c, lang)))
    return out
