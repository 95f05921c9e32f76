"""The refresh core: an empty answer fails on its own and the others land; no exception type reaches
a user; the run's deadline ends it; pruning keeps the newest complete version; changelogs outlive
their versions; the README names the lock the code takes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from observatory import config, datasets, store
from observatory.pipeline import refresh, versions
from observatory.sources import http
from observatory.sources.types import Dataset
from tests.test_uploads import SCHEMA

REPO = Path(__file__).resolve().parent.parent
BODY = "TERRITORIO,ANNO,VALORE\nITC42,2023,61.5\nITC43,2023,64.0\n"


def _fetcher(path: str):
    def fetch(ctx):
        response = http.get(http.make_session(), f"{ctx.base_url('prova')}{path}", publisher="Editore di prova")
        frame = pd.read_csv(io.BytesIO(response.content), dtype={"TERRITORIO": "str"}).rename(columns=str.lower)
        return frame.astype({"territorio": "str", "anno": "int64", "valore": "Float64"})
    return fetch


def broken_fetch(ctx):
    return pd.DataFrame({"territorio": ["ITC42"]}).loc[:, "manca"]  # a KeyError: a connector bug


def _dataset(dataset_id: str, fetch) -> Dataset:
    return Dataset(id=dataset_id, title_it=f"Prova {dataset_id}", title_en=dataset_id, publisher="Editore di prova",
                   source_url="http://127.0.0.1/", licence="CC BY 4.0", schema=SCHEMA, fetch=fetch,
                   period_column="anno", source="prova")


@pytest.fixture
def two(monkeypatch, fixture_server):
    for dataset_id in ("primo", "secondo"):
        monkeypatch.setitem(datasets.CATALOGUE, dataset_id, _dataset(dataset_id, _fetcher(f"/{dataset_id}.csv")))
        fixture_server.route(f"/{dataset_id}.csv", body=BODY, content_type="text/csv")
    monkeypatch.setitem(datasets.CATALOGUE, "rotto", _dataset("rotto", broken_fetch))
    return {"prova": fixture_server.url}


def test_a_header_only_answer_fails_alone_and_the_changelog_still_describes_the_others(tmp_path, two,
                                                                                       fixture_server):
    """It used to pass validation ("Pronto: 0 righe") and crash the changelog, losing the whole run."""
    base = tmp_path / "snapshot"
    assert refresh.refresh(["primo", "secondo"], base_urls=two, base=base).complete
    fixture_server.route("/primo.csv", body="TERRITORIO,ANNO,VALORE\n", content_type="text/csv")
    fixture_server.route("/secondo.csv", body=BODY.replace("61.5", "62.0"), content_type="text/csv")
    report = refresh.refresh(["primo", "secondo"], base_urls=two, base=base)
    first, second = report.outcomes
    assert first.status == refresh.FAILED and "risposta vuota" in first.reason
    assert second.status == refresh.UPDATED and report.version
    assert store.read_manifest(base=base)["primo"].rows == 2  # the live version stays, never 0 rows
    assert "### secondo" in report.changelog and "61,5 → 62" in report.changelog
    assert "### non aggiornati" in report.changelog and "primo: Editore di prova ha risposto senza alcun dato" in \
        report.changelog


def test_a_connector_bug_is_an_italian_sentence_and_does_not_stop_the_others(tmp_path, two):
    report = refresh.refresh(["rotto", "primo"], base_urls=two, base=tmp_path / "snapshot")
    broken, good = report.outcomes
    assert broken.status == refresh.FAILED and "errore imprevisto nel connettore di Editore di prova" in broken.reason
    assert not re.search(r"KeyError|manca'|Error", broken.reason)
    assert good.status == refresh.UPDATED and report.version


def test_the_refresh_deadline_ends_the_run_and_names_what_was_not_tried(tmp_path, two, fixture_server, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_REFRESH_DEADLINE", "0.5")
    fixture_server.fail("/primo.csv", status=200, delay=30, times=5)
    report = refresh.refresh(["primo", "secondo"], base_urls=two, base=tmp_path / "snapshot")
    first, second = report.outcomes
    assert first.status == refresh.FAILED and "tempo massimo" in first.reason
    assert second.status == refresh.FAILED and "non tentato: superato il tempo massimo dell'aggiornamento" in \
        second.reason
    assert report.version is None
    refresh.refresh(["secondo"], base_urls=two, base=tmp_path / "snapshot")  # the lock was released


def _item(dataset_id: str, value: int, carried: bool = False) -> store.NewDataset:
    blocks = [{"dal": "2026-01-01T00:00:00+00:00", "colonne": ["x"], "gruppi": [["9"]]}] if carried else []
    return store.NewDataset(id=dataset_id, frame=pd.DataFrame({"x": [value]}), title=dataset_id, publisher="p",
                            source_url="u", licence="l", provenance="ufficiale", carried_over=blocks)


def test_pruning_never_removes_the_newest_complete_version_and_changelogs_outlive_versions(tmp_path):
    """After three partial refreshes the last good version used to be pruned (KEEP_VERSIONS = 3)."""
    good = store.write_version([_item("a", 1)], base=tmp_path, changelog="# buona\n")
    names = [store.write_version([_item("a", n, carried=True)], base=tmp_path, changelog=f"# parziale {n}\n",
                                 now=pd.Timestamp(f"2027-01-0{n}", tz="UTC").to_pydatetime()) for n in range(2, 7)]
    assert store.list_versions(tmp_path) == sorted([good, *names[-store.KEEP_VERSIONS:]])
    listed = versions.versions(tmp_path)
    assert [v.complete for v in listed] == [False, False, False, True] and listed[0].live
    assert listed[0].incomplete == ("a",)
    assert len(list((tmp_path / store.CHANGELOGS).glob("*.md"))) == 6  # one per write, pruned versions too
    assert versions.changelog_text(names[0], tmp_path) == "# parziale 2\n"  # its version folder is gone
    assert not (tmp_path / "versions" / names[0]).exists()


def test_restore_makes_an_older_version_live_as_a_new_one(tmp_path):
    first = store.write_version([_item("a", 1)], base=tmp_path)
    store.write_version([_item("a", 2)], base=tmp_path)
    restored = versions.restore(first, who="Anna", base=tmp_path)
    assert store.current_version(tmp_path) == restored != first
    assert store.read_dataset("a", base=tmp_path)["x"].tolist() == [1]
    assert versions.versions(tmp_path)[0].restored_from == first
    assert f"rimessa in linea la versione {first} da Anna" in versions.changelog_text(restored, tmp_path)
    with pytest.raises(Exception, match="non esiste"):
        versions.restore("19990101T000000000000Z", base=tmp_path)


def test_the_readme_names_the_refresh_lock_the_code_takes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lock = refresh.lock_path(config.REPO_ROOT / "data" / "snapshot").relative_to(config.REPO_ROOT)
    assert str(lock) == "data/snapshot/.refresh.lock"
    assert f"`{lock}`" in readme and "data/snapshot.refresh.lock" not in readme
