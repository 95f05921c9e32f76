"""The Mercato del lavoro page: labour-force rates with the 2021 series break (ISTAT), and hires and
terminations by month, by group and against the year before (Comunicazioni Obbligatorie).

Every function takes the province codes in scope (ISTAT, as the sidebar selects them) and returns
what one view draws; the sums and titles come from observatory.indicators.labour and .titles."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, labels, territory
from observatory.indicators import labour, registry, sectors, titles
from observatory.indicators.headlines import delta_text
from observatory.views import ChartBlock

ALL_SECTORS = "tutti"
FLOWS = ("avviamenti", "cessazioni")


@dataclasses.dataclass(frozen=True)
class Metric:
    """A headline number as st.metric draws it: the change is text with an ASCII minus (Streamlit
    reads the arrow from it) and is coloured by whether up is good for `indicator_id`. `value` is
    None when the territory has no published value (`note` says so)."""

    label: str
    value: str | None
    indicator_id: str
    delta: str | None = None
    delta_description: str = ""
    note: str = ""


def _scope(provinces: tuple[str, ...]) -> tuple[list[territory.Province], list[str], str]:
    scope = [p for p in territory.provinces() if p.istat in provinces]
    return scope, [p.nuts for p in scope], " + ".join(p.name for p in scope)


@dataclasses.dataclass(frozen=True)
class RatesView:
    """One card per province (latest value, change on the year before) and the rate over time for
    the provinces, Lombardia and Italia, with the 2021 regulation break marked."""

    cards: tuple[Metric, ...]
    rates: ChartBlock | None  # None when no territory has the combination: `missing` says so
    missing: str = ""


def rates(forze_lavoro: pd.DataFrame, *, provinces: tuple[str, ...], indicator: str, sex: str,
          lang: str) -> RatesView:
    t = lambda key, **values: labels.t(key, lang, **values)  # noqa: E731
    scope, nuts, _ = _scope(provinces)
    names = territory.territory_names()
    definition = registry.indicator(indicator)
    label = definition.label(lang)
    cards = []
    for province in scope:
        change = labour.latest_rate(forze_lavoro, indicator, province.nuts, sex)
        if change is None:
            cards.append(Metric(f"{label}, {province.name}", None, indicator, note=t("archive.unavailable")))
            continue
        cards.append(Metric(f"{label}, {province.name} · {change.anno}",
                            labels.fmt_pct(change.valore, definition.decimals, lang), indicator,
                            delta_text(change.variazione, definition.decimals, lang, " p.p."),
                            t("overview.card.vs_prev_year")))

    series = labour.rate_series(forze_lavoro, indicator, tuple(names), sex)  # Como, Lecco, Lombardia, Italia
    absent = [names[code] for code in names if code not in set(series.dropna(subset=["valore"])["territorio"])]
    if len(absent) == len(names):
        return RatesView(tuple(cards), None, f"{label}, {labour.category_name(sex, lang).lower()}: "
                                             f"{t('archive.unavailable')}.")
    break_year = labour.series_break_year(series)
    chart = charts.recipe(charts.trend_lines, series, x="anno", y="valore", territory="territorio",
                          title=titles.rate_title(series, nuts, indicator, names, lang),
                          y_title=t("labour.rates.axis"), names=names, lang=lang, decimals=definition.decimals,
                          break_at=break_year,
                          break_label=t("labour.rates.break", year=break_year) if break_year else "")
    age = series["classe_eta"].iloc[0] if not series.empty else labels.MISSING
    caption = t("labour.rates.caption", age=age,
                sex=labour.category_name(sex, lang) if sex != "totale" else t("labour.sex.totale"))
    if absent:
        caption += f" {', '.join(absent)}: {t('archive.unavailable')}."
    return RatesView(tuple(cards), ChartBlock(chart, series, f"{indicator}_{sex}", "rates", ("forze_lavoro",), caption))


@dataclasses.dataclass(frozen=True)
class FlowOptions:
    """What the hires filters offer: sections (all first) with their names, years newest first,
    and the default year (the latest complete one)."""

    sectors: tuple[str, ...]
    sector_names: dict[str, str]
    years: tuple[int, ...]
    default_year: int


def flow_options(avviamenti: pd.DataFrame, *, lang: str) -> FlowOptions:
    codes = [ALL_SECTORS, *sorted(avviamenti["settore_ateco"].dropna().unique())]
    names = {code: labels.t("labour.all_sectors", lang) if code == ALL_SECTORS else sectors.section_name(code, lang)
             for code in codes}
    years = tuple(sorted(avviamenti["mese"].dt.year.unique().tolist(), reverse=True))
    return FlowOptions(tuple(codes), names, years, (labour.complete_years(avviamenti) or list(years))[0])


def _sector(sector: str) -> str | None:
    return None if sector == ALL_SECTORS else sector


def _sector_label(sector: str, lang: str) -> str:
    chosen = _sector(sector)
    return labels.t("labour.all_sectors", lang) if chosen is None else sectors.section_name(chosen, lang)


@dataclasses.dataclass(frozen=True)
class FlowsView:
    """Hires and terminations by month (or 12-month sums) and their balance; `balance` is None
    when no month has both."""

    lines: ChartBlock
    balance: ChartBlock | None


def flows(avviamenti: pd.DataFrame, cessazioni: pd.DataFrame, *, provinces: tuple[str, ...], sector: str,
          period: str, lang: str) -> FlowsView:
    """`period` is "mensile" (month by month) or "12m" (12-month moving sums)."""
    t = lambda key, **values: labels.t(key, lang, **values)  # noqa: E731
    _, nuts, area = _scope(provinces)
    moving = period == "12m"
    monthly = labour.monthly_flows(avviamenti, cessazioni, tuple(nuts), sector=_sector(sector))
    lines = labour.flows_long(monthly, moving, lang)
    caption = t("labour.flows.caption", area=area, sector=_sector_label(sector, lang), view=t(f"labour.view.{period}"))
    chart = charts.recipe(charts.trend_lines, lines, x="mese", y="valore", territory="misura",
                          title=titles.flows_title(monthly, area, lang), y_title=t("labour.flows.axis"), names={},
                          lang=lang, decimals=0, zero=True, temporal=True)
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
class HiresView:
    """The share of permanent hires in the year (None without hires) and the year's hires by one
    dimension (contract, sector, age…), largest first."""

    permanent: Metric | None
    breakdown: ChartBlock


def hires(avviamenti: pd.DataFrame, *, provinces: tuple[str, ...], by: str, year: int, sector: str,
          lang: str) -> HiresView:
    t = lambda key, **values: labels.t(key, lang, **values)  # noqa: E731
    _, nuts, area = _scope(provinces)
    chosen = _sector(sector)
    share = labour.permanent_share(avviamenti, tuple(nuts), year=year, sector=chosen)
    before = labour.permanent_share(avviamenti, tuple(nuts), year=year - 1, sector=chosen)
    permanent = None if share is None else Metric(
        t("labour.permanent", year=year), labels.fmt_pct(share, 1, lang), "quota_indeterminato",
        delta_text(None if before is None else share - before, 1, lang, " p.p."), t("labour.permanent_help"))
    # within one sector a breakdown by sector would be a single bar: the sector filter is not applied
    table = labour.named_breakdown(avviamenti, tuple(nuts), by=by, year=year, lang=lang,
                                   sector=None if by == "settore_ateco" else chosen)
    chart = charts.recipe(charts.sorted_bars, table, category="nome", value="assunzioni",
                          title=titles.breakdown_title(table, year, lang), value_title=t("labour.breakdown.axis"),
                          lang=lang)
    caption = t("labour.breakdown.caption", year=year, area=area, sector=_sector_label(sector, lang))
    return HiresView(permanent, ChartBlock(chart, table, f"assunzioni_{by}_{year}", "breakdown", ("avviamenti",),
                                           caption))


def year_on_year(avviamenti: pd.DataFrame, *, provinces: tuple[str, ...], year: int, sector: str,
                 lang: str) -> ChartBlock:
    """Hires by month of `year` against the same months of the year before."""
    _, nuts, area = _scope(provinces)
    yoy = labour.hires_year_on_year(avviamenti, tuple(nuts), year=year, sector=_sector(sector))
    chart = charts.recipe(charts.month_comparison, yoy, month="mese_numero", year="anno", value="assunzioni",
                          lang=lang, title=titles.year_on_year_title(yoy, year, lang),
                          y_title=labels.t("labour.breakdown.axis", lang))
    caption = labels.t("labour.yoy.caption", lang, year=year, prev=year - 1, area=area,
                       sector=_sector_label(sector, lang))
    return ChartBlock(chart, yoy, f"assunzioni_{year}_{year - 1}", "yoy", ("avviamenti",), caption)
