"""The real files in data/raw taken from public copies: each has a sidecar naming publisher, copy
(repository, path, commit), licence and treatment, matching its bytes, and is byte-for-byte the file
of ../shared/realdata it was brought from (skipped when ../shared is absent)."""

from __future__ import annotations

import hashlib
import json

import pytest

from observatory import store
from tests.conftest import REPO, SHARED

RAW = REPO / "data" / "raw"
FOLDERS = ("istat_lfs_provincial", "mim_schools", "published_figures", "bes_territori")
FILES = sorted(p for folder in FOLDERS for p in (RAW / folder).glob("*") if not p.name.endswith(".provenance.json"))


def test_every_real_folder_is_there():
    assert {p.parent.name for p in FILES} == set(FOLDERS)
    assert len(FILES) == 2 + 9 + 2 + 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_copy_has_a_complete_sidecar(path):
    sidecar = json.loads((path.parent / f"{path.name}.provenance.json").read_text(encoding="utf-8"))
    assert sidecar["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert sidecar["provenance"] in store.PROVENANCES and sidecar["provenance"] != "dimostrativo"
    assert sidecar["publisher"] and sidecar["licence"] and sidecar["treatment"] and sidecar["retrieved"]
    if sidecar["provenance"] == "trascritto":
        assert "copy" not in sidecar and sidecar["datasets"] == ["numeri_pubblicati"]
    else:
        copy = sidecar["copy"]
        assert copy["repository"].startswith("github.com/") and copy["path"] and len(copy["commit"]) == 40
        assert copy["url"].startswith(f"https://{copy['repository']}/blob/{copy['commit']}/")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_copy_is_the_shared_file_unchanged(path):
    original = SHARED / "realdata" / path.parent.name / path.name
    if not original.is_file():
        pytest.skip("../shared/realdata is absent")
    assert path.read_bytes() == original.read_bytes()
