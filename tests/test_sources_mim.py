"""Ministry of Education open data against the fixture server: catalogue discovery, join, faults."""

import re
from pathlib import Path

import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh
from observatory.sources import mim
from observatory.sources.types import FetchContext
from tests.conftest import REPO, sample

BASE_PATH = "/opendata/opendata/catalogo/elements1"
STUDENT_HEADER = ("ANNOSCOLASTICO,CODICESCUOLA,ORDINESCUOLA,ANNOCORSO,TIPOPERCORSO,PERCORSO,INDIRIZZO,"
                  "ALUNNIMASCHI,ALUNNIFEMMINE\r\n")
STAT_HEADER = ("ANNOSCOLASTICO,AREAGEOGRAFICA,REGIONE,PROVINCIA,CODICEISTITUTORIFERIMENTO,"
               "DENOMINAZIONEISTITUTORIFERIMENTO,CODICESCUOLA,DENOMINAZIONESCUOLA,INDIRIZZOSCUOLA,CAPSCUOLA,"
               "CODICECOMUNESCUOLA,DESCRIZIONECOMUNE,DESCRIZIONECARATTERISTICASCUOLA,"
               "DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA,INDICAZIONESEDEDIRETTIVO,INDICAZIONESEDEOMNICOMPRENSIVO,"
               "INDIRIZZOEMAILSCUOLA,INDIRIZZOPECSCUOLA,SITOWEBSCUOLA,SEDESCOLASTICA\r\n")
PAR_HEADER = ("ANNOSCOLASTICO,AREAGEOGRAFICA,REGIONE,PROVINCIA,CODICESCUOLA,DENOMINAZIONESCUOLA,INDIRIZZOSCUOLA,"
              "CAPSCUOLA,CODICECOMUNESCUOLA,DESCRIZIONECOMUNE,DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA,"
              "INDIRIZZOEMAILSCUOLA,INDIRIZZOPECSCUOLA,SITOWEBSCUOLA\r\n")

FILES = {
    "SCUANAGRAFESTAT20232420230901.csv": "\ufeff" + STAT_HEADER
    + "202324,NORD OVEST,LOMBARDIA,COMO,COIS00100X,IIS UGGIATE,COTF00101R,\"ITI \"\"A. VOLTA\"\"\",VIA ROMA 1,22029,"
      "L487,UGGIATE-TREVANO,NORMALE,IST TEC INDUSTRIALE,NO,Non Disponibile,Non Disponibile,Non Disponibile,"
      "Non Disponibile,NO\r\n"
    + "202324,NORD OVEST,LOMBARDIA,MILANO,MIIS00100X,IIS MILANO,MIPS00101A,LICEO,VIA ROMA 1,20121,F205,MILANO,"
      "NORMALE,LICEO SCIENTIFICO,NO,Non Disponibile,a@b.it,Non Disponibile,Non Disponibile,NO\r\n",
    "SCUANAGRAFESTAT20242520240901.csv": STAT_HEADER
    + "202425,NORD OVEST,LOMBARDIA,COMO,COIS00100X,IIS UGGIATE,COTF00101R,ITI,VIA ROMA 1,22029,M435,"
      "UGGIATE CON RONAGO,NORMALE,IST TEC INDUSTRIALE,NO,Non Disponibile,a@b.it,Non Disponibile,Non Disponibile,NO\r\n"
    + "202425,NORD OVEST,LOMBARDIA,LECCO,LCIS00100X,IIS LECCO,LCPS00101B,LICEO,VIA ROMA 1,23900,E507,LECCO,"
      "NORMALE,LICEO SCIENTIFICO,NO,Non Disponibile,a@b.it,Non Disponibile,Non Disponibile,NO\r\n",
    "SCUANAGRAFESTAT20252620250901.csv": STAT_HEADER,
    "SCUANAGRAFEPAR20242520240901.csv": PAR_HEADER
    + "202425,NORD OVEST,LOMBARDIA,LECCO,LCPSMO500D,\"LICEO \"\"MANZONI\"\"\",VIA ROMA 1,23807,F133,MERATE,"
      "SCUOLA SEC. SECONDO GRADO NON STATALE,Non Disponibile,Non Disponibile,Non Disponibile\r\n",
    "ALUSECGRADOINDSTA20232420240831.csv": STUDENT_HEADER
    + "202324,COTF00101R,SCUOLA SECONDARIA II GRADO,1,TECNICO,TECNOLOGICO,MECCANICA MECCATRONICA ED ENERGIA,48,3\r\n"
    + "202324,MIPS00101A,SCUOLA SECONDARIA II GRADO,1,LICEO,SCIENTIFICO,LICEO SCIENTIFICO,50,50\r\n",
    "ALUSECGRADOINDSTA20242520250831.csv": STUDENT_HEADER
    + "202425,COTF00101R,SCUOLA SECONDARIA II GRADO,1,TECNICO,TECNOLOGICO,MECCANICA MECCATRONICA ED ENERGIA,45,4\r\n"
    + "202425,COTF00101R,SCUOLA SECONDARIA II GRADO,2,PROFESSIONALE IEFP,IeFP,OPERATORE MECCANICO,20,\r\n"
    + "202425,LCPS00101B,SCUOLA SECONDARIA II GRADO,3,LICEO,SCIENTIFICO,LICEO SCIENTIFICO,30,32\r\n",
    "ALUSECGRADOINDPAR20242520250831.csv": STUDENT_HEADER
    + "202425,LCPSMO500D,SCUOLA SECONDARIA II GRADO,1,LICEO,LINGUISTICO,LICEO LINGUISTICO,5,15\r\n",
}


