"""Panoramica: the territory at a glance, starting with residents by municipality on a map."""

import streamlit as st

from observatory import labels
from observatory.indicators import population
from observatory.ui import data, maps_ui
from observatory.ui.state import lang, selection, t

st.title(t("overview.title"))
st.markdown(t("overview.lead"))

sel = selection()
popolazione, error_pop = data.try_dataset("popolazione")
comuni, error_com = data.try_dataset("comuni")
if popolazione is None or comuni is None:
    st.error(f"{t('error.data')}: {error_pop or error_com}")
    st.stop()

values = population.residents_by_municipality(popolazione, comuni, sel.provinces)
total = labels.fmt_int(values["valore"].sum(), lang())
maps_ui.municipal_map(
    values,
    title=t("map.population.title", territory=sel.label, total=total),
    caption=t("map.population.caption", year=int(popolazione["anno"].max()), boundary_year="2023"),
    indicator_id="popolazione",
    highlight=sel.municipality,
    dataset_ids=("popolazione", "comuni"),
    key="pop",
)
