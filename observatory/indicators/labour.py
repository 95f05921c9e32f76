"""Labour-force rates (ISTAT survey): the series, each territory's latest published value with its
change, and the year the series breaks, as the cards, the chart, its title and the slides show them.

Pure functions on the `forze_lavoro` frame (docs/architecture.md). A rate that is not published is
a gap, never a zero, and a territory's latest value is its own latest year, not the area's."""

from __future__ import annotations

import dataclasses

import pandas as pd

RATES = ("tasso_occupazione", "tasso_disoccupazione", "tasso_attivita", "tasso_inattivita")
SEXES = ("totale", "maschi", "femmine")
#: The age band each rate is usually quoted for (ISTAT headline definitions).
HEADLINE_AGE = {"tasso_occupazione": "15-64", "tasso_disoccupazione": "15-74", "tasso_attivita": "15-64",
                "tasso_inattivita": "15-64"}


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


def age_band(forze_lavoro: pd.DataFrame, indicator: str, sex: str = "totale") -> str | None:
    """The age band a rate is shown for: its headline band when the archive has it, else the one it has."""
    return _age_band(forze_lavoro[(forze_lavoro["indicatore"] == indicator) & (forze_lavoro["sesso"] == sex)],
                     indicator)


def unusual_band(indicator: str, band: str | None) -> str:
    """`band` when it is not the one the rate is usually quoted for (employment 15-89, not 15-64), so
    a card or sentence says it and no one compares it with the usual rate; '' otherwise."""
    return band if band and band != HEADLINE_AGE.get(indicator) else ""


def rate_series(forze_lavoro: pd.DataFrame, indicator: str, territories: list[str] | tuple[str, ...],
                sex: str = "totale", period: tuple[int, int] | None = None) -> pd.DataFrame:
    """Yearly values of one rate for `territories` (headline age band) in the order given, within
    `period` (first and last year, both included) when given.

    Columns: territorio, anno, valore (float, NA kept), serie, classe_eta, and the rows' provenance
    (provenienza, derivazione) when the dataset carries it, so captions and exports can say it."""
    rows = forze_lavoro[(forze_lavoro["indicatore"] == indicator) & (forze_lavoro["sesso"] == sex)
                        & forze_lavoro["territorio"].isin(territories)]
    band = _age_band(rows, indicator)
    rows = rows[rows["classe_eta"] == band]
    if period is not None:
        rows = rows[rows["anno"].between(*period)]
    extra = [c for c in ("provenienza", "derivazione") if c in rows]
    out = rows[["territorio", "anno", "valore", "serie", "classe_eta", *extra]].copy()
    out["anno"] = out["anno"].astype(int)
    out["valore"] = pd.to_numeric(out["valore"], errors="coerce").astype(float)
    order = {code: i for i, code in enumerate(territories)}
    out = out.sort_values(["territorio", "anno"], key=lambda s: s.map(order) if s.name == "territorio" else s)
    return out.reset_index(drop=True)


def latest_rates(series: pd.DataFrame, indicator: str) -> dict[str, RateChange]:
    """Each territory's latest published value in a `rate_series` frame and its change on the year
    before (None when that year is not published), by territory code in the series' order."""
    out = {}
    for code, rows in series.dropna(subset=["valore"]).groupby("territorio", sort=False):
        last = rows.iloc[-1]
        year = int(last["anno"])
        before = rows[rows["anno"] == year - 1]
        previous = float(before["valore"].iloc[0]) if not before.empty else None
        change = round(float(last["valore"]) - previous, 10) if previous is not None else None
        out[code] = RateChange(code, indicator, year, float(last["valore"]), year - 1, previous, change)
    return out


def latest_rate(forze_lavoro: pd.DataFrame, indicator: str, territory: str, sex: str = "totale",
                period: tuple[int, int] | None = None) -> RateChange | None:
    """Latest published value of a rate and its change on the previous year, in percentage points."""
    return latest_rates(rate_series(forze_lavoro, indicator, [territory], sex, period), indicator).get(territory)


def series_break_year(series: pd.DataFrame) -> int | None:
    """First year of a new `serie` (the EU regulation of 2021, reconstructed back to 2018 in ISTAT's
    data) in any territory of `series`, or None when the series is uniform."""
    years = []
    for _, rows in series.dropna(subset=["serie"]).sort_values("anno").groupby("territorio", sort=False):
        changed = rows["serie"].ne(rows["serie"].shift()) & rows["serie"].shift().notna()
        years += rows.loc[changed, "anno"].tolist()
    return int(min(years)) if years else None
