"""Small, deterministic frames in every dataset's schema (docs/architecture.md), for page tests.

Page tests compute their expected numbers from these frames independently of the app. They are
test inputs only: nothing here reaches the shipped snapshot."""

from __future__ import annotations

import numpy as np
import pandas as pd

from observatory import store

TERRITORIES = ["ITC42", "ITC43", "ITC4", "IT"]
SECTIONS = ["A", "C", "F", "G", "I", "M", "Q", "ND"]
CONTRACTS = ["indeterminato", "determinato", "apprendistato", "somministrazione"]


def forze_lavoro() -> pd.DataFrame:
    rows = []
    base = {"tasso_occupazione": 66.0, "tasso_disoccupazione": 6.0, "tasso_attivita": 71.0, "tasso_inattivita": 29.0}
    ages = {"tasso_occupazione": "15-64", "tasso_disoccupazione": "15-74", "tasso_attivita": "15-64",
            "tasso_inattivita": "15-64"}
    for t_index, territory in enumerate(TERRITORIES):
        for indicator, value in base.items():
            for sex_index, sex in enumerate(["totale", "maschi", "femmine"]):
                for year in range(2015, 2025):
                    v = value + t_index * 0.7 - (year - 2015) * 0.2 + sex_index * 0.5
                    rows.append({"territorio": territory, "indicatore": indicator, "sesso": sex,
                                 "classe_eta": ages[indicator], "anno": year, "valore": round(v, 1),
                                 "stato_osservazione": pd.NA, "serie": "UNT2020" if year < 2021 else "RFL2021",
                                 "provenienza": "ufficiale", "derivazione": pd.NA})
    frame = pd.DataFrame(rows)
    frame["valore"] = frame["valore"].astype("Float64")
    frame["stato_osservazione"] = frame["stato_osservazione"].astype("string")
    frame["derivazione"] = frame["derivazione"].astype("string")
    return frame


