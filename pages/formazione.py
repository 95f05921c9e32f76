"""Placeholder until its issue lands: says so plainly instead of showing invented figures."""

import streamlit as st

from observatory.ui.state import t

st.title(t("nav.education"))
st.info(t("page.pending"))
