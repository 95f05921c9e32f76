"""Make sure every page runs inside the app shell (app.py: navigation and sidebar).

Streamlit decides once per process whether the app is a v1 "pages/ folder" app, the moment the
first session starts. If that first request is a deep link (/imprese) it runs pages/imprese.py
alone, with a bare file list for navigation and no sidebar, until some session runs app.py's
st.navigation. A page that finds the shell has not run in its session settles the question the
way st.navigation itself does, and reruns: the rerun goes through app.py to the same page."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from observatory import labels, navigation, style

SHELL_MARK = "_selection"  # set by observatory.ui.sidebar.render() on every app run
PAGES_KEY = "_navigation_pages"


def sections(lang: str) -> dict[str, list[st.Page]]:
    """The navigation's pages by section, in `lang`. Built once per session and language and kept
    in the session: each st.Page resolves and checks its file on disk, nine of them a tenth of a
    rerun. st.navigation only marks the chosen page runnable, and a session's runs never overlap."""
    built = st.session_state.setdefault(PAGES_KEY, {})
    if lang not in built:
        grouped: dict[str, list[st.Page]] = {}
        for entry in navigation.PAGES:
            grouped.setdefault(labels.t(entry.section_key, lang), []).append(
                st.Page(entry.path, title=labels.t(entry.title_key, lang), url_path=entry.url_path,
                        default=entry is navigation.DEFAULT))
        built[lang] = grouped
    return built[lang]


def require_app_shell() -> None:
    if SHELL_MARK not in st.session_state and PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_style() -> None:
    """The house CSS for cards on every page (style.PAGE_CSS); a style-only st.html takes no room."""
    st.html(style.PAGE_CSS)
