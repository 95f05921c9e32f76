"""The Imprese page: business births, closures and rates by quarter and sector (Registro Imprese),
and local units and employees per 1,000 residents by municipality (ISTAT ASIA)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import ateco, charts, labels, territory
from observatory.ateco import TOTAL
from observatory.indicators import enterprises, municipality, population, registry
from observatory.views import Card, ChartBlock, MapView, indicator_card, map_view

COMBINED = "CO+LC"
#: the registry indicator of each headline card (enterprises.HEADLINE_FIELDS)
_CARD_INDICATORS = ("iscrizioni", "cessazioni_imprese", "saldo_imprese", "tasso_natalita", "tasso_mortalita")
_RATE_COLUMNS = ["periodo", "territorio", "settore_ateco", "classificazione", "iscrizioni", "cessazioni",
                 "attive", "tasso_natalita", "tasso_mortalita"]


def _rated(imprese: pd.DataFrame, lang: str) -> pd.DataFrame:
    provinces = tuple(p.nuts for p in territory.provinces())
    return enterprises.rated_quarters(imprese, provinces=provinces, label=COMBINED, lang=lang)


def _sector_name(code: str, lang: str) -> str:
    """A Business Register section's name: its codes are ATECO 2025 letters in every month."""
    return ateco.section_name(code, lang, ateco.BY_DATASET["imprese"])


def _names(lang: str) -> dict[str, str]:
    return {**territory.territory_names(), COMBINED: labels.t("territory.both", lang)}


@dataclasses.dataclass(frozen=True)
class FlowOptions:
    """The choices the flows filters offer: sections (total first) with their names, and years."""

    sectors: tuple[str, ...]
    sector_names: dict[str, str]
    years: tuple[str, ...]


def flow_options(imprese: pd.DataFrame, *, lang: str) -> FlowOptions:
    rated = _rated(imprese, lang)
    sectors = [TOTAL] + sorted(s for s in rated["settore_ateco"].unique() if s != TOTAL)
    return FlowOptions(tuple(sectors), {s: _sector_name(s, lang) for s in sectors},
                       tuple(str(y) for y in sorted(rated["trimestre"].dt.year.unique().tolist())))


@dataclasses.dataclass(frozen=True)
class FlowsView:
    """Cards and charts of births and closures for one scope, sector and starting year; `empty`
    when the territory has no rows for that sector."""

    empty: bool
    cards_caption: str = ""
    cards: tuple[Card, ...] = ()
    balance: ChartBlock | None = None
    rates: tuple[ChartBlock, ...] = ()
    sectors: ChartBlock | None = None


def flows(imprese: pd.DataFrame, *, provinces: tuple[str, ...], sector: str, since: int, lang: str) -> FlowsView:
    """Headline cards, birth and death rate trends, the balance by quarter and by section."""
    t = labels.translator(lang)
    rated = _rated(imprese, lang)
    names = _names(lang)
    provs = [p for p in territory.provinces() if p.istat in provinces]
    focus = provs[0].nuts if len(provs) == 1 else COMBINED
    lombardia, _ = territory.region()
    sector_name = _sector_name(sector, lang)
    head = enterprises.headline(rated, focus, sector, lang)
    if head is None:
        return FlowsView(empty=True)

    cards = []  # short labels fit five cards in a row; the full name and definition are on hover
    for field, indicator_id in zip(enterprises.HEADLINE_FIELDS, _CARD_INDICATORS):
        value, change = head[field]
        decimals = registry.indicator(indicator_id).decimals
        cards.append(indicator_card(indicator_id, t(f"biz.card.{field}"), labels.fmt_number(value, decimals, lang),
                                    change, lang, unit=t("biz.unit.pp") if decimals else ""))

    quarter = head["periodo"]
    brk = enterprises.break_quarter(enterprises.combined_quarters(
        imprese, provinces=tuple(p.nuts for p in territory.provinces()), label=COMBINED))
    rule = enterprises.quarter_label(brk, lang) if brk is not None and brk.year >= since else None
    shown = enterprises.series(rated, [p.nuts for p in provs] + [lombardia, territory.ITALIA], sector, since)
    # the caption speaks of a dashed line only where the chart draws one
    ateco = " ".join(p for p in (t("biz.caption.ateco") if brk is not None else "",
                                 t("biz.caption.dashed") if rule is not None else "") if p)
    rates = []
    for rate, title_key in (("tasso_natalita", "biz.chart.birth.title"), ("tasso_mortalita", "biz.chart.death.title")):
        found = enterprises.rate_values(rated, [p.nuts for p in provs], sector, head["trimestre"], rate)
        values = " · ".join(f"{names[code]} {labels.fmt_number(v, 2, lang)}" for code, v in found.items())
        chart = charts.recipe(
            charts.trend_lines, shown, x="periodo", y=rate, territory="territorio",
            title=t(title_key, quarter=quarter, values=values or labels.MISSING, sector=sector_name),
            y_title=t("biz.axis.rate"), names=names, lang=lang, indicator=rate, break_at=rule,
            break_label=t("biz.break"))
        rates.append(ChartBlock(chart, shown[_RATE_COLUMNS], f"imprese_{rate}", f"biz-{rate}", ("imprese",),
                                 " ".join(p for p in (t("biz.caption.rates"), ateco) if p)))

    own = enterprises.series(rated, [focus], sector, since)
    chart = charts.recipe(
        charts.period_bars, own, x="periodo", value="saldo", value_title=t("biz.axis.balance"), lang=lang,
        title=t("biz.chart.balance.title", territory=names[focus], quarter=quarter, sector=sector_name,
                value=labels.fmt_signed(head["saldo"][0], 0, lang)),
        break_at=rule, break_label=t("biz.break"))
    balance = ChartBlock(chart, own[["periodo", "territorio", "settore_ateco", "iscrizioni", "cessazioni", "saldo"]],
                         "imprese_saldo", "biz-balance", ("imprese",),
                         " ".join(p for p in (t("biz.caption.break") if brk is not None else "",
                                              t("biz.caption.dashed") if rule is not None else "") if p))

    return FlowsView(
        empty=False,
        cards_caption=t("biz.cards.caption", territory=names[focus], quarter=quarter, previous=head["confronto"],
                        sector=sector_name),
        cards=tuple(cards), balance=balance, rates=tuple(rates), sectors=_sector_block(rated, focus, head, names, lang))


