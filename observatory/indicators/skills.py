"""Demand for skills (Excelsior planned hires, hires by sector) beside supply (upper-secondary
students by kind of institute), compared as shares of four broad areas.

The correspondence between professional groups / ATECO sections and kinds of school is the
observatory's own approximation, kept as a readable table in skills_map.csv (one row per rule,
first match wins, with a note): it is a method choice, not a figure from any source. The student
files give no field of study (indirizzo), so supply is read from the kind of institute the school
code names (liceo scientifico, istituto tecnico commerciale, professionale alberghiero…)."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pandas as pd

from observatory.indicators import education, monthly

MAP_FILE = Path(__file__).with_name("skills_map.csv")

#: area code → (italiano, english), in the order the page shows them.
AREAS: dict[str, tuple[str, str]] = {
    "industria": ("Industria, tecnologia e costruzioni", "Industry, technology and construction"),
    "amministrazione": ("Amministrazione, commercio e finanza", "Administration, trade and finance"),
    "servizi": ("Turismo, ristorazione e servizi alla persona", "Tourism, catering and personal services"),
    "generale": ("Licei e professioni ad alta qualifica", "General schools and graduate occupations"),
}


@lru_cache(maxsize=1)
def rules() -> pd.DataFrame:
    """The mapping table: dimensione, modello, area ('' = not comparable), nota."""
    table = pd.read_csv(MAP_FILE, dtype=str, keep_default_na=False)
    unknown = set(table["area"]) - set(AREAS) - {""}
    if unknown:
        raise ValueError(f"skills_map.csv: unknown areas {sorted(unknown)}")
    return table


def area_name(code: str, lang: str = "it") -> str:
    italian, english = AREAS.get(code, (code, code))
    return english if lang == "en" else italian


def area_of(dimension: str, value: str) -> str | None:
    """The area of one category; sections and fields match exactly, names by substring."""
    table = rules()
    text = str(value).casefold()
    for row in table[table["dimensione"] == dimension].itertuples():
        pattern = row.modello.casefold()
        hit = text == pattern if dimension in ("settore_ateco", "tipologia") else pattern in text
        if hit:
            return row.area or None
    return None


def _shares(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    """Sum `value` by area over mapped rows; quota = % of the mapped total. Columns: area, <value>, quota."""
    mapped = frame[frame["area"].notna()]
    sums = mapped.groupby("area")[value].sum().reindex(list(AREAS)).fillna(0)
    total = sums.sum()
    out = sums.rename(value).reset_index()
    out["quota"] = out[value] / total * 100 if total else pd.NA
    return out


def unmapped_share(frame: pd.DataFrame, value: str) -> float | None:
    """% of `value` that no rule places in an area (shown on the page, not hidden)."""
    total = frame[value].sum()
    return float(frame.loc[frame["area"].isna(), value].sum() / total * 100) if total else None


def planned_year(excelsior: pd.DataFrame, territories, until: int | None = None) -> int | None:
    """The latest Excelsior year (`until` or before) that every territory in scope has: a year one
    of them lacks is a gap for the area, not a smaller total."""
    rows = excelsior[excelsior["territorio"].isin(territories)]
    if until is not None:
        rows = rows[rows["anno"] <= until]
    covered = rows.groupby("anno")["territorio"].nunique()
    years = covered[covered == len(set(territories))].index
    return int(years.max()) if len(years) else None


def excelsior_demand(excelsior: pd.DataFrame, territories: list[str], year: int | None = None) -> pd.DataFrame:
    """Planned hires by professional group in `territories` (NUTS) in `year` (by default
    `planned_year`), with their area.

    Columns: categoria, area, entrate, difficili (hires hard to recruit), quota_difficile (%), anno.
    Suppressed cells stay NA and drop out of sums."""
    year = planned_year(excelsior, territories) if year is None else year
    rows = excelsior[(excelsior["dimensione"] == "gruppo_professionale") & excelsior["territorio"].isin(territories)
                     & (excelsior["anno"] == year)]
    rows = rows.assign(difficili=rows["entrate"] * rows["quota_difficile"] / 100)
    out = rows.groupby("categoria", as_index=False)[["entrate", "difficili"]].sum(min_count=1)
    out["quota_difficile"] = (out["difficili"] / out["entrate"] * 100).astype("Float64")
    out["area"] = out["categoria"].map(lambda c: area_of("gruppo_professionale", c))
    out["anno"] = year if not rows.empty else pd.NA
    return out.sort_values("entrate", ascending=False).reset_index(drop=True)


@dataclasses.dataclass(frozen=True)
class Planned:
    """The area's planned hires in one survey year and the share hard to recruit (None when no
    share is published)."""

    anno: int
    entrate: float
    quota_difficile: float | None


def planned_totals(excelsior: pd.DataFrame, territories, until: int | None = None) -> Planned | None:
    """Planned hires of the area in its latest complete year (`until` or before): the published
    totals (dimensione 'totale') when every territory has one, else the sum of the professional
    groups; the share hard to recruit is weighted by hires over the rows that publish it. The
    card, the slide title and its notes all quote this."""
    year = planned_year(excelsior, territories, until)
    if year is None:
        return None
    rows = excelsior[excelsior["territorio"].isin(territories) & (excelsior["anno"] == year)]
    basis = rows[rows["dimensione"] == "totale"]
    if basis["territorio"].nunique() < len(set(territories)):
        basis = rows[rows["dimensione"] == "gruppo_professionale"]
    if basis["entrate"].notna().sum() == 0:
        return None
    known = basis.dropna(subset=["entrate", "quota_difficile"])
    weight = known["entrate"].sum()
    hard = float((known["entrate"] * known["quota_difficile"]).sum() / weight) if weight else None
    return Planned(year, float(basis["entrate"].sum()), hard)


def hires_demand(avviamenti: pd.DataFrame, territories: list[str]) -> pd.DataFrame:
    """Hires by ATECO section in `territories` over the latest 12 known months (the window of the
    overview card, whose total they add up to), with their area.

    Columns: settore_ateco, area, eventi, dal, al."""
    columns = ["settore_ateco", "area", "eventi", "dal", "al"]
    total = monthly.area_sum(avviamenti, "eventi", territories)
    window = monthly.latest_window(total.rename("eventi").rename_axis("mese").reset_index(), ["eventi"])
    if window is None:
        return pd.DataFrame(columns=columns)
    by_section = monthly.area_sum(avviamenti, "eventi", territories, by="settore_ateco")
    sums = monthly.covered_sum(by_section, window.inizio, window.fine)
    out = sums[sums > 0].rename("eventi").rename_axis("settore_ateco").reset_index()
    out["area"] = out["settore_ateco"].map(lambda s: area_of("settore_ateco", s))
    out["dal"], out["al"] = window.inizio, window.fine
    return out.sort_values("eventi", ascending=False).reset_index(drop=True)[columns]


def student_supply(studenti: pd.DataFrame, provinces: tuple[str, ...]) -> pd.DataFrame:
    """Latest school year's upper-secondary students in `provinces` by kind of institute (the school
    code's type, e.g. 'TD' istituto tecnico commerciale), with its area.

    Columns: tipo_scuola, tipologia, area, studenti, anno_scolastico."""
    rows = education.in_scope(studenti, provinces)
    rows = rows[rows["ordine"] == "secondaria_secondo_grado"]
    if rows.empty:
        return pd.DataFrame(columns=["tipo_scuola", "tipologia", "area", "studenti", "anno_scolastico"])
    year = rows["anno_scolastico"].max()
    out = education.by_school_kind(rows, year).drop(columns="quota")
    out.insert(2, "area", out["tipologia"].map(lambda code: area_of("tipologia", code)))
    out["anno_scolastico"] = year
    return out


def gap(demand: pd.DataFrame, demand_value: str, supply: pd.DataFrame, lang: str = "it") -> pd.DataFrame:
    """Each area's share of demand vs its share of supply (mapped totals only).

    Columns: area, nome (area name in `lang`), domanda, offerta (raw sums), quota_domanda, quota_offerta (%), divario
    (percentage points: positive = the territory asks for more than it trains)."""
    asked = _shares(demand, demand_value).rename(columns={demand_value: "domanda", "quota": "quota_domanda"})
    trained = _shares(supply, "studenti").rename(columns={"studenti": "offerta", "quota": "quota_offerta"})
    out = asked.merge(trained, on="area", validate="one_to_one")
    out["divario"] = out["quota_domanda"] - out["quota_offerta"]
    out.insert(1, "nome", out["area"].map(lambda a: area_name(a, lang)))
    return out.sort_values("divario", ascending=False).reset_index(drop=True)


def long_shares(gaps: pd.DataFrame) -> pd.DataFrame:
    """The two shares of each area in long form for a paired-bar chart.

    Columns: area, nome (area name), serie ('domanda'/'offerta'), quota (%); areas by gap."""
    out = gaps.melt(id_vars=["area", "nome"], value_vars=["quota_domanda", "quota_offerta"], var_name="serie",
                    value_name="quota")
    out["serie"] = out["serie"].str.removeprefix("quota_")
    order = {a: i for i, a in enumerate(gaps["area"])}
    return out.sort_values(["area", "serie"], key=lambda s: s.map(order) if s.name == "area" else s
                           )[["area", "nome", "serie", "quota"]].reset_index(drop=True)


def method_table(lang: str = "it") -> pd.DataFrame:
    """The mapping rules as shown on the page. Columns: dimensione, modello, area, nota."""
    table = rules().copy()
    table["area"] = table["area"].map(lambda a: area_name(a, lang) if a else "—")
    return table
