"""Regione Lombardia connector (API and bulk paths) against the fixture server speaking SODA."""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

import pandas as pd
import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import mirror, refresh, snapshot
from observatory.sources import lombardia, lombardia_dates
from observatory.sources import lombardia_mappings as m
from observatory.sources.types import FetchContext
from tests.conftest import sample
from tests.fixture_server import FixtureServer, Reply
from tests.lombardia_stub import SodaStub, as_timestamp, event, export_csv, metadata

VIEW = "qbau-cyuc"
RESOURCE = f"/resource/{VIEW}.json"
REPO = Path(__file__).resolve().parent.parent


def random_events(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    pick = rng.choice
    return [event(data=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{pick([2019, 2020])}",
                  provincia=pick(["COMO", "LECCO", "MILANO", "BERGAMO"]), genere=pick(["M", "F"]),
                  eta=pick(["19", "30", "41", "52", "60", "70", "221", "14", None]),
                  settore=pick(["Ristorazione con somministrazione", "Rifugi di montagna", "Attività misteriosa",
                                "Fabbricazione di mobili per ufficio e negozi", None]),
                  titolo=pick(["LICENZA MEDIA", "LAUREA - VECCHIO O NUOVO ORDINAMENTO", None]),
                  contratto=pick(["LAVORO A TEMPO INDETERMINATO", "LAVORO INTERMITTENTE", "TIROCINIO"]),
                  modalita=pick(["TEMPO PIENO", "TEMPO PARZIALE ORIZZONTALE", None]),
                  paese=pick(["ITALIA", "ROMANIA", "MAROCCO", None]))
            for _ in range(count)]


def serve(server: FixtureServer, records: list[dict], date_type: str = "text", **meta) -> SodaStub:
    rows = records if date_type == "text" else [as_timestamp(r) for r in records]
    stub = SodaStub(rows)
    server.route(f"/api/views/{VIEW}.json", body=metadata(VIEW, date_type, **meta), content_type="application/json")
    server.route(RESOURCE, stub)
    server.route(f"/api/views/{VIEW}/rows.csv", body=export_csv(records, date_type), content_type="text/csv")
    return stub


def fetch(server: FixtureServer) -> tuple[pd.DataFrame, FetchContext]:
    ctx = FetchContext(base_urls={"lombardia": server.url})
    frame = datasets.get("avviamenti").fetch(ctx)
    datasets.validate("avviamenti", frame)
    return frame, ctx


def totals(frame: pd.DataFrame) -> dict[str, int]:
    return frame.groupby("territorio")["eventi"].sum().to_dict()


@pytest.fixture(autouse=True)
def _api_mode(monkeypatch):
    monkeypatch.delenv("OSSERVATORIO_LOMBARDIA_MODE", raising=False)
    monkeypatch.delenv("OSSERVATORIO_SOCRATA_TOKEN", raising=False)


@pytest.mark.parametrize("page_size, pages", [(4, 3), (5, 3), (100, 1)])
def test_pages_until_a_short_page(fixture_server, monkeypatch, page_size, pages):
    # 10 distinct groups for Como+Lecco: 4+4+2, 5+5+0 (an empty last page), 10; days above 12 say the
    # dates are day first (see test_day_and_month_order_comes_from_the_data)
    records = [event(data=f"{d:02d}/03/2019", provincia=p) for d in range(13, 18) for p in ("COMO", "LECCO")]
    monkeypatch.setenv("OSSERVATORIO_SOCRATA_PAGE_SIZE", str(page_size))
    stub = serve(fixture_server, records)
    frame, _ = fetch(fixture_server)
    province_queries = [q for q in stub.queries if "provinciaimpresa in" in q["$where"]]
    assert [q["$offset"] for q in province_queries] == [str(i * page_size) for i in range(pages)]
    assert all(q["$limit"] == str(page_size) for q in stub.queries)
    assert totals(frame) == {"ITC42": 5, "ITC43": 5, "ITC4": 10}


def test_maps_records_into_the_schema(fixture_server):
    records = [event(), event(provincia="MILANO", genere="F", eta="221", paese="ROMANIA",
                              contratto="APPRENDISTATO PROFESSIONALIZZANTE", modalita=None, titolo=None)]
    serve(fixture_server, records)
    frame, _ = fetch(fixture_server)
    como = frame[frame["territorio"] == "ITC42"].iloc[0]
    assert como["mese"] == pd.Timestamp("2019-01-01") and como["settore_ateco"] == "I"
    assert (como["contratto"], como["orario"], como["sesso"]) == ("determinato", "tempo pieno", "maschi")
    assert (como["classe_eta"], como["titolo_studio"], como["cittadinanza"]) == ("25-34", "licenza media", "italiana")
    milano = frame[(frame["territorio"] == "ITC4") & (frame["sesso"] == "femmine")].iloc[0]
    assert milano["classe_eta"] == "non valido"  # 221 is an outlier, never a band
    assert (milano["contratto"], milano["orario"], milano["titolo_studio"], milano["cittadinanza"]) == (
        "apprendistato", "non definito", "non indicato", "UE")
    assert "ITC43" not in set(frame["territorio"])


def test_retries_a_429_then_succeeds(fixture_server):
    serve(fixture_server, [event()])
    fixture_server.fail(RESOURCE, status=429, times=1, headers={"Retry-After": "0"})
    frame, _ = fetch(fixture_server)
    assert totals(frame) == {"ITC42": 1, "ITC4": 1}
    assert sum(r.path == RESOURCE for r in fixture_server.requests) == 3  # 429, province page, region page


def test_403_fails_clearly_and_keeps_the_snapshot(fixture_server, data_dir):
    serve(fixture_server, [event(), event(provincia="LECCO")])
    first = refresh.refresh(["avviamenti"], base_urls={"lombardia": fixture_server.url})
    assert first.ok, first.outcomes
    before = store.read_dataset("avviamenti")
    fixture_server.fail("/api/views/", status=403, times=5)
    second = refresh.refresh(["avviamenti"], base_urls={"lombardia": fixture_server.url})
    assert second.version is None and second.outcomes[0].status == refresh.FAILED
    assert "403" in second.outcomes[0].reason and "rifiutato" in second.outcomes[0].reason
    pd.testing.assert_frame_equal(store.read_dataset("avviamenti"), before)


def test_renamed_field_in_metadata_is_a_clear_error(fixture_server):
    serve(fixture_server, [event()], rename={"eta": "eta_lavoratore"})
    with pytest.raises(ObservatoryError, match="mancano le colonne eta"):
        fetch(fixture_server)


def test_renamed_field_in_rows_is_a_clear_error(fixture_server):
    serve(fixture_server, [event()])
    fixture_server.route(RESOURCE, body=json.dumps([{"provinciaimpresa": "COMO", "mese": "2019-01-01T00:00:00.000",
                                                     "eta_anni": "34", "n": "1"}]))
    with pytest.raises(ObservatoryError, match="campi inattesi.*eta_anni"):
        fetch(fixture_server)


def test_soql_rejection_is_a_clear_error(fixture_server):
    serve(fixture_server, [event()])
    fixture_server.route(RESOURCE, Reply(400, json.dumps({"code": "query.soql.no-such-column", "error": True,
                                                          "message": "No such column: eta"}).encode()))
    with pytest.raises(ObservatoryError, match="No such column: eta.*rinominato"):
        fetch(fixture_server)


def test_text_and_timestamp_dates_give_the_same_result(fixture_server):
    records = random_events(300)
    text_stub = serve(fixture_server, records, "text")
    as_text, _ = fetch(fixture_server)
    ts_stub = serve(fixture_server, records, "calendar_date")
    as_timestamp_frame, _ = fetch(fixture_server)
    assert "date_trunc_ym" not in text_stub.queries[0]["$select"] and "like '%/2019%'" in text_stub.queries[0]["$where"]
    assert "date_trunc_ym(data) AS mese" in ts_stub.queries[0]["$select"]
    assert "data >= '2019-01-01T00:00:00'" in ts_stub.queries[0]["$where"]
    pd.testing.assert_frame_equal(as_text, as_timestamp_frame)
    assert as_text["mese"].dt.day.eq(1).all() and as_text["eventi"].sum() > 0


def test_events_before_the_first_year_are_left_out(fixture_server):
    serve(fixture_server, [event(), event(data="31/12/2018")])
    frame, _ = fetch(fixture_server)
    assert frame["mese"].min() == pd.Timestamp("2019-01-01") and totals(frame) == {"ITC42": 1, "ITC4": 1}


def test_unmapped_sector_becomes_nd_and_is_reported(fixture_server):
    records = [event(settore="Attività misteriosa"), event(settore=None), event(provincia="MILANO", settore="Boh")]
    serve(fixture_server, records)
    frame, ctx = fetch(fixture_server)
    nd = frame[frame["settore_ateco"] == "ND"].groupby("territorio")["eventi"].sum().to_dict()
    assert nd == {"ITC42": 2, "ITC4": 3}
    assert any("non classificato" in note and "Lombardia (ITC4) 3" in note and "Como (ITC42) 2" in note
               for note in ctx.notes)


@pytest.mark.parametrize("mode", ["api", "bulk"])
def test_day_and_month_order_comes_from_the_data(fixture_server, monkeypatch, mode):
    """Real exports show only values such as 09/05/2020 and 12/07/2019: the order is read from a field above 12."""
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_MODE", mode)
    us = [event(data="06/17/2020"), event(data="09/05/2020"), event(data="12/07/2019")]
    serve(fixture_server, us)
    frame, ctx = fetch(fixture_server)
    months = frame.groupby("mese")["eventi"].sum().to_dict()
    assert months == {pd.Timestamp("2019-12-01"): 2, pd.Timestamp("2020-06-01"): 2, pd.Timestamp("2020-09-01"): 2}
    assert any("mese/giorno/anno" in note for note in ctx.notes)  # Como + the region: two events a month
    italian = [event(data="17/06/2020"), event(data="09/05/2020")]
    serve(fixture_server, italian)
    frame, ctx = fetch(fixture_server)
    assert set(frame["mese"]) == {pd.Timestamp("2020-06-01"), pd.Timestamp("2020-05-01")}
    assert any("giorno/mese/anno" in note for note in ctx.notes)


@pytest.mark.parametrize("dates, message", [
    (["09/05/2020", "12/07/2019"], "non si capisce se «09/05/2020» sia giorno/mese o mese/giorno"),
    (["17/06/2020", "06/17/2020"], "due ordini diversi"),
])
def test_dates_that_cannot_be_read_safely_fail_loudly(fixture_server, dates, message):
    serve(fixture_server, [event(data=d) for d in dates])
    with pytest.raises(ObservatoryError, match=message):
        fetch(fixture_server)


def test_dates_that_read_the_same_either_way_are_fine(fixture_server):
    serve(fixture_server, [event(data="05/05/2020"), event(data="01/01/2019")])
    frame, _ = fetch(fixture_server)
    assert set(frame["mese"]) == {pd.Timestamp("2020-05-01"), pd.Timestamp("2019-01-01")}


def test_the_date_column_type_of_the_metadata_is_recorded(fixture_server):
    serve(fixture_server, [event()])
    frame, ctx = fetch(fixture_server)
    assert frame.attrs["tipo_data"] == "text" and any("«data» di tipo «text»" in note for note in ctx.notes)


def test_licence_read_from_metadata_else_fallback(fixture_server):
    serve(fixture_server, [event()], licence={"license": {"name": "Creative Commons 1.0 Universal"}})
    frame, ctx = fetch(fixture_server)
    assert frame.attrs["licence"] == "Creative Commons 1.0 Universal"
    serve(fixture_server, [event()])
    frame, ctx = fetch(fixture_server)
    assert frame.attrs["licence"] == "IODL 2.0 [da verificare]" and any("licenza" in n for n in ctx.notes)


def test_app_token_is_sent_when_configured(fixture_server, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_SOCRATA_TOKEN", "abc123")
    serve(fixture_server, [event()])
    fetch(fixture_server)
    assert all(r.headers.get("X-App-Token") == "abc123" for r in fixture_server.requests)


@pytest.mark.parametrize("date_type", ["text", "calendar_date"])
def test_api_and_bulk_paths_agree(fixture_server, monkeypatch, date_type):
    records = random_events(2000, seed=11) + [event(genere=None), event(data="31/12/2018")]
    records += [event(data="non so")] if date_type == "text" else []
    monkeypatch.setenv("OSSERVATORIO_SOCRATA_PAGE_SIZE", "397")
    serve(fixture_server, records, date_type)
    via_api, api_ctx = fetch(fixture_server)
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_MODE", "bulk")
    via_bulk, bulk_ctx = fetch(fixture_server)
    pd.testing.assert_frame_equal(via_api, via_bulk)
    assert any(r.path.endswith("/rows.csv") and r.param("accessType") == "DOWNLOAD" for r in fixture_server.requests)
    nd_note = [n for n in api_ctx.notes if "non classificato" in n]
    assert nd_note and nd_note == [n for n in bulk_ctx.notes if "non classificato" in n]


def test_bulk_missing_column_is_a_clear_error(fixture_server, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_MODE", "bulk")
    serve(fixture_server, [event()])
    fixture_server.route(f"/api/views/{VIEW}/rows.csv", body="DATA,GENERE,ETA\n15/01/2019,M,34\n")
    with pytest.raises(ObservatoryError, match="non ha le colonne SETTOREECONOMICODETTAGLIO"):
        fetch(fixture_server)


def test_bulk_size_cap(fixture_server, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_MODE", "bulk")
    monkeypatch.setenv("OSSERVATORIO_MAX_BULK_BYTES", "1000")
    serve(fixture_server, random_events(100))
    with pytest.raises(ObservatoryError, match="supera il limite"):
        fetch(fixture_server)


@pytest.mark.parametrize("text, expected", [
    ("LAVORO INTERMITTENTE A TEMPO INDETERMINATO", "intermittente"), ("LAVORO DOMESTICO", "domestico"),
    ("CONTRATTO DI SOMMINISTRAZIONE", "somministrazione"), ("COLLABORAZIONE COORDINATA E CONTINUATIVA", "altro"),
    ("LAVORO A TEMPO INDETERMINATO", "indeterminato"), ("TIROCINIO", "tirocinio")])
def test_contract_types(text, expected):
    assert m.contract_type(text) == expected


@pytest.mark.parametrize("value, band", [("15", "15-24"), ("24", "15-24"), ("25", "25-34"), ("64", "55-64"),
                                         ("65", "65+"), ("14", "non valido"), ("221", "non valido"),
                                         ("", "non valido")])
def test_age_bands(value, band):
    assert m.age_band(value) == band


def test_sector_table_and_keywords():
    assert m.ateco_section("Costruzione di strade, autostrade e piste aeroportuali") == "F"
    assert m.ateco_section("ATTIVITA' DI FAMIGLIE E CONVIVENZE COME DATORI DI LAVORO PER PERSONALE DOMESTICO") == "T"
    assert m.ateco_section("Commercio al dettaglio di articoli inventati") == "G"  # keyword rule
    assert m.ateco_section("Attività misteriosa") == "ND"


@pytest.mark.parametrize("dataset_id", list(lombardia.VIEWS))
def test_shipped_demo_answers_build_every_dataset_through_the_api_path(dataset_id, monkeypatch):
    """The offline build asks the recorded SoQL answers exactly what a live refresh asks the portal."""
    root = REPO / "data" / "raw" / "lombardia"
    view_id = lombardia.VIEWS[dataset_id][0]
    answers = sorted(p for p in (root / "resource" / f"{view_id}.json{mirror.ANSWERS}").iterdir()
                     if not p.name.endswith(".provenance.json"))
    assert len(answers) == 2  # the two provinces, then the whole region: one page each
    for path in [root / "api" / "views" / f"{view_id}.json", *answers]:
        sidecar = json.loads(path.with_name(path.name + ".provenance.json").read_text(encoding="utf-8"))
        assert sidecar["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert sidecar["provenance"] == "dimostrativo" and dataset_id in sidecar["datasets"]
        assert path.stat().st_size < 3_200_000
        if path in answers:
            assert path.name == f"{mirror.query_key(sidecar['request']['query'])}.json"
            assert "count(*) AS n" in sidecar["request"]["query"]["$select"]
    assert not (root / "api" / "views" / view_id / "rows.csv").exists()  # no raw events are shipped
    for key, value in snapshot.RAW_REQUESTS.items():
        monkeypatch.setenv(key, value)
    with mirror.serve(REPO / "data" / "raw") as url:
        ctx = FetchContext(base_urls={"lombardia": f"{url}/lombardia"})
        frame = datasets.get(dataset_id).fetch(ctx)
    datasets.validate(dataset_id, frame)
    assert frame["mese"].min() == pd.Timestamp("2019-01-01") and frame["mese"].max() == pd.Timestamp("2025-12-01")
    assert {"ITC42", "ITC43", "ITC4"} == set(frame["territorio"])
    yearly = frame.groupby(["territorio", frame["mese"].dt.year])["eventi"].sum().unstack()
    assert (yearly.loc["ITC4"] > yearly.loc["ITC42"] + yearly.loc["ITC43"]).all()
    if dataset_id == "avviamenti":  # full scale: about 100,000 hires a year in the two provinces
        assert (yearly.loc[["ITC42", "ITC43"]].sum() > 85_000).all()


def test_a_query_the_answers_do_not_hold_is_a_clear_error(monkeypatch):
    for key, value in snapshot.RAW_REQUESTS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_DAL", "2018")  # not what the answers were recorded for
    with mirror.serve(REPO / "data" / "raw") as url, pytest.raises(ObservatoryError, match="HTTP 404"):
        datasets.get("avviamenti").fetch(FetchContext(base_urls={"lombardia": f"{url}/lombardia"}))


def test_the_text_query_names_the_years_up_to_the_last_one(monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_AL", "2021")
    where = lombardia.soql("text", ["COMO"], 2019)["$where"]
    assert re.findall(r"'%/(\d{4})%'", where) == ["2019", "2020", "2021"]
    monkeypatch.delenv("OSSERVATORIO_LOMBARDIA_AL")
    assert lombardia.last_year() == pd.Timestamp.now().year + 1


def test_a_bulk_export_that_is_not_utf8_is_an_italian_error(fixture_server, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_LOMBARDIA_MODE", "bulk")
    serve(fixture_server, [event()])
    latin1 = export_csv([event(settore="Attività di famiglie"), event()]).decode("utf-8").encode("latin-1")
    fixture_server.route(f"/api/views/{VIEW}/rows.csv", body=latin1, content_type="text/csv")
    with pytest.raises(ObservatoryError, match="non è un testo UTF-8") as caught:
        fetch(fixture_server)
    assert "Decode" not in str(caught.value) and "codec" not in str(caught.value)


def test_real_socrata_text_dates_in_us_order_are_recognised():
    rows = json.loads(sample("socrata_real/nyc_sample_ipu4-2q9a.json").read_text(encoding="utf-8"))
    values = {row["filing_date"] for row in rows if row.get("filing_date")}
    assert "06/17/2020" in values
    order = lombardia_dates.date_order(values)
    assert order == lombardia_dates.MONTH_FIRST
    assert lombardia_dates.month_of("06/17/2020", order) == pd.Timestamp("2020-06-01")


def test_the_real_lombardia_values_alone_are_ambiguous_and_fail_loudly():
    """The DATA values a notebook printed from the real export (about 2022) all fit both orders."""
    text = sample("socrata_real/zaffl_cob_notebook_outputs_extract.txt").read_text(encoding="utf-8")
    values = set(re.findall(r"^\d+\s+(\d{2}/\d{2}/\d{4})\s", text, re.MULTILINE))
    assert {"09/05/2020", "12/07/2019"} <= values
    with pytest.raises(ObservatoryError, match="non si capisce se"):
        lombardia_dates.date_order(values)


def test_a_licence_id_alone_is_shown_by_name():
    meta = json.loads(sample("socrata_real/sodapy_get_song_metadata.txt").read_text(encoding="utf-8"))
    assert meta["licenseId"] == "CC0_10" and "license" not in meta
    assert lombardia.licence_of(meta) == "Creative Commons CC0 1.0 Universal"
    assert lombardia.licence_of({"licenseId": "NUOVA"}) == "NUOVA (codice di licenza del portale)"