def page(names) -> str:
    links = "".join(f'<li><a href="{BASE_PATH}/{n}">CSV</a> <a href="{BASE_PATH}/{n[:-4]}.json">JSON</a></li>'
                    for n in names)
    return f"<html><body><ul>{links}</ul></body></html>"


def serve(server, files=FILES):
    def catalogue(request):
        area = request.param("area")
        wanted = "ALU" if area == "Studenti" else "SCU"
        from tests.fixture_server import Reply
        body = page([n for n in files if n.startswith(wanted)])
        return Reply(200, body.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})

    server.route(BASE_PATH + "/", catalogue)
    for name, text in files.items():
        server.route(f"{BASE_PATH}/{name}", body=text.encode("utf-8"), content_type="text/csv")
    return {"mim": server.url + BASE_PATH}


def test_discover_takes_the_newest_date_per_school_year():
    html = page(["SCUANAGRAFESTAT20242520240901.csv", "SCUANAGRAFESTAT20242520250110.csv",
                 "ALUSECGRADOINDSTA20242520250831.csv", "XSCUANAGRAFESTAT20992020000101.csv"])
    found = mim.discover(html)
    assert found["SCUANAGRAFESTAT"] == {"202425": "SCUANAGRAFESTAT20242520250110.csv"}
    assert mim.choose_years(found) == ["202425"]


def test_choose_years_keeps_the_last_five_with_both_files():
    found = {"ALUSECGRADOINDSTA": {f"{y}{(y + 1) % 100:02d}": "x" for y in range(2015, 2025)},
             "SCUANAGRAFESTAT": {f"{y}{(y + 1) % 100:02d}": "x" for y in range(2017, 2026)}}
    assert mim.choose_years(found) == ["202425", "202324", "202223", "202122", "202021"]


def test_registry_parser_on_the_real_sample():
    path = sample("mim_SCUANAGRAFEPAR20232420230901_CO_LC.csv")
    registry = mim.parse_registry(path.read_bytes(), path.name)
    assert len(registry) == 311
    assert registry["cap"].str.fullmatch(r"\d{5}").all()
    assert registry.loc[registry["codice_scuola"] == "CO1A10000V", "denominazione"].item() == \
        "SCUOLA DELL'INFANZIA \"BAMBIN GESU'\""
    assert not registry.isin(["Non Disponibile"]).any().any()
    assert registry["provincia"].isin(["COMO", "LECCO"]).all()
    mapped = mim.add_comune_istat(registry)
    assert mapped["comune_istat"].notna().all()  # Ronago's pre-2024 code H521 included
    assert mapped.loc[mapped["codice_catastale"] == "H521", "comune_istat"].eq("013256").all()
    assert mapped["comune_istat"].str[:3].isin(["013", "097"]).all()


