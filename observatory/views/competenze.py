"""The Competenze page: what the territory's firms ask for (Excelsior planned hires by professional
group, the groups hardest to find, hires by sector) and how that demand compares, as shares, with
the students its schools train (observatory.indicators.skills holds the method)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import ateco, charts, labels, territory
from observatory.indicators import registry, skills
from observatory.views import Card, ChartBlock, indicator_card

method_table = skills.method_table  # the mapping rules as the page shows them

#: demand measures the gap can be computed on, in the order the filter offers them
SOURCES = ("excelsior", "avviamenti")
_VALUE = {"excelsior": "entrate", "avviamenti": "eventi"}


def nuts_codes(provinces: tuple[str, ...]) -> tuple[str, ...]:
    """The NUTS codes of the provinces in scope (ISTAT codes, as the sidebar selects them)."""
    return tuple(p.nuts for p in territory.provinces() if p.istat in provinces)


@dataclasses.dataclass(frozen=True)
class PlannedView:
    """Excelsior's latest year in one scope: headline cards, planned hires by group and the groups
    hardest to recruit (None when no share is published); `empty` when the scope has no rows."""

    empty: bool
    cards_caption: str = ""
    cards: tuple[Card, ...] = ()
    groups: ChartBlock | None = None
    hardest: ChartBlock | None = None


def planned(excelsior: pd.DataFrame, *, territories: tuple[str, ...], scope_label: str, lang: str) -> PlannedView:
    """Planned hires and the share hard to recruit, as cards and two sorted bar charts."""
    t = labels.translator(lang)
    planned_hires = skills.planned_totals(excelsior, territories)
    if planned_hires is None:
        return PlannedView(empty=True)
    year = planned_hires.anno
    groups = skills.excelsior_demand(excelsior, list(territories), year)
    cards = tuple(indicator_card(key, registry.indicator(key).label(lang), text, None, lang) for key, text in (
        ("entrate_previste", labels.fmt_int(planned_hires.entrate, lang)),
        ("quota_difficile", labels.fmt_pct(planned_hires.quota_difficile, 1, lang))))
    top = groups.iloc[0]
    chart = charts.recipe(
        charts.sorted_bars, groups, category="categoria", value="entrate", value_title=t("skills.axis.hires"),
        lang=lang, indicator="entrate_previste",
        title=t("skills.chart.groups.title", territory=scope_label, year=year, group=top["categoria"],
                value=labels.fmt_int(top["entrate"], lang)))
    groups_block = ChartBlock(chart, groups, "excelsior_gruppi", "skills-groups", ("excelsior",),
                              t("skills.caption.excelsior"))
    hardest = groups.dropna(subset=["quota_difficile"]).sort_values("quota_difficile", ascending=False)
    hardest_block = None
    if not hardest.empty:
        chart = charts.recipe(
            charts.sorted_bars, hardest, category="categoria", value="quota_difficile",
            value_title=t("skills.axis.hard"), lang=lang, indicator="quota_difficile",
            title=t("skills.chart.hard.title", group=hardest["categoria"].iloc[0],
                    value=labels.fmt_pct(hardest["quota_difficile"].iloc[0], 1, lang)))
        hardest_block = ChartBlock(chart, hardest[["categoria", "anno", "entrate", "quota_difficile"]],
                                   "excelsior_difficile", "skills-hard", ("excelsior",), t("skills.caption.excelsior"))
    return PlannedView(False, f"{scope_label}, {year}", cards, groups_block, hardest_block)


def _sectors(avviamenti: pd.DataFrame, territories: tuple[str, ...], lang: str) -> pd.DataFrame:
    """Hires of the last 12 months by section, with the section's name."""
    sectors = skills.hires_demand(avviamenti, list(territories))
    return sectors.assign(settore=sectors["settore_ateco"].map(lambda s: ateco.section_name(s, lang)))


