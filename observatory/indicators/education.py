"""Students of the area's schools (Ministry of Education) for the Formazione page, the overview, the
municipality profile and the slides: totals by school order and type, over the school years, by
upper-secondary school type and by municipality of the school.

Rows are placed in a province by `provincia_istat` (the school's municipality, or the province its
code names when no registry lists it), so students that could not be placed in a municipality still
count in their province's totals; they are reported, never dropped. Years whose files cover fewer
school orders (2018/19–2020/21 have no infanzia) are never compared with complete years as a change."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import provenance
from observatory.sources.mim_codes import ORDERS, TYPES, UPPER_TYPES

ALL = "tutti"
#: the school filter's choices: everything, one order, or one upper-secondary school type
CHOICES = (ALL, *ORDERS, *UPPER_TYPES)


def in_scope(studenti: pd.DataFrame, provinces: tuple[str, ...]) -> pd.DataFrame:
    """Rows of schools of `provinces` (ISTAT codes such as '097'), placed in a municipality or not."""
    return studenti[studenti["provincia_istat"].isin(provinces)]


def in_municipality(studenti: pd.DataFrame, code: str) -> pd.DataFrame:
    """Rows of the schools located in one municipality."""
    return studenti[studenti["comune_istat"] == code]


def years(studenti: pd.DataFrame) -> list[str]:
    """School years present, oldest first ('2022/23', '2023/24', …)."""
    return sorted(studenti["anno_scolastico"].unique().tolist())


def select(studenti: pd.DataFrame, choice: str) -> pd.DataFrame:
    """Rows of one filter choice: every school, one order or one upper-secondary type."""
    if choice == ALL:
        return studenti
    column = "ordine" if choice in ORDERS else "tipo_scuola"
    return studenti[studenti[column] == choice]


def orders_of(studenti: pd.DataFrame, year: str) -> frozenset[str]:
    """The school orders a year's files cover."""
    return frozenset(studenti.loc[studenti["anno_scolastico"] == year, "ordine"].dropna())


def comparable_previous(studenti: pd.DataFrame, year: str) -> str | None:
    """The school year before `year` when it covers the same orders (else None: no change shown)."""
    known = years(studenti)
    if year not in known or known.index(year) == 0:
        return None
    previous = known[known.index(year) - 1]
    return previous if orders_of(studenti, previous) == orders_of(studenti, year) else None


def partial_years(studenti: pd.DataFrame) -> list[str]:
    """School years that lack an order some other year has (e.g. no infanzia in 2018/19–2020/21)."""
    every = frozenset(studenti["ordine"].dropna())
    return [y for y in years(studenti) if orders_of(studenti, y) != every]


@dataclasses.dataclass(frozen=True)
class Enrolment:
    """Students of the latest school year, and of the year before when it covers the same orders."""

    anno_scolastico: str
    totale: int
    anno_precedente: str | None
    totale_precedente: int | None


def latest_enrolment(studenti: pd.DataFrame, provinces) -> Enrolment | None:
    """The number the overview shows: every student of the schools of `provinces` in the latest year."""
    rows = in_scope(studenti, tuple(provinces))
    if rows.empty:
        return None
    latest = years(rows)[-1]
    previous = comparable_previous(rows, latest)
    total = lambda year: int(rows.loc[rows["anno_scolastico"] == year, "totale"].sum())  # noqa: E731
    return Enrolment(latest, total(latest), previous, total(previous) if previous else None)


