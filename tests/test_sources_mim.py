"""Ministry of Education open data against the fixture server (catalogue discovery, the per-school
files of every order, placement through the registries, faults), and the real public copies."""

import re
from pathlib import Path

import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh
from observatory.sources import mim, mim_codes, mim_copies, mim_counts, mim_place
from observatory.sources.types import FetchContext
from tests.conftest import REPO, sample

BASE_PATH = "/opendata/opendata/catalogo/elements1"
RAW = REPO / "data" / "raw"
COPIES = RAW / "mim_schools"
AGE_HEADER = "ANNOSCOLASTICO,CODICESCUOLA,ORDINESCUOLA,ANNOCORSO,FASCIAETA,ALUNNI\r\n"
KIDS_HEADER = "ANNOSCOLASTICO,CODICESCUOLA,CLASSI,BAMBINIMASCHI,BAMBINIFEMMINE\r\n"
STAT_HEADER = ("ANNOSCOLASTICO,AREAGEOGRAFICA,REGIONE,PROVINCIA,CODICEISTITUTORIFERIMENTO,"
               "DENOMINAZIONEISTITUTORIFERIMENTO,CODICESCUOLA,DENOMINAZIONESCUOLA,INDIRIZZOSCUOLA,CAPSCUOLA,"
               "CODICECOMUNESCUOLA,DESCRIZIONECOMUNE,DESCRIZIONECARATTERISTICASCUOLA,"
               "DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA,INDICAZIONESEDEDIRETTIVO,INDICAZIONESEDEOMNICOMPRENSIVO,"
               "INDIRIZZOEMAILSCUOLA,INDIRIZZOPECSCUOLA,SITOWEBSCUOLA,SEDESCOLASTICA\r\n")
PAR_HEADER = ("ANNOSCOLASTICO,AREAGEOGRAFICA,REGIONE,PROVINCIA,CODICESCUOLA,DENOMINAZIONESCUOLA,INDIRIZZOSCUOLA,"
              "CAPSCUOLA,CODICECOMUNESCUOLA,DESCRIZIONECOMUNE,DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA,"
              "INDIRIZZOEMAILSCUOLA,INDIRIZZOPECSCUOLA,SITOWEBSCUOLA\r\n")


def stat(year: str, code: str, cadastral: str, town: str, kind: str, province: str = "COMO") -> str:
    return (f'{year},NORD OVEST,LOMBARDIA,{province},COIS00100X,IIS,{code},"SCUOLA ""{code}""",VIA ROMA 1,22029,'
            f"{cadastral},{town},NORMALE,{kind},NO,Non Disponibile,Non Disponibile,Non Disponibile,"
            "Non Disponibile,NO\r\n")


FILES = {
    # registries: state 2023/24 (Uggiate-Trevano L487 before the 2024 merger) and 2024/25 (M435 after);
    # non-state only 2024/25 (the 2023/24 non-state schools are placed with it: the nearest year)
    "SCUANAGRAFESTAT20232420230901.csv": "\ufeff" + STAT_HEADER
    + stat("202324", "COTF00101R", "L487", "UGGIATE-TREVANO", "IST TEC INDUSTRIALE")
    + stat("202324", "COEE00101T", "L487", "UGGIATE-TREVANO", "SCUOLA PRIMARIA")
    + stat("202324", "MIPS00101A", "F205", "MILANO", "LICEO SCIENTIFICO", "MILANO"),
    "SCUANAGRAFESTAT20242520240901.csv": STAT_HEADER
    + stat("202425", "COTF00101R", "M435", "UGGIATE CON RONAGO", "IST TEC INDUSTRIALE")
    + stat("202425", "COEE00101T", "M435", "UGGIATE CON RONAGO", "SCUOLA PRIMARIA")
    + stat("202425", "COAA00101V", "M435", "UGGIATE CON RONAGO", "SCUOLA INFANZIA")
    + stat("202425", "LCPS00101B", "E507", "LECCO", "LICEO SCIENTIFICO", "LECCO"),
    "SCUANAGRAFEPAR20242520240901.csv": PAR_HEADER
    + "202425,NORD OVEST,LOMBARDIA,LECCO,LC1A00100D,\"SCUOLA DELL'INFANZIA \"\"S. ZENO\"\"\",VIA ROMA 1,23807,F133,"
      "MERATE,SCUOLA INFANZIA NON STATALE,Non Disponibile,Non Disponibile,Non Disponibile\r\n",
    # students of primaria and secondarie: one row per school × course year × age band
    "ALUCORSOETASTA20232420240831.csv": AGE_HEADER
    + "202324,COTF00101R,SCUOLA SECONDARIA II GRADO,1,14 anni,40\r\n"
    + "202324,COTF00101R,SCUOLA SECONDARIA II GRADO,1,15 anni,8\r\n"
    + "202324,COEE00101T,SCUOLA PRIMARIA,1,6 anni,20\r\n"
    + "202324,MIPS00101A,SCUOLA SECONDARIA II GRADO,1,14 anni,99\r\n",
    "ALUCORSOETASTA20242520250831.csv": AGE_HEADER
    + "202425,COTF00101R,SCUOLA SECONDARIA II GRADO,1,14 anni,45\r\n"
    + "202425,COTF00101R,SCUOLA SECONDARIA II GRADO,2,15 anni,<=3\r\n"
    + "202425,COEE00101T,SCUOLA PRIMARIA,1,6 anni,22\r\n"
    + "202425,LCPS00101B,SCUOLA SECONDARIA II GRADO,3,16 anni,62\r\n"
    + "202425,COPS99901X,SCUOLA SECONDARIA II GRADO,1,14 anni,17\r\n",  # in no registry: kept, no comune
    "ALUCORSOETAPAR20242520250831.csv": AGE_HEADER,
    "INFANZIACLASTA20242520250831.csv": KIDS_HEADER + "202425,COAA00101V,2,20,18\r\n",
    "INFANZIACLAPAR20242520250831.csv": KIDS_HEADER + "202425,LC1A00100D,1,9,7\r\n",
}


