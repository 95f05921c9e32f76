"""Hires, terminations and their balance (Comunicazioni Obbligatorie) as every page, card, slide
and export shows them: pure functions on the `avviamenti` and `cessazioni` frames.

All sums follow the gap rule of observatory.indicators.monthly: a month a territory in scope did
not publish is a gap in the area's total, never 0, and a 12-month sum needs 12 known months."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import ateco, labels
from observatory.indicators import monthly

BREAKDOWNS = ("settore_ateco", "contratto", "classe_eta", "sesso", "cittadinanza", "titolo_studio")
PERMANENT = "indeterminato"
FLOW_COLUMNS = ["mese", "assunzioni", "cessazioni", "saldo", "assunzioni_12m", "cessazioni_12m", "saldo_12m"]


def monthly_flows(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territories, sector: str | None = None,
                  **filters) -> pd.DataFrame:
    """Monthly hires, terminations and balance summed over `territories`, with 12-month moving sums.

    Columns: FLOW_COLUMNS (Float64; the moving sums are NA until 12 consecutive known months)."""
    filters = {"settore_ateco": sector, **filters}
    return monthly.inflow_outflow(monthly.area_sum(avviamenti, "eventi", territories, **filters),
                                  monthly.area_sum(cessazioni, "eventi", territories, **filters),
                                  ("assunzioni", "cessazioni"))[FLOW_COLUMNS]


def flows_by_territory(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territories) -> pd.DataFrame:
    """`monthly_flows` of each territory on its own, stacked. Columns: territorio, then FLOW_COLUMNS."""
    parts = [monthly_flows(avviamenti, cessazioni, [code]).assign(territorio=code) for code in territories]
    return pd.concat(parts, ignore_index=True)[["territorio", *FLOW_COLUMNS]]


@dataclasses.dataclass(frozen=True)
class TwelveMonths:
    """Hires, terminations and balance over the 12 months up to `fine`, and the 12 before."""

    inizio: pd.Timestamp
    fine: pd.Timestamp
    assunzioni: float
    cessazioni: float
    saldo: float
    assunzioni_prec: float | None
    cessazioni_prec: float | None
    saldo_prec: float | None


def last_twelve_months(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territories,
                       until: int | None = None) -> TwelveMonths | None:
    """Totals of the latest 12 known months (ending in year `until` or before): the number on the
    overview card, in its sentence, on the slide and in its notes. None without 12 such months."""
    columns = ["assunzioni", "cessazioni", "saldo"]
    window = monthly.latest_window(monthly_flows(avviamenti, cessazioni, territories), columns, until=until)
    if window is None:
        return None
    before = window.previous or dict.fromkeys(columns)
    return TwelveMonths(window.inizio, window.fine, *(window.values[c] for c in columns), *(before[c] for c in columns))


def hires_breakdown(avviamenti: pd.DataFrame, territories, by: str, year: int,
                    sector: str | None = None) -> pd.DataFrame:
    """Hires of `year` by one dimension (e.g. contratto), largest first, with each category's share;
    a month some territory in scope did not publish is left out for all of them.

    Columns: categoria, assunzioni, quota (% of the year's hires in scope)."""
    if by not in BREAKDOWNS:
        raise KeyError(f"{by!r} is not a breakdown column ({', '.join(BREAKDOWNS)})")
    in_year = avviamenti[avviamenti["mese"].dt.year == year]  # the months outside it do not count anyway
    per_month = monthly.area_sum(in_year, "eventi", territories, by=by, settore_ateco=sector)
    sums = monthly.covered_sum(per_month, pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 1)).dropna()
    out = sums.rename("assunzioni").rename_axis("categoria").reset_index()
    out = out[out["assunzioni"] > 0]
    total = out["assunzioni"].sum()
    out["quota"] = (out["assunzioni"] / total * 100).astype("Float64") if total else pd.NA
    return out.sort_values(["assunzioni", "categoria"], ascending=[False, True]).reset_index(drop=True)


def permanent_share(avviamenti: pd.DataFrame, territories, year: int, sector: str | None = None) -> float | None:
    """Share of `year`'s hires on a permanent contract (%), None when there are no hires."""
    table = hires_breakdown(avviamenti, territories, "contratto", year, sector)
    total = table["assunzioni"].sum()
    if not total:
        return None
    return float(table.loc[table["categoria"] == PERMANENT, "assunzioni"].sum() / total * 100)


def hires_year_on_year(avviamenti: pd.DataFrame, territories, year: int, sector: str | None = None) -> pd.DataFrame:
    """Hires by month of `year` and of the year before, for a side-by-side comparison.

    Columns: anno (int), mese_numero (1–12), assunzioni (NA for a month without data in scope)."""
    two_years = avviamenti[avviamenti["mese"].dt.year.isin([year - 1, year])]
    sums = monthly.area_sum(two_years, "eventi", territories, settore_ateco=sector)
    grid = pd.MultiIndex.from_product([[year - 1, year], range(1, 13)], names=["anno", "mese_numero"])
    values = pd.Series({(m.year, m.month): v for m, v in sums.items()}, dtype="Float64")
    out = values.reindex(grid).rename("assunzioni").reset_index()
    out["assunzioni"] = out["assunzioni"].astype("Float64")
    return out


def category_name(value: str, lang: str) -> str:
    """Display name of a category value (contract, sex, citizenship…) in `lang`."""
    key = f"labour.value.{value}"
    return labels.t(key, lang) if key in labels.TEXTS else value


def flows_long(flows: pd.DataFrame, moving_sum: bool, lang: str) -> pd.DataFrame:
    """Hires and terminations of `monthly_flows` in long form for a line chart (monthly or 12-month sums).

    Columns: mese, misura (display name), valore."""
    suffix = "_12m" if moving_sum else ""
    columns = {f"assunzioni{suffix}": category_name("assunzioni", lang),
               f"cessazioni{suffix}": category_name("cessazioni", lang)}
    out = flows.melt(id_vars="mese", value_vars=list(columns), var_name="misura", value_name="valore")
    out["misura"] = out["misura"].map(columns)
    return out.dropna(subset=["valore"]).reset_index(drop=True)


def named_breakdown(avviamenti: pd.DataFrame, territories, by: str, year: int, lang: str,
                    sector: str | None = None) -> pd.DataFrame:
    """`hires_breakdown` with a display name per category (`nome`) for charts and downloads."""
    table = hires_breakdown(avviamenti, territories, by, year, sector)
    namer = (lambda v: ateco.section_name(v, lang)) if by == "settore_ateco" else (lambda v: category_name(v, lang))
    table.insert(1, "nome", table["categoria"].map(namer))
    return table
