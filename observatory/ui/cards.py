"""Headline cards: latest value, change coloured by what is good for that indicator, period,
demo badge, a sentence computed from the data, and a link to the page with the detail."""

from __future__ import annotations

import streamlit as st

from observatory.indicators import registry
from observatory.ui import widgets
from observatory.ui.state import lang

_DELTA_COLORS = {True: "normal", False: "inverse", None: "off"}


def delta_color(indicator_id: str) -> str:
    """'normal' when up is good (green ▲), 'inverse' when up is bad (red ▲), 'off' when neutral."""
    return _DELTA_COLORS[registry.indicator(indicator_id).higher_is_better]


def headline_card(*, title: str, value: str, delta: str | None, delta_help: str, indicator_id: str, period: str,
                  sentence: str, page: str, link_label: str, dataset_ids: tuple[str, ...], extra: str = "") -> None:
    """One bordered card; `delta` carries an ASCII '-' when negative (Streamlit picks the arrow from it)."""
    with st.container(border=True):
        flat = delta is not None and not any(ch in "123456789" for ch in delta)  # "0,0 %": no arrow, no colour
        st.metric(title, value, delta, delta_color="off" if flat else delta_color(indicator_id),
                  delta_arrow="off" if flat else "auto", delta_description=delta_help,
                  help=registry.indicator(indicator_id).definition(lang()))
        st.caption(period + (f" · {extra}" if extra else ""))
        widgets.demo_badge(*dataset_ids)
        st.markdown(sentence)
        st.page_link(page, label=link_label, icon=":material/arrow_forward:")


def missing_card(*, title: str, message: str, detail: str = "") -> None:
    """The same card frame with a short note when its dataset is not in the snapshot (detail in small type)."""
    with st.container(border=True):
        st.markdown(f"**{title}**")
        st.info(message, icon=":material/info:")
        if detail:
            st.caption(detail)
