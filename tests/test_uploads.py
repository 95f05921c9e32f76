"""Uploads: every file is checked (size, type by content, sheet, columns, values) before it touches
the snapshot; a rejected file leaves every snapshot file byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pandera.pandas as pa
import pytest
from filelock import FileLock

from observatory import datasets, exports, store
from observatory.pipeline import audit, uploads
from observatory.pipeline.upload_files import read_sheet
from observatory.sources.types import Dataset

OFFICIAL_SHEET = "Tavola 1"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

SCHEMA = pa.DataFrameSchema(
    {
        "territorio": pa.Column(str, pa.Check.isin(["ITC42", "ITC43"])),
        "anno": pa.Column("int64", pa.Check.in_range(2000, 2100)),
        "valore": pa.Column("Float64", pa.Check.ge(0), nullable=True),
    },
    unique=["territorio", "anno"],
    strict=True,
)
#: the publisher's headers in its official file, and our columns
HEADERS = {"Provincia (NUTS)": "territorio", "Anno": "anno", "Valore": "valore"}


def parse_official(content: bytes, filename: str) -> pd.DataFrame:
    """A stand-in publisher layout: sheet 'Tavola 1' with Italian headers, the way Excelsior does it."""
    sheet = read_sheet(content, preferred=(OFFICIAL_SHEET,), header=tuple(HEADERS))
    missing = [h for h in HEADERS if h not in sheet.header]
    if missing:
        raise uploads.UploadRejected([f"{sheet.where()}: manca la colonna «{h}»" for h in missing])
    position = {HEADERS[h]: sheet.header.index(h) for h in HEADERS}
    frame = pd.DataFrame({column: [cells[i] for _, cells in sheet.rows] for column, i in position.items()},
                         index=[number for number, _ in sheet.rows])
    frame["territorio"] = frame["territorio"].astype("str")
    frame["anno"] = frame["anno"].astype("int64")
    frame["valore"] = pd.to_numeric(frame["valore"]).astype("Float64")
    frame.attrs.update({"righe_del_file": True, "foglio": sheet.name})
    return frame


TEST_DATASET = Dataset(
    id="prova_caricamento", title_it="Dataset di prova (caricamento)", title_en="Test dataset (upload)",
    publisher="Editore di prova", source_url="http://127.0.0.1/", licence="CC BY 4.0", schema=SCHEMA,
    period_column="anno", parse_upload=parse_official,
)


@pytest.fixture
def upload_dataset(monkeypatch):
    monkeypatch.setitem(datasets.CATALOGUE, TEST_DATASET.id, TEST_DATASET)
    return TEST_DATASET


def official_xlsx(rows, headers=tuple(HEADERS), sheet=OFFICIAL_SHEET) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(["Fonte: editore di prova, dati provvisori"])  # a note above the table
    book.active.append([])
    book.active.append(list(headers))
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD_ROWS = [("ITC42", 2023, 10.5), ("ITC43", 2023, 7), ("ITC42", 2024, 11)]


def snapshot_hashes(data_dir: Path) -> dict[str, str]:
    """sha256 of every file of every version and of the pointer: 'intact' means all equal."""
    root = data_dir / "snapshot"
    files = [p for p in root.rglob("*") if p.is_file() and "lock" not in p.name]
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_valid_official_file_goes_live_as_uploaded(data_dir, upload_dataset):
    before = snapshot_hashes(data_dir)
    result = uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS), "tavola.xlsx", who="Anna (password)")
    assert store.current_version() == result.version
    record = store.read_manifest()[TEST_DATASET.id]
    assert (record.provenance, record.rows, record.period_start, record.period_end) == ("caricato", 3, "2023", "2024")
    frame = store.read_dataset(TEST_DATASET.id)
    assert frame["valore"].tolist() == [10.5, 7.0, 11.0]
    assert list(frame.index) == [0, 1, 2]
    after = snapshot_hashes(data_dir)
    assert {k: v for k, v in after.items() if k in before and k != "current"} == \
        {k: v for k, v in before.items() if k != "current"}  # the previous version is untouched
    assert "Anna (password)" in (data_dir / "snapshot" / "versions" / result.version / "changelog.md").read_text()
    entry = audit.read_last(1).iloc[0]
    assert (entry["chi"], entry["azione"], entry["esito"]) == ("Anna (password)", "caricamento", "riuscito")
    assert "tavola.xlsx" in entry["cosa"]


def test_formulas_without_a_saved_value_are_refused_with_their_cells_never_run(data_dir, upload_dataset):
    """openpyxl saves no computed value: read as empty it would become NA, which means "suppressed"."""
    content = official_xlsx([("ITC42", 2023, "=2+3"), ("ITC43", 2023, 4), ("ITC42", 2024, "=A1*2")])
    assert_rejected(data_dir, TEST_DATASET.id, content, "formule.xlsx", "«formule.xlsx»",
                    "foglio «Tavola 1», celle C4, C6", "formule senza valore salvato")


def test_formulas_with_a_saved_value_are_read_as_that_value(data_dir, upload_dataset):
    content = official_xlsx([("ITC42", 2023, "=2+3"), ("ITC43", 2023, 4)])
    with zipfile.ZipFile(io.BytesIO(content)) as source:  # what Excel writes: the formula and its result
        sheet = source.read("xl/worksheets/sheet1.xml").replace(b"<f>2+3</f><v></v>", b"<f>2+3</f><v>7</v>")
        members = {info.filename: source.read(info) for info in source.infolist()}
    assert b"<v>7</v>" in sheet  # (7, not 5: the saved value is what counts, the formula never runs)
    members["xl/worksheets/sheet1.xml"] = sheet
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    uploads.upload(TEST_DATASET.id, buffer.getvalue(), "salvato.xlsx", who="t")
    assert store.read_dataset(TEST_DATASET.id)["valore"].tolist() == [7.0, 4.0]


def assert_rejected(data_dir, dataset_id, content, filename, *fragments, layout=uploads.OFFICIAL):
    before = snapshot_hashes(data_dir)
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.upload(dataset_id, content, filename, who="t", layout=layout)
    text = str(caught.value)
    for fragment in fragments:
        assert fragment in text, text
    assert snapshot_hashes(data_dir) == before
    assert audit.read_last(1).iloc[0]["esito"] == "non riuscito"
    return caught.value


def test_wrong_columns_are_named_and_nothing_changes(data_dir, upload_dataset):
    content = official_xlsx(GOOD_ROWS, headers=("Provincia (NUTS)", "Anno", "Importo"))
    assert_rejected(data_dir, TEST_DATASET.id, content, "tavola.xlsx", "foglio «Tavola 1»", "manca la colonna «Valore»")


def test_wrong_sheet_is_named(data_dir, upload_dataset):
    book = openpyxl.Workbook()
    book.active.title = "Foglio1"
    book.create_sheet("Foglio2")
    buffer = io.BytesIO()
    book.save(buffer)
    assert_rejected(data_dir, TEST_DATASET.id, buffer.getvalue(), "t.xlsx", "«Foglio1», «Foglio2»", "«Tavola 1»")


def test_values_out_of_range_are_located_by_sheet_row_and_column(data_dir, upload_dataset):
    rows = [("ITC42", 2023, 1), ("ITC99", 2023, 2), ("ITC43", 1850, -4), ("ITC42", 2023, 3)]
    error = assert_rejected(data_dir, TEST_DATASET.id, official_xlsx(rows), "t.xlsx")
    text = " | ".join(error.problems)
    assert "foglio «Tavola 1», riga 5, colonna «territorio»: valore non ammesso (valore «ITC99»)" in text
    assert "foglio «Tavola 1», riga 6, colonna «anno»: fuori dall'intervallo ammesso 2000–2100 (valore «1850»)" in text
    assert "foglio «Tavola 1», riga 6, colonna «valore»: deve essere almeno 0 (valore «-4.0»)" in text
    assert "foglio «Tavola 1», riga 7: riga duplicata (stessa chiave territorio, anno)" in text


def test_a_png_renamed_xlsx_is_refused_by_content(data_dir, upload_dataset):
    assert_rejected(data_dir, TEST_DATASET.id, PNG, "tavola.xlsx", "non è un file Excel")


def test_a_zip_that_is_not_a_workbook_and_a_macro_workbook_are_refused(data_dir, upload_dataset):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("leggimi.txt", "ciao")
    assert_rejected(data_dir, TEST_DATASET.id, buffer.getvalue(), "t.xlsx", "non un file Excel")
    macro = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(official_xlsx(GOOD_ROWS))) as source, zipfile.ZipFile(macro, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\x00macro")
    assert_rejected(data_dir, TEST_DATASET.id, macro.getvalue(), "t.xlsx", "macro")


def test_text_with_nul_bytes_is_not_a_csv(data_dir, upload_dataset):
    assert_rejected(data_dir, TEST_DATASET.id, b"territorio;anno\x00;valore\n", "t.csv", "dati binari")


def test_oversized_file_is_refused_before_reading(data_dir, upload_dataset, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_MAX_UPLOAD_BYTES", "1000")
    content = official_xlsx(GOOD_ROWS)
    assert len(content) > 1000
    assert_rejected(data_dir, TEST_DATASET.id, content, "t.xlsx", "oltre il limite")


def broken(content, filename):
    """A parser with a bug (module level: parsers run in the upload sandbox's child process)."""
    raise KeyError("colonna_x")


def test_a_parser_crash_becomes_an_italian_message(data_dir, monkeypatch):
    monkeypatch.setitem(datasets.CATALOGUE, "rotto", Dataset(
        id="rotto", title_it="Rotto", title_en="Broken", publisher="p", source_url="u", licence="l",
        schema=SCHEMA, parse_upload=broken))
    error = assert_rejected(data_dir, "rotto", official_xlsx(GOOD_ROWS), "t.xlsx", "non si riesce a leggere")
    assert "KeyError" not in str(error) and "colonna_x" not in str(error)


def test_busy_snapshot_is_reported_and_nothing_changes(data_dir, upload_dataset):
    before = snapshot_hashes(data_dir)
    with FileLock(str(data_dir / "snapshot" / ".lock")):
        with pytest.raises(store.SnapshotBusy, match="già in corso"):
            uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS), "t.xlsx", who="t")
    assert snapshot_hashes(data_dir) == before


