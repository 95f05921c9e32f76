"""Page filters mirrored in the URL, and headline cards: the two widgets every data page repeats.

A filter is seeded from `st.query_params` once per session and written back on every run, so a
leader can send a link to exactly what they see (`?settore=C&metrica=addetti_1000ab`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from observatory import labels
from observatory.ui.state import lang


def select(label: str, options: Sequence[str], key: str, default: str | None = None, *,
           format_func: Callable[[str], str] = str, container=st, radio: bool = False,
           on_change: Callable | None = None) -> str:
    """A selectbox (or horizontal radio) whose value lives in the URL under `key`."""
    options = list(options)
    fallback = default if default in options else options[0]
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get(key, fallback)
        st.session_state[key] = wanted if wanted in options else fallback
    widget = container.radio if radio else container.selectbox
    extra = {"horizontal": True} if radio else {}
    value = widget(label, options, key=key, format_func=format_func, on_change=on_change, **extra)
    st.query_params[key] = value
    return value


def card(container, label: str, value: str, *, change: float | None = None, decimals: int = 0,
         unit: str = "", higher_is_better: bool | None = None, period: str = "", help: str | None = None) -> None:
    """A headline number with its change (▲/▼ coloured by whether up is good for this indicator)."""
    delta, arrow = None, "auto"
    if change is not None and not pd.isna(change):
        arrow = "off" if round(change, decimals) == 0 else "auto"
        # Streamlit reads the direction from an ASCII minus; the number keeps Italian formatting.
        delta = labels.fmt_signed(round(change, decimals) + 0.0, decimals, lang(), unit).replace("\u2212", "-")
    colour = "off" if higher_is_better is None else ("normal" if higher_is_better else "inverse")
    container.metric(label, value, delta=delta, delta_color=colour, delta_arrow=arrow, help=help, border=True)
    if period:
        container.caption(period)
