"""The ISTAT labour-force connector against the fixture server: format, faults, throttle, refresh."""

from pathlib import Path

import pandas as pd
import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh
from observatory.sources import istat, istat_sdmx
from observatory.sources.throttle import Throttle
from observatory.sources.types import FetchContext
from tests.conftest import sample

FIX = Path(__file__).parent / "fixtures" / "istat"
CSV_TYPE = "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8"


def serve(server, overrides: dict[str, bytes] | None = None, structures: dict[str, str] | None = None) -> None:
    """Register every LFS flow: structure at /dataflow/IT1/{flow}/1.0, data under /data/{flow}/."""
    for flow in istat.FLOWS:
        xml = (FIX / "structure" / (structures or {}).get(flow.id, f"{flow.id}.xml")).read_bytes()
        server.route(f"/dataflow/IT1/{flow.id}/1.0", body=xml, content_type="application/xml")
        body = (overrides or {}).get(flow.id, (FIX / f"{flow.id}.csv").read_bytes())
        server.route(f"/data/{flow.id}/*", body=body, content_type=CSV_TYPE)


def fetch(server) -> tuple[pd.DataFrame, FetchContext]:
    ctx = FetchContext(base_urls={"istat": server.url})
    return istat.fetch_forze_lavoro(ctx), ctx


def pick(frame, **where):
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, where
    return rows.iloc[0]


def test_parser_reads_the_real_sdmx_csv_sample():
    body = sample("istat_sdmx_csv_41_983_palermo_verbatim_2020.csv").read_bytes()
    frame = istat_sdmx.read_sdmx_csv(body, ["FREQ", "ESITO", "ITTER107", "TIPO_DATO"], "41_983")
    assert list(frame["TIME_PERIOD"]) == ["2001", "2002", "2003", "2004", "2005"]
    assert frame["ITTER107"].eq("082053").all()
    assert frame["OBS_VALUE"].iloc[0] == 3764
    assert frame["OBS_STATUS"].isna().all()


def test_happy_path_values_flags_na_and_series(fixture_server):
    serve(fixture_server)
    frame, ctx = fetch(fixture_server)
    datasets.validate("forze_lavoro", frame)
    como = dict(territorio="ITC42", indicatore="tasso_occupazione", classe_eta="15-64")
    assert pick(frame, **como, sesso="totale", anno=2023)["valore"] == pytest.approx(68.45)
    row = pick(frame, **como, sesso="femmine", anno=2024)
    assert row["valore"] == pytest.approx(61.9) and row["stato_osservazione"] == "p" and row["serie"] == "RFL2021"
    blank = pick(frame, territorio="ITC43", classe_eta="15-89", sesso="femmine", anno=2024)
    assert pd.isna(blank["valore"]) and pd.isna(blank["stato_osservazione"])
    assert pick(frame, territorio="ITC43", indicatore="tasso_disoccupazione", classe_eta="15-24",
                anno=2024)["stato_osservazione"] == "u"
    # 2018 is in both regulations: the current one wins; 2003 is before the first year
    assert pick(frame, **como, sesso="totale", anno=2018)["valore"] == pytest.approx(66.912345)
    old = pick(frame, **como, sesso="totale", anno=2004)
    assert old["serie"] == "UNT2020" and old["valore"] == pytest.approx(64.1)
    assert frame["anno"].min() == 2004
    assert pick(frame, indicatore="tasso_inattivita", anno=2013)["serie"] == "UNT2020"
    assert any("2018" in note for note in ctx.notes)