def page(names) -> str:
    links = "".join(f'<li><a href="{BASE_PATH}/{n}">CSV</a> <a href="{BASE_PATH}/{n[:-4]}.json">JSON</a></li>'
                    for n in names)
    return f"<html><body><ul>{links}</ul></body></html>"


def serve(server, files=FILES):
    def catalogue(request):
        from tests.fixture_server import Reply

        wanted = ("ALU", "INF") if request.param("area") == "Studenti" else ("SCU",)
        body = page([n for n in files if n.startswith(wanted)])
        return Reply(200, body.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})

    server.route(BASE_PATH + "/", catalogue)
    for name, text in files.items():
        server.route(f"{BASE_PATH}/{name}", body=text.encode("utf-8"), content_type="text/csv")
    return {"mim": server.url + BASE_PATH}


def test_discover_takes_the_newest_date_per_school_year():
    html = page(["SCUANAGRAFESTAT20242520240901.csv", "SCUANAGRAFESTAT20242520250110.csv",
                 "ALUCORSOETASTA20242520250831.csv", "XSCUANAGRAFESTAT20992020000101.csv"])
    found = mim.discover(html)
    assert found["SCUANAGRAFESTAT"] == {"202425": "SCUANAGRAFESTAT20242520250110.csv"}
    assert mim.choose_years(found) == ["202425"]
    assert mim.split_name("INFANZIACLAPAR20242520250831.csv") == ("INFANZIACLAPAR", "202425", "20250831")


def test_choose_years_keeps_the_last_five_and_needs_a_state_registry():
    found = {"ALUCORSOETASTA": {f"{y}{(y + 1) % 100:02d}": "x" for y in range(2015, 2025)},
             "SCUANAGRAFESTAT": {"202526": "x"}}
    assert mim.choose_years(found) == ["202425", "202324", "202223", "202122", "202021"]
    assert mim.choose_years({"ALUCORSOETASTA": found["ALUCORSOETASTA"]}) == []
    assert mim.nearest_year("201819", ["202122", "202223", "202324"]) == "202122"
    assert mim.nearest_year("202425", ["202324", "202526"]) == "202526"  # a tie goes to the later registry
    assert mim.nearest_year("202324", ["202324", "202526"]) == "202324"


def test_school_codes_name_order_and_type():
    assert mim_codes.classify("CO1A00100T") == ("infanzia", "infanzia")
    assert mim_codes.classify("LCEE80501E") == ("primaria", "primaria")
    assert mim_codes.classify("COPS01000B") == ("secondaria_secondo_grado", "liceo")
    assert mim_codes.classify("COSL02500A") == ("secondaria_secondo_grado", "liceo")
    assert mim_codes.classify("COTD06500Q") == ("secondaria_secondo_grado", "tecnico")
    assert mim_codes.classify("CORH005002") == ("secondaria_secondo_grado", "professionale")
    assert mim_codes.classify("COIS00100X") == ("secondaria_secondo_grado", "istituto_superiore")
    assert mim_codes.classify("COIC81500X") == (None, "altro")  # an institution, not a site


