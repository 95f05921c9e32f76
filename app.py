"""Osservatorio Lecco 2.0 — entry script: page config, navigation and the shared sidebar."""

import streamlit as st

from observatory import labels, navigation
from observatory.ui import sidebar, state

st.set_page_config(page_title="Osservatorio Lecco 2.0", page_icon="📊", layout="wide")

lang = state.lang()
sections: dict[str, list] = {}
for entry in navigation.PAGES:
    sections.setdefault(labels.t(entry.section_key, lang), []).append(
        st.Page(entry.path, title=labels.t(entry.title_key, lang), url_path=entry.url_path,
                default=entry is navigation.DEFAULT))

page = st.navigation(sections)
sidebar.render()
page.run()