def test_requests_use_the_dsd_key_accept_header_and_start_period_only(fixture_server):
    serve(fixture_server)
    fetch(fixture_server)
    data = [r for r in fixture_server.requests if r.path.startswith("/data/")]
    assert len(data) == len(istat.FLOWS)
    unemployment = next(r for r in data if r.path.startswith("/data/151_914/"))
    assert unemployment.path == "/data/151_914/A.ITC42+ITC43+ITC4+IT.UNEM_R.1+2+9.Y15-24+Y15-74.99.TOTAL.TOTAL"
    for request in data:
        assert request.headers["Accept"] == "application/vnd.sdmx.data+csv;version=1.0.0"
        assert request.param("startPeriod") == "2004" and "endPeriod" not in request.query
    structures = [r for r in fixture_server.requests if r.path.startswith("/dataflow/")]
    assert {r.param("references") for r in structures} == {"children"}


def test_no_records_found_is_an_empty_answer(fixture_server):
    serve(fixture_server)
    fixture_server.route("/data/152_1196/*", body="NoRecordsFound", status=404)
    frame, _ = fetch(fixture_server)
    assert pick(frame, indicatore="tasso_inattivita", anno=2024)["serie"] == "RFL2021"
    assert not ((frame["indicatore"] == "tasso_inattivita") & (frame["serie"] == "UNT2020")).any()


def test_everything_empty_is_an_italian_error(fixture_server):
    serve(fixture_server)
    for flow in istat.FLOWS:
        fixture_server.route(f"/data/{flow.id}/*", body="NoRecordsFound", status=404)
    with pytest.raises(ObservatoryError, match="non ha restituito alcun dato"):
        fetch(fixture_server)


def test_a_plain_404_is_an_error_not_an_empty_answer(fixture_server):
    serve(fixture_server)
    fixture_server.route("/data/150_916/*", body="Not found", status=404)
    with pytest.raises(ObservatoryError, match="404"):
        fetch(fixture_server)


def test_a_500_then_success(fixture_server):
    serve(fixture_server)
    fixture_server.fail("/data/150_915/", status=500, times=1)
    frame, _ = fetch(fixture_server)
    assert len(frame) > 0
    assert sum(r.path.startswith("/data/150_915/") for r in fixture_server.requests) == 2


def test_persistent_503_gives_up_after_the_retries(fixture_server):
    serve(fixture_server)
    fixture_server.fail("/data/150_915/", status=503, times=10)
    with pytest.raises(ObservatoryError, match="problema temporaneo"):
        fetch(fixture_server)
    assert sum(r.path.startswith("/data/150_915/") for r in fixture_server.requests) == istat_sdmx.RETRIES + 1


def test_a_429_is_never_retried(fixture_server):
    serve(fixture_server)
    fixture_server.fail("/dataflow/IT1/150_915", status=429, times=10)
    with pytest.raises(ObservatoryError, match="429"):
        fetch(fixture_server)
    assert len(fixture_server.requests) == 1


def test_a_timeout_is_an_italian_error(fixture_server, monkeypatch):
    monkeypatch.setattr(istat_sdmx, "TIMEOUT", (1.0, 0.3))
    serve(fixture_server)
    fixture_server.fail("/data/150_915/", status=200, delay=1.0, times=1)
    with pytest.raises(ObservatoryError, match="non ha risposto in tempo"):
        fetch(fixture_server)


def test_a_truncated_body_is_an_error(fixture_server):
    serve(fixture_server)
    fixture_server.fail("/data/150_915/", status=200, truncate=True, times=5)
    with pytest.raises(ObservatoryError, match="incompleta|connessione"):
        fetch(fixture_server)


def test_a_body_cut_mid_line_is_an_error(fixture_server):
    body = (FIX / "150_915.csv").read_bytes()
    serve(fixture_server, overrides={"150_915": body[: body.rindex(b"62.2")]})
    with pytest.raises(ObservatoryError, match="incompleta o malformata"):
        fetch(fixture_server)


def test_a_renamed_column_is_an_error(fixture_server):
    body = (FIX / "150_915.csv").read_bytes().replace(b",REF_AREA,", b",ITTER107,", 1)
    serve(fixture_server, overrides={"150_915": body})
    with pytest.raises(ObservatoryError, match="colonne attese \\(REF_AREA\\)"):
        fetch(fixture_server)