# --- the dataset's own layout (re-upload of a corrected table) ---

def test_csv_export_of_a_dataset_round_trips_through_a_table_upload(data_dir):
    population = store.read_dataset("popolazione")
    uploads.upload("popolazione", exports.to_csv(population), "popolazione.csv", who="t", layout=uploads.TABLE)
    assert store.read_manifest()["popolazione"].provenance == "caricato"
    pd.testing.assert_frame_equal(store.read_dataset("popolazione"), population)


def test_excel_export_round_trips_and_lost_leading_zeros_are_restored(data_dir):
    population = store.read_dataset("popolazione").head(300)
    content = exports.to_excel(population)
    parsed = uploads.parse_table_upload("popolazione", content, "p.xlsx")
    pd.testing.assert_frame_equal(parsed.reset_index(drop=True), population)
    as_numbers = population.assign(comune_istat=population["comune_istat"].astype(int))  # as Excel does
    parsed = uploads.parse_table_upload("popolazione", exports.to_excel(as_numbers), "p.xlsx")
    assert parsed["comune_istat"].tolist() == population["comune_istat"].tolist()


def test_table_upload_names_missing_and_unexpected_columns(data_dir):
    frame = store.read_dataset("popolazione").head(5).rename(columns={"eta": "età"})
    error = assert_rejected(data_dir, "popolazione", exports.to_csv(frame), "p.csv", layout=uploads.TABLE)
    assert error.problems[:2] == ["riga 1: manca la colonna «eta»", "riga 1: colonna non prevista «età»"]
    assert "comune_istat, anno, eta, maschi, femmine, totale" in error.problems[-1]


