"""The snapshot store: atomic versions, validation before the swap, a lock, pruning, and a reader
that still gets the previous snapshot byte for byte when a writer is killed mid-write."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock

from observatory import store
from observatory.errors import ObservatoryError

REPO = Path(__file__).resolve().parent.parent


def item(dataset_id: str, frame: pd.DataFrame, provenance: str = "ufficiale") -> store.NewDataset:
    return store.NewDataset(id=dataset_id, frame=frame, title=dataset_id, publisher="Prova",
                            source_url="http://example.invalid", licence="CC BY 4.0", provenance=provenance)


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".lock"}


def test_write_then_read_round_trip(tmp_path):
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    version = store.write_version([item("d", frame)], base=tmp_path)
    assert store.current_version(tmp_path) == version
    pd.testing.assert_frame_equal(store.read_dataset("d", base=tmp_path), frame)
    record = store.read_manifest(base=tmp_path)["d"]
    assert record.rows == 2 and record.provenance == "ufficiale" and len(record.sha256) == 64


def test_unchanged_datasets_are_carried_over(tmp_path):
    store.write_version([item("a", pd.DataFrame({"x": [1]})), item("b", pd.DataFrame({"y": [2]}))], base=tmp_path)
    store.write_version([item("b", pd.DataFrame({"y": [3]}))], base=tmp_path)
    assert store.read_dataset("a", base=tmp_path)["x"].tolist() == [1]
    assert store.read_dataset("b", base=tmp_path)["y"].tolist() == [3]


def test_validation_failure_leaves_the_live_version_untouched(tmp_path):
    store.write_version([item("a", pd.DataFrame({"x": [1]}))], base=tmp_path)
    before = tree_digest(tmp_path)

    def refuse(dataset_id, frame):
        raise ObservatoryError("colonna mancante")

    with pytest.raises(ObservatoryError, match="colonna mancante"):
        store.write_version([item("a", pd.DataFrame({"x": [9]}))], validate=refuse, base=tmp_path)
    assert tree_digest(tmp_path) == before


def test_a_second_writer_is_told_a_refresh_is_under_way(tmp_path):
    (tmp_path / "versions").mkdir()
    with FileLock(str(tmp_path / ".lock")):
        with pytest.raises(store.SnapshotBusy, match="già in corso"):
            store.write_version([item("a", pd.DataFrame({"x": [1]}))], base=tmp_path)


def test_keeps_only_the_last_three_versions(tmp_path):
    for value in range(5):
        store.write_version([item("a", pd.DataFrame({"x": [value]}))], base=tmp_path)
        time.sleep(0.002)  # version names are timestamps to the microsecond
    assert len(store.list_versions(tmp_path)) == store.KEEP_VERSIONS
    assert store.read_dataset("a", base=tmp_path)["x"].tolist() == [4]


def test_corrupt_file_is_a_clear_italian_error(tmp_path):
    version = store.write_version([item("a", pd.DataFrame({"x": [1]}))], base=tmp_path)
    (tmp_path / "versions" / version / "a.parquet").write_bytes(b"garbage")
    with pytest.raises(ObservatoryError, match="danneggiato"):
        store.read_dataset("a", base=tmp_path)


def test_unknown_provenance_is_refused(tmp_path):
    with pytest.raises(ValueError):
        store.write_version([item("a", pd.DataFrame({"x": [1]}), provenance="inventato")], base=tmp_path)


WRITER = """
import sys, time, pandas as pd
from observatory import store
base = sys.argv[1]
big = pd.DataFrame({"x": range(3_000_000), "y": ["testo lungo %d" % (i % 1000) for i in range(3_000_000)]})
def slow_validate(dataset_id, frame):
    print("validating", flush=True)
    time.sleep(30)  # the parent kills us here, in the middle of the write
store.write_version([store.NewDataset(id="a", frame=big, title="a", publisher="p", source_url="u",
                     licence="l", provenance="ufficiale")], validate=slow_validate, base=base)
"""


def test_killing_a_writer_mid_write_leaves_the_previous_snapshot_byte_for_byte(tmp_path):
    store.write_version([item("a", pd.DataFrame({"x": [1, 2, 3]}))], base=tmp_path)
    live = store.current_version(tmp_path)
    before = tree_digest(tmp_path / "versions" / live)
    before_data = (tmp_path / "versions" / live / "a.parquet").read_bytes()

    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], cwd=REPO,
                              stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert writer.stdout.readline().strip() == b"validating"  # staging folder exists, lock held
    staging = [p for p in (tmp_path / "versions").iterdir() if p.name.endswith(".tmp")]
    assert staging, "the writer should be mid-write with a staging folder"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)

    assert store.current_version(tmp_path) == live
    assert tree_digest(tmp_path / "versions" / live) == before
    assert (tmp_path / "versions" / live / "a.parquet").read_bytes() == before_data
    assert store.read_dataset("a", base=tmp_path)["x"].tolist() == [1, 2, 3]
    # the next writer takes the (released) lock and sweeps the killed writer's staging folder
    store.write_version([item("a", pd.DataFrame({"x": [4]}))], base=tmp_path)
    assert not [p for p in (tmp_path / "versions").iterdir() if p.name.endswith(".tmp")]
