"""Write CONSTRUCTED InfoCamere registry files in the exact layout of opendata.marche.camcom.it.

Seeded, so the output is byte-identical on every run. Values are plausible (Como ~47,000 active firms,
Lecco ~25,000; ~250/150 registrations a month) but invented: provenance "dimostrativo".
Run: python data/raw/make_demo_camcom.py
"""

from __future__ import annotations

import calendar
import csv
import io
from pathlib import Path

import numpy as np
from _sidecar import write_sidecar

OUT = Path(__file__).resolve().parent / "camcom"
REAL_BASE = "https://opendata.marche.camcom.it/data"
MONTHS = [(2025, m) for m in range(4, 13)] + [(2026, m) for m in range(1, 11)]
SECTIONS = {  # ATECO 2025 section label → share of active firms
    "A Agricoltura, silvicoltura e pesca": 0.045,
    "B Estrazione di minerali da cave e miniere": 0.001,
    "C Attivita' manifatturiere": 0.135,
    "D Fornitura di energia elettrica, gas, vapore e aria condizionata": 0.003,
    "E Fornitura di acqua; reti fognarie, attivita' di gestione dei rifiuti e risanamento": 0.003,
    "F Costruzioni": 0.165,
    "G Commercio all'ingrosso e al dettaglio": 0.215,
    "H Trasporto e magazzinaggio": 0.025,
    "I Attivita' dei servizi di alloggio e di ristorazione": 0.075,
    "J Attivita' editoriali, di trasmissione e di produzione e distribuzione di contenuti": 0.008,
    "K Telecomunicazioni, programmazione e consulenza informatica e altri servizi d'informazione": 0.018,
    "L Attivita' finanziarie e assicurative": 0.025,
    "M Attivita' immobiliari": 0.07,
    "N Attivita' professionali, scientifiche e tecniche": 0.045,
    "O Attivita' amministrative e di servizi di supporto": 0.035,
    "P Amministrazione pubblica e difesa; assicurazione sociale obbligatoria": 0.0001,
    "Q Istruzione": 0.005,
    "R Attivita' dei servizi sanitari e di assistenza sociale": 0.006,
    "S Attivita' artistiche, sportive e di intrattenimento": 0.012,
    "T Altre attivita' di servizi": 0.0989,
    "X Imprese non classificate": 0.010,
}
#: territory label as the files write it → (active firms, registrations a month)
TERRITORIES = {
    "ITALIA": (5_052_000, 28_000), "LOMBARDIA": (815_000, 4_900), "Varese": (61_000, 330),
    "Como": (47_200, 250), "Lecco": (25_100, 150), "Milano": (296_000, 2_100), "Bergamo": (85_000, 480),
    "PIEMONTE": (380_000, 2_100), "Torino": (190_000, 1_100),
}
HEADER = ["Territorio", "Settore Ateco 2025"]


def month_ends() -> list[str]:
    return [f"{calendar.monthrange(y, m)[1]:02d}/{m:02d}/{y}" for y, m in MONTHS]


def series(rng, stock: int, monthly: int) -> dict[str, np.ndarray]:
    """Per section: registrations, closures and end-of-month stock that add up month by month."""
    season = np.array([1.0 if m != 1 else 1.5 for _, m in MONTHS])
    closing = np.array([3.2 if m == 12 else (1.6 if m == 1 else 0.95) for _, m in MONTHS])  # December filings
    out = {}
    for label, share in SECTIONS.items():
        reg_share = 0.28 if label.startswith("X") else share * 0.72
        iscr = rng.poisson(monthly * reg_share * season)
        cess = rng.poisson(monthly * share * closing * 0.8)
        start = int(stock * share)
        flow = (iscr - cess) if not label.startswith("X") else -iscr // 2  # unclassified get classified later
        attive = np.maximum(start + np.cumsum(flow), 0)
        out[label] = np.vstack([iscr, cess, attive])
    return out


def write_file(name: str, table: dict[str, dict[str, np.ndarray]], row: int) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER + month_ends())
    for territory, sections in table.items():
        total = sum(values[row] for values in sections.values())
        writer.writerow([territory, "TOTALE"] + [int(v) for v in total])
        for label, values in sections.items():
            writer.writerow([territory, label] + [int(v) for v in values[row]])
    path = OUT / name
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261125)
    table = {name: series(rng, *sizes) for name, sizes in TERRITORIES.items()}
    notes = {
        "Iscrizioni-Imprese-Italia.csv": (0, "iscrizioni mensili"),
        "Cancellazioni-Imprese-Italia.csv": (1, "cessazioni mensili"),
        "Stock-Imprese-Attive-Italia.csv": (2, "imprese attive a fine mese"),
    }
    for name, (row, what) in notes.items():
        path = write_file(name, table, row)
        write_sidecar(
            path, publisher="CCIAA Marche su dati InfoCamere", url=f"{REAL_BASE}/{name}", licence="CC BY 4.0",
            datasets=["imprese"],
            note=(f"COSTRUITO da data/raw/make_demo_camcom.py (seme 20261125): {what} per territorio e sezione "
                  "ATECO 2025, nel formato del file reale (';', colonne gg/mm/aaaa, righe TOTALE). Solo alcuni "
                  "territori; valori plausibili ma inventati."),
        )


if __name__ == "__main__":
    main()
