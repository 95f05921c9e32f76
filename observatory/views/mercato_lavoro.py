"""The Mercato del lavoro page: labour-force rates with their series break (ISTAT), and hires and
terminations by month, by group and against the year before (Comunicazioni Obbligatorie). While
those flows are demo, the hires view leads with the figures published per province and year
(observatory.views.published), and the monthly detail below them is the constructed series.

Every function takes the province codes in scope (ISTAT, as the sidebar selects them) and returns
what one view draws; the numbers and titles come from observatory.indicators.labour, .hires and
.titles, the same functions the overview cards and the slides call."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import ateco, charts, labels, territory
from observatory.indicators import (
    hires,
    labour,
    monthly,
    registry,
    titles,
)
from observatory.views import Card, ChartBlock, indicator_card

ALL_SECTORS = "tutti"
FLOWS = ("avviamenti", "cessazioni")
RATES, SEXES, BREAKDOWNS = labour.RATES, labour.SEXES, hires.BREAKDOWNS


def _scope(provinces: tuple[str, ...]) -> tuple[list[territory.Province], list[str], str]:
    scope = [p for p in territory.provinces() if p.istat in provinces]
    return scope, [p.nuts for p in scope], " + ".join(p.name for p in scope)


@dataclasses.dataclass(frozen=True)
class RateOptions:
    """The names the rate filters show: indicators and sexes."""

    indicators: dict[str, str]
    sexes: dict[str, str]


def rate_options(*, lang: str) -> RateOptions:
    return RateOptions({i: registry.indicator(i).label(lang) for i in RATES},
                       {s: hires.category_name(s, lang) for s in SEXES})


@dataclasses.dataclass(frozen=True)
class RatesView:
    """One card per province (latest value, change on the year before) and the rate over time for
    the provinces, Lombardia and Italia, with the series break marked where the data puts it.
    `rates` is None when no territory has the combination in the archive: `missing` says so."""

    cards: tuple[Card, ...]
    rates: ChartBlock | None
    missing: str = ""


def rates(forze_lavoro: pd.DataFrame, *, provinces: tuple[str, ...], indicator: str, sex: str,
          lang: str) -> RatesView:
    t = labels.translator(lang)
    scope, nuts, _ = _scope(provinces)
    names = territory.territory_names()
    definition = registry.indicator(indicator)
    label = definition.label(lang)
    series = labour.rate_series(forze_lavoro, indicator, tuple(names), sex)  # Como, Lecco, Lombardia, Italia
    latest = labour.latest_rates(series, indicator)
    band = labour.unusual_band(indicator, series["classe_eta"].iloc[0] if not series.empty else None)
    shown = label + (t("overview.rate.band", band=band) if band else "")  # e.g. employment 15-89, said
    cards = []
    for province in scope:
        change = latest.get(province.nuts)
        if change is None:
            cards.append(Card(f"{shown}, {province.name}", None, note=t("archive.unavailable")))
            continue
        cards.append(indicator_card(indicator, f"{shown}, {province.name} · {change.anno}",
                                    labels.fmt_pct(change.valore, definition.decimals, lang), change.variazione, lang,
                                    unit=" p.p.", description=t("overview.card.vs_prev_year")))
    absent = [names[code] for code in names if code not in set(series.dropna(subset=["valore"])["territorio"])]
    if len(absent) == len(names):
        return RatesView(tuple(cards), None,
                         f"{label}, {hires.category_name(sex, lang).lower()}: {t('archive.unavailable')}.")
    break_year = labour.series_break_year(series)
    chart = charts.recipe(charts.trend_lines, series, x="anno", y="valore", territory="territorio",
                          title=titles.rate_title(latest, nuts, indicator, names, lang, band),
                          y_title=t("labour.rates.axis"), names=names, lang=lang, indicator=indicator,
                          break_at=break_year,
                          break_label=t("labour.rates.break", year=break_year) if break_year else "")
    age = series["classe_eta"].iloc[0] if not series.empty else labels.MISSING
    caption = t("labour.rates.caption", age=age,
                sex=hires.category_name(sex, lang) if sex != "totale" else t("labour.sex.totale"))
    caption += " " + _series_note(series, break_year, lang)
    if absent:
        caption += f" {', '.join(absent)}: {t('archive.unavailable')}."
    return RatesView(tuple(cards), ChartBlock(chart, series, f"{indicator}_{sex}", "rates", ("forze_lavoro",), caption))


def _series_note(series: pd.DataFrame, break_year: int | None, lang: str) -> str:
    """What the caption says about ISTAT's series: the dashed line where one is drawn, else that
    every year shown comes from the series of the 2021 regulation (rebuilt back by ISTAT)."""
    if break_year is not None:
        return labels.t("labour.rates.break_note", lang)
    shown = series.dropna(subset=["valore"])
    if not shown.empty and set(shown["serie"].dropna()) == {"RFL2021"}:
        first, last = int(shown["anno"].min()), int(shown["anno"].max())
        rebuilt = labels.t("labour.rates.rebuilt", lang) if first < 2021 else ""
        return labels.t("labour.rates.one_series", lang, first=first, last=last, rebuilt=rebuilt)
    return ""


@dataclasses.dataclass(frozen=True)
class FlowOptions:
    """What the hires filters offer: sections (all first) with their names, years newest first,
    the default year (the latest complete one) and the breakdowns with their names."""

    sectors: tuple[str, ...]
    sector_names: dict[str, str]
    years: tuple[int, ...]
    default_year: int
    breakdowns: dict[str, str]


def flow_options(avviamenti: pd.DataFrame, *, lang: str) -> FlowOptions:
    codes = [ALL_SECTORS, *sorted(avviamenti["settore_ateco"].dropna().unique())]
    names = {code: ateco.section_name(ateco.TOTAL if code == ALL_SECTORS else code, lang) for code in codes}
    years = tuple(sorted(avviamenti["mese"].dt.year.unique().tolist(), reverse=True))
    return FlowOptions(tuple(codes), names, years, (monthly.complete_years(avviamenti["mese"])[::-1] or list(years))[0],
                       {by: registry.column_label(by, lang) for by in BREAKDOWNS})


def _sector(sector: str) -> str | None:
    return None if sector == ALL_SECTORS else sector


def _sector_label(sector: str, lang: str) -> str:
    chosen = _sector(sector)
    return ateco.section_name(ateco.TOTAL if chosen is None else chosen, lang)


@dataclasses.dataclass(frozen=True)
class FlowsView:
    """Hires and terminations by month (or 12-month sums) and their balance; `balance` is None
    when no month has both."""

    lines: ChartBlock
    balance: ChartBlock | None


def flows(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, *, provinces: tuple[str, ...], sector: str,
          period: str, lang: str) -> FlowsView:
    """`period` is "mensile" (month by month) or "12m" (12-month moving sums)."""
    t = labels.translator(lang)
    _, nuts, area = _scope(provinces)
    moving = period == "12m"
    monthly = hires.monthly_flows(avviamenti, cessazioni, tuple(nuts), sector=_sector(sector))
    lines = hires.flows_long(monthly, moving, lang)
    caption = t("labour.flows.caption", area=area, sector=_sector_label(sector, lang), view=t(f"labour.view.{period}"))
    chart = charts.recipe(charts.trend_lines, lines, x="mese", y="valore", territory="misura",
                          title=titles.flows_title(monthly, area, lang), y_title=t("labour.flows.axis"), names={},
                          lang=lang, indicator="assunzioni", temporal=True)
    lines_block = ChartBlock(chart, lines, "assunzioni_cessazioni", "flows", FLOWS, caption)

    column = "saldo_12m" if moving else "saldo"
    balance = monthly[["mese", column]].dropna()
    if balance.empty:
        return FlowsView(lines_block, None)
    last = balance.iloc[-1]
    chart = charts.recipe(charts.balance_bars, balance, x="mese", y=column, lang=lang, y_title=t("labour.flows.axis"),
                          title=t("labour.flows.balance_title", area=area, end=labels.fmt_month(last["mese"], lang),
                                  balance=labels.fmt_signed(last[column], 0, lang)))
    return FlowsView(lines_block, ChartBlock(chart, balance, column, "balance", FLOWS, caption))


@dataclasses.dataclass(frozen=True)
class HiredView:
    """The share of permanent hires in the year (None without hires) and the year's hires by one
    dimension (contract, sector, age…), largest first."""

    permanent: Card | None
    breakdown: ChartBlock


def hired(avviamenti: pd.DataFrame, *, provinces: tuple[str, ...], by: str, year: int, sector: str,
          lang: str) -> HiredView:
    """Who is hired and how: the year's share of permanent hires and one breakdown."""
    t = labels.translator(lang)
    _, nuts, area = _scope(provinces)
    chosen = _sector(sector)
    share = hires.permanent_share(avviamenti, tuple(nuts), year=year, sector=chosen)
    before = hires.permanent_share(avviamenti, tuple(nuts), year=year - 1, sector=chosen)
    permanent = None if share is None else indicator_card(
        "quota_indeterminato", t("labour.permanent", year=year), labels.fmt_pct(share, 1, lang),
        None if before is None else share - before, lang, unit=" p.p.", description=t("labour.permanent_help"))
    # within one sector a breakdown by sector would be a single bar: the sector filter is not applied
    table = hires.named_breakdown(avviamenti, tuple(nuts), by=by, year=year, lang=lang,
                                   sector=None if by == "settore_ateco" else chosen)
    chart = charts.recipe(charts.sorted_bars, table, category="nome", value="assunzioni",
                          title=titles.breakdown_title(table, year, lang), value_title=t("labour.breakdown.axis"),
                          lang=lang)
    caption = t("labour.breakdown.caption", year=year, area=area, sector=_sector_label(sector, lang))
    return HiredView(permanent, ChartBlock(chart, table, f"assunzioni_{by}_{year}", "breakdown", ("avviamenti",),
                                           caption))


def year_on_year(avviamenti: pd.DataFrame, *, provinces: tuple[str, ...], year: int, sector: str,
                 lang: str) -> ChartBlock:
    """Hires by month of `year` against the same months of the year before."""
    _, nuts, area = _scope(provinces)
    yoy = hires.hires_year_on_year(avviamenti, tuple(nuts), year=year, sector=_sector(sector))
    chart = charts.recipe(charts.month_comparison, yoy, month="mese_numero", year="anno", value="assunzioni",
                          lang=lang, title=titles.year_on_year_title(yoy, year, lang),
                          y_title=labels.t("labour.breakdown.axis", lang))
    caption = labels.t("labour.yoy.caption", lang, year=year, prev=year - 1, area=area,
                       sector=_sector_label(sector, lang))
    return ChartBlock(chart, yoy, f"assunzioni_{year}_{year - 1}", "yoy", ("avviamenti",), caption)

