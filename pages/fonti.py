"""Fonti e metodo: every dataset with its provenance and how to cite, and every indicator's
definition. One view at a time (navigation.PageEntry.views)."""

from datetime import date

import streamlit as st

from observatory.ui import data, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, t
from observatory.views import fonti as view

require_app_shell()

L = lang()
st.title(t("nav.sources"))
st.markdown(t("sources.lead"))
shown = widgets.view_picker("fonti")

try:
    if shown == "dataset":
        found = data.derived(view.datasets, records=tuple(data.manifest().values()), lang=L,
                             today=date.today().isoformat())
    else:
        indicators = data.derived(view.indicators, lang=L)
except Exception as exc:  # noqa: BLE001 — a damaged manifest is reported, not raised
    st.error(f"{t('error.data')}: {exc}")
    st.stop()

if shown == "dataset":
    st.dataframe(found.table, hide_index=True, width="stretch",
                 column_config={found.url_column: st.column_config.LinkColumn()})
    st.subheader(t("sources.cite"))
    st.code(found.citation, language=None)
else:
    st.dataframe(indicators, hide_index=True, width="stretch")
