"""Business demography (Registro Imprese): registrations, closures and active firms by quarter,
their birth/death rates, and the 12-month totals of the overview card and the slide.

Rates follow the Movimprese convention: flows of the quarter ÷ active firms at the end of the
previous quarter × 100. ATECO 2025 (from April 2025) re-letters the sections after J, so a section
rate whose denominator is in the other classification is left missing rather than mixed."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory.ateco import ATECO_2025, TOTAL
from observatory.indicators import monthly

KEYS = ["territorio", "settore_ateco"]
_MONTHS = {"Q": 3, "Y": 12}
_KEY = {"Q": "trimestre", "Y": "anno"}


def quarter_label(start: pd.Timestamp, lang: str = "it") -> str:
    """First day of a quarter → '2025-T2' (it) or '2025-Q2' (en): sorts in time order as text."""
    return f"{start.year}-{'Q' if lang == 'en' else 'T'}{(start.month - 1) // 3 + 1}"


def labelled(frame: pd.DataFrame, lang: str = "it") -> pd.DataFrame:
    """Add `periodo` ('2025-T2') to a frame with `trimestre`, for charts and downloads."""
    return frame.assign(periodo=frame["trimestre"].map(lambda q: quarter_label(q, lang)))


def period_totals(imprese: pd.DataFrame, freq: str = "Q") -> pd.DataFrame:
    """Monthly flows summed into quarters ('Q') or years ('Y'), with the stock of the period's last
    month. A period with a month not published has NA flows, one whose last month lacks the stock
    has NA stock (never an earlier month's); periods the data does not cover whole are left out.

    Columns: territorio, settore_ateco, trimestre (first day) or anno (int), classificazione,
    iscrizioni, cessazioni, saldo, attive (Int64)."""
    size, key = _MONTHS[freq], _KEY[freq]
    frame = imprese.assign(_periodo=imprese["mese"].dt.to_period(freq)).sort_values("mese")
    months = pd.Series(monthly.calendar(imprese["mese"]).to_period(freq)).value_counts()
    whole = sorted(p for p, n in months.items() if n == size)  # periods the data covers from start to end
    groups = frame.groupby(KEYS + ["_periodo"])
    out = groups[["classificazione"]].last()
    for column in ("iscrizioni", "cessazioni"):  # a month without a published value leaves fewer than `size`
        out[column] = groups[column].sum(min_count=size)
    last_month = frame["mese"] == frame["_periodo"].dt.asfreq("M", how="end").dt.to_timestamp()
    out["attive"] = frame[last_month].set_index(KEYS + ["_periodo"])["attive"].reindex(out.index)
    spans = frame.groupby(KEYS)["_periodo"].agg(["min", "max"])  # a gap inside a series, not before or after it
    index = pd.MultiIndex.from_tuples([(*group, p) for group, (first, last) in spans.iterrows() for p in whole
                                       if first <= p <= last], names=KEYS + ["_periodo"])
    out = out.reindex(index).reset_index()
    out[key] = [p.year if freq == "Y" else p.start_time for p in out.pop("_periodo")]
    for column in ("iscrizioni", "cessazioni", "attive"):
        out[column] = pd.to_numeric(out[column]).astype("Int64")
    out["saldo"] = out["iscrizioni"] - out["cessazioni"]
    columns = KEYS + [key, "classificazione", "iscrizioni", "cessazioni", "saldo", "attive"]
    return out[columns].sort_values(KEYS + [key]).reset_index(drop=True)


def quarterly(imprese: pd.DataFrame) -> pd.DataFrame:
    """`period_totals` by quarter: what the Imprese page shows."""
    return period_totals(imprese, "Q")


def _period_key(frame: pd.DataFrame) -> str:
    return "trimestre" if "trimestre" in frame else "anno"


def combine(quarters: pd.DataFrame, codes: list[str], new_code: str) -> pd.DataFrame:
    """Add rows for the sum of `codes` (e.g. Como + Lecco) under `new_code`; NA if any part is NA
    or missing (a period one province lacks is a gap for the two together)."""
    part = quarters[quarters["territorio"].isin(codes)]
    if part.empty:
        return quarters
    parts = len(codes)
    summed = part.groupby(["settore_ateco", _period_key(quarters)], as_index=False).agg(
        classificazione=("classificazione", "last"),
        **{c: (c, lambda s: s.sum(min_count=parts) if len(s) == parts else pd.NA)
           for c in ("iscrizioni", "cessazioni", "saldo", "attive")})
    summed["territorio"] = new_code
    for column in ("iscrizioni", "cessazioni", "saldo", "attive"):
        summed[column] = summed[column].astype("Int64")
    return pd.concat([quarters, summed[quarters.columns]], ignore_index=True)


def with_rates(periods: pd.DataFrame) -> pd.DataFrame:
    """Add attive_inizio (the stock at the end of the previous period) and tasso_natalita,
    tasso_mortalita and tasso_crescita per 100 of those firms. The first period, gaps and section
    rates across the ATECO break are NA."""
    key = _period_key(periods)
    out = periods.sort_values(["territorio", "settore_ateco", key]).reset_index(drop=True)
    groups = out.groupby([out["territorio"], out["settore_ateco"]])
    previous = groups["attive"].shift(1).astype("Float64")
    step = pd.DateOffset(months=3) if key == "trimestre" else 1
    consecutive = groups[key].shift(1) == out[key] - step
    same_scheme = (groups["classificazione"].shift(1) == out["classificazione"]) | (out["settore_ateco"] == TOTAL)
    out["attive_inizio"] = previous.where(consecutive).astype("Int64")
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
    """(latest quarter with published flows, same quarter one year earlier) for a territory and sector."""
    rows = rated[(rated["territorio"] == territory) & (rated["settore_ateco"] == sector)].sort_values("trimestre")
    rows = rows.dropna(subset=["iscrizioni", "cessazioni"])
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


# --- registrations and closures over 12 months (the overview card, its sentence and the slide) ---

FIRM_COLUMNS = ["mese", "iscrizioni", "cessazioni", "saldo", "iscrizioni_12m", "cessazioni_12m", "saldo_12m"]


def monthly_firm_flows(imprese: pd.DataFrame, territories) -> pd.DataFrame:
    """Registrations, closures and balance of all sectors per month summed over `territories`, with
    12-month moving sums, on the gap rule of indicators.monthly. Columns: FIRM_COLUMNS (Float64)."""
    totals = imprese[imprese["settore_ateco"] == TOTAL]  # each published cell is its own row
    return monthly.inflow_outflow(monthly.area_sum(totals, "iscrizioni", territories),
                                  monthly.area_sum(totals, "cessazioni", territories),
                                  ("iscrizioni", "cessazioni"))[FIRM_COLUMNS]


@dataclasses.dataclass(frozen=True)
class FirmFlows:
    """Business registrations and closures over the 12 months up to `fine`, and the 12 before."""

    inizio: pd.Timestamp
    fine: pd.Timestamp
    iscrizioni: float
    cessazioni: float
    iscrizioni_prec: float | None
    cessazioni_prec: float | None

    @property
    def saldo(self) -> float:
        return self.iscrizioni - self.cessazioni


def firm_flows_12m(imprese: pd.DataFrame, territories, until: int | None = None) -> FirmFlows | None:
    """Registrations and closures (all sectors) in the latest 12 known months ending in year
    `until` or before; None without 12 such months."""
    columns = ["iscrizioni", "cessazioni"]
    window = monthly.latest_window(monthly_firm_flows(imprese, territories), columns, until=until)
    if window is None:
        return None
    before = window.previous or dict.fromkeys(columns)
    return FirmFlows(window.inizio, window.fine, *(window.values[c] for c in columns), *(before[c] for c in columns))
