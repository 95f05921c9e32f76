"""Qualità del lavoro e politiche: job quality from BES dei territori, short-time work hours and the
GOL programme as published. One view at a time (navigation.PageEntry.views); every filter is in the URL."""

import streamlit as st

from observatory.ui import data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, selection, t
from observatory.views import politiche
from observatory.views import qualita_lavoro as view

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.quality"))
st.markdown(t("quality.lead"))
shown = widgets.view_picker("qualita-lavoro")


def table(frame, name: str, label_key: str) -> None:
    """Every published figure of the topic, in an expander drawn only while open, with its downloads."""
    with st.expander(t(label_key), key=f"{name}-all", on_change="rerun") as box:
        if box.open:
            st.dataframe(frame, hide_index=True, width="stretch")
            st.caption(t("quality.table.caption"))
            widgets.downloads(frame, name, f"{name}-all", how=widgets.provenance_of(politiche.IDS))


if shown == "qualita":
    # --- BES dei territori: employment 20-64, non-participation, NEET, injuries ---
    bes, error = data.try_dataset("bes_lavoro")
    names = view.quality_options(lang=L)
    row = filters.row()
    indicator = filters.url_choice(t("quality.filter.indicator"), list(names.indicators), key="indicatore",
                                   default="tasso_occupazione_20_64", container=row, format_func=names.indicators.get)
    sex = filters.url_choice(t("quality.filter.sex"), list(names.sexes), key="sesso", default="totale",
                             widget="segmented", container=row, format_func=names.sexes.get)
    if bes is None:
        st.info(t("quality.missing", error=error))
        st.stop()
    quality = data.derived(view.job_quality, "bes_lavoro", provinces=sel.provinces, indicator=indicator, sex=sex,
                           lang=L)
    widgets.cards(quality.cards)
    if quality.trend is None:
        st.info(quality.missing)
    else:
        widgets.block(quality.trend)
    if quality.side is not None:
        widgets.block(quality.side)

else:
    figures, error = data.try_dataset("numeri_pubblicati")
    if figures is None:
        st.info(t("quality.missing", error=error))
        st.stop()
    if shown == "cassa":
        # --- short-time work hours authorised by INPS, as published ---
        cig = data.derived(politiche.short_time_work, "numeri_pubblicati", provinces=sel.provinces, lang=L)
        widgets.cards(cig.cards)
        if cig.later:
            st.markdown(f"**{t('quality.cig.later_title')}**  \n" + "  \n".join(f"- {line}" for line in cig.later))
        if cig.hours is not None:
            widgets.block(cig.hours)
        if cig.split is not None:
            widgets.block(cig.split)
        table(cig.table, "cassa_integrazione_tutti", "quality.cig.all")
    else:
        # --- active policies: the GOL programme as published ---
        gol = data.derived(politiche.active_policies, "numeri_pubblicati", provinces=sel.provinces, lang=L)
        if gol.cards:
            widgets.cards(gol.cards)
        if gol.progress is not None:
            widgets.block(gol.progress)
        if gol.absent:
            st.info(t("quality.gol.absent", names=", ".join(gol.absent)), icon=":material/info:")
        if gol.naspi:
            st.caption(gol.naspi)
        table(gol.table, "gol_tutti", "quality.gol.all")
