"""Fonti e metodo: every dataset with its provenance, and every indicator's definition."""

import streamlit as st

from observatory import sources_table
from observatory.ui import data
from observatory.ui.state import lang, t
from observatory.ui.shell import require_app_shell

require_app_shell()

st.title(t("nav.sources"))
st.markdown(t("sources.lead"))

try:
    records = data.manifest()
except Exception as exc:  # noqa: BLE001 — a damaged manifest is reported, not raised
    st.error(f"{t('error.data')}: {exc}")
    st.stop()

st.subheader(t("sources.datasets"))
st.dataframe(sources_table.datasets_table(records, lang()), hide_index=True, width="stretch",
             column_config={t("sources.col.url"): st.column_config.LinkColumn()})
st.subheader(t("sources.indicators"))
st.dataframe(sources_table.indicators_table(lang()), hide_index=True, width="stretch")
st.subheader(t("sources.cite"))
st.code(sources_table.citation(records, lang()), language=None)
