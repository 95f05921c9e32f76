"""Job quality from BES dei territori (`bes_lavoro`): the yearly series of one indicator with its gaps
made explicit, each territory's latest value, and how the provinces compare with their region.

One function per number: the page's cards and titles, the lenses of the social partners, the
overview card and the slides all call `series` and `latest`. A year a territory lacks is a row with
NA and the reason (`lacuna`): absent from the public copy, or not published by ISTAT — never 0 and
never an interpolated line."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pandas as pd

from observatory import provenance
from observatory.indicators import labour, registry
from observatory.indicators.labour import RateChange

INDICATORS = ("tasso_occupazione_20_64", "mancata_partecipazione", "neet", "infortuni_lavoro")
SEXES = ("totale", "femmine", "maschi")
#: why a year is missing: the public copy lacks it / ISTAT did not publish it (or flagged it)
GAP_COPY, GAP_ISTAT = "copia", "istat"


def series(bes: pd.DataFrame, indicator: str, territories: list[str] | tuple[str, ...], sex: str = "totale",
           period: tuple[int, int] | None = None) -> pd.DataFrame:
    """One row per territory of `territories` (in that order) and year of the indicator's span (the
    first to the last year any of them has), NA where a territory has no value.

    Columns: territorio, anno, valore (float, NA kept), provenienza, stato_osservazione, lacuna
    (GAP_COPY, GAP_ISTAT or None)."""
    rows = bes[(bes["indicatore"] == indicator) & (bes["sesso"] == sex) & bes["territorio"].isin(territories)]
    if period is not None:
        rows = rows[rows["anno"].between(*period)]
    columns = ["territorio", "anno", "valore", "provenienza", "stato_osservazione", "lacuna"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    years = range(int(rows["anno"].min()), int(rows["anno"].max()) + 1)
    present = [t for t in territories if t in set(rows["territorio"])]
    grid = pd.MultiIndex.from_product([present, years], names=["territorio", "anno"]).to_frame(index=False)
    out = grid.merge(rows[["territorio", "anno", "valore", "provenienza", "stato_osservazione"]],
                     on=["territorio", "anno"], how="left")
    out["valore"] = pd.to_numeric(out["valore"], errors="coerce").astype(float)
    kind = out.groupby("territorio")["provenienza"].transform(lambda s: s.dropna().iloc[0])
    copied = kind.isin(provenance.COPIES)
    out["provenienza"] = out["provenienza"].fillna(kind)
    out["lacuna"] = None
    missing = out["valore"].isna()
    out.loc[missing & copied, "lacuna"] = GAP_COPY
    out.loc[missing & ~copied, "lacuna"] = GAP_ISTAT
    out["anno"] = out["anno"].astype(int)
    return out[columns]


def latest(series_frame: pd.DataFrame, indicator: str) -> dict[str, RateChange]:
    """Each territory's latest value and its change on the year before (None across a gap), by code."""
    return labour.latest_rates(series_frame, indicator)


def gaps(series_frame: pd.DataFrame) -> pd.DataFrame:
    """The missing years of a `series` frame: territorio, anno, lacuna."""
    return series_frame.loc[series_frame["valore"].isna(), ["territorio", "anno", "lacuna"]].reset_index(drop=True)


def sexes_with_data(bes: pd.DataFrame, indicator: str) -> tuple[str, ...]:
    """The sexes this indicator has values for in the archive (NEET: total only)."""
    found = set(bes.loc[(bes["indicatore"] == indicator) & bes["valore"].notna(), "sesso"])
    return tuple(s for s in SEXES if s in found)


@dataclasses.dataclass(frozen=True)
class Comparison:
    """Where a province stands against a reference territory on every indicator, at the latest year
    both have: better (per the indicator's direction), worse, equal; and the table behind it."""

    territorio: str
    riferimento: str
    meglio: int
    peggio: int
    confrontati: int


def latest_table(bes: pd.DataFrame, territories: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The four indicators' latest values per territory (from `latest`): indicatore, territorio, anno, valore."""
    rows = []
    for indicator in INDICATORS:
        for code, change in latest(series(bes, indicator, territories), indicator).items():
            rows.append({"indicatore": indicator, "territorio": code, "anno": change.anno, "valore": change.valore})
    return pd.DataFrame(rows, columns=["indicatore", "territorio", "anno", "valore"])


def compare(table: pd.DataFrame, territory: str, reference: str) -> Comparison:
    """How `territory` compares with `reference` in a `latest_table`, indicator by indicator (same year only)."""
    better = worse = compared = 0
    for indicator, rows in table.groupby("indicatore"):
        mine, theirs = rows[rows["territorio"] == territory], rows[rows["territorio"] == reference]
        if mine.empty or theirs.empty or mine["anno"].iloc[0] != theirs["anno"].iloc[0]:
            continue
        compared += 1
        difference = float(mine["valore"].iloc[0]) - float(theirs["valore"].iloc[0])
        up_is_good = registry.indicator(indicator).higher_is_better
        if difference != 0 and up_is_good is not None:
            good = difference > 0 if up_is_good else difference < 0
            better, worse = better + good, worse + (not good)
    return Comparison(territory, reference, better, worse, compared)


def latest_values(bes: pd.DataFrame, indicator: str, territories) -> Mapping[str, RateChange]:
    """Shortcut for the cards: `latest(series(...))` of the total."""
    return latest(series(bes, indicator, territories), indicator)