def test_fetch_joins_students_to_the_registry_of_the_same_year(fixture_server):
    ctx = FetchContext(base_urls=serve(fixture_server))
    frame = mim.fetch_studenti(ctx)
    datasets.validate("studenti", frame)
    assert sorted(frame["anno_scolastico"].unique()) == ["2023/24", "2024/25"]
    assert not frame["codice_scuola"].str.startswith("MI").any()
    assert (frame["comune_istat"] == "013256").sum() == 3  # L487 in 2023/24, M435 in 2024/25
    iefp = frame[frame["tipo_percorso"] == "iefp"].iloc[0]
    assert iefp["maschi"] == 20 and str(frame["femmine"].dtype) == "Int64"
    assert frame[frame["tipo_percorso"] == "iefp"]["totale"].isna().all()  # blank count: NA, not 0
    paritaria = frame[frame["gestione"] == "paritaria"]
    assert paritaria["comune_istat"].tolist() == ["097048"] and paritaria["totale"].tolist() == [20]
    assert any("2023/24" in note and "paritaria" in note for note in ctx.notes)
    requested = [r for r in fixture_server.requests if r.path == BASE_PATH + "/"]
    assert sorted(r.param("area") for r in requested) == ["Scuole", "Studenti"]


def test_shipped_demo_files_parse(fixture_server):
    """The demo mirror: the folder index (index.html) answers both catalogue pages."""
    fixture_server.root = REPO / "data" / "raw"
    fixture_server.route("/mim/", body=(REPO / "data/raw/mim/index.html").read_bytes(), content_type="text/html")
    frame = mim.fetch_studenti(FetchContext(base_urls={"mim": fixture_server.url + "/mim"}))
    datasets.validate("studenti", frame)
    assert frame["comune_istat"].notna().all()
    assert set(frame["comune_istat"].str[:3]) == {"013", "097"}
    assert set(frame["tipo_percorso"]) == {"liceo", "tecnico", "professionale", "iefp"}


def test_renamed_column_is_a_clear_error(fixture_server):
    files = dict(FILES)
    files["ALUSECGRADOINDSTA20242520250831.csv"] = FILES["ALUSECGRADOINDSTA20242520250831.csv"].replace(
        "ALUNNIMASCHI", "MASCHI")
    serve(fixture_server, files)
    with pytest.raises(ObservatoryError, match="mancano le colonne ALUNNIMASCHI"):
        mim.fetch_studenti(FetchContext(base_urls={"mim": fixture_server.url + BASE_PATH}))


def test_catalogue_without_files_is_a_clear_error(fixture_server):
    serve(fixture_server, {"SCUANAGRAFESTAT20242520240901.csv": STAT_HEADER})
    with pytest.raises(ObservatoryError, match="catalogo"):
        mim.fetch_studenti(FetchContext(base_urls={"mim": fixture_server.url + BASE_PATH}))


def test_unknown_track_is_a_clear_error():
    body = (STUDENT_HEADER + "202425,COTF00101R,SCUOLA SECONDARIA II GRADO,1,ITS,X,Y,1,1\r\n").encode()
    with pytest.raises(ObservatoryError, match="percorso sconosciuto «ITS»"):
        mim.parse_students(body, "ALU.csv")


def _snapshot_bytes(base: Path) -> dict[str, bytes]:
    return {str(p.relative_to(base)): p.read_bytes()
            for p in sorted(base.rglob("*")) if p.is_file() and not p.name.endswith("lock")}


@pytest.mark.parametrize("fault", ["500", "truncated", "renamed"])
def test_fault_keeps_the_snapshot_intact(tmp_path, fixture_server, fault):
    base = tmp_path / "snapshot"
    urls = serve(fixture_server)
    first = mim.fetch_studenti(FetchContext(base_urls=urls))
    store.write_version([store.NewDataset(id="studenti", frame=first, title="Studenti", publisher=mim.PUBLISHER,
                                          source_url=mim.SOURCE_URL, licence=mim.LICENCE, provenance="ufficiale")],
                        validate=datasets.validate, base=base)
    before = _snapshot_bytes(base)
    if fault == "500":
        fixture_server.fail(BASE_PATH + "/SCUANAGRAFESTAT2024", status=500, times=10)
        expected = "problema temporaneo"
    elif fault == "truncated":
        fixture_server.fail(BASE_PATH + "/ALUSECGRADOINDSTA2024", status=200, truncate=True, times=10)
        expected = "incompleta|connessione"
    else:
        fixture_server.route(f"{BASE_PATH}/SCUANAGRAFESTAT20242520240901.csv",
                             body=STAT_HEADER.replace("CODICECOMUNESCUOLA", "CODICECOMUNE"))
        expected = "CODICECOMUNESCUOLA"
    report = refresh.refresh(["studenti"], base_urls=urls, base=base)
    assert report.version is None
    assert re.search(expected, report.failed()[0].reason)
    assert _snapshot_bytes(base) == before
