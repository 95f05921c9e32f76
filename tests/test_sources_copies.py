"""Copies of one folder that repeat a value stop the build of their dataset: which copy counts would
be a guess (the labour-force and BES copies, through copies.combined)."""

from __future__ import annotations

import shutil

import pytest

from observatory.errors import ObservatoryError
from observatory.sources import bes_copies, copies, lfs_copies
from observatory.sources.types import FetchContext
from tests.conftest import REPO


@pytest.mark.parametrize("module", [lfs_copies, bes_copies], ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_a_second_copy_of_the_same_values_is_refused(module, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "data" / "raw" / module.FOLDER, raw / module.FOLDER)
    assert not module.build(raw, FetchContext()).empty  # one copy each: builds
    first = copies.files(raw / module.FOLDER)[0]
    for suffix in ("", ".provenance.json"):
        shutil.copy(f"{first}{suffix}", raw / module.FOLDER / f"again_{first.name}{suffix}")
    with pytest.raises(ObservatoryError, match=f"tenerne una sola in {module.FOLDER}"):
        module.build(raw, FetchContext())
