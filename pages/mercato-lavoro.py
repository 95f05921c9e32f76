"""Mercato del lavoro: labour-force rates over time, monthly hires and terminations, who is hired
and how, and this year against the last. One view at a time (navigation.PageEntry.views); every
filter is in the URL."""

import streamlit as st

from observatory.indicators import labour, registry
from observatory.ui import cards, data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, selection, t
from observatory.views import mercato_lavoro as view

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.labour"))
st.markdown(t("labour.lead"))
shown = widgets.view_picker("mercato-lavoro")


def metric(item: view.Metric, **layout) -> None:
    """A headline number, or the card frame with a note when the territory has no value."""
    if item.value is None:
        cards.missing_card(title=item.label, message=item.note)
    else:
        st.metric(item.label, item.value, item.delta, delta_color=cards.delta_color(item.indicator_id),
                  delta_description=item.delta_description, border=True, **layout)


if shown == "tassi":
    # --- labour-force rates (ISTAT), with the 2021 series break ---
    forze, error = data.try_dataset("forze_lavoro")
    row = filters.row()
    indicator = filters.url_choice(t("labour.filter.indicator"), labour.RATES, key="indicatore",
                                   default="tasso_disoccupazione", container=row,
                                   format_func=lambda i: registry.indicator(i).label(L))
    sex = filters.url_choice(t("labour.filter.sex"), labour.SEXES, key="sesso", default="totale", widget="segmented",
                             container=row, format_func=lambda s: labour.category_name(s, L))
    if forze is None:
        st.info(t("labour.missing", error=error))
        st.stop()
    rates = data.derived(view.rates, "forze_lavoro", provinces=sel.provinces, indicator=indicator, sex=sex, lang=L)
    with st.container(horizontal=True):
        for item in rates.cards:
            metric(item)
    if rates.rates is None:
        st.info(rates.missing)
    else:
        widgets.block(rates.rates)

else:
    # --- hires and terminations (Comunicazioni Obbligatorie) ---
    needed = view.FLOWS if shown == "flussi" else ("avviamenti",)
    missing = [message for _, message in map(data.try_dataset, needed) if message]
    if missing:
        st.info(t("labour.missing", error=missing[0]))
        st.stop()
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
            by = filters.url_choice(t("labour.filter.breakdown"), labour.BREAKDOWNS, key="dettaglio",
                                    default="contratto", widget="segmented", container=row,
                                    format_func=lambda c: registry.column_label(c, L))
            hires = data.derived(view.hires, "avviamenti", provinces=sel.provinces, by=by, year=year, sector=sector,
                                 lang=L)
            if hires.permanent is not None:
                metric(hires.permanent, width="content")
            widgets.block(hires.breakdown)
        else:
            widgets.block(data.derived(view.year_on_year, "avviamenti", provinces=sel.provinces, year=year,
                                       sector=sector, lang=L))
