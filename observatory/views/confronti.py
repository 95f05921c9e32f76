"""The Confronti page: ATECO sections side by side for Como, Lecco and Lombardia (hires, balance,
local units, employees), and how hires by section change over time as an index (base year = 100)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import ateco, charts, labels, territory
from observatory.indicators import sectors, titles
from observatory.views import ChartBlock

FLOW_IDS = ("avviamenti", "cessazioni")
FLOW_MEASURES, MEASURES = sectors.FLOW_MEASURES, sectors.MEASURES
UNIT_IDS = ("unita_locali", "comuni")


def _compared() -> tuple[str, ...]:
    """NUTS codes of Como, Lecco and Lombardia, in that order."""
    return tuple(p.nuts for p in territory.provinces()) + (territory.region()[0],)


def _yearly(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame) -> pd.DataFrame:
    return sectors.yearly_flows_by_section(avviamenti, cessazioni, territories=_compared())


@dataclasses.dataclass(frozen=True)
class FlowOptions:
    """What the hires filters offer: complete years (latest first) and sections by hires, largest first."""

    years: tuple[int, ...]
    sections: tuple[str, ...]
    section_names: dict[str, str]


def flow_options(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, *, lang: str) -> FlowOptions:
    yearly = _yearly(avviamenti, cessazioni)
    codes = sectors.top_sections(yearly, "assunzioni")
    return FlowOptions(tuple(sorted((int(y) for y in yearly["anno"].unique()), reverse=True)), tuple(codes),
                       {c: ateco.section_name(c, lang) for c in codes})


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The sections of each territory side by side, and a note to show above the chart (or "")."""

    block: ChartBlock
    note: str = ""


def _comparison(table: pd.DataFrame, measure: str, relative: bool, caption: str, dataset_ids: tuple[str, ...],
                lang: str) -> ChartBlock:
    t = labels.translator(lang)
    names = territory.territory_names()
    axis = t("sectors.axis.saldo_quota" if measure == "saldo" else "sectors.axis.quota") if relative \
        else t("sectors.axis.valore")
    shown = sectors.with_section_names(table, lang)
    order = [ateco.section_name(c, lang) for c in sectors.top_sections(table, "valore")]
    scale = "quota" if relative else "valore"
    chart = charts.recipe(charts.grouped_bars, shown, category="nome", value="valore", territory="territorio",
                          names=names, lang=lang, value_title=axis, decimals=1 if relative else 0, sort=order,
                          title=titles.comparison_title(table, t(f"sectors.measure.{measure}"), names, lang, relative))
    return ChartBlock(chart, shown, f"settori_{measure}_{scale}", "compare", dataset_ids, caption)


def flow_comparison(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, *, measure: str, relative: bool, year: int,
                    lang: str) -> Comparison:
    """Hires or balance by section in one complete year: shares of the area (or per 100 hires) or counts."""
    yearly = _yearly(avviamenti, cessazioni)
    table = sectors.section_comparison(yearly[yearly["anno"] == year], measure, relative)
    return Comparison(_comparison(table, measure, relative, labels.t("sectors.caption.flows", lang, year=year),
                                  FLOW_IDS, lang))


def unit_comparison(unita_locali: pd.DataFrame, comuni: pd.DataFrame, *, measure: str, relative: bool,
                    lang: str) -> Comparison:
    """Local units or employees by section, summed over each province's municipalities (no Lombardia)."""
    nuts_of = {p.istat: p.nuts for p in territory.provinces()}
    units = sectors.local_units_by_province(unita_locali, comuni, nuts_of=nuts_of)
    table = sectors.section_comparison(units, measure, relative)
    caption = labels.t("sectors.caption.units", lang, year=int(units["anno"].iloc[0]))
    return Comparison(_comparison(table, measure, relative, caption, UNIT_IDS, lang),
                      labels.t("sectors.no_region", lang))


def _indexed(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, base_year: int, lang: str) -> pd.DataFrame:
    yearly = _yearly(avviamenti, cessazioni)
    return sectors.with_section_names(sectors.indexed(yearly, "assunzioni", base_year), lang)


def section_trend(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, *, base_year: int, section: str,
                  lang: str) -> ChartBlock:
    """Hires of one section as an index (base year = 100), one line per territory."""
    names = territory.territory_names()
    name = ateco.section_name(section, lang)
    indexed = _indexed(avviamenti, cessazioni, base_year, lang)
    one = indexed[indexed["settore_ateco"] == section]
    chart = charts.recipe(charts.trend_lines, one, x="anno", y="indice", territory="territorio", names=names,
                          lang=lang, decimals=0, title=titles.index_title(one, name, base_year, names, lang),
                          subtitle=name, y_title=labels.t("sectors.index.axis", lang))
    return ChartBlock(chart, one, f"indice_assunzioni_{section}_{base_year}", "index", ("avviamenti",),
                      labels.t("sectors.index.caption", lang, base=base_year))


def all_trends(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, *, base_year: int, lang: str) -> ChartBlock:
    """Hires of every section as an index (base year = 100): one small chart per section."""
    indexed = _indexed(avviamenti, cessazioni, base_year, lang)
    chart = charts.recipe(charts.small_multiples, indexed, x="anno", y="indice", facet="nome", territory="territorio",
                          names=territory.territory_names(), lang=lang, columns=4,
                          title=labels.t("sectors.multiples.title", lang, base=base_year),
                          y_title=labels.t("sectors.index.axis", lang))
    return ChartBlock(chart, indexed, f"indice_assunzioni_settori_{base_year}", "multiples", ("avviamenti",),
                      labels.t("sectors.index.caption", lang, base=base_year))
