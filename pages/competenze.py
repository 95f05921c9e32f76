"""Competenze: what the territory's firms ask for (Excelsior planned hires, hires by sector) beside
what its schools train (students by field), and the gap between the two as shares."""

import streamlit as st

from observatory import charts, labels, territory
from observatory.indicators import enterprises, registry, skills
from observatory.ui import data, filters, widgets
from observatory.ui.state import lang, selection, t
from observatory.ui.shell import require_app_shell

require_app_shell()

SOURCES = ["excelsior", "avviamenti"]

st.title(t("nav.skills"))
st.markdown(t("skills.lead"))
sel = selection()
nuts = [p.nuts for p in territory.provinces() if p.istat in sel.provinces]
excelsior, error_ex = data.try_dataset("excelsior")
avviamenti, error_av = data.try_dataset("avviamenti")
studenti, error_st = data.try_dataset("studenti")

# --- demand: Excelsior planned hires by professional group ---
st.header(t("skills.section.demand"))
groups = None
if excelsior is None:
    st.info(t("skills.missing", what=t("skills.what.excelsior"), error=error_ex))
else:
    groups = data.derived(skills.excelsior_demand, "excelsior", territories=tuple(nuts))
    hires, hard = skills.totals(groups)
    if hires is None:
        st.info(t("skills.no_rows", territory=sel.label))
        groups = None
    else:
        year = int(groups["anno"].iloc[0])
        widgets.demo_badge("excelsior")
        cards = st.columns(2)
        filters.card(cards[0], registry.indicator("entrate_previste").label(lang()), labels.fmt_int(hires, lang()),
                     period=f"{sel.label}, {year}")
        filters.card(cards[1], registry.indicator("quota_difficile").label(lang()), labels.fmt_pct(hard, 1, lang()),
                     period=f"{sel.label}, {year}")
        top = groups.iloc[0]
        chart = charts.recipe(charts.sorted_bars, 
            groups, category="categoria", value="entrate", value_title=t("skills.axis.hires"), lang=lang(),
            title=t("skills.chart.groups.title", territory=sel.label, year=year, group=top["categoria"],
                    value=labels.fmt_int(top["entrate"], lang())))
        widgets.chart_block(chart, groups, name="excelsior_gruppi", key="skills-groups", dataset_ids=("excelsior",),
                            caption=t("skills.caption.excelsior"))
        hardest = groups.dropna(subset=["quota_difficile"]).sort_values("quota_difficile", ascending=False)
        if not hardest.empty:
            chart = charts.recipe(charts.sorted_bars, 
                hardest, category="categoria", value="quota_difficile", value_title=t("skills.axis.hard"), lang=lang(),
                decimals=1, title=t("skills.chart.hard.title", group=hardest["categoria"].iloc[0],
                                    value=labels.fmt_pct(hardest["quota_difficile"].iloc[0], 1, lang())))
            widgets.chart_block(chart, hardest[["categoria", "anno", "entrate", "quota_difficile"]],
                                name="excelsior_difficile", key="skills-hard", dataset_ids=("excelsior",),
                                caption=t("skills.caption.excelsior"))

# --- demand: hires by sector over the last 12 months ---
sectors = None
if avviamenti is None:
    st.info(t("skills.missing", what=t("skills.what.avviamenti"), error=error_av))
else:
    sectors = data.derived(skills.hires_demand, "avviamenti", territories=tuple(nuts))
    if not sectors.empty:
        sectors = sectors.assign(settore=sectors["settore_ateco"].map(lambda s: enterprises.section_name(s, lang())))
        period = f"{labels.fmt_month(sectors['dal'].iloc[0], lang())} – {labels.fmt_month(sectors['al'].iloc[0], lang())}"
        top = sectors.iloc[0]
        chart = charts.recipe(charts.sorted_bars, 
            sectors, category="settore", value="eventi", value_title=t("skills.axis.contracts"), lang=lang(),
            title=t("skills.chart.sectors.title", territory=sel.label, period=period, sector=top["settore"],
                    value=labels.fmt_int(top["eventi"], lang())))
        widgets.chart_block(chart, sectors, name="assunzioni_settori", key="skills-sectors",
                            dataset_ids=("avviamenti",), caption=t("skills.caption.hires"))

# --- supply and gap ---
st.header(t("skills.section.gap"))
st.warning(t("skills.method"), icon=":material/info:")
with st.expander(t("skills.method.table")):
    st.dataframe(skills.method_table(lang()), hide_index=True, width="stretch")
if studenti is None:
    st.info(t("skills.missing", what=t("skills.what.studenti"), error=error_st))
    st.stop()
supply = data.derived(skills.student_supply, "studenti", provinces=sel.provinces)
if supply.empty:
    st.info(t("skills.no_rows", territory=sel.label))
    st.stop()
available = [s for s in SOURCES if (groups if s == "excelsior" else sectors) is not None]
if not available:
    st.stop()
source = filters.select(t("skills.demand"), available, "domanda", available[0], radio=True,
                        format_func=lambda s: t(f"skills.what.{s}"))
demand, value = (groups, "entrate") if source == "excelsior" else (sectors, "eventi")
gaps = skills.gap(demand, value, supply, lang())
over, under = gaps.iloc[0], gaps.iloc[-1]
subtitle = t("skills.gap.subtitle", demand=t(f"skills.what.{source}"), year=supply["anno_scolastico"].iloc[0])
chart = charts.recipe(charts.paired_bars, 
    skills.long_shares(gaps), category="nome", series="serie", value="quota", value_title=t("skills.axis.share"),
    series_names={"domanda": t("skills.series.demand"), "offerta": t("skills.series.supply")}, lang=lang(),
    title=t("skills.chart.shares.title", territory=sel.label, area=over["nome"],
            demand=labels.fmt_pct(over["quota_domanda"], 1, lang()), supply=labels.fmt_pct(over["quota_offerta"], 1, lang())),
)
unmapped = subtitle + ". " + t("skills.unmapped", demand=labels.fmt_pct(skills.unmapped_share(demand, value), 1, lang()),
             supply=labels.fmt_pct(skills.unmapped_share(supply, "studenti"), 1, lang()))
widgets.chart_block(chart, gaps, name="competenze_quote", key="skills-shares", dataset_ids=(source, "studenti"),
                    caption=unmapped)
chart = charts.recipe(charts.sorted_bars, 
    gaps, category="nome", value="divario", value_title=t("skills.axis.gap"), lang=lang(), decimals=1,
    diverging=True,
    title=t("skills.chart.gap.title", over=over["nome"], over_value=labels.fmt_signed(over["divario"], 1, lang()),
            under=under["nome"], under_value=labels.fmt_signed(under["divario"], 1, lang())))
widgets.chart_block(chart, gaps, name="competenze_divario", key="skills-gap", dataset_ids=(source, "studenti"),
                    caption=subtitle + ". " + t("skills.caption.gap"))