def _sector_block(rated: pd.DataFrame, focus: str, head: dict, names: dict[str, str], lang: str) -> ChartBlock | None:
    """The balance of every section in the latest quarter, best first."""
    breakdown = enterprises.by_sector(rated, focus, head["trimestre"])
    if breakdown.empty:
        return None
    breakdown = breakdown.assign(settore=breakdown["settore_ateco"].map(
        lambda s: _sector_name(s, lang)))
    top = breakdown.iloc[0]
    chart = charts.recipe(
        charts.sorted_bars, breakdown, category="settore", value="saldo",
        value_title=labels.t("biz.axis.balance", lang), lang=lang, indicator="saldo_imprese",
        title=labels.t("biz.chart.sectors.title", lang, territory=names[focus], quarter=head["periodo"],
                       best=top["settore"], value=labels.fmt_signed(top["saldo"], 0, lang)))
    return ChartBlock(chart, breakdown[["periodo", "settore_ateco", "settore", "iscrizioni", "cessazioni", "saldo",
                                        "tasso_natalita", "tasso_mortalita"]],
                      "imprese_settori", "biz-sectors", ("imprese",))


def local_metrics(*, lang: str) -> dict[str, str]:
    """The per-1,000-residents measures the map offers, with their names."""
    return {metric: registry.indicator(metric).label(lang) for metric in municipality.PER_THOUSAND}


def local_sectors(unita: pd.DataFrame, *, lang: str) -> dict[str, str]:
    """Sections of the local-units data (total first) with their names."""
    codes = [TOTAL] + sorted(s for s in unita["settore_ateco"].unique() if s != TOTAL)
    return {code: ateco.section_name(code, lang, ateco.BY_DATASET["unita_locali"]) for code in codes}


def local_units(unita: pd.DataFrame, popolazione: pd.DataFrame, comuni: pd.DataFrame, *,
                provinces: tuple[str, ...], sector: str, metric: str, scope_label: str, lang: str,
                highlight: str | None) -> MapView:
    """Local units or employees per 1,000 residents by municipality, as a map."""
    values = municipality.per_thousand(unita, popolazione, comuni, provinces=provinces, sector=sector, metric=metric)
    indicator = registry.indicator(metric)
    best = values.dropna(subset=["valore"]).head(1)
    title = labels.t("biz.map.title", lang, metric=indicator.label(lang), territory=scope_label,
                     sector=ateco.section_name(sector, lang, ateco.BY_DATASET["unita_locali"]),
                     top=best["comune"].iloc[0] if len(best) else labels.MISSING,
                     value=labels.fmt_number(best["valore"].iloc[0] if len(best) else None, indicator.decimals, lang))
    caption = labels.t("biz.map.caption", lang, year=int(unita["anno"].max()), pop_year=int(popolazione["anno"].max()))
    return map_view(values, comuni, indicator_id=metric, title=title, caption=caption,
                    dataset_ids=("unita_locali", "popolazione"), lang=lang, highlight=highlight,
                    towns=population.main_towns(popolazione, comuni, provinces))
