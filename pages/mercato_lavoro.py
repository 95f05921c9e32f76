"""Mercato del lavoro: labour-force rates over time, monthly hires and terminations, who is hired
and how, and this year against the last. Every filter is in the URL."""

import streamlit as st

from observatory import charts, labels, territory
from observatory.indicators import labour, registry, sectors, titles
from observatory.indicators.headlines import delta_text
from observatory.ui import cards, data, filters, widgets
from observatory.ui.state import lang, selection, t
from observatory.ui.shell import require_app_shell

require_app_shell()

st.title(t("nav.labour"))
st.markdown(t("labour.lead"))

sel = selection()
scope = [p for p in territory.provinces() if p.istat in sel.provinces]
nuts, area = [p.nuts for p in scope], " + ".join(p.name for p in scope)
names = territory.territory_names()
compared = list(names)  # Como, Lecco, Lombardia, Italia

# --- labour-force rates -------------------------------------------------------------------------
st.header(t("labour.rates.heading"))
forze, forze_error = data.try_dataset("forze_lavoro")
left, right = st.columns(2)
indicator_id = filters.url_choice(t("labour.filter.indicator"), labour.RATES, key="indicatore",
                                  default="tasso_disoccupazione", container=left,
                                  format_func=lambda i: registry.indicator(i).label(lang()))
sex = filters.url_choice(t("labour.filter.sex"), labour.SEXES, key="sesso", default="totale", widget="segmented",
                         container=right, format_func=lambda s: labour.category_name(s, lang()))
if forze is None:
    st.info(t("labour.missing", error=forze_error))
else:
    indicator = registry.indicator(indicator_id)
    card_columns = st.columns(max(len(scope), 1) + 1)
    for column, province in zip(card_columns, scope):
        change = data.derived(labour.latest_rate, "forze_lavoro", indicator=indicator_id, territory=province.nuts, sex=sex)
        with column:
            if change is None:
                cards.missing_card(title=f"{indicator.label(lang())}, {province.name}", message=t("overview.card.no_rows"))
                continue
            st.metric(f"{indicator.label(lang())}, {province.name} · {change.anno}",
                      labels.fmt_pct(change.valore, indicator.decimals, lang()),
                      delta_text(change.variazione, indicator.decimals, lang(), " p.p."),
                      delta_color=cards.delta_color(indicator_id), border=True,
                      delta_description=t("overview.card.vs_prev_year"))
    series = data.derived(labour.rate_series, "forze_lavoro", indicator=indicator_id, territories=tuple(compared), sex=sex)
    break_year = labour.series_break_year(series)
    chart = charts.recipe(charts.trend_lines, series, x="anno", y="valore", territory="territorio",
                               title=titles.rate_title(series, nuts, indicator_id, names, lang()),
                               y_title=t("labour.rates.axis"), names=names, lang=lang(), decimals=indicator.decimals,
                               break_at=break_year, break_label=t("labour.rates.break", year=break_year) if break_year else "")
    age = series["classe_eta"].iloc[0] if not series.empty else labels.MISSING
    widgets.chart_block(chart, series, name=f"{indicator_id}_{sex}", key="rates", dataset_ids=("forze_lavoro",),
                        caption=t("labour.rates.caption", age=age, sex=labour.category_name(sex, lang())
                                  if sex != "totale" else t("labour.sex.totale")))

# --- hires and terminations ---------------------------------------------------------------------
st.header(t("labour.flows.heading"))
avviamenti, error_a = data.try_dataset("avviamenti")
cessazioni, error_c = data.try_dataset("cessazioni")
if avviamenti is None or cessazioni is None:
    st.info(t("labour.missing", error=error_a or error_c))
    st.stop()

all_sectors = "tutti"
section_codes = sorted(avviamenti["settore_ateco"].dropna().unique())
years = sorted(avviamenti["mese"].dt.year.unique().tolist(), reverse=True)
sector_col, year_col, view_col = st.columns(3)
sector = filters.url_choice(t("labour.filter.sector"), [all_sectors, *section_codes], key="settore",
                            default=all_sectors, container=sector_col,
                            format_func=lambda c: t("labour.all_sectors") if c == all_sectors else sectors.section_name(c, lang()))