def test_extra_attribute_columns_are_ignored(fixture_server):
    lines = (FIX / "150_915.csv").read_text().splitlines()
    body = "\n".join([lines[0] + ",NOTE_NEW,OBS_CONF"] + [line + ",nota,F" for line in lines[1:]]) + "\n"
    serve(fixture_server, overrides={"150_915": body.encode()})
    frame, _ = fetch(fixture_server)
    assert pick(frame, territorio="ITC42", indicatore="tasso_occupazione", classe_eta="15-64", sesso="totale",
                anno=2023)["valore"] == pytest.approx(68.45)


def test_non_numeric_values_and_non_csv_answers_are_errors(fixture_server):
    body = (FIX / "150_916.csv").read_bytes().replace(b"72.100000", b"n.d.")
    serve(fixture_server, overrides={"150_916": body})
    with pytest.raises(ObservatoryError, match="non numerici"):
        fetch(fixture_server)
    serve(fixture_server, overrides={"150_916": b"<html><body>Service unavailable</body></html>"})
    with pytest.raises(ObservatoryError, match="non è in formato SDMX-CSV"):
        fetch(fixture_server)


def test_a_changed_dsd_stops_before_asking_for_data(fixture_server):
    serve(fixture_server, structures={"150_915": "150_915_changed.xml"})
    with pytest.raises(ObservatoryError, match="ha cambiato la struttura del flusso 150_915.*MARITAL_STATUS"):
        fetch(fixture_server)
    assert not any(r.path.startswith("/data/") for r in fixture_server.requests)


def test_an_unreadable_structure_is_an_error(fixture_server):
    serve(fixture_server)
    fixture_server.route("/dataflow/IT1/150_915/1.0", body="<message:Structure", content_type="application/xml")
    with pytest.raises(ObservatoryError, match="illeggibile"):
        fetch(fixture_server)


class FakeClock:
    def __init__(self):
        self.now, self.sleeps = 1000.0, []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_the_throttle_spaces_every_istat_call(fixture_server, monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(istat_sdmx, "THROTTLE", Throttle(12.0, clock=fake.clock, sleep=fake.sleep))
    serve(fixture_server)
    fixture_server.fail("/data/150_916/", status=503, times=1)  # a retry waits its turn too
    fetch(fixture_server)
    calls = len(fixture_server.requests)
    assert calls == 2 * len(istat.FLOWS) + 1
    assert fake.sleeps == [12.0] * (calls - 1)


def data_files(base: Path) -> dict[Path, bytes]:
    """Every file of the snapshot but the locks (which hold no data)."""
    return {p: p.read_bytes() for p in base.rglob("*") if p.is_file() and not p.name.endswith("lock")}


def test_refresh_with_a_fault_keeps_the_previous_snapshot_byte_for_byte(fixture_server, tmp_path):
    base = tmp_path / "snapshot"
    previous = pd.DataFrame({
        "territorio": ["ITC42"], "indicatore": ["tasso_occupazione"], "sesso": ["totale"], "classe_eta": ["15-64"],
        "anno": pd.Series([2023], dtype="int64"), "valore": pd.array([68.0], dtype="Float64"),
        "stato_osservazione": pd.Series([None], dtype="str"), "serie": ["RFL2021"],
        "provenienza": ["copia_verbatim"], "derivazione": pd.Series([None], dtype="str"),
    })
    store.write_version([store.NewDataset(id="forze_lavoro", frame=previous, title="Forze di lavoro", publisher="ISTAT",
                                          source_url=istat.SOURCE_URL, licence="CC BY 4.0", provenance="dimostrativo")],
                        validate=datasets.validate, base=base)
    before = data_files(base)
    serve(fixture_server)
    fixture_server.fail("/data/151_914/", status=503, times=10)
    report = refresh.refresh(["forze_lavoro"], base_urls={"istat": fixture_server.url}, base=base)
    assert not report.ok and report.version is None
    assert "problema temporaneo" in report.failed()[0].reason
    assert data_files(base) == before
