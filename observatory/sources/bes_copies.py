"""`bes_lavoro` from the public copies of ISTAT's BES dei territori values in data/raw/bes_territori
(`make snapshot`); the live connector (istat_bes.py) replaces them on a refresh from ISTAT.

The copies come from the "Divario Italia" repository (github.com/nmaiese/diset-viz), in two layouts:
- its indicator tables (`idIndicatore;Territorio;…;Anno;Livello/Variazione;Dato;…`, `;`, decimal
  comma), one row per indicator × territory × year, total sex only;
- its article table on work injuries (`indicatore,codice,livello,territorio,anno,valore,…`, decimal point).
Rows of other indicators or territories are skipped (and counted); a year the copy lacks stays
absent, so the page draws it as a gap. Every row carries the provenance of its file's sidecar."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from observatory.errors import ObservatoryError
from observatory.sources import copies, disetviz
from observatory.sources.bes_codes import BY_CODE, COLUMNS, KEY_COLUMNS
from observatory.sources.types import FetchContext

FOLDER = "bes_territori"
TABLE = ["idIndicatore", "Territorio", "Tema", "Indicatore", "UDM", "Fonte", "Archivio", "Anno",
         "Livello/Variazione", "Dato", "Benchmark", "Area"]
ARTICLE = ["indicatore", "codice", "livello", "territorio", "anno", "valore", "unita", "fonte", "archivio"]
#: the two layouts: header, delimiter, decimal separator, and the columns holding code, territory, year, value
LAYOUTS = {"tabella": (TABLE, ";", ",", ("idIndicatore", "Territorio", "Anno", "Dato")),
           "articolo": (ARTICLE, ",", ".", ("codice", "territorio", "anno", "valore"))}


def layout_of(text: str) -> str | None:
    """Which copy layout a file's first line is ('tabella', 'articolo'), or None."""
    first = text.lstrip("\ufeff").splitlines()[0] if text else ""
    for name, (header, delimiter, _, _) in LAYOUTS.items():
        if [c.strip() for c in next(csv.reader([first], delimiter=delimiter))] == header:
            return name
    return None


def parse(content: bytes, filename: str, provenienza: str) -> tuple[pd.DataFrame, int]:
    """The rows of the four BES indicators for the configured provinces and region, and how many rows
    of other indicators or territories were skipped. A non-numeric value or year, or a row that is
    not a level ('Livello'), is an Italian error, never a silent gap."""
    text = content.decode("utf-8-sig", errors="replace")
    name = layout_of(text)
    if name is None:
        raise ObservatoryError(f"«{filename}»: formato non riconosciuto (né tabella degli indicatori né tabella "
                               "degli infortuni della copia diset-viz).")
    header, delimiter, decimal, (code, place, year, value) = LAYOUTS[name]
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter)][1:]
    raw = pd.DataFrame([r for r in rows if r], columns=header, dtype="str").apply(lambda s: s.str.strip())
    nuts = raw[place].str.casefold().map(disetviz.territory_keys())
    kept = raw[raw[code].isin(BY_CODE) & nuts.notna()].assign(territorio=nuts)
    if name == "tabella" and not kept["Livello/Variazione"].eq("Livello").all():
        other = kept.loc[kept["Livello/Variazione"] != "Livello", "Livello/Variazione"].iloc[0]
        raise ObservatoryError(f"«{filename}»: righe «{other}» invece di livelli: la copia è cambiata.")
    numbers = kept[value].str.replace(decimal, ".", regex=False) if decimal != "." else kept[value]
    values = pd.to_numeric(numbers.where(numbers != "", None), errors="coerce")
    bad = (values.isna() & (kept[value] != "")) | ~kept[year].str.fullmatch(r"\d{4}")
    if bad.any():
        row = kept[bad].iloc[0]
        raise ObservatoryError(f"«{filename}»: riga non leggibile ({row[place]}, {row[code]}, {row[year]}, "
                               f"«{row[value]}»).")
    indicators = kept[code].map(BY_CODE)
    frame = pd.DataFrame({
        "territorio": kept["territorio"], "indicatore": indicators.map(lambda i: i.indicatore),
        "codice_bes": kept[code], "sesso": "totale", "anno": kept[year].astype("int64"),
        "valore": values.astype("Float64"), "unita": indicators.map(lambda i: i.unita),
        "stato_osservazione": None, "edizione": None, "provenienza": provenienza,
    }, columns=COLUMNS)
    frame = frame.astype({"stato_osservazione": "str", "edizione": "str"})
    return frame.reset_index(drop=True), len(raw) - len(kept)


def build(raw: Path, ctx: FetchContext) -> pd.DataFrame:
    frames, skipped = [], 0
    for path in copies.files(raw / FOLDER):
        frame, others = parse(path.read_bytes(), path.name, copies.sidecar(path)["provenance"])
        frames.append(frame)
        skipped += others
    frame = copies.combined(frames, KEY_COLUMNS, FOLDER, " BES")
    if skipped:
        ctx.notes.append(f"Copie BES: {skipped} righe di altri indicatori o territori non usate.")
    for (indicator, territory), rows in frame.groupby(["indicatore", "territorio"]):
        span = f"{rows['anno'].min()}–{rows['anno'].max()}"
        ctx.progress(f"Copie BES: {indicator} {territory}, {len(rows)} anni ({span})")
    return frame.sort_values(KEY_COLUMNS).reset_index(drop=True)