def test_the_code_types_agree_with_the_real_state_registry():
    """Every site of the real 2025/26 state registry: the order the code names is the registry's."""
    registry = mim.parse_registry((COPIES / "SCUANAGRAFESTAT20252620250901__CO_LC.csv").read_bytes())
    expected = {"SCUOLA INFANZIA": "infanzia", "SCUOLA PRIMARIA": "primaria", "SCUOLA PRIMO GRADO":
                "secondaria_primo_grado"}
    for row in registry.itertuples():
        order, kind = mim_codes.classify(row.codice_scuola)
        if row.tipologia in expected:
            assert order == expected[row.tipologia], row
        elif row.tipologia.startswith(("LICEO", "ISTITUTO MAGISTRALE", "ISTITUTO D'ARTE")):
            assert kind == "liceo", row
        elif row.tipologia.startswith(("IST TEC", "ISTITUTO TECNICO")):
            assert kind == "tecnico", row
        elif row.tipologia.startswith("IST PROF"):
            assert kind == "professionale", row


def test_registry_parser_on_the_real_sample():
    path = sample("mim_SCUANAGRAFEPAR20232420230901_CO_LC.csv")
    registry = mim.parse_registry(path.read_bytes(), path.name)
    assert len(registry) == 311
    assert registry["cap"].str.fullmatch(r"\d{5}").all()
    assert registry.loc[registry["codice_scuola"] == "CO1A10000V", "denominazione"].item() == \
        "SCUOLA DELL'INFANZIA \"BAMBIN GESU'\""
    assert not registry.isin(["Non Disponibile"]).any().any()
    mapped = mim.add_comune_istat(registry)
    assert mapped["comune_istat"].notna().all()  # Ronago's pre-2024 code H521 included
    assert mapped.loc[mapped["codice_catastale"] == "H521", "comune_istat"].eq("013256").all()


def test_fetch_places_every_order_with_the_nearest_registry(fixture_server):
    ctx = FetchContext(base_urls=serve(fixture_server))
    frame = mim.fetch_studenti(ctx)
    datasets.validate("studenti", frame)
    assert sorted(frame["anno_scolastico"].unique()) == ["2023/24", "2024/25"]
    assert not frame["codice_scuola"].str.startswith("MI").any()  # Milano is not in scope
    year = frame[frame["anno_scolastico"] == "2024/25"].set_index("codice_scuola")
    assert year.loc["COTF00101R", "totale"] == 45  # the suppressed course year ('<=3') adds nothing, and is no 0
    assert year.loc["COAA00101V", "totale"] == 38 and year.loc["COAA00101V", "ordine"] == "infanzia"
    assert year.loc["LC1A00100D", "gestione"] == "paritaria" and year.loc["LC1A00100D", "comune_istat"] == "097048"
    assert (frame["comune_istat"] == "013256").sum() == 5  # L487 in 2023/24, M435 in 2024/25
    lost = year.loc["COPS99901X"]  # no registry lists it: kept, counted in Como, no municipality
    assert lost["totale"] == 17 and lost["provincia_istat"] == "013" and lost.isna()["comune_istat"]
    assert frame.loc[frame["anno_scolastico"] == "2023/24", "anagrafe"].eq("2023/24").all()
    assert any("2024/25" in n and "1 sedi con 17 alunni" in n for n in ctx.notes)
    assert any("INFANZIACLASTA" in n and "2023/24" in n for n in ctx.notes)  # the missing file is said
    requested = [r for r in fixture_server.requests if r.path == BASE_PATH + "/"]
    assert sorted(r.param("area") for r in requested) == ["Scuole", "Studenti"]


def test_a_school_in_the_state_and_the_non_state_file_counts_once():
    counts = mim_counts.parse_per_school((AGE_HEADER + "202425,LC1E00100D,SCUOLA PRIMARIA,1,6 anni,30\r\n").encode(),
                                         "ALU.csv")
    both = [counts.assign(fonte_file=name, provenienza="ufficiale", gestione_file=g)
            for name, g in (("STA.csv", "statale"), ("PAR.csv", "paritaria"))]
    registry = mim.parse_registry((PAR_HEADER + "202425,NORD OVEST,LOMBARDIA,LECCO,LC1E00100D,X,VIA,23807,F133,"
                                   "MERATE,SCUOLA PRIMARIA NON STATALE,a,b,c\r\n").encode())
    notes = []
    import pandas as pd

    out = mim_place.place(pd.concat(both, ignore_index=True), [("2024/25", "paritaria", registry)], notes)
    assert len(out) == 1 and out["fonte_file"].item() == "PAR.csv" and out["totale"].item() == 30
    assert any("due file dello stesso anno" in n for n in notes)


def test_renamed_column_is_a_clear_error(fixture_server):
    files = dict(FILES)
    files["ALUCORSOETASTA20242520250831.csv"] = FILES["ALUCORSOETASTA20242520250831.csv"].replace("ALUNNI", "N")
    serve(fixture_server, files)
    with pytest.raises(ObservatoryError, match="manca la colonna ALUNNI"):
        mim.fetch_studenti(FetchContext(base_urls={"mim": fixture_server.url + BASE_PATH}))


