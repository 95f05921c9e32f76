"""Write a CONSTRUCTED Excelsior provincial workbook (Como and Lecco, 2025) in a plausible official layout.

One sheet per province: a preamble, then numbered tables found by their titles (professional groups,
sectors, education level), two header rows, suppressed cells ("-", "n.d.") and a source note. Values
are seeded and invented (Como ~41,000 planned hires, Lecco ~24,000): provenance "dimostrativo".
Run: python data/raw/make_demo_excelsior.py
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
from _sidecar import write_sidecar
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent / "excelsior"
NAME = "excelsior_como_lecco_2025.xlsx"
YEAR = 2025
GROUPS = {  # ISTAT CP2021 major groups → (share of hires, share hard to recruit %)
    "Dirigenti": (0.001, None),
    "Professioni intellettuali, scientifiche e con elevata specializzazione": (0.06, 58.0),
    "Professioni tecniche": (0.14, 55.0),
    "Impiegati": (0.10, 38.0),
    "Professioni qualificate nelle attività commerciali e nei servizi": (0.27, 44.0),
    "Artigiani, operai specializzati e agricoltori": (0.15, 66.0),
    "Conduttori di impianti e operai di macchinari fissi e mobili": (0.12, 55.0),
    "Professioni non qualificate": (0.159, 35.0),
}
SECTORS = {
    "Industria manifatturiera e public utilities": (0.27, 56.0), "Costruzioni": (0.09, 62.0),
    "Commercio": (0.14, 41.0), "Servizi di alloggio e ristorazione; servizi turistici": (0.17, 49.0),
    "Servizi alle imprese": (0.20, 45.0), "Servizi alle persone": (0.13, 47.0),
}
EDUCATION = {
    "Livello universitario": (0.15, 55.0), "Istruzione tecnica superiore (ITS Academy)": (0.01, None),
    "Livello secondario": (0.32, 47.0), "Qualifica o diploma professionale": (0.26, 56.0),
    "Scuola dell'obbligo": (0.26, 38.0),
}
PROVINCES = {"COMO": 41_300, "LECCO": 23_900}


def rounded(value: float) -> int:
    """Excelsior publishes hires rounded to tens."""
    return int(round(value / 10.0)) * 10


def write_table(ws, row: int, number: int, title: str, head: str, table: dict, total: int, rng,
                as_fraction: bool) -> int:
    ws.cell(row, 1, f"Tavola {number} - {title}").font = Font(bold=True)
    ws.cell(row + 1, 1, head)
    ws.cell(row + 1, 2, f"Entrate previste nel {YEAR}")
    ws.cell(row + 1, 3, "di cui di difficile reperimento")
    ws.cell(row + 2, 2, "(v.a.)")
    ws.cell(row + 2, 3, "(%)")
    row += 3
    hard_total = 0.0
    for label, (share, hard) in table.items():
        value = rounded(total * share * rng.uniform(0.93, 1.07))
        ws.cell(row, 1, label)
        ws.cell(row, 2, value if value >= 50 else "-")  # small cells are suppressed
        if hard is None or value < 50:
            ws.cell(row, 3, "n.d.")
        else:
            pct = round(hard + rng.normal(0, 2.5), 1)
            hard_total += pct * value
            cell = ws.cell(row, 3, round(pct / 100, 3) if as_fraction else pct)
            if as_fraction:
                cell.number_format = "0.0%"
        row += 1
    ws.cell(row, 1, "Totale").font = Font(bold=True)
    ws.cell(row, 2, total)
    ws.cell(row, 3, round(hard_total / total, 1) if not as_fraction else round(hard_total / total / 100, 3))
    if as_fraction:
        ws.cell(row, 3).number_format = "0.0%"
    return row + 2


def build(rng) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for province, total in PROVINCES.items():
        ws = wb.create_sheet(province.title())
        ws.cell(1, 1, "Sistema Informativo Excelsior - Unioncamere e Ministero del Lavoro e delle Politiche Sociali")
        ws.cell(2, 1, f"Provincia di {province} - Previsioni occupazionali delle imprese, anno {YEAR}")
        row = 4
        row = write_table(ws, row, 1, f"Entrate previste nel {YEAR} per grandi gruppi professionali e difficoltà di "
                          "reperimento", "Grandi gruppi professionali", GROUPS, total, rng, False)
        row = write_table(ws, row, 2, f"Entrate previste nel {YEAR} per settori di attività e difficoltà di "
                          "reperimento", "Settori di attività", SECTORS, total, rng, False)
        row = write_table(ws, row, 3, f"Entrate previste nel {YEAR} per livello di istruzione e difficoltà di "
                          "reperimento", "Livello di istruzione", EDUCATION, total, rng, True)
        ws.cell(row, 1, "(-) dato non significativo; n.d. = non disponibile per ridotta numerosità campionaria.")
        ws.cell(row + 1, 1, "Fonte: Unioncamere - Ministero del Lavoro, Sistema Informativo Excelsior, 2025")
        ws.column_dimensions["A"].width = 70
    buffer = io.BytesIO()
    wb.save(buffer)
    return _fixed_timestamps(buffer.getvalue())


def _fixed_timestamps(content: bytes) -> bytes:
    """Rewrite the zip with fixed dates and properties so the file is byte-identical on every run."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2026-11-25T00:00:00Z<",
                              data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 25, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return out.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / NAME
    path.write_bytes(build(np.random.default_rng(20261125)))
    write_sidecar(
        path, publisher="Unioncamere – Ministero del Lavoro, Sistema Informativo Excelsior",
        url="https://excelsior.unioncamere.net/pubblicazioni/bollettini-e-report",
        licence="Riuso libero citando la fonte [da verificare sul sito Excelsior]", datasets=["excelsior"],
        note=("COSTRUITO da data/raw/make_demo_excelsior.py (seme 20261125): cartella di lavoro nel formato "
              "plausibile delle tavole provinciali (tabelle trovate dal titolo, celle soppresse '-' e 'n.d.'). "
              "Excelsior non ha API: il file ufficiale si carica dall'area riservata."),
    )


if __name__ == "__main__":
    main()
