"""The Comuni page: the list and map to pick a municipality; its profile (ranks, headline cards),
population pyramid, local units by sector, students of its schools, and its comparison with its
province and a second municipality. The page asks for each view by municipality code and language."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pyarrow as pa

from observatory import ateco, charts, labels, maps, territory
from observatory.indicators import education, municipality, population, registry
from observatory.views import Card, ChartBlock, boundary_features, by_identity

#: datasets a profile can do without; the page passes those present after the two it needs
OPTIONAL = ("unita_locali", "studenti")
#: the comparison box's "no second municipality"
NONE = "-"
_RANKED = ("unita_locali_1000ab", "addetti_1000ab")


@dataclasses.dataclass(frozen=True, eq=False)
class Choices:
    """The municipalities to pick from: display names ('Lecco (LC)') by code, codes sorted by
    name, and the comparison box's choices in order with their names (NONE first)."""

    names: dict[str, str]
    codes: tuple[str, ...]
    compare_names: dict[str, str]


def choices(comuni: pd.DataFrame, *, lang: str) -> Choices:
    names = dict(zip(comuni["comune_istat"], comuni["comune"] + " (" + comuni["sigla"] + ")"))
    codes = tuple(sorted(names, key=names.get))
    return Choices(names, codes, {NONE: labels.t("mun.compare.none", lang), **{c: names[c] for c in codes}})


@dataclasses.dataclass(frozen=True, eq=False)
class SelectionMap:
    """The clickable population map, built and serialised once per highlighted municipality."""

    deck: maps.FrozenDeck
    legend: tuple[maps.LegendClass, ...]
    legend_title: str
    caption: str


def selection_map(comuni: pd.DataFrame, popolazione: pd.DataFrame, *, highlight: str | None,
                  lang: str) -> SelectionMap:
    """Residents of every municipality; `highlight` gets a black outline."""
    everyone = tuple(p.istat for p in territory.provinces())
    residents = population.residents_by_municipality(popolazione, comuni, everyone)
    features, outlines = boundary_features(comuni)
    label = registry.indicator("popolazione").label(lang)
    deck, legend = maps.choropleth(features, outlines, residents[["comune_istat", "valore"]], value_label=label,
                                   lang=lang, highlight=highlight, selectable=True)
    deck.to_json()  # serialised here, once
    return SelectionMap(deck, tuple(legend), f"{label} — {labels.t('map.legend', lang)}",
                        labels.t("mun.map.caption", lang))


@by_identity
def _table(comuni, popolazione, unita, studenti) -> pd.DataFrame:
    """municipality.indicators for every municipality: each profile ranks its municipality against
    all of them (tens of ms to build), so it is built once per snapshot."""
    return municipality.indicators(comuni, popolazione, unita, studenti)


def _optional(frames: tuple[pd.DataFrame, ...], present: tuple[str, ...]) -> tuple[pd.DataFrame | None, ...]:
    """(unita_locali, studenti), None for those the snapshot lacks."""
    found = dict(zip(present, frames))
    return tuple(found.get(dataset_id) for dataset_id in OPTIONAL)


@dataclasses.dataclass(frozen=True)
class Profile:
    """The head of the profile: name, ranks among all municipalities, headline cards."""

    name: str
    ranks: str
    cards_caption: str
    cards: tuple[Card, ...]
    dataset_ids: tuple[str, ...]
    #: the caption line by line with the datasets each line speaks of, so a demo badge goes on the
    #: line of the constructed sample only (the residents are ISTAT's even when local units are demo)
    caption_lines: tuple[tuple[str, tuple[str, ...]], ...] = ()


def profile(comuni: pd.DataFrame, popolazione: pd.DataFrame, *frames: pd.DataFrame, present: tuple[str, ...],
            code: str, lang: str) -> Profile:
    t = labels.translator(lang)
    unita, studenti = _optional(frames, present)
    table = _table(comuni, popolazione, unita, studenti)
    me = table[table["comune_istat"] == code].iloc[0]
    pop_rank, counted = municipality.rank(table, "popolazione", code)
    ranks = t("mun.ranks", pop_rank=pop_rank, n=counted)
    (ul_rank, ul_counted), (emp_rank, emp_counted) = (municipality.rank(table, m, code) for m in _RANKED)
    if ul_rank:
        ranks += t("mun.ranks.local", ul_rank=ul_rank, n_ul=ul_counted)
    if emp_rank:
        ranks += t("mun.ranks.employees", rank=emp_rank, n=emp_counted)
    lines = [(t("mun.cards.caption", year=int(me["anno"])), ("popolazione",))]
    if unita is not None:
        lines.append((t("mun.cards.caption.local", year=int(unita["anno"].max())).strip(), ("unita_locali",)))
    caption = " ".join(text for text, _ in lines)
    cards = (Card(registry.indicator("popolazione").label(lang), labels.fmt_int(me["popolazione"], lang)),
             Card(t("mun.row.quota_65_piu"), labels.fmt_pct(me["quota_65_piu"], 1, lang)),
             *(Card(registry.indicator(m).label(lang), labels.fmt_number(me[m], 1, lang)) for m in _RANKED))
    return Profile(f"{me['comune']} ({comuni.loc[comuni['comune_istat'] == code, 'sigla'].iloc[0]})", ranks,
                   caption, cards, ("popolazione", *present), tuple(lines))


