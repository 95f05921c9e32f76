"""Another Italian area (Bergamo and Brescia): `make snapshot` builds what the shipped files allow —
boundaries and population, from the packages — says for every other dataset that data/raw does not
cover the area and a refresh from the sources will, and the app runs on that snapshot."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatory import cli, datasets, navigation, store
from observatory.pipeline import refresh, snapshot
from tests.conftest import REPO

APP = str(REPO / "app.py")


@pytest.fixture
def other_area(tmp_path, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_PROVINCE", "016,017")
    monkeypatch.setenv("OSSERVATORIO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "snapshot"


def test_the_snapshot_holds_the_area_and_names_what_a_refresh_will_build(other_area):
    report = snapshot.rebuild(raw=REPO / "data" / "raw", base=other_area)
    by_id = {o.id: o for o in report.outcomes}
    assert by_id["comuni"].status == by_id["popolazione"].status == refresh.UPDATED
    assert report.ok and report.version and store.list_versions(other_area) == [report.version]
    comuni = store.read_dataset("comuni", base=other_area)
    assert set(comuni["provincia_istat"]) == {"016", "017"} and len(comuni) > 400
    assert set(store.read_manifest(base=other_area)) == {"comuni", "popolazione"}  # nothing of Como and Lecco
    for dataset in datasets.CATALOGUE.values():
        if dataset.id in ("comuni", "popolazione"):
            continue
        outcome = by_id[dataset.id]
        assert outcome.status == refresh.SKIPPED
        assert "i file distribuiti in data/raw non coprono Bergamo, Brescia" in outcome.reason
        assert ("aggiornamento dalle fonti" if dataset.fetch else "caricando il file ufficiale") in outcome.reason


def test_make_snapshot_exits_cleanly_and_says_so(other_area, capsys, monkeypatch):
    monkeypatch.setattr(snapshot.config, "raw_dir", lambda: REPO / "data" / "raw")
    assert cli.main(["snapshot"]) == 0
    out = capsys.readouterr().out
    assert "comuni: aggiornato" in out and "forze_lavoro: non costruito — i file distribuiti" in out


def test_the_app_runs_on_the_other_area(other_area):
    snapshot.rebuild(raw=REPO / "data" / "raw", base=other_area)
    for entry in navigation.PAGES:
        at = AppTest.from_file(APP, default_timeout=90)
        at.run()
        if entry is not navigation.DEFAULT:
            at.switch_page(entry.path).run()
        assert not at.exception, (entry.url_path, [e.value for e in at.exception])
        assert at.title
