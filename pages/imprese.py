"""Imprese: business births, closures and rates by quarter and sector; local units and employees
per 1,000 residents by municipality. One view at a time (navigation.PageEntry.views)."""

import streamlit as st

from observatory.ui import data, filters, maps_ui, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, scope_label, selection, t
from observatory.views import imprese as view
from observatory.views import published_figures as published

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.business"))
st.markdown(t("biz.lead"))
shown = widgets.view_picker("imprese")
widgets.province_note(sel, "scope.why.business")

if shown in ("nascite", "tassi", "settori"):
    # --- births and closures (Registro Imprese, monthly → quarters) ---
    imprese, error = data.try_dataset("imprese")
    lead = None
    if shown == "nascite" and published.shown_for("imprese", reliable=data.reliable_ids()):
        # while the register's data are demo, the page leads with what the Chamber of Commerce published
        lead, _ = data.try_derived(published.published_firms, "numeri_pubblicati", provinces=sel.provinces, lang=L)
    if lead is not None:
        widgets.cards(lead.cards, width="stretch")
        if lead.stock is not None:
            widgets.block(lead.stock)
    if imprese is None:
        st.info(t("biz.missing", error=error))
        st.stop()
    if lead is not None:
        st.subheader(t("published.detail"))
        widgets.demo_caption(t("published.detail_lead"), "imprese")
    options = data.derived(view.flow_options, "imprese", lang=L)
    sector, since = view.TOTAL, int(options.years[0])
    if shown != "settori":
        row = filters.row()
        sector = filters.select(t("biz.sector"), options.sectors, "settore", view.TOTAL, container=row,
                                format_func=options.sector_names.get)
        since = int(filters.select(t("biz.since"), options.years, "dal", options.years[0], container=row))
    flows = data.derived(view.flows, "imprese", provinces=sel.provinces, sector=sector, since=since, lang=L)
    if flows.empty:
        st.info(t("biz.no_rows"))
    elif shown == "nascite":
        if lead is None:  # beside the published figures, demo cards would be headlines of a constructed sample
            widgets.demo_caption(flows.cards_caption, "imprese")
            widgets.cards(flows.cards)
        widgets.block(flows.balance)
    elif shown == "tassi":
        for item in flows.rates:
            widgets.block(item)
    elif flows.sectors is None:
        st.info(t("biz.no_rows"))
    else:
        widgets.block(flows.sectors)

else:
    # --- local units and employees per 1,000 residents (ISTAT ASIA) ---
    missing = [message for _, message in map(data.try_dataset, ("unita_locali", "popolazione", "comuni")) if message]
    if missing:
        st.info(t("biz.missing_local", error=missing[0]))
        st.stop()
    row = filters.row()
    metrics = view.local_metrics(lang=L)
    metric = filters.select(t("biz.metric"), list(metrics), "metrica", "unita_locali_1000ab", container=row,
                            format_func=metrics.get)
    sector_names = data.derived(view.local_sectors, "unita_locali", lang=L)
    ul_sector = filters.select(t("biz.sector"), list(sector_names), "settore_ul", view.TOTAL,
                               container=row, format_func=sector_names.get)
    local = data.derived(view.local_units, "unita_locali", "popolazione", "comuni", provinces=sel.provinces,
                         sector=ul_sector, metric=metric, scope_label=scope_label(sel), lang=L,
                         highlight=sel.municipality)
    maps_ui.map_block(local, key="biz-map")