def test_table_upload_lists_unreadable_cells_with_row_and_column(data_dir):
    csv = (b"comune_istat;anno;eta;maschi;femmine;totale\n"
           b"013075;2023;0;10;12;22\n"
           b"013075;duemila;1;10;12;22\n"
           b"013075;2023;2;10,5;12;22\n"
           b"013075;2023;;10;12;22\n")
    error = assert_rejected(data_dir, "popolazione", csv, "p.csv", layout=uploads.TABLE)
    assert error.problems == ["riga 3, colonna «anno»: «duemila» non è un numero",
                              "riga 4, colonna «maschi»: «10,5» non è un numero intero",
                              "riga 5, colonna «eta»: valore mancante"]


def test_italian_decimals_and_defused_formulas_are_read_back(data_dir, upload_dataset):
    csv = "territorio;anno;valore\nITC42;2023;1.234,5\nITC43;2023;\n".encode("cp1252")
    parsed = uploads.parse_table_upload(TEST_DATASET.id, csv, "t.csv")
    assert parsed["valore"].tolist()[0] == 1234.5 and parsed["valore"].isna().tolist()[1]
    odd = pd.DataFrame({"territorio": ["=HYPERLINK(\"x\")"], "anno": [2023], "valore": [1.0]})
    parsed = uploads.parse_table_upload(TEST_DATASET.id, exports.to_csv(odd), "t.csv")
    assert parsed["territorio"].tolist() == ["=HYPERLINK(\"x\")"]  # the export's apostrophe is removed
    with pytest.raises(uploads.UploadRejected, match="valore non ammesso"):
        uploads.check_frame(TEST_DATASET.id, parsed)  # ... and the value is then refused by the schema


def test_datasets_with_binary_columns_do_not_accept_tables(data_dir):
    assert not uploads.accepts_table(datasets.get("comuni"))
    with pytest.raises(Exception, match="non si può aggiornare"):
        uploads.upload("comuni", b"a;b\n1;2\n", "c.csv", who="t", layout=uploads.TABLE)
