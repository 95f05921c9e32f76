"""`make snapshot`: the shipped snapshot is rebuilt from data/raw (public copies, demo publisher files,
real packages) through the datasets' schemas, and the committed one is exactly that rebuild."""

from __future__ import annotations

import shutil

import pytest

from observatory import store
from observatory.pipeline import refresh, snapshot
from tests.conftest import REPO

REAL = {"forze_lavoro": "copia_arrotondata", "studenti": "copia_aggregata", "numeri_pubblicati": "trascritto",
        "comuni": "ufficiale", "popolazione": "ufficiale", "bes_lavoro": "copia_verbatim"}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    base = tmp_path_factory.mktemp("rebuild") / "snapshot"
    report = snapshot.rebuild(base=base)
    return base, report


def test_the_rebuild_lists_the_real_datasets_with_their_provenance(rebuilt):
    base, report = rebuilt
    assert report.ok, [(o.id, o.reason) for o in report.failed()]
    assert store.list_versions(base) == [report.version]  # one version shipped
    manifest = store.read_manifest(base=base)
    assert {i: manifest[i].provenance for i in REAL} == REAL
    assert {r.provenance for i, r in manifest.items() if i not in REAL} == {"dimostrativo"}
    assert "provenienza per riga: copia_verbatim 36, copia_arrotondata 72" in manifest["forze_lavoro"].notes
    assert manifest["forze_lavoro"].notes.startswith(
        "Copie pubbliche: github.com/ethancmallory/ALAN-IS477 «Provincial data (IT1,150_915_DF_DCCV_TAXOCCU1_5,1.0)"
        ".csv» @9f4b737 (copia_verbatim); github.com/nmaiese/diset-viz «app/static/data/nuovi/istat_prov.csv» "
        "@c0b435b (copia_arrotondata)")
    assert "github.com/ondata/religione-cattolica-scuola «elaborazioni/alunni-scuole.csv» @9df9b20 (copia_aggregata)" \
        in manifest["studenti"].notes
    assert manifest["numeri_pubblicati"].notes.startswith("Trascritti a mano dalle pagine indicate riga per riga")
    assert "2024/25: 12 sedi con 605 alunni" in manifest["studenti"].notes
    assert manifest["forze_lavoro"].retrieved_at.startswith("2026-12-01")  # when the copies were read
    assert manifest["bes_lavoro"].notes.startswith(
        "Copie pubbliche: github.com/nmaiese/diset-viz «app/static/data/Assoluti_BES_Regione.csv» @ddc1f18 "
        "(copia_verbatim)")
    assert (manifest["bes_lavoro"].rows, manifest["bes_lavoro"].period_start) == (71, "2018")


def test_the_committed_snapshot_is_the_rebuild(rebuilt):
    base, _ = rebuilt
    shipped, fresh = store.read_manifest(base=REPO / "data" / "snapshot"), store.read_manifest(base=base)
    assert set(shipped) == set(fresh)
    for dataset_id in shipped:  # the demo too: its generators are seeded and the mirror answers exactly
        assert shipped[dataset_id].sha256 == fresh[dataset_id].sha256, dataset_id
        assert shipped[dataset_id].rows == fresh[dataset_id].rows


def test_the_changelog_reports_the_verification(rebuilt):
    base, report = rebuilt
    text = (store.version_dir(report.version, base) / "changelog.md").read_text(encoding="utf-8")
    assert "### forze_lavoro\n- costruito dalle copie pubbliche in data/raw (108 righe" in text
    assert "### Verifica dei numeri\n- 225 numeri pubblicati: concorda 4" in text  # with Lecco's BES 72,8


def test_a_missing_copy_fails_its_dataset_only(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("istat_lfs_provincial"))
    (raw / "istat_lfs_provincial").mkdir()
    report = snapshot.rebuild(raw=raw, base=tmp_path / "snapshot")
    failed = {o.id: o.reason for o in report.failed()}
    assert list(failed) == ["forze_lavoro"] and "la copia pubblica manca da data/raw" in failed["forze_lavoro"]
    assert "forze_lavoro" not in store.read_manifest(base=tmp_path / "snapshot")
    assert {o.id for o in report.outcomes if o.status == refresh.UPDATED} >= {"studenti", "numeri_pubblicati"}
