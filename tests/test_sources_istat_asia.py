"""ISTAT ASIA local units against the fixture server, and the shipped demo mirror of data/raw/istat."""

import hashlib
import json
from pathlib import Path

import pytest

from observatory import datasets
from observatory.errors import ObservatoryError
from observatory.sources import istat_asia
from observatory.sources.types import FetchContext
from tests.fixture_server import FixtureServer, Reply

FIX = Path(__file__).parent / "fixtures" / "istat"
RAW = Path(__file__).resolve().parent.parent / "data" / "raw" / "istat"


def asia_rows_for_key(request) -> Reply:
    """Answer like ISTAT: only the rows of the municipalities named in the key."""
    wanted = set(request.path.rsplit("/", 1)[1].split(".")[1].split("+"))
    lines = (FIX / "asia_ul.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines[1:] if line.split(",")[2] in wanted]
    if not kept:
        return Reply(404, b"NoRecordsFound", {"Content-Type": "text/plain"})
    return Reply(200, ("\n".join([lines[0], *kept]) + "\n").encode(), {"Content-Type": "text/csv"})


def serve(server, structure: str = f"{istat_asia.FLOW}.xml") -> None:
    server.route(f"/dataflow/IT1/{istat_asia.FLOW}/1.0", body=(FIX / "structure" / structure).read_bytes())
    server.route(f"/data/{istat_asia.FLOW}/*", asia_rows_for_key)


def test_groups_add_up_to_sections_and_total(fixture_server):
    serve(fixture_server)
    ctx = FetchContext(base_urls={"istat": fixture_server.url})
    frame = istat_asia.fetch_unita_locali(ctx)
    datasets.validate("unita_locali", frame)
    row = frame.set_index(["comune_istat", "anno", "settore_ateco"])
    assert row.loc[("097042", 2023, "C"), "unita_locali"] == 200  # 256 + 259, not the published C row
    assert row.loc[("097042", 2023, "C"), "addetti"] == pytest.approx(1562.75)
    assert row.loc[("097042", 2023, "G"), "unita_locali"] == 250
    assert row.loc[("097042", 2023, "TOTALE"), "unita_locali"] == 600  # size class W0_9 not added
    # a blank group value makes its section and the total NA, never a smaller number
    assert row.loc[("097042", 2023, "I"), "unita_locali"] == 150
    assert row[["addetti"]].loc[("097042", 2023, "I")].isna().all()
    assert row[["addetti"]].loc[("097042", 2023, "TOTALE")].isna().all()
    assert row.loc[("013075", 2023, "J"), "addetti"] == pytest.approx(1200.4)
    assert row.loc[("097008", 2023, "A"), "unita_locali"] == 12
    assert any("non pubblicati" in note for note in ctx.notes)


def test_municipalities_go_in_short_batches_through_one_key_each(fixture_server):
    serve(fixture_server)
    istat_asia.fetch_unita_locali(FetchContext(base_urls={"istat": fixture_server.url}))
    data = [r for r in fixture_server.requests if r.path.startswith("/data/")]
    codes = istat_asia.municipalities()
    assert len(codes) == 231  # Como 147 + Lecco 84
    assert len(data) == -(-len(codes) // istat_asia.MAX_CODES_PER_CALL)
    asked = [code for r in data for code in r.path.rsplit("/", 1)[1].split(".")[1].split("+")]
    assert sorted(asked) == codes
    for request in data:
        key = request.path.rsplit("/", 1)[1]
        assert len(key) <= istat_asia.MAX_KEY_CHARS and key.endswith(".LU+LUEMPDAA..TOTAL")
        assert request.param("startPeriod") == str(istat_asia.FIRST_YEAR) and "endPeriod" not in request.query


def test_a_changed_asia_dsd_is_an_error(fixture_server):
    serve(fixture_server, structure="150_915.xml")  # a structure that does not describe the ASIA flow
    with pytest.raises(ObservatoryError, match="non contiene il flusso"):
        istat_asia.fetch_unita_locali(FetchContext(base_urls={"istat": fixture_server.url}))


def test_no_local_units_at_all_is_an_error(fixture_server):
    serve(fixture_server)
    fixture_server.route(f"/data/{istat_asia.FLOW}/*", body="NoRecordsFound", status=404)
    with pytest.raises(ObservatoryError, match="non ha restituito unità locali"):
        istat_asia.fetch_unita_locali(FetchContext(base_urls={"istat": fixture_server.url}))


def test_section_mapping_covers_every_division():
    assert istat_asia.section_of("011") == "A" and istat_asia.section_of("256") == "C"
    assert istat_asia.section_of("477") == "G" and istat_asia.section_of("990") == "U"
    assert istat_asia.section_of("040") is None


def test_the_demo_mirror_serves_every_path_the_connector_requests():
    """Only the local units are constructed: the labour-force rates ship from public copies."""
    if not RAW.is_dir():
        pytest.skip("data/raw/istat not built")
    server = FixtureServer(RAW).start()
    try:
        units = istat_asia.fetch_unita_locali(FetchContext(base_urls={"istat": server.url}))
    finally:
        server.stop()
    datasets.validate("unita_locali", units)
    assert not [r.path for r in server.requests if not (RAW / r.path.lstrip("/")).is_file()]
    assert set(units["comune_istat"]) == set(istat_asia.municipalities())
    assert not list((RAW / "data").glob("15*")), "no constructed labour-force file may ship beside the real ones"


def test_every_demo_raw_file_has_a_matching_provenance_sidecar():
    files = [p for p in RAW.rglob("*") if p.is_file() and not p.name.endswith(".provenance.json")]
    if not files:
        pytest.skip("data/raw/istat not built")
    assert sum(p.stat().st_size for p in RAW.rglob("*") if p.is_file()) < 3_000_000
    for path in files:
        sidecar = json.loads(Path(f"{path}.provenance.json").read_text(encoding="utf-8"))
        assert sidecar["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert sidecar["provenance"] == "dimostrativo" and sidecar["publisher"] == "ISTAT"
        assert sidecar["url"].startswith("https://esploradati.istat.it/SDMXWS/rest/")
        keys = {"publisher", "url", "retrieved", "licence", "sha256", "provenance", "datasets", "note"}
        assert set(sidecar) == keys | ({"calibrazione"} if "/data/" in sidecar["url"] else set())
