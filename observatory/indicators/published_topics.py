"""Each topic's published headline, from the figures observatory.indicators.published selects: hires,
terminations and balance of a province's latest published year; registrations, closures and the stock
of businesses; Excelsior planned hires of the latest quarter. The overview cards and sentences, the
pages' cards and charts, the slides and their notes all quote these."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory.indicators import published
from observatory.indicators.published import Figure

#: the columns of a chart's rows: what is drawn, and where each value comes from
SOURCE_COLUMNS = ["fonte", "url", "data_pagina", "altre_versioni", "provenienza"]


@dataclasses.dataclass(frozen=True)
class YearFlows:
    """A province's hires of its latest published year, that year's terminations (None when not
    published) and balance: as published, else hires − terminations of the same release."""

    assunzioni: Figure
    cessazioni: Figure | None
    saldo: float | None
    saldo_circa: bool


def _balance(hires: Figure, ends: Figure | None, printed: Figure | None) -> tuple[float | None, bool]:
    if printed is not None:
        return printed.valore, printed.circa
    if ends is not None and ends.fonte == hires.fonte:
        return hires.valore - ends.valore, hires.circa or ends.circa
    return None, False


def latest_flows(rows: pd.DataFrame, nuts: str, until: int | None = None) -> YearFlows | None:
    """Hires, terminations and balance of province `nuts` in its latest published year (`until` or before)."""
    hires = published.latest(published.in_scope(rows, "assunzioni", [nuts], "anno", until))
    if hires is None:
        return None
    ends = published.at(published.in_scope(rows, "cessazioni", [nuts], "anno"), hires.periodo)
    balance, circa = _balance(hires, ends, published.at(published.in_scope(rows, "saldo", [nuts], "anno"),
                                                        hires.periodo))
    return YearFlows(hires, ends, balance, circa)


def flows_by_year(rows: pd.DataFrame, nuts, until: int | None = None) -> pd.DataFrame:
    """Every published year of each province in `nuts`: the rows a chart draws and exports.

    Columns: territorio, anno, assunzioni, cessazioni, saldo (as published, else hires −
    terminations of the same release), saldo_calcolato (hires − terminations), circa, then
    SOURCE_COLUMNS of the hires figure."""
    out = []
    for code in nuts:
        hires = published.in_scope(rows, "assunzioni", [code], "anno", until)
        ends = published.in_scope(rows, "cessazioni", [code], "anno", until)
        printed = published.in_scope(rows, "saldo", [code], "anno", until)
        for row in hires.itertuples():
            end, balance = published.at(ends, row.periodo), published.at(printed, row.periodo)
            value, circa = _balance(published.at(hires, row.periodo), end, balance)
            out.append({"territorio": code, "anno": int(row.periodo), "assunzioni": row.valore,
                        "cessazioni": None if end is None else end.valore, "saldo": value,
                        "saldo_calcolato": None if end is None else row.valore - end.valore,
                        "circa": bool(row.circa or circa), **{c: getattr(row, c) for c in SOURCE_COLUMNS}})
    columns = ["territorio", "anno", "assunzioni", "cessazioni", "saldo", "saldo_calcolato", "circa", *SOURCE_COLUMNS]
    frame = pd.DataFrame(out, columns=columns)
    return frame.astype({c: "Float64" for c in ("assunzioni", "cessazioni", "saldo", "saldo_calcolato")})


@dataclasses.dataclass(frozen=True)
class Firms:
    """Registrations of the area's latest published year, that year's closures (ex-officio deletions
    excluded, as the Chamber of Commerce publishes them) and balance, and the latest stock of
    registered businesses (its own date)."""

    iscrizioni: Figure
    cessazioni: Figure | None
    saldo: float | None
    registrate: Figure | None


def latest_firms(rows: pd.DataFrame, nuts, until: int | None = None) -> Firms | None:
    born = published.latest(published.in_scope(rows, "iscrizioni", nuts, "anno", until))
    if born is None:
        return None
    closed = published.at(published.in_scope(rows, "cessazioni_imprese", nuts, "anno"), born.periodo)
    stock = published.latest(published.in_scope(rows, "imprese_registrate", nuts, "data", until))
    balance = born.valore - closed.valore if closed is not None else None
    return Firms(born, closed, balance, stock)


def stock_series(rows: pd.DataFrame, nuts, until: int | None = None) -> pd.DataFrame:
    """Registered businesses of each province in `nuts` at every published date.

    Columns: territorio, data, imprese_registrate, then SOURCE_COLUMNS."""
    parts = [published.in_scope(rows, "imprese_registrate", [code], "data", until) for code in nuts]
    found = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=published.COLUMNS)
    out = found.rename(columns={"inizio": "data", "valore": "imprese_registrate"})
    return out[["territorio", "data", "imprese_registrate", *SOURCE_COLUMNS]].reset_index(drop=True)


def latest_stocks(rows: pd.DataFrame, nuts, until: int | None = None) -> dict[str, Figure]:
    """Each province's registered businesses at its latest published date (the chart title's, the slide's)."""
    found = {code: published.latest(published.in_scope(rows, "imprese_registrate", [code], "data", until))
             for code in nuts}
    return {code: figure for code, figure in found.items() if figure is not None}


@dataclasses.dataclass(frozen=True)
class Planned:
    """Excelsior planned hires of the area's latest published quarter, with the same quarter a year
    before, and the latest published share hard to recruit (its own quarter; None when not published)."""

    entrate: Figure
    quota_difficile: Figure | None


def planned_series(rows: pd.DataFrame, nuts, until: int | None = None) -> pd.DataFrame:
    """The area's planned hires in every published quarter (the published total, or the provinces'
    sum from one release). Columns: territorio, trimestre, inizio, entrate, circa, then SOURCE_COLUMNS."""
    found = published.in_scope(rows, "entrate_previste", nuts, "trimestre", until)
    out = found.rename(columns={"periodo": "trimestre", "valore": "entrate"})
    return out[["territorio", "trimestre", "inizio", "entrate", "circa", *SOURCE_COLUMNS]].reset_index(drop=True)


def latest_planned(rows: pd.DataFrame, nuts, until: int | None = None) -> Planned | None:
    hires = published.latest(published.in_scope(rows, "entrate_previste", nuts, "trimestre", until))
    if hires is None:
        return None
    return Planned(hires, published.latest(published.in_scope(rows, "quota_difficile", nuts, "trimestre", until)))


def quarters(first: pd.Timestamp, last: pd.Timestamp) -> list[str]:
    """Every quarter from `first` to `last` as the figures write them ('2024-Q3'), gaps included."""
    return [f"{p.year}-Q{p.quarter}" for p in pd.period_range(first, last, freq="Q")]
