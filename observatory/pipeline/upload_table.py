"""Uploads in a dataset's own layout (exactly its schema columns, as its CSV/Excel export), so staff
can re-upload a corrected table; and the schema check every upload passes, with each problem
located by sheet, row and column in plain Italian."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
import pandas as pd
import pandera.errors

from observatory import datasets
from observatory.pipeline.upload_files import Sheet, UploadRejected, read_sheet
from observatory.sources.types import Dataset

#: the sheet name our Excel exports use (observatory/exports.py)
TABLE_SHEET = "dati"
#: frame.attrs flag: the index holds row numbers of the file, so problems can cite them
FILE_ROWS = "righe_del_file"
SHEET = "foglio"
_FORMULA_PREFIXES = ("'=", "'+", "'-", "'@")


def column_kind(dtype) -> str | None:
    """integer | float | text | date for a schema dtype we can read from a cell, else None."""
    name = str(dtype).lower()
    if name.startswith("int"):
        return "integer"
    if name.startswith("float"):
        return "float"
    if name.startswith(("str", "string")):
        return "text"
    if name.startswith("datetime64"):
        return "date"
    return None


def accepts_table(dataset: Dataset) -> bool:
    """True when every schema column can be read from a cell (not e.g. binary geometries)."""
    return all(column_kind(c.dtype) for c in dataset.schema.columns.values())


@dataclasses.dataclass(frozen=True)
class ColumnSpec:
    """What a table upload needs of one schema column, as plain data (it crosses to the parsing child)."""

    name: str
    kind: str  # integer | float | text | date
    dtype: str
    nullable: bool
    width: int | None  # digits of a code whose leading zeros Excel drops


@dataclasses.dataclass(frozen=True)
class TableSpec:
    dataset_id: str
    title: str
    columns: tuple[ColumnSpec, ...]


def table_spec(dataset: Dataset) -> TableSpec:
    if not accepts_table(dataset):
        raise UploadRejected([f"«{dataset.title_it}» non si può caricare come tabella"])
    return TableSpec(dataset.id, dataset.title_it, tuple(
        ColumnSpec(name, column_kind(c.dtype), str(c.dtype), bool(c.nullable), _digits_width(c))
        for name, c in dataset.schema.columns.items()))


def parse_table_upload(dataset_id: str, content: bytes, filename: str) -> pd.DataFrame:
    """A CSV or xlsx with exactly the dataset's columns → a frame in its schema's types."""
    return parse_table(table_spec(datasets.get(dataset_id)), content, filename)


def parse_table(spec: TableSpec, content: bytes, filename: str) -> pd.DataFrame:
    """The parse of a table upload, from its spec alone (it runs in the parsing child).

    The index holds each row's number in the file, so later checks can say where a problem is."""
    names = [c.name for c in spec.columns]
    sheet = read_sheet(content, preferred=(TABLE_SHEET, spec.dataset_id), header=tuple(names))
    positions = _match_header(sheet, names)
    if not sheet.rows:
        raise UploadRejected([f"{sheet.where() or 'il file'}: c'è l'intestazione ma nessuna riga di dati"])
    index = pd.Index([number for number, _ in sheet.rows])
    frame, problems = {}, []
    for column in spec.columns:
        position = positions[column.name]
        raw = pd.Series([cells[position] if position < len(cells) else None for _, cells in sheet.rows],
                        index=index, dtype=object)
        frame[column.name], bad = _convert(raw, column, sheet.decimal)
        problems += [f"{sheet.where(row, column.name)}: {reason}" for row, reason in bad.items()]
    if problems:
        raise UploadRejected(sorted(problems, key=_row_of))
    frame = pd.DataFrame(frame)
    frame.attrs[FILE_ROWS] = True
    frame.attrs[SHEET] = sheet.name
    return frame


def _row_of(problem: str) -> int:
    match = re.search(r"riga (\d+)", problem)
    return int(match.group(1)) if match else 0


def _match_header(sheet: Sheet, expected: list[str]) -> dict[str, int]:
    """Column name → position; missing or unexpected columns are listed together."""
    found = {name.lower(): i for i, name in enumerate(sheet.header) if name}
    wanted = {name.lower() for name in expected}
    header_row = sheet.rows[0][0] - 1 if sheet.rows else None
    problems = [f"{sheet.where(header_row)}: manca la colonna «{name}»"
                for name in expected if name.lower() not in found]
    problems += [f"{sheet.where(header_row)}: colonna non prevista «{name}»"
                 for name in sheet.header if name and name.lower() not in wanted]
    if problems:
        problems.append("le colonne attese sono: " + ", ".join(expected))
        raise UploadRejected(problems)
    return {name: found[name.lower()] for name in expected}


