"""InfoCamere registry files (CCIAA Marche) against the fixture server, in the publisher's wide `;` layout."""

import re
from pathlib import Path

import pandas as pd
import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh
from observatory.sources import camcom
from observatory.sources.types import FetchContext
from tests.conftest import REPO, sample

HEADER = "Territorio;Settore Ateco 2025;30/04/2025;31/05/2025;30/06/2025\n"


def body(values: dict[str, tuple[int, int, int]], header: str = HEADER, bom: bool = True) -> bytes:
    """A file with Como, Lecco (upper case), LOMBARDIA, ITALIA and an unrelated province."""
    lines = [header]
    for territory in ("ITALIA", "LOMBARDIA", "Milano", "Como", "LECCO"):
        for sector, row in values.items():
            lines.append(f"{territory};{sector};" + ";".join(str(v) for v in row) + "\n")
    text = "".join(lines)
    return ("\ufeff" + text if bom else text).encode("utf-8")


ISCRIZIONI = {"TOTALE": (30, 20, 10), "C Attivita' manifatturiere": (10, 5, 2),
              '"E Fornitura di acqua; reti fognarie, attivita\' di gestione dei rifiuti"': (1, 0, ""),
              "X Imprese non classificate": (19, 15, 8)}
CESSAZIONI = {"TOTAL": (9, 8, 7), "C Attivita' manifatturiere": (3, 3, 3),
              '"E Fornitura di acqua; reti fognarie, attivita\' di gestione dei rifiuti"': (0, 0, 0),
              "X Imprese non classificate": (6, 5, 4)}
ATTIVE = {"TOTALE": (1000, 1011, 1014), "C Attivita' manifatturiere": (500, 502, 501),
          '"E Fornitura di acqua; reti fognarie, attivita\' di gestione dei rifiuti"': (10, 10, 10),
          "X Imprese non classificate": (490, 499, 503)}


def serve(server, iscrizioni=ISCRIZIONI, cessazioni=CESSAZIONI, attive=ATTIVE, header=HEADER):
    server.route("/data/Iscrizioni-Imprese-Italia.csv", body=body(iscrizioni, header))
    server.route("/data/Cancellazioni-Imprese-Italia.csv", body=body(cessazioni, header, bom=False))
    server.route("/data/Stock-Imprese-Attive-Italia.csv", body=body(attive, header))
    return {"camcom": server.url + "/data"}


def test_wide_parser_on_the_real_sample():
    path = sample("camcom_marche_imprese_attive_ateco_ITALIA_excerpt_verbatim.csv")
    long = camcom.parse_wide(path.read_bytes(), path.name)
    assert len(long) == 11 * 2
    assert list(long.columns) == ["Settore Ateco 2025", "Divisione Ateco 2025", "data", "valore"]
    assert str(long["valore"].dtype) == "Int64"
    totals = long[(long["Divisione Ateco 2025"] == "TOTALE") & (long["data"] == "2025-04-30")]
    by_section = dict(zip(totals["Settore Ateco 2025"].map(camcom.sector_code), totals["valore"]))
    assert by_section == {"A": 674056, "C": 434115, "F": 741873, "X": 5138, "TOTALE": 5052299}
    assert camcom.classification(["Settore Ateco 2025"], long["data"]).unique().tolist() == ["ATECO 2025"]


def test_the_real_national_layout_has_no_territory_column_and_is_italy():
    path = sample("camcom_marche_imprese_attive_ateco_ITALIA_excerpt_verbatim.csv")
    tidy = camcom.tidy_measure(camcom.parse_wide(path.read_bytes(), path.name), "attive", path.name)
    assert set(tidy["territorio"]) == {"IT"}
    april = tidy[tidy["mese"] == "2025-04-01"].set_index("settore_ateco")["attive"].to_dict()
    assert april == {"A": 674056, "C": 434115, "F": 741873, "X": 5138, "TOTALE": 5052299}  # division TOTALE rows
    assert (tidy["classificazione"] == "ATECO 2025").all() and set(tidy["mese"].dt.month) == {4, 5}


def test_a_national_file_alone_cannot_build_the_provinces(fixture_server):
    path = sample("camcom_marche_imprese_attive_ateco_ITALIA_excerpt_verbatim.csv")
    for name in camcom.FILES.values():
        fixture_server.route(f"/data/{name}", body=path.read_bytes())
    with pytest.raises(ObservatoryError, match="solo il totale nazionale.*mancano Como, Lecco"):
        camcom.fetch_imprese(FetchContext(base_urls={"camcom": fixture_server.url + "/data"}))


def test_unknown_label_columns_are_named():
    long = camcom.parse_wide(b"Area;Zona;Settore Ateco 2025;30/04/2025\nX;Y;TOTALE;1\n", "f.csv")
    with pytest.raises(ObservatoryError, match="non riconosciute: Area, Zona"):
        camcom.tidy_measure(long, "attive", "f.csv")


