"""Uploaded files at the byte level: size cap, type sniffed from content, text decoding, cells.

Shared by every upload parser (the dataset-table layout here, publishers' layouts in sources/):
nothing is trusted from the file name, Excel formulas are read as their saved values (a formula with
none is refused with its cell), and a CSV must be well formed (balanced quotes, every row as wide as
its header) or it is refused with the line numbers."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile

from observatory import config
from observatory.errors import ObservatoryError

XLSX, CSV = "xlsx", "csv"
MAX_LISTED = 15
#: an xlsx may not inflate past this multiple of the upload cap (zip bomb); one member (a sheet) has a
#: lower cap of its own, config.max_member_inflate_bytes()
MAX_INFLATE_RATIO = 10
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)}


class UploadRejected(ObservatoryError):
    """An upload that failed its checks; `problems` lists each one with where it is."""

    def __init__(self, problems: list[str], lead: str = "Il file non è stato caricato", filename: str = "") -> None:
        self.problems = list(problems)
        self.filename = filename
        if filename:
            lead = f"Il file «{filename}» non è stato caricato"
        shown = self.problems[:MAX_LISTED]
        more = len(self.problems) - len(shown)
        text = "; ".join(shown) + (f"; … e altri {more} problemi" if more > 0 else "")
        super().__init__(f"{lead}: {text}.")


def check_size(size: int) -> None:
    cap = config.max_upload_bytes()
    if size > cap:
        raise UploadRejected([f"pesa {_mb(size)}, oltre il limite di {_mb(cap)}"])


def sniff(content: bytes) -> str:
    """`xlsx` or `csv` from the bytes themselves; anything else is rejected (e.g. a renamed PNG)."""
    if content[:4] == b"PK\x03\x04":
        return _check_xlsx(content)
    if not content.strip():
        raise UploadRejected(["il file è vuoto"])
    if b"\x00" in content and not content.startswith(UTF16_BOMS):
        raise UploadRejected(["non è un file Excel (.xlsx) né un file di testo CSV (contiene dati binari)"])
    text = decode_text(content)
    if any(ord(ch) in _CONTROL for ch in text[:100_000]):
        raise UploadRejected(["non è un file di testo CSV: contiene caratteri di controllo"])
    return CSV


def _check_xlsx(content: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            inflated = sum(info.file_size for info in infos)
    except zipfile.BadZipFile as exc:
        raise UploadRejected(["è un archivio compresso danneggiato, non un file Excel leggibile"]) from exc
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UploadRejected(["è un archivio compresso ma non un file Excel (.xlsx)"])
    if "xl/vbaProject.bin" in names:
        raise UploadRejected(["contiene macro: salvarlo come cartella di lavoro Excel (.xlsx) senza macro"])
    if inflated > MAX_INFLATE_RATIO * config.max_upload_bytes():
        raise UploadRejected([f"una volta decompresso occuperebbe {_mb(inflated)}: troppo grande"])
    biggest = max(infos, key=lambda info: info.file_size)
    if biggest.file_size > config.max_member_inflate_bytes():
        raise UploadRejected([f"la parte «{biggest.filename}» si decomprime in {_mb(biggest.file_size)}, oltre il "
                              f"limite di {_mb(config.max_member_inflate_bytes())} per foglio: troppo grande"])
    return XLSX


def decode_text(content: bytes) -> str:
    """UTF-16 with its BOM (Excel's «Testo Unicode»), UTF-8 (with or without BOM) or Windows-1252, as
    Italian Excel saves CSV."""
    if content.startswith(UTF16_BOMS):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UploadRejected(["è segnato come testo UTF-16 ma non si decodifica"]) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadRejected(["non è un file di testo leggibile (codifica sconosciuta)"])


@dataclasses.dataclass
class Sheet:
    """The cells of one sheet (or of a CSV): header names and rows keyed by their number in the file."""

    name: str | None  # None for a CSV
    header: list[str]
    rows: list[tuple[int, list]]
    decimal: str = "."  # decimal mark of numbers written as text (',' in an Italian `;` CSV)

    def where(self, row: int | None = None, column: str | None = None) -> str:
        """'foglio «dati», riga 7, colonna «anno»' — how every problem says where it is."""
        parts = [f"foglio «{self.name}»"] if self.name else []
        parts += [f"riga {row}"] if row is not None else []
        parts += [f"colonna «{column}»"] if column else []
        return ", ".join(parts)


def read_sheet(content: bytes, preferred: tuple[str, ...] = (), header: tuple[str, ...] = ()) -> Sheet:
    """The header row and the rows below it, from an xlsx or a CSV.

    For a workbook: the first sheet named in `preferred` (any case), else the only sheet. The header
    is the first row holding any of the names in `header` (publishers put titles and notes above
    their tables), else the first non-empty row."""
    if sniff(content) == XLSX:
        name, rows, decimal = *_read_xlsx(content, preferred), "."
    else:
        name, (rows, decimal) = None, _read_csv(content)
    return _split_header(name, rows, decimal, header)


def _read_xlsx(content: bytes, preferred: tuple[str, ...]) -> tuple[str, list[tuple[int, list]]]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:  # data_only: a formula cell gives the value Excel saved, the formula itself never runs
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except MemoryError:
        raise  # the parsing child's memory limit: reported as such, not as a damaged file
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise UploadRejected(["il file Excel è danneggiato o non leggibile"]) from exc
    try:
        by_name = {name.strip().lower(): name for name in book.sheetnames}
        chosen = next((by_name[p.lower()] for p in preferred if p.lower() in by_name), None)
        if chosen is None and len(book.sheetnames) == 1:
            chosen = book.sheetnames[0]
        if chosen is None:
            wanted = " o ".join(f"«{p}»" for p in preferred) or "uno solo"
            found = ", ".join(f"«{n}»" for n in book.sheetnames)
            raise UploadRejected([f"il file ha i fogli {found}, ma il foglio atteso è {wanted}"])
        rows, unsaved = [], []
        pairs = zip(book[chosen].iter_rows(values_only=True), formulas[chosen].iter_rows(values_only=True))
        for number, (values, written) in enumerate(pairs, start=1):
            rows.append((number, list(values)))
            unsaved += [f"{get_column_letter(i)}{number}" for i, (value, cell) in enumerate(zip(values, written), 1)
                        if value is None and isinstance(cell, str) and cell.startswith("=")]
    finally:
        book.close()
        formulas.close()
    if unsaved:
        cells = ", ".join(unsaved[:MAX_LISTED]) + (f" e altre {len(unsaved) - MAX_LISTED}"
                                                    if len(unsaved) > MAX_LISTED else "")
        what = "cella" if len(unsaved) == 1 else "celle"
        raise UploadRejected([f"foglio «{chosen}», {what} {cells}: formul{'a' if len(unsaved) == 1 else 'e'} senza "
                              "valore salvato (il file non è stato salvato da Excel dopo il calcolo): aprirlo in "
                              "Excel, salvarlo e caricarlo di nuovo"])
    return chosen, rows


def _read_csv(content: bytes) -> tuple[list[tuple[int, list]], str]:
    """Rows keyed by their line in the file; an unbalanced quote (a field running over lines or to the
    end of the file) is refused with the line where it opens."""
    text = decode_text(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, start = [], 1
    try:
        for row in reader:
            if reader.line_num != start:
                raise UploadRejected([f"riga {start}: le virgolette aperte qui si chiudono solo alla riga "
                                      f"{reader.line_num} (virgolette non bilanciate?)"])
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UploadRejected([f"riga {start}: virgolette non bilanciate o mal poste, il CSV non è ben formato"]) \
            from exc
    return rows, "," if delimiter == ";" else "."


def _split_header(name: str | None, rows: list[tuple[int, list]], decimal: str, wanted: tuple[str, ...]) -> Sheet:
    filled = [(number, [_clean(c) for c in cells]) for number, cells in rows if any(_filled(c) for c in cells)]
    if not filled:
        where = f"il foglio «{name}»" if name else "il file"
        raise UploadRejected([f"{where} non contiene dati"])
    names = {w.strip().lower() for w in wanted}
    at = next((i for i, (_, cells) in enumerate(filled)
               if any(isinstance(c, str) and c.strip().lower() in names for c in cells)), 0)
    header = ["" if c is None else str(c).strip().lstrip("\ufeff") for c in filled[at][1]]
    body = filled[at + 1:]
    if name is None:
        _check_widths(header, body)
    return Sheet(name, header, body, decimal)


def _check_widths(header: list[str], rows: list[tuple[int, list]]) -> None:
    """Every CSV row as wide as its header (empty trailing cells tolerated), else refused with its lines."""
    width = len(header)
    ragged = [(number, len(cells)) for number, cells in rows
              if len(cells) < width or any(_filled(c) for c in cells[width:])]
    if ragged:
        listed = [f"riga {number}: {count} campi invece di {width}" for number, count in ragged]
        raise UploadRejected(listed + ["ogni riga deve avere tante colonne quante l'intestazione"])


def _clean(value):
    """A text cell without the BOM a UTF-8 CSV starts with."""
    return value.lstrip("\ufeff") if isinstance(value, str) else value


def _filled(value) -> bool:
    return value is not None and str(value).strip() != ""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
