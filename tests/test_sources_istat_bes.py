"""The ISTAT BES dei territori connector against the fixture server (SDMX-ML structure in the NSI v8
layout, SDMX-CSV data), including partial answers, and the public copies the snapshot is built from."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh
from observatory.sources import bes_copies, istat_bes, istat_sdmx
from observatory.sources.throttle import Throttle
from observatory.sources.types import FetchContext
from tests.conftest import REPO, sample
from tests.test_sources_istat import CSV_TYPE, FIX, FakeClock

RAW = REPO / "data" / "raw"
FLOW_IDS = [flow.id for flow in istat_bes.FLOWS]


def header(flow: str) -> bytes:
    return (FIX / f"{flow}.csv").read_bytes().splitlines()[0] + b"\n"


def serve(server, overrides: dict[str, bytes] | None = None, structures: dict[str, bytes] | None = None) -> None:
    """Every BES flow: its structure at /dataflow/IT1/{flow}/1.0, its data under /data/{flow}/."""
    for flow in FLOW_IDS:
        xml = (structures or {}).get(flow, (FIX / "structure" / f"{flow}.xml").read_bytes())
        server.route(f"/dataflow/IT1/{flow}/1.0", body=xml, content_type="application/xml")
        body = (overrides or {}).get(flow, (FIX / f"{flow}.csv").read_bytes())
        server.route(f"/data/{flow}/*", body=body, content_type=CSV_TYPE)


def fetch(server) -> tuple[pd.DataFrame, FetchContext]:
    ctx = FetchContext(base_urls={"istat": server.url})
    return istat_bes.fetch_bes(ctx), ctx


def value(frame, territory, indicator, year, sex="totale"):
    rows = frame[(frame["territorio"] == territory) & (frame["indicatore"] == indicator) & (frame["anno"] == year)
                 & (frame["sesso"] == sex)]
    assert len(rows) == 1, (territory, indicator, year, sex)
    return rows.iloc[0]


def test_happy_path_full_series_italia_and_sexes(fixture_server):
    serve(fixture_server)
    frame, ctx = fetch(fixture_server)
    datasets.validate("bes_lavoro", frame)
    assert value(frame, "ITC43", "tasso_occupazione_20_64", 2024)["valore"] == pytest.approx(72.8)
    assert value(frame, "IT", "tasso_occupazione_20_64", 2024)["valore"] == pytest.approx(67.1)  # Italia
    assert value(frame, "ITC42", "tasso_occupazione_20_64", 2024, "femmine")["valore"] == pytest.approx(65.9)
    assert value(frame, "ITC42", "mancata_partecipazione", 2023)["valore"] == pytest.approx(8.8)  # a copy gap filled
    neet = value(frame, "ITC43", "neet", 2018)
    assert neet["valore"] == pytest.approx(12.1) and neet["unita"] == "%" and neet["codice_bes"] == "02IST006-N22"
    assert value(frame, "ITC43", "infortuni_lavoro", 2022)["unita"] == "per 10.000 occupati"
    flagged = value(frame, "ITC43", "mancata_partecipazione", 2023, "femmine")  # blank with flag g: NA, never 0
    assert pd.isna(flagged["valore"]) and flagged["stato_osservazione"] == "g"
    assert set(frame["provenienza"]) == {"ufficiale"} and set(frame["edizione"]) == {"2025"}
    assert "ITC41" not in set(frame["territorio"])  # a province outside the area is dropped
    assert not ((frame["territorio"].isin(["ITC42", "ITC43"])) & (frame["anno"] == 2022)
                & (frame["indicatore"] == "tasso_occupazione_20_64")).any()  # ISTAT's own gap stays a gap
    assert any("edizioni 2024, 2025" in note for note in ctx.notes)


def test_the_newest_edition_wins(fixture_server):
    serve(fixture_server)
    frame, _ = fetch(fixture_server)
    assert value(frame, "ITC43", "tasso_occupazione_20_64", 2023)["valore"] == pytest.approx(73.5)  # 2024 ed.: 73.9


def test_requests_build_the_key_from_the_dsd(fixture_server):
    serve(fixture_server)
    fetch(fixture_server)
    data = [r for r in fixture_server.requests if r.path.startswith("/data/")]
    assert [r.path for r in data] == [
        "/data/DF_BES_TERRIT_3/A.ITC42+ITC43+ITC4+IT.BES_03.03LAV001-N22+03LAV002-N22+03LAV007.F+M+T.",
        "/data/DF_BES_TERRIT_2/A.ITC42+ITC43+ITC4+IT.BES_02.02IST006-N22.F+M+T."]
    for request in data:
        assert request.headers["Accept"] == "application/vnd.sdmx.data+csv;version=1.0.0"
        assert request.param("startPeriod") == "2004" and "endPeriod" not in request.query
    structures = [r for r in fixture_server.requests if r.path.startswith("/dataflow/")]
    assert [r.path for r in structures] == ["/dataflow/IT1/DF_BES_TERRIT_3/1.0", "/dataflow/IT1/DF_BES_TERRIT_2/1.0"]


def test_a_changed_dsd_stops_before_any_data_call(fixture_server):
    changed = (FIX / "structure" / "DF_BES_TERRIT_3_changed.xml").read_bytes()
    serve(fixture_server, structures={"DF_BES_TERRIT_3": changed})
    with pytest.raises(ObservatoryError, match="ha cambiato la struttura del flusso DF_BES_TERRIT_3.*AGE"):
        fetch(fixture_server)
    assert not any(r.path.startswith("/data/") for r in fixture_server.requests)


def test_a_real_nsi_v8_structure_of_another_dsd_fails_loudly(fixture_server):
    """ISTAT's real NSI v8 message (DCIS_POPRES1, Dimension refs inside AttributeList): read from its
    DimensionList, it is not the BES layout, and the connector says so in Italian."""
    real = sample("istat_real/sdmxtestdata_ISTAT_22_289-structure.xml").read_bytes()
    serve(fixture_server, structures={"DF_BES_TERRIT_3": real})
    with pytest.raises(ObservatoryError, match=r"attese FREQ\.REF_AREA\.DOMAIN\.DATA_TYPE\.SEX\.EDITION, trovate "
                                               r"FREQ\.REF_AREA\.DATA_TYPE\.SEX\.AGE\.MARITAL_STATUS"):
        fetch(fixture_server)


def test_a_partial_answer_one_domain_empty(fixture_server):
    """NEET's flow answers NoRecordsFound: the rest arrives, the report names what is missing."""
    serve(fixture_server)
    fixture_server.route("/data/DF_BES_TERRIT_2/*", body="NoRecordsFound", status=404)
    frame, ctx = fetch(fixture_server)
    assert "neet" not in set(frame["indicatore"]) and "tasso_occupazione_20_64" in set(frame["indicatore"])
    assert any("02IST006-N22" in note for note in ctx.notes)


