"""Make sure every page runs inside the app shell (app.py: navigation and sidebar).

Streamlit decides once per process whether the app is a v1 "pages/ folder" app, the moment the
first session starts. If that first request is a deep link (/imprese) it runs pages/imprese.py
alone, with a bare file list for navigation and no sidebar, until some session runs app.py's
st.navigation. A page that finds the shell has not run in its session settles the question the
way st.navigation itself does, and reruns: the rerun goes through app.py to the same page."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

SHELL_MARK = "_selection"  # set by observatory.ui.sidebar.render() on every app run


def require_app_shell() -> None:
    if SHELL_MARK not in st.session_state and PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
