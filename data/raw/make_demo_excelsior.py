"""Write a CONSTRUCTED Excelsior provincial workbook (Como and Lecco, 2023–2025) in a plausible official layout,
with totals calibrated on the planned hires the Chamber of Commerce Como-Lecco published.

One sheet per province and year: a preamble, then numbered tables found by their titles (professional
groups, sectors, education level), two header rows, suppressed cells ("-", "n.d.") and a source note.
A year's planned hires (entrate previste) are the sum of its four quarterly forecasts, in
published_figures_Como_Lecco.csv: rows 70/71, 73/74 (2023-Q4, Q1), 76/77, 82/83 (2024-Q3, Q4), 79/80,
85/86 (2025-Q1, Q4) and the figures the notes quote (row 75: Como 2023-Q3 13,480 and Lario 2024-Q2
20,310; row 78: Como and Lecco 2024-Q1); a quarter published only for Como + Lecco (rows 87, 88; note
of row 75) is split as the same year's published quarters split, and one never published (2023-Q2,
2025-Q2) is 2024-Q2 scaled by how the year's published quarters compare with 2024's. The 2025 share
hard to recruit is row 89's (Como + Lecco, 50.1 %), the 2023 graduates' share the note of row 72's;
the professional groups follow assumed shares (Lecco's most sought group is skilled workers, Como's
the services, as in the policies file's rows on September 2025). Seeded: byte-identical on every run;
provenance "dimostrativo". Run: python data/raw/make_demo_excelsior.py"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
from _sidecar import write_sidecar
from demo_calibration import FILE, figure, note_figure
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent / "excelsior"
NAME = "excelsior_como_lecco_2023-2025.xlsx"
SEED = 20261125
PROVINCES = ("Como", "Lecco")
YEARS = (2023, 2024, 2025)
#: quarter → Como, Lecco, Como + Lecco as published (value, where) or None
PUBLISHED = {
    (2023, 1): ((figure(73), "riga 73"), (figure(74), "riga 74"), None),
    (2023, 3): ((note_figure(75, "Q3-2023 Como 13,480"), "riga 75, nota"), None, (figure(87), "riga 87")),
    (2023, 4): ((figure(70), "riga 70"), (figure(71), "riga 71"), None),
    (2024, 1): ((note_figure(78, "Como 14,700"), "riga 78, nota"), (note_figure(78, "Lecco 7,490"), "riga 78, nota"),
                None),
    (2024, 2): (None, None, (note_figure(75, "Q2-2024 Lario 20,310"), "riga 75, nota")),
    (2024, 3): ((figure(76), "riga 76"), (figure(77), "riga 77"), None),
    (2024, 4): ((figure(82), "riga 82"), (figure(83), "riga 83"), None),
    (2025, 1): ((figure(79), "riga 79"), (figure(80), "riga 80"), None),
    (2025, 3): (None, None, (figure(88), "riga 88")),
    (2025, 4): ((figure(85), "riga 85"), (figure(86), "riga 86"), None),
}
HARD_2025 = figure(89)  # Como + Lecco 2025-Q3, used as the year's share
#: share hard to recruit of Como + Lecco (assumed in the years nothing is published), and how many points
#: Lecco's is above Como's (assumed); the two average to the area's share, weighted by planned hires
HARD = {2023: 47.8, 2024: 49.0, 2025: HARD_2025}
LECCO_ABOVE = 1.5
GRADUATES_2023 = {"Como": note_figure(72, "Como 16.7"), "Lecco": note_figure(72, "Lecco 14.3")}
GROUPS = {  # ISTAT CP2021 major groups → (share of hires in Como, in Lecco, share hard to recruit %)
    "Dirigenti": (0.0008, 0.0008, None),
    "Professioni intellettuali, scientifiche e con elevata specializzazione": (0.06, 0.055, 58.0),
    "Professioni tecniche": (0.13, 0.14, 55.0),
    "Impiegati": (0.10, 0.09, 38.0),
    "Professioni qualificate nelle attività commerciali e nei servizi": (0.30, 0.19, 44.0),
    "Artigiani, operai specializzati e agricoltori": (0.14, 0.22, 66.0),
    "Conduttori di impianti e operai di macchinari fissi e mobili": (0.11, 0.16, 55.0),
    "Professioni non qualificate": (0.159, 0.144, 35.0),
}
SECTORS = {
    "Industria manifatturiera e public utilities": (0.24, 0.33, 56.0), "Costruzioni": (0.09, 0.09, 62.0),
    "Commercio": (0.14, 0.13, 41.0), "Servizi di alloggio e ristorazione; servizi turistici": (0.20, 0.13, 49.0),
    "Servizi alle imprese": (0.20, 0.20, 45.0), "Servizi alle persone": (0.13, 0.12, 47.0),
}
EDUCATION = {
    "Livello universitario": (0.165, 0.145, 55.0), "Istruzione tecnica superiore (ITS Academy)": (0.008, 0.008, None),
    "Livello secondario": (0.32, 0.31, 47.0), "Qualifica o diploma professionale": (0.25, 0.28, 56.0),
    "Scuola dell'obbligo": (0.257, 0.257, 38.0),
}


def rounded(value: float) -> int:
    """Excelsior publishes hires rounded to tens."""
    return int(round(value / 10.0)) * 10


def quarters() -> dict[tuple[int, int, str], tuple[int, str]]:
    """(year, quarter, province) → (planned hires, where from) for every quarter of 2023–2025."""
    out = {}
    for (year, quarter), (como, lecco, both) in PUBLISHED.items():
        for name, value in zip(PROVINCES, (como, lecco)):
            if value:
                out[year, quarter, name] = (int(value[0]), f"{FILE} {value[1]}")
        if both and not (como and lecco):
            known = como or lecco
            name = "Lecco" if como else "Como"
            if known:
                out[year, quarter, name] = (int(both[0] - known[0]), f"{FILE} {both[1]} meno {known[1]}")
    for year in YEARS:
        for quarter in range(1, 5):
            if (year, quarter, "Como") in out and (year, quarter, "Lecco") in out:
                continue
            both = PUBLISHED.get((year, quarter), (None, None, None))[2]
            total, how = (both[0], f"{FILE} {both[1]}") if both else _scaled_2024_q(year, quarter)
            share = _como_share(year)
            como = rounded(total * share)
            out[year, quarter, "Como"] = (como, f"{how}, ripartito come i trimestri pubblicati del {year} "
                                                f"(Como {share * 100:.1f} %)")
            out[year, quarter, "Lecco"] = (int(total) - como, out[year, quarter, "Como"][1])
    return out


def _both(year: int, quarter: int) -> float | None:
    como, lecco, both = PUBLISHED.get((year, quarter), (None, None, None))
    return both[0] if both else (como[0] + lecco[0] if como and lecco else None)


def _como_share(year: int) -> float:
    split = [(c[0], c[0] + lc[0]) for (y, _), (c, lc, _b) in PUBLISHED.items() if y == year and c and lc]
    return sum(c for c, _ in split) / sum(t for _, t in split)


def _scaled_2024_q(year: int, quarter: int) -> tuple[float, str]:
    both = [(q, _both(year, q), _both(2024, q)) for q in range(1, 5) if q != quarter]
    pairs = [(a, b) for _, a, b in both if a and b]
    ratio = sum(a for a, _ in pairs) / sum(b for _, b in pairs)
    return rounded(_both(2024, quarter) * ratio), (f"stima: Q{quarter}-2024 × {ratio:.4f} (i trimestri pubblicati "
                                                  f"del {year} sul 2024)")


def write_table(ws, row: int, number: int, year: int, title: str, head: str, table: dict, total: int, hard: float,
                province: int, rng, as_fraction: bool, fixed: dict[str, float] | None = None) -> int:
    ws.cell(row, 1, f"Tavola {number} - Entrate previste nel {year} {title} e difficoltà di reperimento").font = \
        Font(bold=True)
    ws.cell(row + 1, 1, head)
    ws.cell(row + 1, 2, f"Entrate previste nel {year}")
    ws.cell(row + 1, 3, "di cui di difficile reperimento")
    ws.cell(row + 2, 2, "(v.a.)")
    ws.cell(row + 2, 3, "(%)")
    shares = {label: values[province] * rng.uniform(0.94, 1.06) for label, values in table.items()}
    for label, share in (fixed or {}).items():
        shares[label] = share
    free = 1 - sum((fixed or {}).values())
    others = sum(v for k, v in shares.items() if k not in (fixed or {}))
    shares = {k: v if k in (fixed or {}) else v / others * free for k, v in shares.items()}
    quota = {label: values[2] + rng.normal(0, 2.0) for label, values in table.items() if values[2] is not None}
    mean = sum(shares[k] * q for k, q in quota.items()) / sum(shares[k] for k in quota)
    row += 3
    for label in table:
        value = rounded(total * shares[label])
        ws.cell(row, 1, label)
        ws.cell(row, 2, value if value >= 50 else "-")  # small cells are suppressed
        if label not in quota or value < 50:
            ws.cell(row, 3, "n.d.")
        else:
            pct = round(quota[label] * hard / mean, 1)  # the groups average to the total's share
            cell = ws.cell(row, 3, round(pct / 100, 3) if as_fraction else pct)
            if as_fraction:
                cell.number_format = "0.0%"
        row += 1
    ws.cell(row, 1, "Totale").font = Font(bold=True)
    ws.cell(row, 2, total)
    ws.cell(row, 3, round(hard / 100, 3) if as_fraction else hard)
    if as_fraction:
        ws.cell(row, 3).number_format = "0.0%"
    return row + 2


def hard_shares(year: int, totals: dict[str, int]) -> dict[str, float]:
    """Each province's share hard to recruit, averaging (weighted by planned hires) to the area's."""
    both = sum(totals.values())
    out = {"Como": round(HARD[year] - LECCO_ABOVE * totals["Lecco"] / both, 1),
           "Lecco": round(HARD[year] + LECCO_ABOVE * totals["Como"] / both, 1)}
    if round(sum(out[p] * totals[p] for p in PROVINCES) / both, 1) != HARD[year]:
        raise ValueError(f"{year}: le quote provinciali non danno {HARD[year]} %")
    return out


def build(rng, planned: dict[tuple[int, int, str], tuple[int, str]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for year in YEARS:
        totals = {name: sum(planned[year, q, name][0] for q in range(1, 5)) for name in PROVINCES}
        hard = hard_shares(year, totals)
        for index, name in enumerate(PROVINCES):
            ws = wb.create_sheet(f"{name} {year}")
            ws.cell(1, 1, "Sistema Informativo Excelsior - Unioncamere e Ministero del Lavoro e delle Politiche "
                          "Sociali")
            ws.cell(2, 1, f"Provincia di {name.upper()} - Previsioni occupazionali delle imprese, anno {year}")
            graduates = {"Livello universitario": GRADUATES_2023[name] / 100} if year == 2023 else None
            row = 4
            for number, (title, head, table, fraction, fixed) in enumerate((
                    ("per grandi gruppi professionali", "Grandi gruppi professionali", GROUPS, False, None),
                    ("per settori di attività", "Settori di attività", SECTORS, False, None),
                    ("per livello di istruzione", "Livello di istruzione", EDUCATION, True, graduates)), start=1):
                row = write_table(ws, row, number, year, title, head, table, totals[name], hard[name], index, rng,
                                  fraction, fixed)
            ws.cell(row, 1, "(-) dato non significativo; n.d. = non disponibile per ridotta numerosità campionaria.")
            ws.cell(row + 1, 1, f"Fonte: Unioncamere - Ministero del Lavoro, Sistema Informativo Excelsior, {year}")
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
    for old in OUT.glob("*.xlsx*"):
        old.unlink()
    planned = quarters()
    path = OUT / NAME
    path.write_bytes(build(np.random.default_rng(SEED), planned))
    calibration = [{"territorio": name, "anno": year, "trimestre": quarter, "entrate": value, "fonte": where}
                   for (year, quarter, name), (value, where) in sorted(planned.items())]
    totals = {(name, year): sum(planned[year, q, name][0] for q in range(1, 5)) for name in PROVINCES for year in YEARS}
    summary = "; ".join(f"{name} {year} {total:,}".replace(",", ".") for (name, year), total in totals.items())
    write_sidecar(
        path, publisher="Unioncamere – Ministero del Lavoro, Sistema Informativo Excelsior",
        url="https://excelsior.unioncamere.net/pubblicazioni/bollettini-e-report",
        licence="Riuso libero citando la fonte [da verificare sul sito Excelsior]", datasets=["excelsior"],
        note=(f"COSTRUITO da data/raw/make_demo_excelsior.py (seme {SEED}): cartella di lavoro nel formato plausibile "
              "delle tavole provinciali (tabelle trovate dal titolo, celle soppresse '-' e 'n.d.'), 2023–2025. Entrate "
              f"previste dell'anno = somma dei quattro trimestri pubblicati ({FILE}, righe 70–89 e note; i trimestri "
              f"non pubblicati sono stimati, elenco in «calibrazione»): {summary}. Quota di difficile reperimento 2025 "
              f"di Como + Lecco {HARD_2025:.1f} % (riga 89); laureati 2023 dalla nota della riga 72; gruppi "
              "professionali ipotizzati. Excelsior non ha API: il file ufficiale si carica dall'area riservata."),
        calibrazione={"trimestri": calibration, "difficile_reperimento": {str(y): HARD[y] for y in YEARS}},
    )
    print(f"{path.name}: {path.stat().st_size / 1024:.0f} kB; {summary}")


if __name__ == "__main__":
    main()