def test_everything_empty_is_an_italian_error(fixture_server):
    serve(fixture_server, overrides={flow: header(flow) for flow in FLOW_IDS})
    with pytest.raises(ObservatoryError, match="non ha restituito alcun dato BES"):
        fetch(fixture_server)


def test_a_renamed_column_and_a_non_numeric_value_are_errors(fixture_server):
    body = (FIX / "DF_BES_TERRIT_3.csv").read_bytes()
    serve(fixture_server, overrides={"DF_BES_TERRIT_3": body.replace(b",DOMAIN,", b",DOMINIO,", 1)})
    with pytest.raises(ObservatoryError, match=r"colonne attese \(DOMAIN\)"):
        fetch(fixture_server)
    serve(fixture_server, overrides={"DF_BES_TERRIT_3": body.replace(b",72.8,", b",n.d.,", 1)})
    with pytest.raises(ObservatoryError, match="non numerici"):
        fetch(fixture_server)


def test_the_throttle_spaces_every_call(fixture_server, monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(istat_sdmx, "THROTTLE", Throttle(12.0, clock=fake.clock, sleep=fake.sleep))
    serve(fixture_server)
    fixture_server.fail("/data/DF_BES_TERRIT_2/", status=503, times=1)  # a retry waits its turn too
    fetch(fixture_server)
    calls = len(fixture_server.requests)
    assert calls == 2 * len(FLOW_IDS) + 1 and fake.sleeps == [12.0] * (calls - 1)


def live_version(base: Path, url: str) -> None:
    """A live version built from a complete ISTAT answer (the yardstick of the next refresh)."""
    frame = istat_bes.fetch_bes(FetchContext(base_urls={"istat": url}))
    store.write_version([datasets.new_dataset("bes_lavoro", frame, provenance="ufficiale")],
                        validate=datasets.validate, base=base)


def test_a_partial_refresh_keeps_the_live_coverage(fixture_server, tmp_path):
    """The coverage rule: NEET's flow comes back header-only, the refresh carries NEET over from the
    live version (marked with its date) instead of dropping the indicator."""
    base = tmp_path / "snapshot"
    serve(fixture_server)
    live_version(base, fixture_server.url)
    before = store.read_dataset("bes_lavoro", base=base)
    serve(fixture_server, overrides={"DF_BES_TERRIT_2": header("DF_BES_TERRIT_2")})
    report = refresh.refresh(["bes_lavoro"], base_urls={"istat": fixture_server.url}, base=base)
    outcome = report.outcomes[0]
    assert outcome.status == refresh.INCOMPLETE and "dalla versione del" in outcome.missing
    after = store.read_dataset("bes_lavoro", base=base)
    neet = ["territorio", "sesso", "anno", "valore"]
    assert after[after["indicatore"] == "neet"][neet].reset_index(drop=True).equals(
        before[before["indicatore"] == "neet"][neet].reset_index(drop=True))


def test_a_failed_refresh_keeps_the_previous_snapshot(fixture_server, tmp_path):
    base = tmp_path / "snapshot"
    serve(fixture_server)
    live_version(base, fixture_server.url)
    files = {p: p.read_bytes() for p in base.rglob("*") if p.is_file() and not p.name.endswith("lock")}
    fixture_server.fail("/data/DF_BES_TERRIT_3/", status=503, times=10)
    report = refresh.refresh(["bes_lavoro"], base_urls={"istat": fixture_server.url}, base=base)
    assert not report.ok and "problema temporaneo" in report.failed()[0].reason
    assert {p: p.read_bytes() for p in base.rglob("*") if p.is_file() and not p.name.endswith("lock")} == files


# --- the public copies (data/raw/bes_territori) ---------------------------------------------------

def test_the_copies_give_the_four_indicators_with_their_gaps():
    ctx = FetchContext()
    frame = bes_copies.build(RAW, ctx)
    datasets.validate("bes_lavoro", frame)
    assert len(frame) == 71 and set(frame["provenienza"]) == {"copia_verbatim"} and set(frame["sesso"]) == {"totale"}
    assert value(frame, "ITC43", "tasso_occupazione_20_64", 2024)["valore"] == pytest.approx(72.8)
    assert value(frame, "ITC42", "infortuni_lavoro", 2018)["valore"] == pytest.approx(6.5)  # the article layout
    assert value(frame, "ITC4", "neet", 2018)["valore"] == pytest.approx(15.0)  # Lombardia file, decimal comma
    years = frame.groupby(["indicatore", "territorio"])["anno"].agg(set)
    assert 2022 not in years[("tasso_occupazione_20_64", "ITC42")] | years[("tasso_occupazione_20_64", "ITC43")]
    assert 2023 not in years[("mancata_partecipazione", "ITC42")] | years[("mancata_partecipazione", "ITC43")]
    assert 2018 not in years[("neet", "ITC42")] | years[("neet", "ITC43")]
    assert "IT" not in set(frame["territorio"])  # no Italia in the copies
    assert any("52 righe" in note for note in ctx.notes)


def test_a_copy_in_another_layout_or_with_a_bad_value_is_refused():
    with pytest.raises(ObservatoryError, match="formato non riconosciuto"):
        bes_copies.parse(b"a;b;c\n1;2;3\n", "strano.csv", "copia_verbatim")
    table = (RAW / bes_copies.FOLDER / "diset-viz__Assoluti_Provincia__BES_lavoro_NEET__CO_LC.csv").read_bytes()
    with pytest.raises(ObservatoryError, match="riga non leggibile"):
        bes_copies.parse(table.replace(b";72,8;", b";n.d.;", 1), "tabella.csv", "copia_verbatim")
    with pytest.raises(ObservatoryError, match="«Variazione» invece di livelli"):
        bes_copies.parse(table.replace(b";Livello;", b";Variazione;", 1), "tabella.csv", "copia_verbatim")
