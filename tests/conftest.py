"""Shared fixtures: a private copy of the shipped snapshot, the publisher fixture server, ../shared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixture_server import FixtureServer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "sources" / "samples"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A private copy of data/snapshot; OSSERVATORIO_DATA_DIR points the app and package at it."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data" / "snapshot", target / "snapshot",
                    ignore=shutil.ignore_patterns(".lock", "*.tmp"))
    monkeypatch.setenv("OSSERVATORIO_DATA_DIR", str(target))
    return target


@pytest.fixture
def fixture_server(tmp_path) -> FixtureServer:
    """A publisher stand-in on 127.0.0.1; tests register routes and faults on it."""
    server = FixtureServer(tmp_path / "served").start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _no_retry_sleep(monkeypatch):
    """Retries keep their logic but never sleep in tests; the ISTAT throttle interval is 0."""
    monkeypatch.setenv("OSSERVATORIO_RETRY_BACKOFF", "0")
    monkeypatch.setenv("OSSERVATORIO_ISTAT_INTERVAL", "0")


def sample(name: str) -> Path:
    """A real publisher extract from ../shared/sources/samples, or skip the test when absent."""
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"real sample {name} not available (../shared is absent)")
    return path


@pytest.fixture
def full_data_dir(data_dir):
    """The shipped snapshot plus synthetic frames for every dataset (see tests/synthetic.py);
    returns (data_dir, frames) so tests can compute expected numbers themselves."""
    from tests import synthetic

    frames = synthetic.write_full_snapshot(data_dir / "snapshot")
    return data_dir, frames


@pytest.fixture
def geo_only_data_dir(tmp_path, monkeypatch) -> Path:
    """A snapshot holding only the real geography and population (every other dataset missing),
    to check that pages say so in Italian instead of failing."""
    from observatory import store

    source = REPO / "data" / "snapshot"
    target = tmp_path / "geo-only"
    items = []
    for dataset_id in ("comuni", "popolazione"):
        record = store.read_manifest(base=source)[dataset_id]
        items.append(store.NewDataset(id=dataset_id, frame=store.read_dataset(dataset_id, base=source),
                                      title=record.title, publisher=record.publisher, source_url=record.source_url,
                                      licence=record.licence, provenance=record.provenance,
                                      period_start=record.period_start, period_end=record.period_end))
    store.write_version(items, base=target / "snapshot")
    monkeypatch.setenv("OSSERVATORIO_DATA_DIR", str(target))
    return target
