"""Hostile and malformed uploads: zip bombs cost the parsing child seconds and never the server;
malformed CSV is refused with line numbers; UTF-16 is read; a table that covers less than the live
version needs an explicit confirmation; a read-only data folder is a sentence, not an errno."""

from __future__ import annotations

import io
import re
import resource
import zipfile

import pytest

from observatory import datasets, store
from observatory.pipeline import audit, uploads, versions
from tests.readonly import read_only
from tests.test_uploads import GOOD_ROWS, TEST_DATASET, assert_rejected, official_xlsx, snapshot_hashes


@pytest.fixture(autouse=True)
def _test_dataset(monkeypatch):
    monkeypatch.setitem(datasets.CATALOGUE, TEST_DATASET.id, TEST_DATASET)


#: wide rows of identical cells (their optional `r` attribute left out): the sheet compresses ~300 to 1
CELLS = b'<c t="inlineStr"><is><t>ITC42</t></is></c><c><v>2023</v></c>' + b"<c><v>1</v></c>" * 200


def bomb(rows: int) -> bytes:
    """A real workbook whose sheet is `rows` rows of XML, 3 KB each, that deflate three hundredfold."""
    source = zipfile.ZipFile(io.BytesIO(official_xlsx(GOOD_ROWS)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, source.read(info))
                continue
            head, _, _ = source.read(info).partition(b"<sheetData>")
            head = head.replace(b'<dimension ref="A1:C6"/>', b"")  # readers would stop at the declared size
            with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(head + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Provincia (NUTS)</t></is>'
                            b'</c><c r="B1" t="inlineStr"><is><t>Anno</t></is></c><c r="C1" t="inlineStr"><is><t>'
                            b'Valore</t></is></c></row>')
                for number in range(2, rows + 2):
                    sheet.write(b'<row r="%d">' % number + CELLS + b"</row>")
                sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def test_a_sheet_that_inflates_past_the_member_cap_is_refused_before_parsing(data_dir, monkeypatch):
    """The outside check's bomb: 1,4 MB inflating to 450 MB, under the 10 × 50 MB total cap."""
    monkeypatch.setenv("OSSERVATORIO_MAX_MEMBER_INFLATE_BYTES", str(20 * 1024 * 1024))
    content = bomb(10_000)  # ~32 MB of sheet XML in ~0,1 MB
    assert len(content) < 300 * 1024
    assert_rejected(data_dir, TEST_DATASET.id, content, "bomba.xlsx", "«bomba.xlsx»",
                    "la parte «xl/worksheets/sheet1.xml» si decomprime in", "per foglio")


def test_a_bomb_under_the_caps_costs_the_child_seconds_and_the_server_nothing(data_dir, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_UPLOAD_MEMORY_MB", "150")
    monkeypatch.setenv("OSSERVATORIO_UPLOAD_TIMEOUT", "3")
    content = bomb(30_000)  # ~96 MB of XML, under the 100 MB member cap: parsed here: 160 s and 300 MB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    error = assert_rejected(data_dir, TEST_DATASET.id, content, "bomba.xlsx", "«bomba.xlsx»")
    assert re.search(r"leggerlo richiede (più di 150 MB di memoria|troppa memoria|più di 3 secondi)", str(error))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, grown_mb


CSV_HEADER = "Provincia (NUTS);Anno;Valore\n"


@pytest.mark.parametrize("body, fragments", [
    ('ITC42;2023;1\nITC43;"2023;2\nITC42;2024;3\nITC43;2024";4\nITC42;2025;5\n',
     ["riga 3: le virgolette aperte qui si chiudono solo alla riga 5"]),
    ('ITC42;2023;1\nITC43;"2023;2\nITC42;2024;3\n', ["riga 3: virgolette non bilanciate"]),
    ("ITC42;2023;1\nITC43;2023\nITC42;2024;3;9\nITC43;2024;4;\n",
     ["riga 3: 2 campi invece di 3", "riga 4: 4 campi invece di 3"]),
], ids=["quote-closed-later", "quote-never-closed", "ragged"])
def test_malformed_csv_is_refused_with_line_numbers(data_dir, body, fragments):
    error = assert_rejected(data_dir, TEST_DATASET.id, (CSV_HEADER + body).encode(), "valori.csv", "«valori.csv»",
                            *fragments)
    assert "riga 5: 4" not in str(error)  # a trailing empty cell is tolerated


def test_utf16_csv_as_excel_saves_unicode_text_is_read(data_dir):
    text = "Provincia (NUTS)\tAnno\tValore\r\nITC42\t2023\t10.5\r\nITC43\t2023\t7\r\n"
    uploads.upload(TEST_DATASET.id, text.encode("utf-16"), "unicode.txt.csv", who="t")
    assert store.read_dataset(TEST_DATASET.id)["valore"].tolist() == [10.5, 7.0]


def test_a_smaller_table_needs_an_explicit_confirmation(data_dir):
    uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS), "completo.xlsx", who="t")
    before = snapshot_hashes(data_dir)
    with pytest.raises(uploads.ShrinkingUpload) as caught:
        uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS[:1]), "una-riga.xlsx", who="Anna")
    text = str(caught.value)
    assert "«una-riga.xlsx»" in text and "copre meno della versione in linea: mancano 2 combinazioni" in text
    assert snapshot_hashes(data_dir) == before
    result = uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS[:1]), "una-riga.xlsx", who="Anna",
                            confirm_shrink=True)
    assert result.rows == 1 and "mancano 2 combinazioni" in result.missing
    entry = audit.read_last(1).iloc[0]
    assert entry["esito"] == "parziale" and "copertura ridotta confermata" in entry["dettaglio"]
    assert "copertura ridotta, accettata: mancano 2 combinazioni" in versions.changelog_text(result.version)


def test_a_busy_snapshot_message_names_the_file(data_dir):
    from filelock import FileLock

    with FileLock(str(data_dir / "snapshot" / ".lock")), pytest.raises(store.SnapshotBusy) as caught:
        uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS), "t.xlsx", who="t")
    assert str(caught.value).startswith("Il file «t.xlsx» non è stato caricato: Un aggiornamento")


def test_a_read_only_data_folder_is_an_italian_sentence_and_is_logged(data_dir, monkeypatch):
    before = snapshot_hashes(data_dir)
    with read_only(data_dir / "snapshot", monkeypatch), pytest.raises(store.SnapshotUnwritable) as caught:
        uploads.upload(TEST_DATASET.id, official_xlsx(GOOD_ROWS), "t.xlsx", who="Anna")
    text = str(caught.value)
    assert "«t.xlsx»" in text and "non è scrivibile" in text
    assert "Errno" not in text and str(data_dir) not in text and "/" not in text.replace("«t.xlsx»", "")
    assert snapshot_hashes(data_dir) == before
    entry = audit.read_last(1).iloc[0]
    assert (entry["chi"], entry["esito"]) == ("Anna", "non riuscito") and "non è scrivibile" in entry["dettaglio"]
