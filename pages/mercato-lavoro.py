"""Mercato del lavoro: labour-force rates over time, monthly hires and terminations, who is hired
and how, and this year against the last. One view at a time (navigation.PageEntry.views); every
filter is in the URL."""

import streamlit as st

from observatory.ui import data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, selection, t
from observatory.views import mercato_lavoro as view
from observatory.views import published_figures as published

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.labour"))
st.markdown(t("labour.lead"))
shown = widgets.view_picker("mercato-lavoro")
widgets.province_note(sel, "scope.why.labour")

if shown == "tassi":
    # --- labour-force rates (ISTAT), with the series break ---
    forze, error = data.try_dataset("forze_lavoro")
    names = view.rate_options(lang=L)
    row = filters.row()
    indicator = filters.url_choice(t("labour.filter.indicator"), list(names.indicators), key="indicatore",
                                   default="tasso_disoccupazione", container=row, format_func=names.indicators.get)
    sex = filters.url_choice(t("labour.filter.sex"), list(names.sexes), key="sesso", default="totale",
                             widget="segmented", container=row, format_func=names.sexes.get)
    if forze is None:
        st.info(t("labour.missing", error=error))
        st.stop()
    rates = data.derived(view.rates, "forze_lavoro", provinces=sel.provinces, indicator=indicator, sex=sex, lang=L)
    with st.container(horizontal=True):
        for item in rates.cards:
            widgets.card(item)
    if rates.rates is None:
        st.info(rates.missing)
    else:
        widgets.block(rates.rates)

else:
    # --- hires and terminations (Comunicazioni Obbligatorie) ---
    needed = view.FLOWS if shown == "flussi" else ("avviamenti",)
    missing = [message for _, message in map(data.try_dataset, needed) if message]
    lead = None
    if shown == "flussi" and published.shown_for(*view.FLOWS, reliable=data.reliable_ids()):
        # while the flows are demo, the page leads with the figures published per province and year
        lead, _ = data.try_derived(published.published_flows, "numeri_pubblicati", provinces=sel.provinces, lang=L)
    if lead is not None:
        for cards in lead.cards:  # one row per province: hires, terminations, balance of its year
            widgets.cards(cards, width="stretch")
        widgets.block(lead.hires)
        if lead.balance is not None:
            widgets.block(lead.balance)
    if missing:
        st.info(t("labour.missing", error=missing[0]))
        st.stop()
    if lead is not None:
        st.subheader(t("published.detail"))
        widgets.demo_caption(t("published.detail_lead"), *view.FLOWS)
    options = data.derived(view.flow_options, "avviamenti", lang=L)
    row = filters.row()
    sector = filters.url_choice(t("labour.filter.sector"), options.sectors, key="settore", default=view.ALL_SECTORS,
                                container=row, format_func=options.sector_names.get)
    if shown == "flussi":
        period = filters.url_choice(t("labour.filter.view"), ["mensile", "12m"], key="vista", default="mensile",
                                    widget="segmented", container=row, format_func=lambda v: t(f"labour.view.{v}"))
        flows = data.derived(view.flows, *view.FLOWS, provinces=sel.provinces, sector=sector, period=period, lang=L)
        widgets.block(flows.lines)
        if flows.balance is not None:
            widgets.block(flows.balance)
    else:
        year = filters.url_choice(t("labour.filter.year"), options.years, key="anno", default=options.default_year,
                                  container=row)
        if shown == "assunti":
            by = filters.url_choice(t("labour.filter.breakdown"), list(options.breakdowns), key="dettaglio",
                                    default="contratto", widget="segmented", container=row,
                                    format_func=options.breakdowns.get)
            hired = data.derived(view.hired, "avviamenti", provinces=sel.provinces, by=by, year=year, sector=sector,
                                 lang=L)
            if hired.permanent is not None:
                widgets.card(hired.permanent, width="content")
            widgets.block(hired.breakdown)
        else:
            widgets.block(data.derived(view.year_on_year, "avviamenti", provinces=sel.provinces, year=year,
                                       sector=sector, lang=L))
