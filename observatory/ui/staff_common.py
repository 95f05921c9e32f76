"""What the three parts of the staff area share: the outcome kept for the next run, Markdown escaping
and dataset titles in the session's language."""

from __future__ import annotations

import re

import streamlit as st

from observatory import datasets
from observatory.ui import data, state

RESULT = "_staff_result"    # the outcome of the last action, shown after the rerun


def plain(text: str) -> str:
    """Messages quote names people typed and cells of uploaded files: escape Markdown so none can become
    a link, or an image fetched from elsewhere."""
    return re.sub(r"([\\`*_{}\[\]()#+!|<>~-])", r"\\\1", str(text))


def title(dataset_id: str) -> str:
    dataset = datasets.CATALOGUE.get(dataset_id)
    return (dataset.title_en if state.lang() == "en" else dataset.title_it) if dataset else dataset_id


def finish(kind: str, text: str, details: list[str], new_data: bool = False) -> None:
    """Keep the outcome for the next run and rerun, so every widget shows the live version."""
    st.session_state[RESULT] = (kind, text, details)
    if new_data:
        data.clear()
    st.rerun()