def flows(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    months = pd.date_range("2022-01-01", "2024-12-01", freq="MS")
    rows = []
    for territory, scale in (("ITC42", 30), ("ITC43", 18), ("ITC4", 400)):
        for month in months:
            for sector in SECTIONS:
                for contract in CONTRACTS:
                    rows.append({"mese": month, "territorio": territory, "settore_ateco": sector,
                                 "contratto": contract, "orario": "tempo pieno",
                                 "sesso": "femmine" if sector in "GIQ" else "maschi",
                                 "classe_eta": "25-34", "titolo_studio": "diploma",
                                 "cittadinanza": "italiana", "eventi": int(rng.integers(1, scale))})
    frame = pd.DataFrame(rows)
    frame["eventi"] = frame["eventi"].astype("int64")
    return frame


def imprese() -> pd.DataFrame:
    months = pd.date_range("2022-01-01", "2025-09-01", freq="MS")
    rows = []
    for territory, active in (("ITC42", 47000), ("ITC43", 25000), ("ITC4", 800000), ("IT", 5_100_000)):
        for i, month in enumerate(months):
            for sector, share in (("C", 0.2), ("G", 0.3), ("F", 0.15), ("TOTALE", 1.0)):
                rows.append({"mese": month, "territorio": territory, "settore_ateco": sector,
                             "classificazione": "ATECO 2025" if month >= pd.Timestamp("2025-04-01") else "ATECO 2007",
                             "iscrizioni": int(active * share * 0.006), "cessazioni": int(active * share * 0.005),
                             "attive": int(active * share + i)})
    frame = pd.DataFrame(rows)
    for column in ("iscrizioni", "cessazioni", "attive"):
        frame[column] = frame[column].astype("Int64")
    return frame


def unita_locali(comuni: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for i, code in enumerate(comuni["comune_istat"]):
        for sector, k in (("C", 3), ("G", 5), ("TOTALE", 12)):
            rows.append({"comune_istat": code, "anno": 2023, "settore_ateco": sector,
                         "unita_locali": float(k * (i % 17 + 3)), "addetti": float(k * (i % 17 + 3) * 4)})
    frame = pd.DataFrame(rows)
    frame["anno"] = frame["anno"].astype("int64")
    frame[["unita_locali", "addetti"]] = frame[["unita_locali", "addetti"]].astype("Float64")
    return frame


#: (school code type, order, school type, students) of each synthetic school in a municipality
SCHOOLS = (("AA", "infanzia", "infanzia", 40), ("EE", "primaria", "primaria", 90),
           ("MM", "secondaria_primo_grado", "secondaria_primo_grado", 70),
           ("PS", "secondaria_secondo_grado", "liceo", 60), ("TF", "secondaria_secondo_grado", "tecnico", 45),
           ("TD", "secondaria_secondo_grado", "tecnico", 25), ("RH", "secondaria_secondo_grado", "professionale", 30))


def studenti(comuni: pd.DataFrame) -> pd.DataFrame:
    """Every twentieth municipality has one school of each kind; 2021/22 lacks infanzia (as the real
    2018/19–2020/21 do); one Lecco school per year could not be placed in a municipality."""
    rows = []
    towns = comuni["comune_istat"].tolist()[::20]
    sigla = {"013": "CO", "097": "LC"}
    for y, year in enumerate(("2021/22", "2022/23", "2023/24", "2024/25")):
        for i, code in enumerate(towns):
            for kind, order, school_type, size in SCHOOLS:
                if year == "2021/22" and order == "infanzia":
                    continue
                rows.append({"anno_scolastico": year, "codice_scuola": f"{sigla[code[:3]]}{kind}{i:05d}X",
                             "provincia_istat": code[:3], "comune_istat": code, "gestione": "statale",
                             "ordine": order, "tipo_scuola": school_type, "tipologia": kind,
                             "totale": size + i + y, "anagrafe": "2025/26", "fonte_file": "sintetico.csv",
                             "provenienza": "ufficiale"})
        rows.append({"anno_scolastico": year, "codice_scuola": "LCPS99999X", "provincia_istat": "097",
                     "comune_istat": None, "gestione": None, "ordine": "secondaria_secondo_grado",
                     "tipo_scuola": "liceo", "tipologia": "PS", "totale": 11, "anagrafe": None,
                     "fonte_file": "sintetico.csv", "provenienza": "ufficiale"})
    frame = pd.DataFrame(rows)
    frame["totale"] = frame["totale"].astype("Int64")
    return frame


def excelsior() -> pd.DataFrame:
    rows = []
    groups = ["Dirigenti e professioni specialistiche", "Professioni tecniche", "Operai specializzati",
              "Conduttori di impianti", "Professioni commerciali e dei servizi"]
    for territory in ("ITC42", "ITC43"):
        for i, group in enumerate(groups):
            rows.append({"anno": 2025, "territorio": territory, "dimensione": "gruppo_professionale",
                         "categoria": group, "entrate": float(1000 + 400 * i), "quota_difficile": 40.0 + 5 * i})
    frame = pd.DataFrame(rows)
    frame["anno"] = frame["anno"].astype("int64")
    frame[["entrate", "quota_difficile"]] = frame[["entrate", "quota_difficile"]].astype("Float64")
    return frame


def numeri_pubblicati() -> pd.DataFrame:
    """Three published figures against the synthetic labour-force rates (Como, 2024: unemployment 6.0
    − 9 × 0.2 = 4.2): one that agrees, one that does not, one no dataset measures."""
    base = {"file": "pubblicati.csv", "dominio": "LFS", "territorio": "Como", "territorio_nuts": "ITC42",
            "indicatore": "unemployment_rate", "periodo": "2024", "anno": 2024, "unita": "%",
            "fonte": "ISTAT, come riportato da un ente", "url": "https://example.org/comunicato",
            "data_pagina": "2025-03", "nota": None, "provenienza": "trascritto"}
    rows = [{**base, "riga": 1, "valore": 4.2, "valore_testo": "4.2"},
            {**base, "riga": 2, "valore": 4.5, "valore_testo": "4.5"},
            {**base, "riga": 3, "dominio": "CIG", "indicatore": "cig_ore_autorizzate_totali", "valore": 1000.0,
             "valore_testo": "1000", "unita": "hours"}]
    frame = pd.DataFrame(rows)
    frame["valore"] = frame["valore"].astype("Float64")
    frame["anno"] = frame["anno"].astype("Int64")
    frame["riga"] = frame["riga"].astype("int64")
    return frame


def write_full_snapshot(base, provenance: str = "dimostrativo") -> dict[str, pd.DataFrame]:
    """Add every synthetic dataset to the snapshot at `base` (which already holds comuni/popolazione)."""
    comuni = store.read_dataset("comuni", base=base)
    frames = {"forze_lavoro": forze_lavoro(), "avviamenti": flows(1), "cessazioni": flows(2),
              "proroghe": flows(3), "trasformazioni": flows(4), "imprese": imprese(),
              "unita_locali": unita_locali(comuni), "studenti": studenti(comuni), "excelsior": excelsior(),
              "numeri_pubblicati": numeri_pubblicati()}
    store.write_version([store.NewDataset(id=k, frame=v, title=k, publisher="Test", source_url="http://127.0.0.1/",
                                          licence="CC BY 4.0", provenance=provenance) for k, v in frames.items()],
                        base=base)
    return frames


def published_headlines() -> pd.DataFrame:
    """Published figures (numeri_pubblicati) for the three topics whose micro-data is demo, in
    invented small numbers: per-province hires, terminations and balance with a later release that
    revises one value and an employment-centre figure of another perimeter; registered businesses
    with and without a published Como + Lecco total; Excelsior quarters whose published total is not
    the sum of the provinces (Excelsior rounds each)."""
    release_a = ("Osservatorio regionale, nota annuale", "https://example.org/flussi-a", "2021-02")
    release_b = ("Osservatorio regionale, nota annuale", "https://example.org/flussi-b", "2022-03")
    cpi = ("Osservatorio provinciale mercato del lavoro Lecco, rapporto", "https://example.org/cpi", "2021-09")
    firms = ("CCIAA, nota annuale", "https://example.org/imprese", "2025-02")
    excelsior = ("Excelsior (Unioncamere), nota", "https://example.org/excelsior", "2025-11-05")
    names = {"Como": "ITC42", "Lecco": "ITC43", "Como+Lecco": "ITC42+ITC43"}
    rows = [("COB", "Como", "avviamenti", "2019", 1000, "contracts", release_a, None),
            ("COB", "Como", "cessazioni", "2019", 900, "contracts", release_a, None),
            ("COB", "Como", "saldo", "2019", 100, "contracts", release_a, None),
            ("COB", "Como", "avviamenti", "2020", 1100, "contracts", release_a, None),
            ("COB", "Como", "cessazioni", "2020", 950, "contracts", release_a, None),
            ("COB", "Lecco", "avviamenti", "2019", 500, "contracts", release_a, None),
            ("COB", "Lecco", "cessazioni", "2019", 480, "contracts", release_a, None),
            ("COB", "Lecco", "avviamenti", "2019", 510, "contracts", release_b, None),
            ("COB", "Lecco", "cessazioni", "2019", 480, "contracts", release_b, None),
            ("COB", "Lecco", "avviamenti", "2021-H1", 300, "contracts", cpi, None),
            ("Registro imprese", "Como", "imprese_registrate", "2023-12-31", 3950, "firms", firms, None),
            ("Registro imprese", "Lecco", "imprese_registrate", "2023-12-31", 1990, "firms", firms, None),
            ("Registro imprese", "Como", "imprese_registrate", "2024-12-31", 4000, "firms", firms, None),
            ("Registro imprese", "Lecco", "imprese_registrate", "2024-12-31", 2000, "firms", firms, None),
            ("Registro imprese", "Como+Lecco", "imprese_registrate", "2024-12-31", 6000, "firms", firms, None),
            ("Registro imprese", "Como", "iscrizioni", "2024", 300, "firms", firms, None),
            ("Registro imprese", "Lecco", "iscrizioni", "2024", 150, "firms", firms, None),
            ("Registro imprese", "Como", "cessazioni_non_ufficio", "2024", 250, "firms", firms, None),
            ("Registro imprese", "Lecco", "cessazioni_non_ufficio", "2024", 140, "firms", firms, None),
            ("Excelsior", "Como+Lecco", "entrate_previste", "2024-Q4", 1600, "hires", excelsior, None),
            ("Excelsior", "Como", "entrate_previste", "2024-Q4", 1000, "hires", excelsior, None),
            ("Excelsior", "Lecco", "entrate_previste", "2024-Q4", 600, "hires", excelsior, None),
            ("Excelsior", "Como+Lecco", "entrate_previste", "2025-Q4", 1500, "hires", excelsior, None),
            ("Excelsior", "Como", "entrate_previste", "2025-Q4", 980, "hires", excelsior, None),
            ("Excelsior", "Lecco", "entrate_previste", "2025-Q4", 530, "hires", excelsior, None),
            ("Excelsior", "Como+Lecco", "difficolta_reperimento_share", "2025-Q3", 48.5, "%", excelsior, None)]
    frame = pd.DataFrame([{"file": "pubblicati.csv", "riga": i, "dominio": domain, "territorio": area,
                           "territorio_nuts": names[area], "indicatore": indicator, "periodo": period,
                           "anno": int(period[:4]), "valore": float(value), "valore_testo": f"{value:g}",
                           "unita": unit, "fonte": source, "url": url, "data_pagina": page, "nota": note,
                           "provenienza": "trascritto"}
                          for i, (domain, area, indicator, period, value, unit, (source, url, page), note)
                          in enumerate(rows, start=1)])
    return frame.astype({"riga": "int64", "anno": "Int64", "valore": "Float64"})
