"""Excelsior workbook upload: tables found by title, suppressed cells, formulas, and Italian errors."""

import io
import json
import re
import zipfile

import openpyxl
import pytest

from observatory import datasets
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh
from observatory.sources import excelsior
from tests.conftest import REPO

DEMO = REPO / "data" / "raw" / "excelsior" / "excelsior_como_lecco_2023-2025.xlsx"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def workbook(rows, sheet="Foglio1") -> bytes:
    """A small workbook whose cells are given row by row (None = empty)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def table(entrate_header="Entrate previste nel 2024", total="=B6+B7"):
    return [
        ["Provincia di LECCO - anno 2024"],
        [],
        ["Tavola 7 - Entrate previste nel 2024 per grandi gruppi professionali e difficoltà di reperimento"],
        ["Grandi gruppi professionali", entrate_header, "di cui di difficile reperimento"],
        [None, "(v.a.)", "(%)"],
        ["Professioni tecniche", 3520, 58.4],
        ["Impiegati", "*", "n.d."],
        ["Totale", total, 51.0],
    ]


def with_cached_formula(content: bytes, cell: str, formula: str) -> bytes:
    """Turn a number cell into a formula that keeps the number as its stored (cached) value, as Excel saves it."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data, count = re.subn(rf'(<c r="{cell}"[^>]*>)<v>'.encode(), rb"\1<f>" + formula.encode() + rb"</f><v>",
                                      data)
                assert count == 1, "the cell to turn into a formula was not found"
            target.writestr(info, data)
    return out.getvalue()


def test_demo_workbook_parses_into_the_schema():
    frame = excelsior.parse_upload(DEMO.read_bytes(), DEMO.name)
    datasets.validate("excelsior", frame)
    assert set(frame["territorio"]) == {"ITC42", "ITC43"}
    assert set(frame["dimensione"]) == {"gruppo_professionale", "settore", "titolo_studio", "totale"}
    assert set(frame["anno"]) == {2023, 2024, 2025}
    totals = frame[frame["dimensione"] == "totale"].set_index(["territorio", "anno"])["entrate"]
    sidecar = json.loads(DEMO.with_name(DEMO.name + ".provenance.json").read_text(encoding="utf-8"))
    quarters = {}
    for quarter in sidecar["calibrazione"]["trimestri"]:  # a year's planned hires are its four quarters'
        key = ({"Como": "ITC42", "Lecco": "ITC43"}[quarter["territorio"]], quarter["anno"])
        quarters[key] = quarters.get(key, 0) + quarter["entrate"]
    assert totals.to_dict() == quarters and len(quarters) == 6
    dirigenti = frame[frame["categoria"] == "Dirigenti"]
    assert dirigenti["entrate"].isna().all() and dirigenti["quota_difficile"].isna().all()  # "-" and "n.d."
    education = frame[(frame["dimensione"] == "titolo_studio")]["quota_difficile"].dropna()
    assert education.between(20, 80).all()  # stored as 0.524 with a % format, read as 52.4


def test_suppressed_cells_are_na_and_formula_values_are_read_not_run():
    content = with_cached_formula(workbook(table(total=3600)), "B8", 'WEBSERVICE("http://127.0.0.1:9/")')
    frame = excelsior.parse_upload(content, "lecco.xlsx")
    datasets.validate("excelsior", frame)
    assert frame["territorio"].unique().tolist() == ["ITC43"] and frame["anno"].unique().tolist() == [2024]
    impiegati = frame[frame["categoria"] == "Impiegati"].iloc[0]
    assert str(impiegati["entrate"]) == "<NA>" and str(impiegati["quota_difficile"]) == "<NA>"
    total = frame[frame["dimensione"] == "totale"].iloc[0]
    assert total["entrate"] == 3600.0  # the value Excel stored; the formula itself was never evaluated
    assert openpyxl.load_workbook(io.BytesIO(content))["Foglio1"]["B8"].data_type == "f"


def test_formula_without_a_stored_value_says_which_cell():
    with pytest.raises(ObservatoryError, match=r"foglio «Foglio1», riga 8, colonna B.*formula"):
        excelsior.parse_upload(workbook(table(total="=B6+B7")), "lecco.xlsx")


def test_wrong_columns_say_sheet_row_and_column_name():
    content = workbook(table(entrate_header="Assunzioni 2024", total=3600))
    with pytest.raises(ObservatoryError, match=r"Foglio «Foglio1», riga 4: .*«Entrate previste»"):
        excelsior.parse_upload(content, "lecco.xlsx")


def test_non_numeric_cell_says_where():
    rows = table(total=3600)
    rows[5][1] = "circa 3500"
    with pytest.raises(ObservatoryError, match=r"riga 6, colonna B.*«circa 3500»"):
        excelsior.parse_upload(workbook(rows), "lecco.xlsx")


def test_renamed_png_is_refused_in_italian():
    with pytest.raises(ObservatoryError, match="non è una cartella di lavoro Excel"):
        excelsior.parse_upload(PNG, "excelsior_2025.xlsx")


def test_old_xls_is_refused_with_a_hint():
    with pytest.raises(ObservatoryError, match=r"\.xls"):
        excelsior.parse_upload(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "vecchio.xls")


def test_workbook_without_excelsior_tables():
    with pytest.raises(ObservatoryError, match="non trovo tabelle Excelsior"):
        excelsior.parse_upload(workbook([["Bilancio 2024"], ["Ricavi", 10]]), "altro.xlsx")


def test_province_outside_the_territory_is_refused():
    rows = table(total=3600)
    rows[0] = ["Provincia di BERGAMO - anno 2024"]
    with pytest.raises(ObservatoryError, match="provincia del territorio"):
        excelsior.parse_upload(workbook(rows, sheet="Bergamo"), "bergamo.xlsx")


def test_an_unrelated_table_with_a_matching_title_is_skipped():
    rows = table(total=3600) + [[], ["Tavola 8 - Entrate previste nel 2024 per grandi gruppi professionali "
                                     "e classe di età"],
                                ["Grandi gruppi professionali", "fino a 29 anni", "oltre 29 anni"],
                                ["Impiegati", 10, 20]]
    frame = excelsior.parse_upload(workbook(rows), "lecco.xlsx")
    assert len(frame) == 3


def test_excelsior_is_upload_only(tmp_path):
    dataset = datasets.get("excelsior")
    assert dataset.fetch is None and dataset.parse_upload is excelsior.parse_upload
    report = refresh.refresh(["excelsior"], base=tmp_path / "snapshot")
    assert "caricando il file ufficiale" in report.failed()[0].reason
