"""The source line under every chart: a one-year period is said once, no period is left out."""

from __future__ import annotations

from observatory import store
from observatory.ui import widgets


def record(start, end) -> store.DatasetRecord:
    return store.DatasetRecord(id="x", title="X", publisher="ISTAT", source_url="https://esempio.it",
                               licence="CC BY 4.0", provenance="ufficiale", period_start=start, period_end=end,
                               retrieved_at="2026-11-25T10:00:00+00:00", rows=1, sha256="0" * 64)


def test_source_line_periods():
    assert widgets.source_line(record("2019-01", "2025-12"), "it").startswith(
        "ISTAT · periodo 2019-01 – 2025-12 · aggiornato il 25 nov 2026")
    assert widgets.source_line(record("2023", "2023"), "it").startswith("ISTAT · periodo 2023 · aggiornato")
    assert widgets.source_line(record(None, None), "it") == "ISTAT · aggiornato il 25 nov 2026 · CC BY 4.0"