def _sum(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Students summed by `keys` (column `studenti`), with the least faithful provenance of the rows
    summed when the dataset says it per row (captions and exports repeat it)."""
    aggregations = {"studenti": ("totale", "sum")}
    if provenance.COLUMN in rows:
        aggregations[provenance.COLUMN] = (provenance.COLUMN, provenance.least_faithful)
    return rows.groupby(keys, as_index=False).agg(**aggregations)


def by_type(studenti: pd.DataFrame, year: str) -> pd.DataFrame:
    """Students of one school year by order and type, in page order, types with no students left out.

    Columns: ordine, tipo_scuola, studenti, quota (% of the year's students) [, provenienza]."""
    rows = studenti[studenti["anno_scolastico"] == year]
    out = _sum(rows, ["ordine", "tipo_scuola"])
    out = out[out["studenti"] > 0]
    total = out["studenti"].sum()
    out["quota"] = out["studenti"] / total * 100 if total else pd.NA
    order = {t: i for i, t in enumerate(TYPES)}
    return out.sort_values("tipo_scuola", key=lambda s: s.map(order)).reset_index(drop=True)


def by_group_and_year(studenti: pd.DataFrame, group: str = "ordine") -> pd.DataFrame:
    """Students per school year and school order (`group` 'ordine') or type ('tipo_scuola'); a group
    absent from a year's files is absent, not 0.

    Columns: anno_scolastico, <group>, studenti [, provenienza]."""
    out = _sum(studenti, ["anno_scolastico", group])
    order = {t: i for i, t in enumerate(TYPES)}
    return out.sort_values([group, "anno_scolastico"],
                           key=lambda s: s.map(order) if s.name == group else s).reset_index(drop=True)


def summary(studenti: pd.DataFrame, year: str) -> dict:
    """Headline figures of `year`: total and per order, and the same for the comparable year before."""
    previous = comparable_previous(studenti, year)

    def figures(chosen: str | None) -> dict | None:
        if chosen is None:
            return None
        rows = studenti[studenti["anno_scolastico"] == chosen]
        per_order = rows.groupby("ordine")["totale"].sum()
        return {"totale": int(rows["totale"].sum()), **{o: int(per_order.get(o, 0)) for o in ORDERS}}

    return {"anno": year, "anno_precedente": previous, "ora": figures(year), "prima": figures(previous)}


def by_school_kind(studenti: pd.DataFrame, year: str, choice: str = ALL) -> pd.DataFrame:
    """Upper-secondary students of one year by the kind of institute the school code names (licei
    scientifici, istituti tecnici commerciali…), optionally of one type; largest first.

    Columns: tipo_scuola, tipologia, studenti, quota (% of the students shown) [, provenienza]."""
    rows = studenti[(studenti["anno_scolastico"] == year) & (studenti["ordine"] == "secondaria_secondo_grado")]
    rows = select(rows, choice) if choice in UPPER_TYPES else rows
    out = _sum(rows, ["tipo_scuola", "tipologia"])
    total = out["studenti"].sum()
    out["quota"] = out["studenti"] / total * 100 if total else pd.NA
    return out.sort_values("studenti", ascending=False).reset_index(drop=True)


def unplaced(studenti: pd.DataFrame, year: str) -> tuple[int, int, float | None]:
    """(sites, students, % of the year's students) of schools no registry places in a municipality."""
    rows = studenti[studenti["anno_scolastico"] == year]
    lost = rows[rows["comune_istat"].isna()]
    total = rows["totale"].sum()
    return len(lost), int(lost["totale"].sum()), float(lost["totale"].sum() / total * 100) if total else None


def by_municipality(studenti: pd.DataFrame, comuni: pd.DataFrame, provinces: tuple[str, ...], year: str,
                    choice: str = ALL) -> pd.DataFrame:
    """Students of `year` by municipality of the school, for every municipality of `provinces`.

    Columns: comune_istat, comune, provincia, valore; a municipality with no such school in the data
    is NA (shown as 'no school', never as zero students)."""
    rows = select(studenti[studenti["anno_scolastico"] == year], choice)
    counts = rows.groupby("comune_istat")["totale"].sum()
    scope = comuni[comuni["provincia_istat"].isin(provinces)][["comune_istat", "comune", "provincia"]].copy()
    scope["valore"] = scope["comune_istat"].map(counts).astype("Float64")
    return scope.sort_values("valore", ascending=False, na_position="last").reset_index(drop=True)
