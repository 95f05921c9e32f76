"""Page filters mirrored in the URL, so a leader can send a link to exactly what they see.

Each filter is seeded from `st.query_params` the first time it is drawn in a session (an unknown
value falls back to the default) and writes its value back to the URL on every run."""

from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st


def url_choice(label: str, options: Sequence, *, key: str, default, format_func: Callable = str,
               widget: str = "selectbox", container=None):
    """A selectbox/radio/segmented control whose value lives in the URL under `key`."""
    options = list(options)
    default = default if default in options else options[0]
    if key not in st.session_state or st.session_state[key] not in options:
        raw = st.query_params.get(key)
        st.session_state[key] = next((o for o in options if str(o) == raw), default)
    place = container or st
    if widget == "radio":
        value = place.radio(label, options, key=key, format_func=format_func, horizontal=True)
    elif widget == "segmented":
        value = place.segmented_control(label, options, key=key, format_func=format_func, required=True)
    else:
        value = place.selectbox(label, options, key=key, format_func=format_func)
    st.query_params[key] = str(value)
    return value
