"""Imprese: business births, closures and rates by quarter and sector; local units and employees
per 1,000 residents by municipality."""

import streamlit as st

from observatory import charts, labels, territory
from observatory.indicators import enterprises, municipality, registry
from observatory.ui import data, filters, maps_ui, widgets
from observatory.ui.state import lang, selection, t
from observatory.ui.shell import require_app_shell

require_app_shell()

COMBINED = "CO+LC"

st.title(t("nav.business"))
st.markdown(t("biz.lead"))
sel = selection()
provs = [p for p in territory.provinces() if p.istat in sel.provinces]
names = {**territory.territory_names(), COMBINED: t("territory.both")}
focus = provs[0].nuts if len(provs) == 1 else COMBINED
lombardia, _ = territory.region()

# --- births and closures (Registro Imprese, monthly → quarters) ---
st.header(t("biz.section.flows"))
imprese, error = data.try_dataset("imprese")
if imprese is None:
    st.info(t("biz.missing", error=error))
else:
    quarters = data.derived(enterprises.combined_quarters, "imprese",
                            provinces=tuple(p.nuts for p in territory.provinces()), label=COMBINED)
    rated = data.derived(enterprises.rated_quarters, "imprese", provinces=tuple(p.nuts for p in territory.provinces()),
                         label=COMBINED, lang=lang())
    scheme = rated["classificazione"].iloc[-1] if len(rated) else "ATECO 2007"
    sector_options = [enterprises.TOTAL] + sorted(s for s in rated["settore_ateco"].unique() if s != enterprises.TOTAL)
    years = sorted(rated["trimestre"].dt.year.unique().tolist())
    left, right = st.columns(2)
    sector = filters.select(t("biz.sector"), sector_options, "settore", enterprises.TOTAL, container=left,
                            format_func=lambda s: enterprises.section_name(s, lang(), scheme))
    since = int(filters.select(t("biz.since"), [str(y) for y in years], "dal", str(years[0]), container=right))
    sector_name = enterprises.section_name(sector, lang(), scheme)
    brk = enterprises.break_quarter(quarters)
    brk_label = enterprises.quarter_label(brk, lang()) if brk is not None else None

    head = enterprises.headline(rated, focus, sector, lang())
    if head is None:
        st.info(t("biz.no_rows"))
    else:
        quarter = head["periodo"]
        st.caption(t("biz.cards.caption", territory=names[focus], quarter=quarter, previous=head["confronto"],
                     sector=sector_name))
        widgets.demo_badge("imprese")
        for column, field, indicator_id in zip(st.columns(5), enterprises.HEADLINE_FIELDS, [
                "iscrizioni", "cessazioni_imprese", None, "tasso_natalita", "tasso_mortalita"]):
            ind = registry.indicator(indicator_id) if indicator_id else None
            decimals = ind.decimals if ind else 0
            value, change = head[field]
            filters.card(column, ind.label(lang()) if ind else t("biz.card.saldo"),
                         labels.fmt_number(value, decimals, lang()), change=change, decimals=decimals,
                         unit=t("biz.unit.pp") if decimals else "", higher_is_better=ind.higher_is_better if ind else True)

        trend_codes = [p.nuts for p in provs] + [lombardia, territory.ITALIA]
        shown = enterprises.series(rated, trend_codes, sector, since)
        rule = brk_label if brk is not None and brk.year >= since else None
        columns = ["periodo", "territorio", "settore_ateco", "classificazione", "iscrizioni", "cessazioni",
                   "attive", "tasso_natalita", "tasso_mortalita"]
        for rate, title_key in (("tasso_natalita", "biz.chart.birth.title"), ("tasso_mortalita", "biz.chart.death.title")):
            found = enterprises.rate_values(rated, [p.nuts for p in provs], sector, head["trimestre"], rate)
            values = " · ".join(f"{names[code]} {labels.fmt_number(v, 2, lang())}" for code, v in found.items())
            chart = charts.recipe(charts.trend_lines, 
                shown, x="periodo", y=rate, territory="territorio",
                title=t(title_key, quarter=quarter, values=values or labels.MISSING, sector=sector_name),
                y_title=t("biz.axis.rate"), names=names, lang=lang(), decimals=2, break_at=rule,
                break_label=t("biz.break"))
            widgets.chart_block(chart, shown[columns], name=f"imprese_{rate}", key=f"biz-{rate}",
                                dataset_ids=("imprese",), caption=t("biz.caption.rates"))

        own = enterprises.series(rated, [focus], sector, since)
        chart = charts.recipe(charts.period_bars, 
            own, x="periodo", value="saldo", value_title=t("biz.axis.balance"), lang=lang(),
            title=t("biz.chart.balance.title", territory=names[focus], quarter=quarter, sector=sector_name,
                    value=labels.fmt_signed(head["saldo"][0], 0, lang())),
            break_at=rule, break_label=t("biz.break"))
        widgets.chart_block(chart, own[["periodo", "territorio", "settore_ateco", "iscrizioni", "cessazioni", "saldo"]],
                            name="imprese_saldo", key="biz-balance", dataset_ids=("imprese",),
                            caption=t("biz.caption.break") if brk is not None else "")

        breakdown = enterprises.by_sector(rated, focus, head["trimestre"])
        if not breakdown.empty:
            breakdown = breakdown.assign(settore=breakdown["settore_ateco"].map(
                lambda s: enterprises.section_name(s, lang(), head["classificazione"])))
            top = breakdown.iloc[0]
            chart = charts.recipe(charts.sorted_bars, 
                breakdown, category="settore", value="saldo", value_title=t("biz.axis.balance"), lang=lang(),
                diverging=True, title=t("biz.chart.sectors.title", territory=names[focus], quarter=quarter,
                                        best=top["settore"], value=labels.fmt_signed(top["saldo"], 0, lang())))
            widgets.chart_block(chart, breakdown[["periodo", "settore_ateco", "settore", "iscrizioni", "cessazioni",
                                                  "saldo", "tasso_natalita", "tasso_mortalita"]],
                                name="imprese_settori", key="biz-sectors", dataset_ids=("imprese",))

