"""Fonti page: the datasets table (one row per manifest record, links to the source, the citation)
and the indicators table (one row per registry indicator), one view at a time."""

from __future__ import annotations

import json

from observatory import store
from observatory.indicators import registry
from tests.pagetest import open_page


def _table(at):
    """The (only) dataframe drawn, as pandas."""
    frames = at.dataframe
    assert len(frames) == 1, "one table per view"
    return frames[0].value


def test_datasets_view_lists_every_dataset_and_how_to_cite(data_dir):
    records = store.read_manifest()
    at = open_page("fonti")
    assert not at.exception, [e.value for e in at.exception]
    table = _table(at)
    assert list(table["Dataset"]) == [r.title for r in records.values()]
    assert list(table["Fonte"]) == [r.source_url for r in records.values()]
    assert list(table["Righe"]) == [f"{r.rows:,}".replace(",", ".") for r in records.values()]
    assert json.loads(at.dataframe[0].proto.columns)["Fonte"]["type_config"]["type"] == "link"
    citation = at.code[0].value
    assert citation.startswith("Osservatorio Lecco 2.0") and records[next(iter(records))].publisher in citation


def test_indicators_view_defines_every_indicator(data_dir):
    at = open_page("fonti", sezione="indicatori")
    assert not at.exception
    table = _table(at)
    assert list(table["Indicatore"]) == [i.label("it") for i in registry.INDICATORS.values()]
    assert list(table["Definizione"]) == [i.definition("it") for i in registry.INDICATORS.values()]
    assert not at.code, "the citation belongs to the datasets view"


def test_english(data_dir):
    at = open_page("fonti", lang="en", sezione="indicatori")
    assert not at.exception
    assert list(_table(at)["Indicator"]) == [i.label("en") for i in registry.INDICATORS.values()]
    at = open_page("fonti", lang="en")
    assert "Source" in _table(at).columns


def test_a_damaged_manifest_is_reported(data_dir):
    (data_dir / "snapshot" / "versions" / store.current_version() / "manifest.json").write_text("rotto")
    at = open_page("fonti")
    assert not at.exception
    assert at.main.error and "illeggibile" in at.main.error[0].value