def test_fetch_tidies_the_three_files(fixture_server):
    frame = camcom.fetch_imprese(FetchContext(base_urls=serve(fixture_server)))
    datasets.validate("imprese", frame)
    assert set(frame["territorio"]) == {"ITC42", "ITC43", "ITC4", "IT"}  # Milano left out
    assert set(frame["settore_ateco"]) == {"TOTALE", "C", "E", "X"}
    como = frame[(frame["territorio"] == "ITC42") & (frame["mese"] == "2025-05-01")].set_index("settore_ateco")
    assert como.loc["TOTALE", ["iscrizioni", "cessazioni", "attive"]].tolist() == [20, 8, 1011]
    # one TOTALE per territory and month, the published one (TOTALE and TOTAL rows are not summed)
    assert frame[frame["settore_ateco"] == "TOTALE"].groupby(["territorio", "mese"]).size().eq(1).all()
    blank = frame[(frame["settore_ateco"] == "E") & (frame["mese"] == "2025-06-01")]
    assert blank["iscrizioni"].isna().all()  # an empty cell is NA, not 0
    assert (frame["classificazione"] == "ATECO 2025").all()
    assert frame["mese"].dt.day.eq(1).all()


def test_ateco_2007_files_are_relettered_to_2025_sections(fixture_server):
    header = "Territorio;Settore Ateco 2007;31/01/2025;28/02/2025\n"
    old = {"TOTALE": (5, 6), "J Servizi di informazione e comunicazione": (1, 2), "K Attivita' finanziarie": (1, 1)}
    serve(fixture_server, old, old, old, header)
    frame = camcom.fetch_imprese(FetchContext(base_urls={"camcom": fixture_server.url + "/data"}))
    datasets.validate("imprese", frame)
    assert set(frame["settore_ateco"]) == {"TOTALE", "J+K", "L"}
    assert (frame["classificazione"] == "ATECO 2007").all()


def test_classification_by_month_when_the_header_names_none():
    months = pd.Series(pd.to_datetime(["2025-03-01", "2025-04-01"]))
    assert camcom.classification(["Territorio", "Settore"], months).tolist() == ["ATECO 2007", "ATECO 2025"]


def test_shipped_demo_files_parse(fixture_server):
    fixture_server.root = REPO / "data" / "raw"
    frame = camcom.fetch_imprese(FetchContext(base_urls={"camcom": fixture_server.url + "/camcom"}))
    datasets.validate("imprese", frame)
    first = frame[(frame["settore_ateco"] == "TOTALE") & (frame["mese"] == frame["mese"].min())].set_index("territorio")
    assert 38_000 < first.loc["ITC42", "attive"] < 46_000  # active firms: about 0.88 of the registered ones
    assert 20_000 < first.loc["ITC43", "attive"] < 24_000
    sections = frame[frame["settore_ateco"] != "TOTALE"].groupby(["mese", "territorio"])[camcom.MEASURES].sum()
    published = frame[frame["settore_ateco"] == "TOTALE"].set_index(["mese", "territorio"])[camcom.MEASURES]
    pd.testing.assert_frame_equal(sections.sort_index(), published.sort_index(), check_dtype=False)


def test_renamed_month_columns_are_a_clear_error(fixture_server):
    serve(fixture_server, header="Territorio;Settore Ateco 2025;apr-2025;mag-2025;giu-2025\n")
    with pytest.raises(ObservatoryError, match="gg/mm/aaaa"):
        camcom.fetch_imprese(FetchContext(base_urls={"camcom": fixture_server.url + "/data"}))


def test_missing_province_is_a_clear_error(fixture_server):
    serve(fixture_server)
    fixture_server.route("/data/Stock-Imprese-Attive-Italia.csv",
                         body=HEADER + "ITALIA;TOTALE;1;2;3\nLOMBARDIA;TOTALE;1;2;3\nComo;TOTALE;1;2;3\n")
    with pytest.raises(ObservatoryError, match="LECCO"):
        camcom.fetch_imprese(FetchContext(base_urls={"camcom": fixture_server.url + "/data"}))


def _snapshot_bytes(base: Path) -> dict[str, bytes]:
    return {str(p.relative_to(base)): p.read_bytes()
            for p in sorted(base.rglob("*")) if p.is_file() and not p.name.endswith("lock")}


@pytest.fixture
def first_version(tmp_path, fixture_server):
    base = tmp_path / "snapshot"
    frame = camcom.fetch_imprese(FetchContext(base_urls=serve(fixture_server)))
    store.write_version([store.NewDataset(id="imprese", frame=frame, title="Imprese", publisher=camcom.PUBLISHER,
                                          source_url=camcom.SOURCE_URL, licence=camcom.LICENCE,
                                          provenance="ufficiale")], validate=datasets.validate, base=base)
    return base


@pytest.mark.parametrize("fault", ["500", "truncated", "renamed"])
def test_fault_keeps_the_snapshot_intact(first_version, fixture_server, fault):
    before = _snapshot_bytes(first_version)
    if fault == "500":
        fixture_server.fail("/data/Cancellazioni", status=500, times=10)
        expected = "problema temporaneo"
    elif fault == "truncated":
        fixture_server.fail("/data/Stock", status=200, truncate=True, times=10)
        expected = "incompleta|connessione"
    else:
        fixture_server.route("/data/Iscrizioni-Imprese-Italia.csv",
                             body="Territorio;Settore;Aprile 2025\nComo;TOTALE;3\n")
        expected = "gg/mm/aaaa"
    report = refresh.refresh(["imprese"], base_urls={"camcom": fixture_server.url + "/data"}, base=first_version)
    assert report.version is None and not report.ok
    assert re.search(expected, report.failed()[0].reason)
    assert _snapshot_bytes(first_version) == before