def hires_by_sector(avviamenti: pd.DataFrame, *, territories: tuple[str, ...], scope_label: str,
                    lang: str) -> ChartBlock | None:
    """Hires of the last 12 months by section, most first; None when the scope has no rows."""
    sectors = _sectors(avviamenti, territories, lang)
    if sectors.empty:
        return None
    period = labels.fmt_span(labels.fmt_month(sectors["dal"].iloc[0], lang),
                             labels.fmt_month(sectors["al"].iloc[0], lang))
    top = sectors.iloc[0]
    chart = charts.recipe(
        charts.sorted_bars, sectors, category="settore", value="eventi",
        value_title=labels.t("skills.axis.contracts", lang), lang=lang,
        title=labels.t("skills.chart.sectors.title", lang, territory=scope_label, period=period,
                       sector=top["settore"], value=labels.fmt_int(top["eventi"], lang)))
    return ChartBlock(chart, sectors, "assunzioni_settori", "skills-sectors", ("avviamenti",),
                      labels.t("skills.caption.hires", lang))


def _demand(source: str, frame: pd.DataFrame, territories: tuple[str, ...]) -> pd.DataFrame:
    """The demand rows of one measure in the scope, with their area."""
    if source == "excelsior":
        return skills.excelsior_demand(frame, list(territories))
    return skills.hires_demand(frame, list(territories))


@dataclasses.dataclass(frozen=True)
class GapOptions:
    """Whether the scope has students, and the demand measures (of those in the archive) with rows in it."""

    supply: bool
    sources: tuple[str, ...]


def gap_options(studenti: pd.DataFrame, *demand_frames: pd.DataFrame, sources: tuple[str, ...],
                territories: tuple[str, ...], provinces: tuple[str, ...]) -> GapOptions:
    """`demand_frames` are the datasets named in `sources`, in that order."""
    supply = not skills.student_supply(studenti, provinces).empty
    usable = tuple(source for source, frame in zip(sources, demand_frames)
                   if not _demand(source, frame, territories).empty)
    return GapOptions(supply, usable)


@dataclasses.dataclass(frozen=True)
class GapView:
    """Each area's share of demand beside its share of students, and the gap between them."""

    shares: ChartBlock
    gap: ChartBlock


def gap(demand_frame: pd.DataFrame, studenti: pd.DataFrame, *, source: str, territories: tuple[str, ...],
        provinces: tuple[str, ...], scope_label: str, lang: str) -> GapView:
    """The comparison for one demand measure (`source`, the dataset `demand_frame` comes from)."""
    t = labels.translator(lang)
    demand, value = _demand(source, demand_frame, territories), _VALUE[source]
    supply = skills.student_supply(studenti, provinces)
    gaps = skills.gap(demand, value, supply, lang)
    over, under = gaps.iloc[0], gaps.iloc[-1]
    subtitle = t("skills.gap.subtitle", demand=t(f"skills.what.{source}"), year=supply["anno_scolastico"].iloc[0])
    chart = charts.recipe(
        charts.paired_bars, skills.long_shares(gaps), category="nome", series="serie", value="quota",
        value_title=t("skills.axis.share"),
        series_names={"domanda": t("skills.series.demand"), "offerta": t("skills.series.supply")}, lang=lang,
        title=t("skills.chart.shares.title", territory=scope_label, area=over["nome"],
                demand=labels.fmt_pct(over["quota_domanda"], 1, lang),
                supply=labels.fmt_pct(over["quota_offerta"], 1, lang)))
    unmapped = subtitle + ". " + t("skills.unmapped",
                                   demand=labels.fmt_pct(skills.unmapped_share(demand, value), 1, lang),
                                   supply=labels.fmt_pct(skills.unmapped_share(supply, "studenti"), 1, lang))
    shares = ChartBlock(chart, gaps, "competenze_quote", "skills-shares", (source, "studenti"), unmapped)
    chart = charts.recipe(
        charts.sorted_bars, gaps, category="nome", value="divario", value_title=t("skills.axis.gap"), lang=lang,
        decimals=1, diverging=True,
        title=t("skills.chart.gap.title", over=over["nome"], over_value=labels.fmt_signed(over["divario"], 1, lang),
                under=under["nome"], under_value=labels.fmt_signed(under["divario"], 1, lang)))
    divide = ChartBlock(chart, gaps, "competenze_divario", "skills-gap", (source, "studenti"),
                        subtitle + ". " + t("skills.caption.gap"))
    return GapView(shares, divide)
