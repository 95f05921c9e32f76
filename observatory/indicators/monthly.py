"""The one gap rule for monthly counts (hires, terminations, firm registrations and closures).

Months run on a complete calendar from the first to the last month in scope. A month that a
territory did not publish is a gap (NA), never 0: an area's total for that month is NA, and so is
every total that claims to cover it (a 12-month sum, a quarter, a year). Within a month a territory
did publish, a breakdown value with no row counts 0 (no hires in sector F that month). A stock is
the value of a period's last month, never carried over from an earlier one. Breakdowns (shares of a
period) count only the months every territory in scope published, so one territory's gap never
shifts the mix towards the other."""

from __future__ import annotations

import dataclasses

import pandas as pd


def calendar(months: pd.Series) -> pd.DatetimeIndex:
    """Every first of the month from the earliest to the latest of `months` (empty for no months)."""
    if months.empty:
        return pd.DatetimeIndex([], name="mese")
    return pd.date_range(months.min(), months.max(), freq="MS", name="mese")


def complete_years(months: pd.Series) -> list[int]:
    """Calendar years in which all 12 months appear in `months`, oldest first."""
    counts = months.drop_duplicates().dt.year.value_counts()
    return sorted(int(y) for y, n in counts.items() if n == 12)


def _matching(frame: pd.DataFrame, filters: dict) -> pd.DataFrame:
    """The rows whose columns equal (or are in) the given values, e.g. contratto="indeterminato"."""
    if all(wanted is None for wanted in filters.values()):
        return frame
    mask = pd.Series(True, index=frame.index)
    for column, wanted in filters.items():
        if column not in frame:
            raise KeyError(f"unknown column {column!r}")
        if wanted is None:
            continue
        values = [wanted] if isinstance(wanted, str) or not hasattr(wanted, "__iter__") else list(wanted)
        mask &= frame[column].isin(values)
    return frame[mask]


def by_territory(frame: pd.DataFrame, value: str, territories=None, by: str | None = None,
                 categories=None, **filters) -> pd.DataFrame:
    """`value` per month (and category of `by`: those in the frame, or `categories`), one column per
    territory, on the complete calendar: NA where the territory published no value that month, 0
    where it published the month but no row matches `filters` (or the category). `territories=None`
    means every one present."""
    names = sorted(frame["territorio"].unique()) if territories is None else list(territories)
    scope = frame[frame["territorio"].isin(names)]
    published = scope.dropna(subset=[value])
    months = calendar(scope["mese"])
    if published.empty:
        index = months if by is None else pd.MultiIndex.from_product([months, []], names=["mese", by])
        return pd.DataFrame(pd.NA, index=index, columns=names, dtype="Float64")
    present = (published.groupby(["mese", "territorio"]).size().unstack()
               .reindex(index=months, columns=names).notna())
    chosen = _matching(published, filters)
    keys = ["mese", "territorio"] if by is None else ["mese", by, "territorio"]
    sums = chosen.groupby(keys)[value].sum().unstack("territorio").reindex(columns=names)
    if by is None:
        sums = sums.reindex(months)
    else:
        categories = sorted(chosen[by].dropna().unique()) if categories is None else list(categories)
        sums = sums.reindex(pd.MultiIndex.from_product([months, categories], names=["mese", by]))
        present = present.reindex(sums.index, level="mese")
    return sums.fillna(0).where(present.to_numpy()).astype("Float64")


def area_sum(frame: pd.DataFrame, value: str, territories, by: str | None = None, **filters) -> pd.Series:
    """`value` per month (and category) summed over `territories`: NA when any of them has no
    value that month. Indexed by mese (and `by`)."""
    wide = by_territory(frame, value, territories, by, **filters)
    return wide.sum(axis=1, min_count=len(wide.columns)).astype("Float64")


def moving_sum(series: pd.Series, months: int = 12) -> pd.Series:
    """Sum of the `months` months up to each month of a complete calendar; NA until that many
    consecutive months are known (a gap makes every window that covers it NA)."""
    return series.rolling(months, min_periods=months).sum().astype("Float64")


def inflow_outflow(inflow: pd.Series, outflow: pd.Series, names: tuple[str, str]) -> pd.DataFrame:
    """Two monthly area sums (e.g. hires and terminations) on one calendar, their balance (saldo)
    and the 12-month moving sums of the three. Columns: mese, the two names, saldo, then each
    of those with `_12m` (Float64)."""
    columns = [*names, "saldo"]
    out = pd.concat([inflow.rename(names[0]), outflow.rename(names[1])], axis=1)
    if out.empty:
        return pd.DataFrame(columns=["mese", *columns, *(f"{c}_12m" for c in columns)])
    out = out.reindex(calendar(out.index.to_series())).astype("Float64")
    out["saldo"] = out[names[0]] - out[names[1]]
    for column in columns:
        out[f"{column}_12m"] = moving_sum(out[column])
    return out.rename_axis("mese").reset_index()


def covered_sum(monthly: pd.Series, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """A breakdown's total per category over [start, end]: the sum of the months known for the
    whole area (a gap month is left out for every territory). `monthly` is `area_sum(…, by=…)`."""
    months = monthly.index.get_level_values("mese")
    window = monthly[(months >= start) & (months <= end)]
    return window.groupby(level=1).sum(min_count=1)


@dataclasses.dataclass(frozen=True)
class Window:
    """Totals of some measures over the `months` months up to `fine`, and over the same length
    just before (None when any of those is not known)."""

    inizio: pd.Timestamp
    fine: pd.Timestamp
    values: dict[str, float]
    previous: dict[str, float] | None


def latest_window(monthly: pd.DataFrame, columns: list[str], months: int = 12,
                  until: int | None = None) -> Window | None:
    """The latest window of `months` months (ending in year `until` or before) in which every
    column is known, from a frame with `mese` and the monthly `columns` on a complete calendar."""
    frame = monthly.set_index("mese")
    sums = pd.DataFrame({c: moving_sum(frame[c], months) for c in columns})
    known = sums.dropna()
    if until is not None:
        known = known[known.index.year <= until]
    if known.empty:
        return None
    end = known.index[-1]
    before = end - pd.DateOffset(months=months)
    previous = {c: float(known.loc[before, c]) for c in columns} if before in known.index else None
    return Window(end - pd.DateOffset(months=months - 1), end, {c: float(known.loc[end, c]) for c in columns},
                  previous)