year = filters.url_choice(t("labour.filter.year"), years, key="anno", default=(data.derived(labour.complete_years, "avviamenti") or years)[0],
                          container=year_col)
view = filters.url_choice(t("labour.filter.view"), ["mensile", "12m"], key="vista", default="mensile",
                          widget="segmented", container=view_col, format_func=lambda v: t(f"labour.view.{v}"))
chosen = None if sector == all_sectors else sector
sector_label = t("labour.all_sectors") if chosen is None else sectors.section_name(chosen, lang())
moving = view == "12m"

monthly = data.derived(labour.monthly_flows, "avviamenti", "cessazioni", territories=tuple(nuts), sector=chosen)
lines = labour.flows_long(monthly, moving, lang())
chart = charts.recipe(charts.trend_lines, lines, x="mese", y="valore", territory="misura", title=titles.flows_title(monthly, area, lang()),
                           y_title=t("labour.flows.axis"), names={}, lang=lang(), decimals=0, zero=True, temporal=True)
caption = t("labour.flows.caption", area=area, sector=sector_label, view=t(f"labour.view.{view}"))
widgets.chart_block(chart, lines, name="assunzioni_cessazioni", key="flows", dataset_ids=("avviamenti", "cessazioni"),
                    caption=caption)
balance_column = "saldo_12m" if moving else "saldo"
balance = monthly[["mese", balance_column]].dropna()
if not balance.empty:
    last = balance.iloc[-1]
    chart = charts.recipe(charts.balance_bars, balance, x="mese", y=balance_column, lang=lang(), y_title=t("labour.flows.axis"),
                                title=t("labour.flows.balance_title", area=area, end=labels.fmt_month(last["mese"], lang()),
                                        balance=labels.fmt_signed(last[balance_column], 0, lang())))
    widgets.chart_block(chart, balance, name=balance_column, key="balance", dataset_ids=("avviamenti", "cessazioni"),
                        caption=caption)

# --- who is hired and how -----------------------------------------------------------------------
st.header(t("labour.breakdown.heading"))
by = filters.url_choice(t("labour.filter.breakdown"), labour.BREAKDOWNS, key="dettaglio", default="contratto",
                        widget="segmented", format_func=lambda c: registry.column_label(c, lang()))
share = data.derived(labour.permanent_share, "avviamenti", territories=tuple(nuts), year=year, sector=chosen)
share_before = data.derived(labour.permanent_share, "avviamenti", territories=tuple(nuts), year=year - 1, sector=chosen)
if share is not None:
    st.metric(t("labour.permanent", year=year), labels.fmt_pct(share, 1, lang()),
              delta_text(None if share_before is None else share - share_before, 1, lang(), " p.p."),
              delta_color=cards.delta_color("quota_indeterminato"), delta_description=t("labour.permanent_help"),
              border=True, width="content")
# within one sector a breakdown by sector would be a single bar: the sector filter is not applied
table = data.derived(labour.named_breakdown, "avviamenti", territories=tuple(nuts), by=by, year=year, lang=lang(),
                           sector=None if by == "settore_ateco" else chosen)
chart = charts.recipe(charts.sorted_bars, table, category="nome", value="assunzioni", title=titles.breakdown_title(table, year, lang()),
                           value_title=t("labour.breakdown.axis"), lang=lang())
widgets.chart_block(chart, table, name=f"assunzioni_{by}_{year}", key="breakdown", dataset_ids=("avviamenti",),
                    caption=t("labour.breakdown.caption", year=year, area=area, sector=sector_label))

# --- this year against the last -----------------------------------------------------------------
st.header(t("labour.yoy.heading"))
yoy = data.derived(labour.hires_year_on_year, "avviamenti", territories=tuple(nuts), year=year, sector=chosen)
chart = charts.recipe(charts.month_comparison, yoy, month="mese_numero", year="anno", value="assunzioni", lang=lang(),
                                title=titles.year_on_year_title(yoy, year, lang()), y_title=t("labour.breakdown.axis"))
widgets.chart_block(chart, yoy, name=f"assunzioni_{year}_{year - 1}", key="yoy", dataset_ids=("avviamenti",),
                    caption=t("labour.yoy.caption", year=year, prev=year - 1, area=area, sector=sector_label))
