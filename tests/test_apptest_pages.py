"""AppTest: the entry script and every page run without exception, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from observatory import navigation, store
from tests.pagetest import maps_drawn

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_page(entry: navigation.PageEntry, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if entry is not navigation.DEFAULT:
        at.switch_page(entry.path).run()
    return at


@pytest.mark.parametrize("entry", navigation.PAGES, ids=lambda e: e.url_path)
@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_page_runs(data_dir, entry, lang):
    at = run_page(entry, {"lang": lang})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"


def test_entry_population_map_shows_the_real_total(data_dir):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["sezione"] = "mappa"  # the home page's map view
    at.run()
    assert not at.exception
    pop = store.read_dataset("popolazione")
    expected = f"{int(pop['totale'].sum()):,}".replace(",", ".")
    assert any(expected in h.value for h in at.subheader), [h.value for h in at.subheader]
    deck = maps_drawn(at)[0]
    features = deck["layers"][0]["data"]["features"]
    assert len(features) == len(store.read_dataset("comuni"))
    assert not at.get("deck_gl_json_chart")  # an SVG map: no basemap, nothing from the internet


def test_territory_and_municipality_from_the_url(data_dir):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["territorio"] = "097"
    at.query_params["sezione"] = "mappa"
    at.run()
    pop = store.read_dataset("popolazione")
    lecco = int(pop.loc[pop["comune_istat"].str.startswith("097"), "totale"].sum())
    assert any(f"{lecco:,}".replace(",", ".") in h.value for h in at.subheader)
    deck = maps_drawn(at)[0]
    assert {f["properties"]["sigla"] for f in deck["layers"][0]["data"]["features"]} == {"LC"}

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["territorio"] = "comune"
    at.query_params["comune"] = "097042"
    at.query_params["sezione"] = "mappa"
    at.run()
    assert not at.exception
    deck = maps_drawn(at)[0]
    highlighted = [layer for layer in deck["layers"] if layer["id"] == "scelto"]
    assert highlighted[0]["data"]["features"][0]["properties"]["comune"] == "Lecco"


def test_english_is_a_full_translation(data_dir):
    at = run_page(navigation.DEFAULT, {"lang": "en", "sezione": "mappa"})
    assert at.title[0].value == "Overview"
    assert any("inhabitants" in h.value for h in at.subheader)


def test_missing_dataset_file_gives_an_italian_message_not_a_traceback(data_dir):
    version = store.current_version()
    (data_dir / "snapshot" / "versions" / version / "popolazione.parquet").write_bytes(b"rotto")
    at = run_page(navigation.DEFAULT, {"sezione": "mappa"})
    assert not at.exception
    assert any("danneggiato" in e.value for e in at.error), [e.value for e in at.error]
    sources = run_page(navigation.PAGES[-2])  # the sources page still works
    assert not sources.exception
