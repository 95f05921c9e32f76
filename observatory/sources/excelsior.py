"""Hiring forecasts by province (Sistema Informativo Excelsior, Unioncamere – Ministero del Lavoro).

Excelsior has no API: staff upload the official provincial XLSX. Tables are found by their title text
(table numbers differ between workbooks), cells are read with openpyxl `data_only=True` (a formula is
read as its stored value, never run) and suppressed cells (`-`, `n.d.`, `*`, blank) become NA."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pandera.pandas as pa
from openpyxl.utils.exceptions import InvalidFileException

from observatory import config, territory
from observatory.errors import ObservatoryError
from observatory.sources.types import REFUSE, Coverage, Dataset

PUBLISHER = "Unioncamere – Ministero del Lavoro, Sistema Informativo Excelsior"
SOURCE_URL = "https://excelsior.unioncamere.net/"
LICENCE = "Riuso libero citando la fonte (Unioncamere – Ministero del Lavoro, Sistema Informativo Excelsior)"
#: dimension → words that identify its table title (lower case)
TITLES = {
    "gruppo_professionale": ("gruppi professionali", "grande gruppo professionale", "gruppo professionale"),
    "settore": ("settori di attività", "settore di attività", "settori economici"),
    "titolo_studio": ("livello di istruzione", "titolo di studio", "livelli di istruzione"),
}
SUPPRESSED = {"", "-", "n.d.", "nd", "n.d", "*", "..", "—", "–"}
_PROVINCE = re.compile(r"provincia\s+di\s+([A-Za-zÀ-ÿ' ]+?)(?:\s*[-–,(]|\s+anno|\s+nel|$)", re.IGNORECASE)
_YEAR = re.compile(r"\b(20\d{2})\b")

SCHEMA = pa.DataFrameSchema(
    {
        "anno": pa.Column("int64", pa.Check.in_range(2000, 2100)),
        "territorio": pa.Column(str, pa.Check.str_matches(r"^IT[A-Z]\d[0-9A-Z]?$")),
        "dimensione": pa.Column(str, pa.Check.isin(list(TITLES) + ["totale"])),
        "categoria": pa.Column(str),
        "entrate": pa.Column("Float64", pa.Check.ge(0), nullable=True),
        "quota_difficile": pa.Column("Float64", pa.Check.in_range(0, 100), nullable=True),
    },
    unique=["anno", "territorio", "dimensione", "categoria"],
    strict=True,
)


def open_workbook(content: bytes, filename: str):
    """Both views of the workbook: stored values (for reading) and formulas (to spot uncalculated ones)."""
    if len(content) > config.max_upload_bytes():
        raise ObservatoryError(f"Il file «{filename}» supera il limite di {config.max_upload_bytes() // 2**20} MB.")
    if content[:4] == b"\xd0\xcf\x11\xe0":
        raise ObservatoryError(f"«{filename}» è nel vecchio formato .xls: aprirlo e salvarlo come .xlsx.")
    if content[:4] != b"PK\x03\x04":
        raise ObservatoryError(f"«{filename}» non è una cartella di lavoro Excel (.xlsx): forse un altro tipo di "
                               "file (immagine, PDF) rinominato.")
    try:
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True, read_only=False)
        formulas = openpyxl.load_workbook(io.BytesIO(content), data_only=False, read_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ObservatoryError(f"«{filename}» non è una cartella di lavoro Excel (.xlsx) leggibile.") from exc
    return values, formulas


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _dimension(title: str) -> str | None:
    lowered = title.lower()
    if "entrate" not in lowered:
        return None
    return next((dim for dim, words in TITLES.items() if any(w in lowered for w in words)), None)


def cell_number(sheet, formulas, row: int, col: int, percent: bool = False) -> float | None:
    """A numeric cell → float; suppressed markers → None; text that is not a number → Italian error."""
    cell = sheet.cell(row, col)
    value = cell.value
    where = f"foglio «{sheet.title}», riga {row}, colonna {cell.column_letter}"
    if value is None and formulas[sheet.title].cell(row, col).data_type == "f":
        raise ObservatoryError(f"Nel {where} c'è una formula senza valore calcolato: aprire il file in Excel, "
                               "salvarlo e caricarlo di nuovo.")
    if isinstance(value, bool):
        raise ObservatoryError(f"Nel {where} c'è un valore non numerico («{value}»).")
    if isinstance(value, (int, float)):
        number = float(value)
        if percent and "%" in (cell.number_format or "") and number <= 1:
            number *= 100  # stored as a fraction and shown as a percentage
        return number
    text = _text(value).lower()
    if text in SUPPRESSED:
        return None
    cleaned = text.replace("%", "").strip().replace(".", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError as exc:
        raise ObservatoryError(f"Nel {where} c'è un valore non numerico («{_text(value)}»).") from exc


def _columns(sheet, title_row: int, title: str) -> tuple[int, int, int, int]:
    """(label col, entrate col, quota col, first data row) from the 1–3 header rows under a title."""
    headers: dict[int, str] = {}
    for row in range(title_row + 1, min(title_row + 4, sheet.max_row) + 1):
        cells = [(c.column, _text(c.value).lower()) for c in sheet[row] if c.value is not None]
        if any(isinstance(sheet.cell(row, col).value, (int, float)) for col, _ in cells):
            break
        for col, text in cells:
            headers[col] = (headers.get(col, "") + " " + text).strip()
        last_header = row
    else:
        last_header = title_row + 3
    if not headers:
        raise ObservatoryError(f"Foglio «{sheet.title}», riga {title_row}: la tabella «{title}» non ha intestazioni.")
    entrate = next((c for c, t in sorted(headers.items()) if "entrate" in t), None)
    quota = next((c for c, t in sorted(headers.items()) if "reperimento" in t), None)
    for found, name in ((entrate, "Entrate previste"), (quota, "di difficile reperimento (%)")):
        if found is None:
            raise ObservatoryError(f"Foglio «{sheet.title}», riga {title_row + 1}: la tabella «{title}» non ha la "
                                   f"colonna «{name}» (intestazioni trovate: {'; '.join(headers.values())}).")
    return min(headers), entrate, quota, last_header + 1


def _context(sheet, upto: int) -> str:
    """Every text of a sheet above a row (title and preamble), to find the province and the year."""
    return " ".join(_text(c.value) for row in sheet.iter_rows(min_row=1, max_row=upto) for c in row
                    if isinstance(c.value, str))


def _territory(sheet, title_row: int, title: str) -> str:
    """The province named in the title or the text above it ("Provincia di Como"), else the sheet name."""
    names = [m.group(1) for text in (title, _context(sheet, title_row)) for m in _PROVINCE.finditer(text)]
    for name in names + [sheet.title]:
        if province := territory.by_name(name):
            return province.nuts
    raise ObservatoryError(f"Foglio «{sheet.title}», riga {title_row}: non trovo una provincia del territorio "
                           f"(attese: {', '.join(p.name for p in territory.provinces())}) nel titolo «{title}».")


def _year(sheet, title_row: int, title: str, filename: str) -> int:
    for text in (title, _context(sheet, title_row), filename):
        if match := _YEAR.search(text):
            return int(match.group(1))
    raise ObservatoryError(f"Foglio «{sheet.title}», riga {title_row}: non trovo l'anno nel titolo «{title}».")


def read_table(sheet, formulas, title_row: int, title: str, dimension: str, filename: str) -> list[dict]:
    """The rows of one table, from under its header to the first empty row or the next title."""
    label_col, entrate_col, quota_col, first = _columns(sheet, title_row, title)
    anno, territorio = _year(sheet, title_row, title, filename), _territory(sheet, title_row, title)
    rows = []
    for row in range(first, sheet.max_row + 1):
        label = _text(sheet.cell(row, label_col).value)
        if not label or _dimension(label):
            break
        if label.startswith(("(", "Fonte", "Nota")):
            break
        is_total = label.lower().startswith("totale")
        rows.append({"anno": anno, "territorio": territorio, "dimensione": "totale" if is_total else dimension,
                     "categoria": "Totale" if is_total else label,
                     "entrate": cell_number(sheet, formulas, row, entrate_col),
                     "quota_difficile": cell_number(sheet, formulas, row, quota_col, percent=True)})
    labels = [r["categoria"] for r in rows]
    if len(labels) != len(set(labels)):
        repeated = next(label for label in labels if labels.count(label) > 1)
        raise ObservatoryError(f"Foglio «{sheet.title}»: nella tabella «{title}» la categoria «{repeated}» "
                               "compare due volte.")
    if not any(r["dimensione"] == dimension for r in rows):
        raise ObservatoryError(f"Foglio «{sheet.title}», riga {title_row}: la tabella «{title}» non ha righe di dati.")
    return rows


def parse_upload(content: bytes, filename: str) -> pd.DataFrame:
    """An official Excelsior provincial workbook → anno, territorio, dimensione, categoria, entrate, quota_difficile.

    A workbook holds many tables; one whose title matches but whose columns do not (e.g. hires by age)
    is skipped when another table of the same dimension and sheet was read, else its error is raised."""
    values, formulas = open_workbook(content, filename)
    rows, read, problems = [], set(), {}
    for sheet in values.worksheets:
        for row in sheet.iter_rows():
            texts = [c for c in row if c.value is not None]
            if len(texts) != 1 or not isinstance(texts[0].value, str):
                continue
            title = _text(texts[0].value)
            if dimension := _dimension(title):
                try:
                    rows.extend(read_table(sheet, formulas, texts[0].row, title, dimension, filename))
                    read.add((sheet.title, dimension))
                except ObservatoryError as exc:
                    problems.setdefault((sheet.title, dimension), exc)
    unresolved = [exc for key, exc in problems.items() if key not in read]
    if unresolved:
        raise unresolved[0]
    if not rows:
        raise ObservatoryError(f"In «{filename}» non trovo tabelle Excelsior: servono titoli come «Entrate previste "
                               "… per grandi gruppi professionali», «… per settori di attività», «… per livello di "
                               "istruzione».")
    # every table repeats the grand total: keep the first one
    frame = pd.DataFrame(rows).drop_duplicates(["anno", "territorio", "dimensione", "categoria"], keep="first")
    frame = frame.astype({"anno": "int64", "territorio": str, "dimensione": str, "categoria": str,
                          "entrate": "Float64", "quota_difficile": "Float64"})
    return frame.sort_values(["territorio", "anno", "dimensione"], kind="stable").reset_index(drop=True)


DATASETS = [
    Dataset(
        id="excelsior", title_it="Entrate previste dalle imprese (Excelsior)",
        title_en="Hires planned by businesses (Excelsior)",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=SCHEMA,
        fetch=None, period_column="anno", parse_upload=parse_upload,
        coverage=Coverage(("anno", "territorio", "dimensione"), REFUSE,
                          "un caricamento sostituisce tutta la tabella: un file che copre meno province, anni o "
                          "tabelle della versione in linea va confermato"),
    ),
]
