"""Osservatorio Lecco 2.0 — entry script: page config, navigation and the shared sidebar."""

import streamlit as st

from observatory.ui import heap, shell, sidebar, state

st.set_page_config(page_title="Osservatorio Lecco 2.0", page_icon="📊", layout="wide")

page = st.navigation(shell.sections(state.lang()))
shell.page_style()
sidebar.render()
page.run()
heap.freeze_once()  # libraries and caches loaded by now live as long as the process
