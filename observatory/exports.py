"""Downloads of exactly what a chart draws, as CSV and Excel, safe against formula injection, and
citable: the columns headed as on screen, values rounded as drawn (observatory.citable), the Excel
file with a metadata sheet.

A cell that starts with = + - @ (or a tab/CR) is read as a formula by spreadsheet programs; such
text cells are prefixed with an apostrophe so they open as text (OWASP "CSV injection")."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell starting with a formula character is prefixed with '."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_DANGEROUS) else v)
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with BOM and `;` separator, as Italian Excel opens it directly."""
    return neutralise(frame).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def to_excel(frame: pd.DataFrame, sheet: str = "dati", metadata: Sequence[tuple[str, str]] = (),
             meta_sheet: str = "metadati", meta_header: tuple[str, str] = ("voce", "valore")) -> bytes:
    """The rows on a first sheet; title, source, licence, period… (`metadata`) on a second one, so
    the file can be quoted without the page beside it."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
        if metadata:
            meta = pd.DataFrame(list(metadata), columns=list(meta_header))
            neutralise(meta).to_excel(writer, index=False, sheet_name=meta_sheet[:31])
            widths = writer.sheets[meta_sheet[:31]].column_dimensions
            widths["A"].width, widths["B"].width = 28, 110
    return buffer.getvalue()


def with_demo_warning(frame: pd.DataFrame, warning: str) -> pd.DataFrame:
    """The frame with a first column saying, on every row, that the figures are a constructed sample."""
    return pd.concat([pd.DataFrame({"avvertenza": [warning] * len(frame)}, index=frame.index), frame], axis=1)


def with_note(frame: pd.DataFrame, column: str, note: str) -> pd.DataFrame:
    """The frame with a first column repeating `note` on every row (e.g. how the values reached us)."""
    return pd.concat([pd.DataFrame({column: [note] * len(frame)}, index=frame.index), frame], axis=1)


def spec_with_warning(spec: dict, warning: str) -> dict:
    """A copy of a Vega-Lite spec whose title carries the warning as a subtitle (for PNG exports)."""
    out = dict(spec)
    title = out.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    base = dict(title) if isinstance(title, dict) else {}
    out["title"] = {**base, "text": text or "", "subtitle": warning, "subtitleColor": "#b35806"}
    return out
