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


def test_the_source_line_says_how_the_values_reached_us():
    import dataclasses

    import pandas as pd

    copied = dataclasses.replace(record("2018", "2025"), provenance="copia_arrotondata")
    assert widgets.source_line(copied, "it").endswith(
        "CC BY 4.0 · copia pubblica, valori dell'editore arrotondati dalla copia")
    assert widgets.source_line(record("2018", "2025"), "it").endswith("CC BY 4.0")  # official: nothing added
    rows = pd.DataFrame({"provenienza": ["copia_verbatim", "copia_verbatim"], "derivazione": [None, None]})
    assert widgets.provenance_phrase(copied, rows, "en") == "public copy, the publisher's values unchanged"
    derived = rows.assign(provenienza="copia_arrotondata", derivazione="100 − tasso_attivita 15-64 (identità)")
    assert widgets.provenance_phrase(copied, derived, "it") == (
        "copia pubblica, valori dell'editore arrotondati dalla copia; valori derivati: 100 − tasso_attivita 15-64 "
        "(identità)")


def test_several_kinds_of_copy_make_one_phrase():
    import dataclasses

    import pandas as pd

    copied = dataclasses.replace(record("2018/19", "2024/25"), provenance="copia_aggregata")
    rows = pd.DataFrame({"provenienza": ["copia_aggregata", "copia_verbatim"]})
    assert widgets.provenance_phrase(copied, rows, "it") == (
        "copia pubblica, valori dell'editore invariati / sommati dalla copia secondo il periodo")
