"""Hires and terminations indicators: pure functions on the `avviamenti`/`cessazioni`… frames.

Input frames follow the flow schema (mese, territorio, breakdown columns, eventi). The events are
complete counts, not sample estimates: a month with no record in a breakdown really had 0 events,
so monthly series are filled with 0 between the first and last month of the data, while anything
that cannot be computed (a 12-month sum before 12 months exist, a share of zero) is NA."""

from __future__ import annotations

import pandas as pd

BREAKDOWNS = ("settore_ateco", "contratto", "orario", "sesso", "classe_eta", "titolo_studio", "cittadinanza")


def _filter(events: pd.DataFrame, territori=None, **filters) -> pd.DataFrame:
    """Rows of the chosen territories whose breakdown columns equal (or are in) the given values."""
    mask = pd.Series(True, index=events.index)
    if territori is not None:
        filters["territorio"] = territori
    for column, wanted in filters.items():
        if column not in events:
            raise KeyError(f"unknown column {column!r}")
        values = [wanted] if isinstance(wanted, str) or not hasattr(wanted, "__iter__") else list(wanted)
        mask &= events[column].isin(values)
    return events[mask]


def monthly_totals(events: pd.DataFrame, territori=None, **filters) -> pd.DataFrame:
    """Events per month and territory (columns mese, territorio, eventi), months without events as 0.

    `filters` pick breakdown values, e.g. contratto="indeterminato" or classe_eta=["15-24", "25-34"]."""
    chosen = _filter(events, territori, **filters)
    sums = chosen.groupby(["territorio", "mese"])["eventi"].sum()
    months = pd.date_range(events["mese"].min(), events["mese"].max(), freq="MS")
    names = sorted(set(events["territorio"]) if territori is None else set(_filter(events, territori)["territorio"]))
    full = pd.MultiIndex.from_product([names, months], names=["territorio", "mese"])
    out = sums.reindex(full, fill_value=0).astype("int64").reset_index()
    return out[["mese", "territorio", "eventi"]].sort_values(["territorio", "mese"], ignore_index=True)


def balance(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, territori=None, **filters) -> pd.DataFrame:
    """Hires, terminations and their balance (saldo = avviamenti − cessazioni) per month and territory,
    over the months both datasets cover."""
    hires = monthly_totals(avviamenti, territori, **filters).rename(columns={"eventi": "avviamenti"})
    ends = monthly_totals(cessazioni, territori, **filters).rename(columns={"eventi": "cessazioni"})
    out = hires.merge(ends, on=["mese", "territorio"], how="inner")
    out["saldo"] = out["avviamenti"] - out["cessazioni"]
    return out.sort_values(["territorio", "mese"], ignore_index=True)


def moving_sum_12m(totals: pd.DataFrame, value: str = "eventi") -> pd.DataFrame:
    """Adds `<value>_12m`: the sum of the 12 months up to each month, NA until 12 months are available."""
    out = totals.sort_values(["territorio", "mese"], ignore_index=True).copy()
    rolled = (out.groupby("territorio")[value]
              .transform(lambda s: s.rolling(12, min_periods=12).sum()))
    out[f"{value}_12m"] = rolled.round().astype("Int64")
    return out


def permanent_share(events: pd.DataFrame, territori=None, **filters) -> pd.DataFrame:
    """Share (%) of events on a permanent contract per month and territory; NA when there are none."""
    if "contratto" in filters:
        raise ValueError("permanent_share already splits by contratto")
    total = monthly_totals(events, territori, **filters).rename(columns={"eventi": "totale"})
    permanent = monthly_totals(events, territori, contratto="indeterminato", **filters)
    out = total.merge(permanent.rename(columns={"eventi": "indeterminato"}), on=["mese", "territorio"])
    share = out["indeterminato"] / out["totale"].where(out["totale"] > 0)
    out["quota_indeterminato"] = (share * 100).astype("Float64")
    return out[["mese", "territorio", "indeterminato", "totale", "quota_indeterminato"]]


def year_on_year(totals: pd.DataFrame, period: str | int, value: str = "eventi") -> pd.DataFrame:
    """Change of `value` over the same period a year before, per territory.

    `period` is a month ("2025-03": that month) or a year (2025: its 12 months, NA if either year
    is incomplete). Columns: territorio, periodo, valore, valore_anno_prima, variazione, variazione_pct."""
    frame = totals.assign(mese=pd.to_datetime(totals["mese"]))
    rows = []
    for name, series in frame.groupby("territorio"):
        by_month = series.set_index("mese")[value]
        now, before = _period_value(by_month, period, 0), _period_value(by_month, period, 1)
        rows.append({"territorio": name, "periodo": str(period), "valore": now, "valore_anno_prima": before})
    out = pd.DataFrame(rows, columns=["territorio", "periodo", "valore", "valore_anno_prima"])
    for column in ("valore", "valore_anno_prima"):
        out[column] = out[column].astype("Int64")
    out["variazione"] = out["valore"] - out["valore_anno_prima"]
    base = out["valore_anno_prima"].astype("Float64")
    out["variazione_pct"] = (out["variazione"].astype("Float64") / base.where(base != 0) * 100).astype("Float64")
    return out


def _period_value(by_month: pd.Series, period: str | int, years_back: int):
    if isinstance(period, int) or str(period).isdigit():
        year = int(period) - years_back
        months = by_month[by_month.index.year == year]
        return months.sum() if len(months) == 12 else pd.NA
    month = pd.Timestamp(f"{period}-01") - pd.DateOffset(years=years_back)
    return by_month.get(month, pd.NA)


def breakdown(events: pd.DataFrame, by: str, territori=None, start=None, end=None, **filters) -> pd.DataFrame:
    """Events by one breakdown column over [start, end] (months, inclusive), largest first, with the
    share (%) of the total. Columns: <by>, eventi, quota."""
    if by not in BREAKDOWNS:
        raise KeyError(f"{by!r} is not a breakdown column ({', '.join(BREAKDOWNS)})")
    chosen = _filter(events, territori, **filters)
    if start is not None:
        chosen = chosen[chosen["mese"] >= pd.Timestamp(start)]
    if end is not None:
        chosen = chosen[chosen["mese"] <= pd.Timestamp(end)]
    out = chosen.groupby(by, as_index=False)["eventi"].sum()
    total = out["eventi"].sum()
    out["quota"] = (out["eventi"] / total * 100).astype("Float64") if total else pd.array([pd.NA] * len(out), "Float64")
    return out.sort_values(["eventi", by], ascending=[False, True], ignore_index=True)
