"""The fault matrix: every fault class injected into every connector through the fixture server.

Whatever the fault, the refresh ends (a 1 s deadline per dataset for hang and drip, which would
otherwise hold it for minutes), releases its lock, leaves the live version byte for byte or — for a partial
answer of a dataset that carries over — with its coverage intact, and reports an Italian reason
with no exception type, errno or server path, which the audit records as not a success."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from observatory import datasets, store
from observatory.pipeline import audit, coverage, refresh
from tests.faults import FAULTS, SCENARIOS, TECHNICAL, Scenario
from tests.fixture_server import FixtureServer
from tests.readonly import read_only

_BASELINES: dict[str, Path] = {}


def data_files(base: Path) -> dict[str, bytes]:
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*"))
            if p.is_file() and not p.name.endswith("lock")}


@pytest.fixture(scope="module")
def baselines(tmp_path_factory):
    """A live version per scenario, built once from the publisher's normal answers."""
    def build(scenario: Scenario) -> Path:
        if scenario.id not in _BASELINES:
            base = tmp_path_factory.mktemp(scenario.id) / "snapshot"
            server = FixtureServer().start()
            with pytest.MonkeyPatch.context() as patch:
                for name, value in {"OSSERVATORIO_RETRY_BACKOFF": "0", "OSSERVATORIO_ISTAT_INTERVAL": "0",
                                    "OSSERVATORIO_DATASET_DEADLINE": "600", **scenario.env}.items():
                    patch.setenv(name, value)
                try:
                    report = refresh.refresh([scenario.dataset], base_urls=scenario.serve(server), base=base)
                finally:
                    server.stop()
            assert report.complete and report.version, report.outcomes
            _BASELINES[scenario.id] = base
        return _BASELINES[scenario.id]
    return build


def groups(base: Path, dataset_id: str) -> set[str]:
    frame = store.read_dataset(dataset_id, base=base)
    return set(coverage.keys(frame, coverage.columns_of(datasets.get(dataset_id))))


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_fault_in_every_connector(scenario, fault, baselines, tmp_path, monkeypatch):
    for name, value in scenario.env.items():
        monkeypatch.setenv(name, value)
    # hang and drip sit on the first request: a 1 s deadline ends them; other faults keep a loaded
    # machine's slow but normal requests clear of it
    monkeypatch.setenv("OSSERVATORIO_DATASET_DEADLINE", "1" if fault in ("hang", "drip") else "120")
    base = tmp_path / "snapshot"
    shutil.copytree(baselines(scenario), base)
    before, covered = data_files(base), groups(base, scenario.dataset)
    server = FixtureServer().start()
    log = tmp_path / "audit.jsonl"
    try:
        urls = scenario.serve(server)
        scenario.inject(server, fault)
        if fault == "read-only-folder":
            with read_only(base, monkeypatch), pytest.raises(store.SnapshotUnwritable) as caught:
                refresh.refresh([scenario.dataset], base_urls=urls, base=base)
            report, reason = None, str(caught.value)
            entry = audit.log_refresh("matrice", [scenario.dataset], error=reason, path=log)
        else:
            report = refresh.refresh([scenario.dataset], base_urls=urls, base=base)
            outcome = report.outcomes[0]
            reason = outcome.reason or outcome.missing
            entry = audit.log_refresh("matrice", [scenario.dataset], report, path=log)
    finally:
        server.stop()

    assert re.search(scenario.reason_pattern(fault), reason), reason
    assert not re.search(TECHNICAL, reason) and str(tmp_path) not in reason, reason
    assert entry["esito"] in (audit.FAILURE, audit.PARTIAL)
    lock = FileLock(str(refresh.lock_path(base)))
    lock.acquire(timeout=0)  # the refresh ended and let go of its lock
    lock.release()
    if fault == "partial" and scenario.carries:
        assert outcome.status == refresh.INCOMPLETE and "dalla versione del" in outcome.missing
        assert groups(base, scenario.dataset) >= covered  # coverage never lowered
        assert not report.complete and entry["esito"] == audit.PARTIAL
    else:
        assert report is None or (outcome.status == refresh.FAILED and report.version is None)
        assert data_files(base) == before
