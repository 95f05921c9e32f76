"""Write the CONSTRUCTED demo mirror of Regione Lombardia's contract events (dati.lombardia.it).

Files mirror the portal's URL paths under data/raw/lombardia/: the view metadata
`api/views/{id}.json` and the full export `api/views/{id}/rows.csv`, in the publisher's format
(display-name header, dd/mm/yyyy text dates, one row per event), with a provenance sidecar each.
Values are invented but plausible, and sampled 1 event in SCALE so each file stays under ~3 MB:
multiply the counts by SCALE for the real order of magnitude. Run: python data/raw/make_demo_lombardia.py"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import numpy as np

SEED = 20261125
SCALE = 500
ROOT = Path(__file__).resolve().parent / "lombardia"
RETRIEVED = "2026-11-25"
LICENCE = "IODL 2.0 [da verificare]"
PUBLISHER = "Regione Lombardia — Osservatorio mercato del lavoro (Comunicazioni Obbligatorie)"
HEADER = ["DATA", "GENERE", "ETA", "SETTOREECONOMICODETTAGLIO", "TITOLOSTUDIO", "CONTRATTO", "MODALITALAVORO",
          "PROVINCIAIMPRESA", "ITALIANO"]
#: dataset → (view id, title, share of hires, monthly seasonality Jan..Dec)
VIEWS = {
    "avviamenti": ("qbau-cyuc", "Rapporti di lavoro attivati", 1.00,
                   [1.15, 0.95, 1.05, 1.00, 1.05, 1.05, 0.95, 0.55, 1.25, 1.10, 0.95, 0.75]),
    "cessazioni": ("nwz3-p6vm", "Rapporti di lavoro cessati", 0.97,
                   [0.80, 0.80, 0.90, 0.90, 0.95, 1.25, 1.10, 0.95, 1.15, 0.95, 0.85, 1.40]),
    "proroghe": ("chng-cman", "Rapporti di lavoro prorogati", 0.35,
                 [1.30, 0.90, 1.00, 0.95, 1.00, 1.05, 1.00, 0.70, 1.00, 1.00, 0.95, 1.15]),
    "trasformazioni": ("8dwx-jjag", "Rapporti di lavoro trasformati", 0.10,
                       [1.60, 0.90, 0.95, 0.90, 0.90, 0.95, 1.00, 0.60, 0.95, 1.00, 0.95, 1.30]),
}
#: monthly hires at full scale: Como ~7,000, Lecco ~4,000, the rest of Lombardy ~109,000
PROVINCES = {"COMO": 7000, "LECCO": 4000, "MILANO": 50000, "BERGAMO": 12500, "BRESCIA": 13500, "VARESE": 8000,
             "MONZA E DELLA BRIANZA": 8000, "PAVIA": 4300, "CREMONA": 3200, "MANTOVA": 4200, "LODI": 2200,
             "SONDRIO": 3100}
YEAR_LEVEL = {2019: 1.00, 2020: 0.82, 2021: 0.95, 2022: 1.07, 2023: 1.08, 2024: 1.06, 2025: 1.05}
COVID = {(2020, 3): 0.60, (2020, 4): 0.30, (2020, 5): 0.55, (2020, 6): 0.85}

SECTORS = {  # official ATECO 2007 titles, a variant, and labels that map to no section
    "Ristorazione con somministrazione": 9, "Alberghi": 4, "Rifugi di montagna": 0.3,
    "Commercio al dettaglio in esercizi non specializzati con prevalenza di prodotti alimentari e bevande": 5,
    "Attività di famiglie e convivenze come datori di lavoro per personale domestico": 5,
    "Costruzione di edifici residenziali e non residenziali": 4, "Installazione di impianti elettrici": 2,
    "Fabbricazione di strutture metalliche e di parti di strutture": 2, "Lavori di meccanica generale": 2,
    "Fabbricazione di altri articoli in metallo": 1, "Finissaggio dei tessili": 1, "Tessitura": 0.6,
    "Fabbricazione di mobili per arredo domestico": 1, "Trasporto di merci su strada": 3,
    "Magazzini di custodia e deposito per conto terzi": 2,
    "Attività delle agenzie di fornitura di lavoro temporaneo (interinale)": 6,
    "Pulizia generale (non specializzata) di edifici": 3, "Servizi di vigilanza privata": 1,
    "Istruzione secondaria di secondo grado di formazione generale: licei": 5,
    "Istruzione di grado preuniversitario": 2,
    "Servizi ospedalieri": 2, "Strutture di assistenza residenziale per anziani": 2,
    "Produzione di software non connesso all'edizione": 2,
    "Attività degli studi legali": 0.5, "Attività di consulenza gestionale": 1,
    "Attività di produzione cinematografica, di video e di programmi televisivi": 2,
    "Coltivazione di uva": 0.7, "Servizi dei saloni di barbiere e parrucchiere": 1,
    "Attività di organizzazioni religiose": 0.3,
    "Commercio all'ingrosso di altri prodotti": 2, "Attività di banche centrali": 0.1,
    "Altri servizi di supporto alle imprese": 1,
    "Attività di servizi non classificate": 0.6, "": 0.4,
}
LOCAL_SECTORS = {"COMO": {"Finissaggio dei tessili": 4, "Tessitura": 2.5, "Alberghi": 6},
                 "LECCO": {"Lavori di meccanica generale": 6, "Fabbricazione di altri articoli in metallo": 4,
                           "Fabbricazione di strutture metalliche e di parti di strutture": 4}}
CONTRACTS = {"LAVORO A TEMPO DETERMINATO": 46, "LAVORO A TEMPO INDETERMINATO": 16, "CONTRATTO DI SOMMINISTRAZIONE": 12,
             "LAVORO INTERMITTENTE": 7, "APPRENDISTATO PROFESSIONALIZZANTE O CONTRATTO DI MESTIERE": 5,
             "LAVORO DOMESTICO": 5, "TIROCINIO": 4, "COLLABORAZIONE COORDINATA E CONTINUATIVA": 3,
             "LAVORO AUTONOMO NELLO SPETTACOLO": 2}
TIMES = {"TEMPO PIENO": 60, "TEMPO PARZIALE ORIZZONTALE": 20, "TEMPO PARZIALE VERTICALE": 5, "TEMPO PARZIALE MISTO": 3,
         "NON DEFINITO": 10, "": 2}
EDUCATION = {"LICENZA MEDIA": 35, "DIPLOMA DI ISTRUZIONE SECONDARIA SUPERIORE": 28, "LAUREA": 14,
             "LICENZA ELEMENTARE": 3, "NESSUN TITOLO DI STUDIO": 5, "DIPLOMA DI QUALIFICA PROFESSIONALE": 7,
             "TITOLO DI DOTTORE DI RICERCA": 1, "": 7}
COUNTRIES = {"ITALIA": 72, "ROMANIA": 5, "ALBANIA": 3, "MAROCCO": 3, "EGITTO": 2, "UCRAINA": 2, "CINA": 2,
             "INDIA": 2, "PAKISTAN": 2, "SENEGAL": 1, "PERU": 1, "POLONIA": 1, "BULGARIA": 1, "SRI LANKA": 1,
             "FILIPPINE": 1, "": 1}


def _draw(rng: np.random.Generator, weights: dict[str, float], size: int) -> np.ndarray:
    labels = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    return rng.choice(labels, size=size, p=p / p.sum())


def _ages(rng: np.random.Generator, size: int) -> np.ndarray:
    ages = np.clip(np.round(rng.gamma(2.5, 7.0, size) + 16), 15, 75).astype(int).astype(str).astype(object)
    outliers = rng.random(size) < 0.002  # the real data carry impossible ages such as 221
    ages[outliers] = rng.choice(np.array(["221", "0", "9", "120"], dtype=object), outliers.sum())
    return ages


def events(rng: np.random.Generator, share: float, season: list[float]) -> list[list[str]]:
    rows = []
    for year, level in YEAR_LEVEL.items():
        for month in range(1, 13):
            days = 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
            for province, monthly in PROVINCES.items():
                mean = monthly * share * level * season[month - 1] * COVID.get((year, month), 1.0) / SCALE
                count = int(rng.poisson(mean))
                sectors = {**SECTORS, **LOCAL_SECTORS.get(province, {})}
                columns = [
                    [f"{d:02d}/{month:02d}/{year}" for d in rng.integers(1, days + 1, count)],
                    _draw(rng, {"M": 55, "F": 45}, count), _ages(rng, count), _draw(rng, sectors, count),
                    _draw(rng, EDUCATION, count), _draw(rng, CONTRACTS, count), _draw(rng, TIMES, count),
                    [province] * count, _draw(rng, COUNTRIES, count)]
                rows.extend(sorted(zip(*columns), key=lambda r: r[0][:2]))
    return rows


def metadata(view_id: str, title: str) -> bytes:
    kinds = {"ETA": "number"}
    columns = [{"id": 590000 + i, "name": name, "dataTypeName": kinds.get(name, "text"), "fieldName": name.lower(),
                "position": i, "renderTypeName": kinds.get(name, "text"), "format": {}}
               for i, name in enumerate(HEADER, start=1)]
    view = {"id": view_id, "name": title, "attribution": "Regione Lombardia", "category": "Attività Produttive",
            "description": "DATI DIMOSTRATIVI COSTRUITI per l'Osservatorio (stessa forma dei metadati del portale).",
            "displayType": "table", "viewType": "tabular", "rowsUpdatedAt": 1764028800, "columns": columns}
    return (json.dumps(view, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def export_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write(path: Path, body: bytes, url: str, dataset_id: str, note: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    sidecar = {"publisher": PUBLISHER, "url": url, "retrieved": RETRIEVED, "licence": LICENCE,
               "sha256": hashlib.sha256(body).hexdigest(), "provenance": "dimostrativo",
               "datasets": [dataset_id], "note": note}
    path.with_name(path.name + ".provenance.json").write_text(
        json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT.parent)}: {len(body) / 1024 ** 2:.2f} MB")


def main() -> None:
    rng = np.random.default_rng(SEED)
    for dataset_id, (view_id, title, share, season) in VIEWS.items():
        portal = f"https://www.dati.lombardia.it/api/views/{view_id}"
        rows = events(rng, share, season)
        write(ROOT / "api" / "views" / f"{view_id}.json", metadata(view_id, title), f"{portal}.json", dataset_id,
              "Metadati costruiti nella forma di /api/views/{id}.json (colonne, fieldName, dataTypeName); "
              "senza campo license: la licenza va verificata sul portale.")
        write(ROOT / "api" / "views" / view_id / "rows.csv", export_csv(rows), f"{portal}/rows.csv?accessType=DOWNLOAD",
              dataset_id, f"Esportazione COSTRUITA (non scaricata), {len(rows)} eventi 2019-01 → 2025-12: campione "
              f"1 evento ogni {SCALE}; moltiplicare per {SCALE} per l'ordine di grandezza reale (avviamenti al mese: "
              "Como ~7.000, Lecco ~4.000, Lombardia ~120.000). Generata da data/raw/make_demo_lombardia.py "
              f"(seme {SEED}).")


if __name__ == "__main__":
    main()
