"""Confronti settoriali: ATECO sections side by side for Como, Lecco and Lombardia, and how hires
by section change over time (index, base year = 100). Every filter is in the URL."""

import streamlit as st

from observatory import charts, territory
from observatory.indicators import sectors, titles
from observatory.ui import data, filters, widgets
from observatory.ui.state import lang, t
from observatory.ui.shell import require_app_shell

require_app_shell()

st.title(t("nav.sectors"))
st.markdown(t("sectors.lead"))

names = territory.territory_names()
region_nuts, _ = territory.region()
provinces = territory.provinces()
compared = [p.nuts for p in provinces] + [region_nuts]  # Como, Lecco, Lombardia
nuts_of = {p.istat: p.nuts for p in provinces}

avviamenti, error_a = data.try_dataset("avviamenti")
cessazioni, error_c = data.try_dataset("cessazioni")
flows_error = error_a or error_c
yearly = (data.derived(sectors.yearly_flows_by_section, "avviamenti", "cessazioni", territories=tuple(compared)) if flows_error is None else None)
years = sorted(yearly["anno"].unique().tolist(), reverse=True) if yearly is not None else []

# --- sections side by side ----------------------------------------------------------------------
st.header(t("sectors.compare.heading"))
measure_col, scale_col, year_col = st.columns(3)
measure = filters.url_choice(t("sectors.filter.measure"), sectors.MEASURES, key="misura", default="assunzioni",
                             container=measure_col, format_func=lambda m: t(f"sectors.measure.{m}"))
scale = filters.url_choice(t("sectors.filter.scale"), ["quota", "valore"], key="scala", default="quota",
                           widget="segmented", container=scale_col, format_func=lambda s: t(f"sectors.scale.{s}"))
relative = scale == "quota"
measure_label = t(f"sectors.measure.{measure}")

if measure in sectors.FLOW_MEASURES:
    if yearly is None or not years:
        st.info(t("sectors.missing", error=flows_error or t("sectors.few_years")))
        comparison = None
    else:
        year = filters.url_choice(t("sectors.filter.year"), years, key="anno", default=years[0], container=year_col)
        comparison = sectors.section_comparison(yearly[yearly["anno"] == year], measure, relative)
        caption, dataset_ids = t("sectors.caption.flows", year=year), ("avviamenti", "cessazioni")
else:
    unita_locali, error_u = data.try_dataset("unita_locali")
    comuni, error_com = data.try_dataset("comuni")
    if unita_locali is None or comuni is None:
        st.info(t("sectors.missing", error=error_u or error_com))
        comparison = None
    else:
        units = data.derived(sectors.local_units_by_province, "unita_locali", "comuni", nuts_of=nuts_of)
        comparison = sectors.section_comparison(units, measure, relative)
        caption, dataset_ids = t("sectors.caption.units", year=int(units["anno"].iloc[0])), ("unita_locali", "comuni")
        st.info(t("sectors.no_region"), icon=":material/info:")

if comparison is not None:
    axis = t("sectors.axis.saldo_quota" if measure == "saldo" else "sectors.axis.quota") if relative else t("sectors.axis.valore")
    shown = sectors.with_section_names(comparison, lang())
    order = [sectors.section_name(c, lang()) for c in sectors.top_sections(comparison, "valore")]
    chart = charts.recipe(charts.grouped_bars, shown, category="nome", value="valore", territory="territorio", names=names, lang=lang(),
                                title=titles.comparison_title(comparison, measure_label, names, lang(), relative),
                                value_title=axis, decimals=1 if relative else 0, sort=order)
    widgets.chart_block(chart, shown, name=f"settori_{measure}_{scale}", key="compare", dataset_ids=dataset_ids,
                        caption=caption)

# --- indexed trends of hires --------------------------------------------------------------------
st.header(t("sectors.index.heading"))
if yearly is None:
    st.info(t("sectors.missing", error=flows_error))
    st.stop()
if len(years) < 2:
    st.info(t("sectors.few_years"))
    st.stop()
base_col, section_col = st.columns(2)
base_year = filters.url_choice(t("sectors.filter.base"), sorted(years), key="base", default=min(years),
                               container=base_col)
indexed = sectors.with_section_names(sectors.indexed(yearly, "assunzioni", base_year), lang())
codes = sectors.top_sections(yearly, "assunzioni")
section = filters.url_choice(t("sectors.filter.section"), codes, key="settore", default=codes[0], container=section_col,
                             format_func=lambda c: sectors.section_name(c, lang()))
one = indexed[indexed["settore_ateco"] == section]
chart = charts.recipe(charts.trend_lines, one, x="anno", y="indice", territory="territorio", names=names, lang=lang(), decimals=0,
                           title=titles.index_title(one, sectors.section_name(section, lang()), base_year, names, lang()),
                           subtitle=sectors.section_name(section, lang()), y_title=t("sectors.index.axis"))
widgets.chart_block(chart, one, name=f"indice_assunzioni_{section}_{base_year}", key="index",
                    dataset_ids=("avviamenti",), caption=t("sectors.index.caption", base=base_year))

chart = charts.recipe(charts.small_multiples, indexed, x="anno", y="indice", facet="nome", territory="territorio", names=names,
                               lang=lang(), title=t("sectors.multiples.title", base=base_year),
                               y_title=t("sectors.index.axis"), columns=4)
widgets.chart_block(chart, indexed, name=f"indice_assunzioni_settori_{base_year}", key="multiples",
                    dataset_ids=("avviamenti",), caption=t("sectors.index.caption", base=base_year))