@dataclasses.dataclass(frozen=True, eq=False)
class Comparison:
    """The municipality beside its province and, optionally, another one: the numbers (for the
    downloads) and the same table as text in the reader's format, as Arrow (drawn: Streamlit
    converts a pandas frame again on every rerun)."""

    numbers: pd.DataFrame
    table: pa.Table
    name: str
    dataset_ids: tuple[str, ...]


def comparison(comuni: pd.DataFrame, popolazione: pd.DataFrame, *frames: pd.DataFrame, present: tuple[str, ...],
               code: str, other: str, lang: str) -> Comparison:
    """`other` is a municipality code or NONE."""
    unita, studenti = _optional(frames, present)
    table = _table(comuni, popolazione, unita, studenti)
    numbers = municipality.comparison(table, code, None if other == NONE else other,
                                      labels.t("mun.province_of", lang))
    row_names = {key: labels.t(f"mun.row.{key}", lang) for key in municipality.COMPARED}
    shown = municipality.formatted(numbers, row_names, lang, labels.t("sources.col.indicator", lang))
    return Comparison(numbers, pa.Table.from_pandas(shown, preserve_index=False), f"confronto_{code}",
                      ("popolazione", *present))


def pyramid(comuni: pd.DataFrame, popolazione: pd.DataFrame, *, code: str, lang: str) -> ChartBlock:
    """Residents by five-year band and sex, titled with the population and its age shares."""
    t = labels.translator(lang)
    residents = municipality.residents(popolazione)
    me = residents[residents["comune_istat"] == code].iloc[0]
    name = comuni.loc[comuni["comune_istat"] == code, "comune"].iloc[0]
    bands = municipality.pyramid(popolazione, code)
    chart = charts.recipe(
        charts.pyramid, bands, band="classe_eta", sex="sesso", value="persone", order=municipality.band_order(),
        sex_names={"maschi": t("mun.males"), "femmine": t("mun.females")}, value_title=t("mun.axis.people"),
        lang=lang, title=t("mun.chart.pyramid.title", name=name, pop=labels.fmt_int(me["popolazione"], lang),
                           old=labels.fmt_pct(me["quota_65_piu"], 1, lang),
                           young=labels.fmt_pct(me["quota_0_14"], 1, lang)))
    return ChartBlock(chart, bands, f"piramide_{code}", "mun-pyramid", ("popolazione",),
                      t("mun.caption.pyramid", year=int(me["anno"])))


@dataclasses.dataclass(frozen=True, eq=False)
class Economy:
    """Local units and employees by sector, students by field: a chart, or the sentence saying
    why there is none (no local unit, no school; None when the dataset is missing)."""

    sectors: ChartBlock | str | None
    students: ChartBlock | str | None


def economy(comuni: pd.DataFrame, *frames: pd.DataFrame, present: tuple[str, ...], code: str,
            lang: str) -> Economy:
    unita, studenti = _optional(frames, present)
    name = comuni.loc[comuni["comune_istat"] == code, "comune"].iloc[0]
    return Economy(None if unita is None else _sectors(unita, code, name, lang),
                   None if studenti is None else _students(studenti, code, name, lang))


def _sectors(unita: pd.DataFrame, code: str, name: str, lang: str) -> ChartBlock | str:
    by_sector = municipality.sectors(unita, code)
    if by_sector.empty:
        return labels.t("mun.no_local", lang, name=name)
    by_sector = by_sector.assign(settore=by_sector["settore_ateco"].map(
        lambda s: ateco.section_name(s, lang, ateco.BY_DATASET["unita_locali"])))
    top = by_sector.iloc[0]
    chart = charts.recipe(
        charts.sorted_bars, by_sector, category="settore", value="addetti",
        value_title=registry.column_label("addetti", lang), lang=lang,
        title=labels.t("mun.chart.sectors.title", lang, name=name, sector=top["settore"],
                       value=labels.fmt_int(top["addetti"], lang), units=labels.fmt_int(top["unita_locali"], lang)))
    return ChartBlock(chart, by_sector, f"unita_locali_{code}", "mun-sectors", ("unita_locali",),
                      labels.t("mun.caption.local", lang, year=int(top["anno"])))


def _students(studenti: pd.DataFrame, code: str, name: str, lang: str) -> ChartBlock | str:
    here = education.in_municipality(studenti, code)
    if here.empty:
        return labels.t("mun.no_school", lang, name=name)
    year = education.years(here)[-1]
    fields = education.by_type(here, year)
    fields.insert(2, "nome", fields["tipo_scuola"].map(lambda code: labels.t(f"edu.type.{code}", lang)))
    chart = charts.recipe(
        charts.sorted_bars, fields, category="nome", value="studenti", value_title=labels.t("edu.axis.students", lang),
        lang=lang, title=labels.t("mun.chart.students.title", lang, name=name, year=year,
                                  value=labels.fmt_int(fields["studenti"].sum(), lang)))
    return ChartBlock(chart, fields, f"studenti_{code}", "mun-students", ("studenti",), labels.t("edu.caption", lang))
