"""Labour-market indicators: labour-force rates (latest value, change, series) and simple
aggregations of hires and terminations for the labour pages and the overview cards.

Pure functions on the `forze_lavoro`, `avviamenti` and `cessazioni` frames (docs/architecture.md).
Missing values stay NA: a rate that is not published is a gap, never a zero."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import labels

RATES = ("tasso_occupazione", "tasso_disoccupazione", "tasso_attivita", "tasso_inattivita")
SEXES = ("totale", "maschi", "femmine")
#: The age band each rate is usually quoted for (ISTAT headline definitions).
HEADLINE_AGE = {"tasso_occupazione": "15-64", "tasso_disoccupazione": "15-74", "tasso_attivita": "15-64",
                "tasso_inattivita": "15-64"}
BREAKDOWNS = ("settore_ateco", "contratto", "classe_eta", "sesso", "cittadinanza", "titolo_studio")
PERMANENT = "indeterminato"


@dataclasses.dataclass(frozen=True)
class RateChange:
    """A rate in its latest year with a published value, and the year before (NA when absent)."""

    territorio: str
    indicatore: str
    anno: int
    valore: float
    anno_precedente: int
    precedente: float | None
    variazione: float | None  # percentage points


def _age_band(frame: pd.DataFrame, indicator: str) -> str | None:
    bands = frame["classe_eta"].dropna().unique().tolist()
    if not bands:
        return None
    return HEADLINE_AGE.get(indicator) if HEADLINE_AGE.get(indicator) in bands else sorted(bands)[0]


def rate_series(forze_lavoro: pd.DataFrame, indicator: str, territories: list[str] | tuple[str, ...],
                sex: str = "totale") -> pd.DataFrame:
    """Yearly values of one rate for `territories` (headline age band) in the order given.

    Columns: territorio, anno, valore (float, NA kept), serie, classe_eta, and the rows' provenance
    (provenienza, derivazione) when the dataset carries it, so captions and exports can say it."""
    rows = forze_lavoro[(forze_lavoro["indicatore"] == indicator) & (forze_lavoro["sesso"] == sex)
                        & forze_lavoro["territorio"].isin(territories)]
    band = _age_band(rows, indicator)
    rows = rows[rows["classe_eta"] == band]
    extra = [c for c in ("provenienza", "derivazione") if c in rows]
    out = rows[["territorio", "anno", "valore", "serie", "classe_eta", *extra]].copy()
    out["anno"] = out["anno"].astype(int)
    out["valore"] = pd.to_numeric(out["valore"], errors="coerce").astype(float)
    order = {code: i for i, code in enumerate(territories)}
    out = out.sort_values(["territorio", "anno"], key=lambda s: s.map(order) if s.name == "territorio" else s)
    return out.reset_index(drop=True)


def latest_rate(forze_lavoro: pd.DataFrame, indicator: str, territory: str,
                sex: str = "totale") -> RateChange | None:
    """Latest published value of a rate and its change on the previous year, in percentage points."""
    series = rate_series(forze_lavoro, indicator, [territory], sex).dropna(subset=["valore"])
    if series.empty:
        return None
    last = series.iloc[-1]
    year = int(last["anno"])
    before = series[series["anno"] == year - 1]
    previous = float(before["valore"].iloc[0]) if not before.empty else None
    change = round(float(last["valore"]) - previous, 10) if previous is not None else None
    return RateChange(territory, indicator, year, float(last["valore"]), year - 1, previous, change)


def series_break_year(series: pd.DataFrame) -> int | None:
    """First year of a new `serie` (the 2021 EU regulation), or None when the series is uniform."""
    ordered = series.dropna(subset=["serie"]).sort_values("anno")
    changed = ordered["serie"].ne(ordered["serie"].shift()) & ordered["serie"].shift().notna()
    years = ordered.loc[changed, "anno"]
    return int(years.min()) if not years.empty else None


# --- hires and terminations as the pages and slides show them (gaps kept; see flows.py for the
# connector-side helpers that treat absent months as zero counts) ---

def _scope(frame: pd.DataFrame, territories, sector: str | None = None) -> pd.DataFrame:
    rows = frame[frame["territorio"].isin(territories)]
    return rows[rows["settore_ateco"] == sector] if sector else rows


def _monthly_sum(events: pd.DataFrame, territories, sector: str | None) -> pd.Series:
    """Events per month summed over `territories`; a month is NA unless every territory has data
    for it (a territory's missing month is a gap in the source, and a partial sum would undercount),
    while a sector with no events in a month that has data counts 0."""
    territories = list(territories)
    scope = events[events["territorio"].isin(territories)]
    if scope.empty:
        return pd.Series(dtype="Float64")
    calendar = pd.date_range(scope["mese"].min(), scope["mese"].max(), freq="MS")
    present = (scope.groupby(["mese", "territorio"]).size().unstack()
               .reindex(index=calendar, columns=territories).notna())
    rows = scope[scope["settore_ateco"] == sector] if sector else scope
    sums = rows.groupby(["mese", "territorio"])["eventi"].sum().unstack()
    sums = sums.reindex(index=calendar, columns=territories).fillna(0).where(present)
    return sums.sum(axis=1, min_count=len(territories)).astype("Float64")


def monthly_flows(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territories,
                  sector: str | None = None) -> pd.DataFrame:
    """Monthly hires, terminations and balance summed over `territories`, with 12-month moving sums.

    Columns: mese, assunzioni, cessazioni, saldo, assunzioni_12m, cessazioni_12m, saldo_12m (the
    moving sums are NA until 12 consecutive months are available)."""
    out = pd.concat([_monthly_sum(avviamenti, territories, sector).rename("assunzioni"),
                     _monthly_sum(cessazioni, territories, sector).rename("cessazioni")], axis=1)
    if out.empty:
        return pd.DataFrame(columns=["mese", "assunzioni", "cessazioni", "saldo", "assunzioni_12m",
                                     "cessazioni_12m", "saldo_12m"])
    months = pd.date_range(out.index.min(), out.index.max(), freq="MS")
    out = out.reindex(months).astype("Float64")  # a month with no file is a gap, not zero
    out["saldo"] = out["assunzioni"] - out["cessazioni"]
    for column in ("assunzioni", "cessazioni", "saldo"):
        out[f"{column}_12m"] = out[column].rolling(12, min_periods=12).sum().astype("Float64")
    return out.rename_axis("mese").reset_index()


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


def last_twelve_months(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territories) -> TwelveMonths | None:
    """Totals of the latest 12 complete months (None with fewer than 12 months of both flows)."""
    monthly = monthly_flows(avviamenti, cessazioni, territories).dropna(subset=["assunzioni_12m", "cessazioni_12m"])
    if monthly.empty:
        return None
    last = monthly.iloc[-1]
    before = monthly[monthly["mese"] == last["mese"] - pd.DateOffset(months=12)]
    prev = before.iloc[0] if not before.empty else None
    return TwelveMonths(last["mese"] - pd.DateOffset(months=11), last["mese"], float(last["assunzioni_12m"]),
                        float(last["cessazioni_12m"]), float(last["saldo_12m"]),
                        *((float(prev[c]) for c in ("assunzioni_12m", "cessazioni_12m", "saldo_12m"))
                          if prev is not None else (None, None, None)))


def complete_years(avviamenti: pd.DataFrame) -> list[int]:
    """Calendar years with all 12 months of hires, newest first."""
    months = avviamenti["mese"].drop_duplicates()
    counts = months.dt.year.value_counts()
    return sorted((int(y) for y, n in counts.items() if n == 12), reverse=True)


def hires_breakdown(avviamenti: pd.DataFrame, territories, by: str, year: int,
                    sector: str | None = None) -> pd.DataFrame:
    """Hires of `year` by one dimension (e.g. contratto), largest first, with each category's share.

    Columns: categoria, assunzioni, quota (% of the year's hires in scope)."""
    rows = _scope(avviamenti, territories, sector)
    rows = rows[rows["mese"].dt.year == year]
    out = rows.groupby(by, as_index=False)["eventi"].sum().rename(columns={by: "categoria", "eventi": "assunzioni"})
    total = out["assunzioni"].sum()
    out["quota"] = out["assunzioni"] / total * 100 if total else pd.NA
    return out.sort_values("assunzioni", ascending=False).reset_index(drop=True)


def permanent_share(avviamenti: pd.DataFrame, territories, year: int, sector: str | None = None) -> float | None:
    """Share of `year`'s hires on a permanent contract (%), None when there are no hires."""
    table = hires_breakdown(avviamenti, territories, "contratto", year, sector)
    total = table["assunzioni"].sum()
    if not total:
        return None
    return float(table.loc[table["categoria"] == PERMANENT, "assunzioni"].sum() / total * 100)


def hires_year_on_year(avviamenti: pd.DataFrame, territories, year: int, sector: str | None = None) -> pd.DataFrame:
    """Hires by month of `year` and of the year before, for a side-by-side comparison.

    Columns: anno (int), mese_numero (1–12), assunzioni (NA for months without data)."""
    rows = _scope(avviamenti, territories, sector)
    rows = rows[rows["mese"].dt.year.isin([year - 1, year])]
    sums = rows.groupby("mese")["eventi"].sum()
    grid = pd.MultiIndex.from_product([[year - 1, year], range(1, 13)], names=["anno", "mese_numero"])
    values = pd.Series({(m.year, m.month): v for m, v in sums.items()}, dtype="Float64")
    out = values.reindex(grid).rename("assunzioni").reset_index()
    out["assunzioni"] = out["assunzioni"].astype("Float64")
    return out


def category_name(value: str, lang: str) -> str:
    """Display name of a category value (contract, sex, citizenship…) in `lang`."""
    key = f"labour.value.{value}"
    return labels.t(key, lang) if key in labels.TEXTS else value


def flows_long(monthly: pd.DataFrame, moving_sum: bool, lang: str) -> pd.DataFrame:
    """Hires and terminations of `monthly_flows` in long form for a line chart (monthly or 12-month sums).

    Columns: mese, misura (display name), valore."""
    suffix = "_12m" if moving_sum else ""
    columns = {f"assunzioni{suffix}": category_name("assunzioni", lang),
               f"cessazioni{suffix}": category_name("cessazioni", lang)}
    out = monthly.melt(id_vars="mese", value_vars=list(columns), var_name="misura", value_name="valore")
    out["misura"] = out["misura"].map(columns)
    return out.dropna(subset=["valore"]).reset_index(drop=True)


def named_breakdown(avviamenti: pd.DataFrame, territories, by: str, year: int, lang: str,
                    sector: str | None = None) -> pd.DataFrame:
    """`hires_breakdown` with a display name per category (`nome`) for charts and downloads."""
    from observatory.indicators.sectors import section_name

    table = hires_breakdown(avviamenti, territories, by, year, sector)
    namer = (lambda v: section_name(v, lang)) if by == "settore_ateco" else (lambda v: category_name(v, lang))
    table.insert(1, "nome", table["categoria"].map(namer))
    return table