def test_catalogue_without_files_is_a_clear_error(fixture_server):
    serve(fixture_server, {"SCUANAGRAFESTAT20242520240901.csv": STAT_HEADER})
    with pytest.raises(ObservatoryError, match="catalogo"):
        mim.fetch_studenti(FetchContext(base_urls={"mim": fixture_server.url + BASE_PATH}))


def test_unreadable_count_is_a_clear_error():
    body = (AGE_HEADER + "202425,COTF00101R,SCUOLA SECONDARIA II GRADO,1,14 anni,tanti\r\n").encode()
    with pytest.raises(ObservatoryError, match="numero di alunni non leggibile «tanti»"):
        mim_counts.parse_per_school(body, "ALU.csv")


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
        fixture_server.fail(BASE_PATH + "/ALUCORSOETASTA2024", status=200, truncate=True, times=10)
        expected = "incompleta|connessione"
    else:
        fixture_server.route(f"{BASE_PATH}/SCUANAGRAFESTAT20242520240901.csv",
                             body=STAT_HEADER.replace("CODICECOMUNESCUOLA", "CODICECOMUNE"))
        expected = "CODICECOMUNESCUOLA"
    report = refresh.refresh(["studenti"], base_urls=urls, base=base)
    assert report.version is None
    assert re.search(expected, report.failed()[0].reason)
    assert _snapshot_bytes(base) == before


# --- the real public copies shipped in data/raw/mim_schools ---------------------------------------

def test_both_headers_of_the_ministry_counts_parse():
    older = mim_counts.parse_foia((COPIES / "MIM_alunni_per_sede_2021-22__CO_LC.csv").read_bytes(),
                                  "MIM_alunni_per_sede_2021-22__CO_LC.csv")
    newer = mim_counts.parse_foia((COPIES / "MIM_alunni_per_sede_2024-25__CO_LC.csv").read_bytes(),
                                  "MIM_alunni_per_sede_2024-25__CO_LC.csv")
    assert set(older["anno_scolastico"]) == {"2021/22"} and len(older) == 880 and older["totale"].sum() == 122_288
    assert set(newer["anno_scolastico"]) == {"2024/25"} and len(newer) == 864 and newer["totale"].sum() == 116_988
    with pytest.raises(ObservatoryError, match="ambiguo"):
        mim_counts.parse_foia((COPIES / "MIM_alunni_per_sede_2021-22__CO_LC.csv").read_bytes(), "alunni_2023-24.csv")


def test_ondata_sums_parse_as_per_school_counts():
    frame = mim_counts.parse_per_school(
        (COPIES / "ondata_alunni-scuole_ALUCORSOETASTA_2018-2021__CO_LC.csv").read_bytes(), "ondata.csv")
    by_year = frame.groupby("anno_scolastico")["totale"].sum()
    assert by_year.to_dict() == {"2018/19": 104_163, "2019/20": 103_200, "2020/21": 102_270}


def test_the_copies_build_the_dataset_with_every_student_kept():
    ctx = FetchContext()
    frame = mim_copies.build(RAW, ctx)
    datasets.validate("studenti", frame)
    totals = frame.groupby(["anno_scolastico", "provincia_istat"])["totale"].sum().unstack()
    assert totals.loc["2024/25"].to_dict() == {"013": 73_346, "097": 43_642}  # the Ministry's own sums
    assert totals.loc["2021/22"].to_dict() == {"013": 76_573, "097": 45_715}
    assert totals.loc["2018/19"].to_dict() == {"013": 64_552, "097": 39_611}
    assert set(frame.loc[frame["anno_scolastico"] < "2021/22", "provenienza"]) == {"copia_aggregata"}
    assert set(frame.loc[frame["anno_scolastico"] >= "2021/22", "provenienza"]) == {"copia_verbatim"}
    assert frame.loc[frame["gestione"] == "statale", "anagrafe"].eq("2025/26").all()
    assert frame.loc[(frame["gestione"] == "paritaria") & (frame["anno_scolastico"] == "2024/25"),
                     "anagrafe"].eq("2023/24").all()
    assert "infanzia" not in set(frame.loc[frame["anno_scolastico"] == "2020/21", "ordine"])
    assert frame["ordine"].notna().all() and (frame["tipo_scuola"] != "altro").all()
    assert any("2024/25: 12 sedi con 605 alunni" in n for n in ctx.notes)
    assert any("statale 2025/26 → 2018/19 – 2024/25" in n for n in ctx.notes)
