"""Shared helpers for the page tests: run a page through app.py, read chart titles and metrics."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from observatory import navigation
from tests.pagetest import chart_titles, it_dec, restore_url  # noqa: F401  (one implementation for both page sets)
from tests.test_apptest_pages import APP


def run(path: str, **query) -> AppTest:
    """Run app.py with `query` in the URL, then switch to the page at `path` (keeps the URL)."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if path != navigation.DEFAULT.path:
        restore_url(at, query)
        at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def it_number(value: float, decimals: int = 0) -> str:
    """Italian formatting computed independently of observatory.labels."""
    return it_dec(value, decimals)


def published_hires(figures: pd.DataFrame, name: str) -> tuple[str, pd.Series]:
    """A province's hires of its latest published year, from the latest page, computed here: annual
    COB figures of the province's perimeter (not the employment centres of Lecco and Merate)."""
    rows = figures[(figures["dominio"] == "COB") & (figures["territorio"] == name)
                   & figures["indicatore"].isin(["avviamenti", "assunzioni", "attivazioni"])
                   & figures["periodo"].str.fullmatch(r"\d{4}")
                   & ~figures["fonte"].str.contains("Osservatorio provinciale mercato del lavoro Lecco|Lecco e Merate")]
    year = rows["periodo"].max()
    return year, rows[rows["periodo"] == year].iloc[-1]
