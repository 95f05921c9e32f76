"""Page filters mirrored in the URL, the widgets every data page repeats.

A filter is seeded from `st.query_params` the first time it is drawn in a session (an unknown
value falls back to the default) and writes its value back to the URL on every run, so a leader
can send a link to exactly what they see (`?settore=C&metrica=addetti_1000ab`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from observatory.ui.state import to_url


def url_choice(label: str, options: Sequence, *, key: str, default, format_func: Callable = str,
               widget: str = "selectbox", container=None, on_change: Callable | None = None,
               url_key: str | None = None):
    """A selectbox/radio/segmented control whose value lives in the URL under `url_key` (by
    default the widget's `key`)."""
    options = list(options)
    default = default if default in options else options[0]
    if key not in st.session_state or st.session_state[key] not in options:
        raw = st.query_params.get(url_key or key)
        st.session_state[key] = next((o for o in options if str(o) == raw), default)
    place = container or st
    if widget == "radio":
        value = place.radio(label, options, key=key, format_func=format_func, horizontal=True, on_change=on_change)
    elif widget == "segmented":
        value = place.segmented_control(label, options, key=key, format_func=format_func, required=True,
                                        on_change=on_change)
    else:
        value = place.selectbox(label, options, key=key, format_func=format_func, on_change=on_change)
    to_url(url_key or key, str(value))
    return value


def select(label: str, options: Sequence[str], key: str, default: str | None = None, *,
           format_func: Callable[[str], str] = str, container=st, radio: bool = False,
           on_change: Callable | None = None) -> str:
    """`url_choice` with positional key/default, as a selectbox or a horizontal radio."""
    return url_choice(label, options, key=key, default=default, format_func=format_func,
                      widget="radio" if radio else "selectbox", container=container, on_change=on_change)


def row():
    """The container for a page's filters: one horizontal row (cheaper than columns, which add an
    element per column)."""
    return st.container(horizontal=True)