def _convert(raw: pd.Series, column: ColumnSpec, decimal: str) -> tuple[pd.Series, dict[int, str]]:
    """One column of cells in the schema's type, and the rows that could not be read (row → why)."""
    missing = raw.map(lambda v: v is None or (isinstance(v, str) and not v.strip())).astype(bool)
    bad: dict[int, str] = {}
    if not column.nullable:
        bad.update({row: "valore mancante" for row in raw.index[missing]})
    kind, present = column.kind, raw[~missing]
    if kind == "text":
        width = column.width
        values = present.map(lambda v: _text(v, width))
        return pd.Series(values, index=raw.index, dtype="str"), bad
    if kind == "date":
        values = present.map(_date)
        bad.update({row: f"«{raw[row]}» non è una data (attesa nella forma AAAA-MM-GG)"
                    for row in values.index[values.isna()]})
        return pd.Series(pd.to_datetime(values), index=raw.index).astype(column.dtype), bad
    numbers = pd.to_numeric(present.map(lambda v: _number_text(v, decimal)), errors="coerce")
    bad.update({row: f"«{raw[row]}» non è un numero" for row in numbers.index[numbers.isna()]})
    if kind == "integer":
        fractional = numbers.notna() & (numbers % 1 != 0)
        bad.update({row: f"«{raw[row]}» non è un numero intero" for row in numbers.index[fractional]})
    if bad:
        return raw, bad
    values = pd.Series(numbers, index=raw.index, dtype="Float64")
    return values.astype(column.dtype), bad


def _text(value, width: int | None) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value).strip()
    if text.startswith(_FORMULA_PREFIXES):  # our exports defuse formulas with a leading apostrophe
        text = text[1:]
    if width and text.isdigit() and len(text) < width:  # Excel drops the leading zeros of codes
        text = text.zfill(width)
    return text


def _digits_width(column) -> int | None:
    """N when the column must match ^\\d{N}$ (ISTAT codes), to restore zeros Excel dropped."""
    for check in column.checks:
        match = re.fullmatch(r"\^\\d\{(\d+)\}\$", str((check.statistics or {}).get("pattern", "")))
        if match:
            return int(match.group(1))
    return None


def _number_text(value, decimal: str):
    """A number as pandas can read it; '1.234,5' and '66,5' are Italian; non-numbers become NaN."""
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime)):
        return None
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and (decimal == "," or "." not in text):
        text = text.replace(".", "").replace(",", ".")
    return text


def _date(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return pd.Timestamp(value)
    text = str(value).strip()
    for fmt in ("ISO8601", "%d/%m/%Y"):
        try:
            return pd.to_datetime(text, format=fmt)
        except (ValueError, TypeError):
            continue
    return None


def check_frame(dataset_id: str, frame: pd.DataFrame) -> None:
    """Validate a parsed upload against the schema; raise UploadRejected naming each problem's place."""
    schema = datasets.get(dataset_id).schema
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        unique = schema.unique if isinstance(schema.unique, list) else [schema.unique] if schema.unique else []
        raise UploadRejected(_describe_failures(exc.failure_cases, frame, ", ".join(unique))) from exc


def _describe_failures(cases: pd.DataFrame, frame: pd.DataFrame, key: str) -> list[str]:
    sheet = frame.attrs.get(SHEET)
    file_rows = bool(frame.attrs.get(FILE_ROWS))
    problems: list[str] = []
    for case in cases.to_dict("records"):
        index, column, check = case.get("index"), case.get("column"), str(case.get("check"))
        where = [f"foglio «{sheet}»"] if sheet else []
        if index is not None and not pd.isna(index):
            where.append(f"riga {index}" if file_rows else f"record n. {_position(frame, index)}")
        if column and "uniqueness" not in check:
            where.append(f"colonna «{column}»")
        text = _describe_check(check, case.get("failure_case"), key if check.startswith("multiple") else str(column))
        problem = (", ".join(where) + ": " if where else "") + text
        if problem not in problems:
            problems.append(problem)
    return sorted(problems, key=_row_of)


def _position(frame: pd.DataFrame, label) -> int:
    try:
        return int(frame.index.get_loc(label)) + 1
    except (KeyError, TypeError):
        return label


def _describe_check(check: str, value, key: str) -> str:
    hidden = value is None or isinstance(value, (bool, np.bool_)) or (not isinstance(value, str) and pd.isna(value))
    shown = "" if hidden else f" (valore «{value}»)"
    patterns = [
        (r"not_nullable", "valore mancante"),
        (r"in_range\((.+), (.+)\)", "fuori dall'intervallo ammesso {0}–{1}" + shown),
        (r"greater_than_or_equal_to\((.+)\)", "deve essere almeno {0}" + shown),
        (r"less_than_or_equal_to\((.+)\)", "non può superare {0}" + shown),
        (r"greater_than\((.+)\)", "deve essere maggiore di {0}" + shown),
        (r"less_than\((.+)\)", "deve essere minore di {0}" + shown),
        (r"str_matches\((.+)\)", "formato non valido" + shown),
        (r"str_length\((.+)\)", "lunghezza non valida" + shown),
        (r"isin\((.+)\)", "valore non ammesso" + shown + "; ammessi: {0}"),
        (r".*uniqueness", "riga duplicata (stessa chiave " + key + ")"),
        (r"column_in_dataframe", "manca la colonna" + shown),
        (r"column_in_schema", "colonna non prevista" + shown),
        (r"dtype\('(.+)'\)", "tipo di dato errato (atteso {0})" + shown),
    ]
    for pattern, text in patterns:
        match = re.fullmatch(pattern, check)
        if match:
            return text.format(*match.groups())
    return check + shown
