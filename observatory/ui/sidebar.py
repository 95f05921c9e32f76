"""The sidebar of every page: title, language, territory, and the freshness of each dataset."""

from __future__ import annotations

import streamlit as st

from observatory import labels
from observatory.ui import data, staff, state


def freshness() -> None:
    """Period and last update of every dataset; constructed samples are flagged."""
    lang = state.lang()
    records, error = None, None
    try:
        records = data.manifest()
    except Exception as exc:  # noqa: BLE001 — the sidebar must never take a page down
        error = str(exc)
    with st.sidebar.expander(state.t("sidebar.freshness"), expanded=False):
        if records is None:
            st.error(error)
            return
        for record in records.values():
            period = " – ".join(p for p in (record.period_start, record.period_end) if p) or labels.MISSING
            flag = " ⚠️ " + state.t("badge.demo") if record.is_demo else ""
            st.markdown(f"**{record.title}**{flag}  \n{state.t('freshness.period')} {period} · "
                        f"{state.t('freshness.updated')} {labels.fmt_date(record.retrieved_at, lang)}")


def render() -> None:
    st.sidebar.markdown(f"### {state.t('app.title')}")
    state.language_selector()
    st.session_state["_selection"] = state.territory_selector()
    freshness()
    staff.render()