# --- local units and employees per 1,000 residents (ISTAT ASIA) ---
st.header(t("biz.section.local"))
unita, error_ul = data.try_dataset("unita_locali")
popolazione, error_pop = data.try_dataset("popolazione")
comuni, error_com = data.try_dataset("comuni")
if unita is None or popolazione is None or comuni is None:
    st.info(t("biz.missing_local", error=error_ul or error_pop or error_com))
    st.stop()
left, right = st.columns(2)
metric = filters.select(t("biz.metric"), list(municipality.PER_THOUSAND), "metrica", "unita_locali_1000ab",
                        container=left, format_func=lambda m: registry.indicator(m).label(lang()))
ul_sectors = [enterprises.TOTAL] + sorted(s for s in unita["settore_ateco"].unique() if s != enterprises.TOTAL)
ul_sector = filters.select(t("biz.sector"), ul_sectors, "settore_ul", enterprises.TOTAL, container=right,
                           format_func=lambda s: enterprises.section_name(s, lang()))
values = data.derived(municipality.per_thousand, "unita_locali", "popolazione", "comuni", provinces=sel.provinces,
                      sector=ul_sector, metric=metric)
indicator = registry.indicator(metric)
best = values.dropna(subset=["valore"]).head(1)
maps_ui.municipal_map(
    values,
    title=t("biz.map.title", metric=indicator.label(lang()), territory=sel.label,
            sector=enterprises.section_name(ul_sector, lang()),
            top=best["comune"].iloc[0] if len(best) else labels.MISSING,
            value=labels.fmt_number(best["valore"].iloc[0] if len(best) else None, indicator.decimals, lang())),
    caption=t("biz.map.caption", year=int(unita["anno"].max()), pop_year=int(popolazione["anno"].max())),
    indicator_id=metric, highlight=sel.municipality, dataset_ids=("unita_locali", "popolazione"), key="biz-map",
)
