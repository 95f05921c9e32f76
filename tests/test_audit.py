"""The staff log: JSON lines appended under a lock (several processes at once), read newest first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from observatory import config
from observatory.pipeline import audit, refresh

REPO = Path(__file__).resolve().parent.parent


def test_entries_are_appended_and_read_newest_first(data_dir):
    for i in range(60):
        audit.append(f"persona{i}", audit.UPLOAD, "popolazione", audit.SUCCESS, f"n. {i}")
    path = config.audit_log_path()
    assert path == data_dir / "audit" / "audit.jsonl"
    last = audit.read_last(50)
    assert len(last) == 50
    assert list(last.columns) == ["quando", "chi", "azione", "cosa", "esito", "dettaglio"]
    assert last.iloc[0]["chi"] == "persona59" and last.iloc[-1]["chi"] == "persona10"
    assert all(json.loads(line)["azione"] == "caricamento" for line in path.read_text().splitlines())


def test_missing_log_is_empty_and_a_damaged_line_is_skipped(data_dir):
    assert audit.read_last().empty
    audit.append("a", audit.REFRESH, "x", audit.SUCCESS)
    with open(config.audit_log_path(), "a", encoding="utf-8") as handle:
        handle.write('{"chi": "tronc\n')
    audit.append("b", audit.REFRESH, "y", audit.FAILURE)
    assert audit.read_last()["chi"].tolist() == ["b", "a"]


def test_processes_writing_at_once_never_mix_lines(data_dir):
    script = ("import sys\nfrom observatory.pipeline import audit\n"
              "for i in range(100):\n"
              "    audit.append(sys.argv[1], audit.REFRESH, 'x' * 3000, audit.SUCCESS, str(i))\n")
    workers = [subprocess.Popen([sys.executable, "-c", script, f"p{n}"], cwd=REPO) for n in range(4)]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0, 0]
    lines = config.audit_log_path().read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert len(entries) == 400
    assert {e["chi"] for e in entries} == {"p0", "p1", "p2", "p3"}


def test_refresh_reports_are_summarised_with_outcome_and_reason(data_dir):
    ok = refresh.RefreshReport([refresh.DatasetOutcome("a", refresh.UPDATED, rows=12)], "V1")
    partial = refresh.RefreshReport([refresh.DatasetOutcome("a", refresh.UPDATED, rows=12),
                                     refresh.DatasetOutcome("b", refresh.FAILED, reason="ISTAT non risponde")], "V2")
    failed = refresh.RefreshReport([refresh.DatasetOutcome("b", refresh.FAILED, reason="HTTP 500")], None)
    assert audit.log_refresh("s", ["a"], ok)["esito"] == "riuscito"
    entry = audit.log_refresh("s", ["a", "b"], partial)
    assert entry["esito"] == "parziale" and "b: non riuscito — ISTAT non risponde" in entry["dettaglio"]
    assert "versione V2" in entry["dettaglio"]
    assert audit.log_refresh("s", ["b"], failed)["esito"] == "non riuscito"
    busy = audit.log_refresh("s", ["a"], error="Un aggiornamento dei dati è già in corso")
    assert busy["esito"] == "non riuscito" and "già in corso" in busy["dettaglio"]
    assert audit.read_last()["cosa"].tolist() == ["a", "b", "a, b", "a"]
