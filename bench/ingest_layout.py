"""Rows in the layout of Regione Lombardia's real "Rapporti di lavoro attivati" export, with its
variety of values, for the ingest benchmark (never committed: generated into a temporary folder).

What the real file looks like (9,579,794 rows read about 2022, in a public notebook:
../shared/sources/samples/socrata_real/zaffl_cob_notebook_outputs_extract.txt and
../shared/realdata/cob_lombardia/PROVENANCE.md): the nine display-name columns below; DATA as
dd/mm/yyyy text, almost all from 2010 to December 2021 with a few outliers (1973, 2201) and
values that are not dates; GENERE M/F; ETA an integer with impossible outliers (0, 221);
SETTOREECONOMICODETTAGLIO the full ATECO 2007 title in sentence case, with commas and
apostrophes (about two thousand titles, here every title of observatory/sources/ateco_sezioni.csv);
TITOLOSTUDIO, CONTRATTO and MODALITALAVORO long upper-case labels, MODALITALAVORO sometimes empty;
PROVINCIAIMPRESA the province's name in capitals; ITALIANO the nationality (ITALIA, UCRAINA,
SENEGAL …). The labels the extract cuts short ("…CH...") are completed here; every category is
skewed as in a real register (a few values hold most rows)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
from common import REPO

HEADER = ["DATA", "GENERE", "ETA", "SETTOREECONOMICODETTAGLIO", "TITOLOSTUDIO", "CONTRATTO", "MODALITALAVORO",
          "PROVINCIAIMPRESA", "ITALIANO"]
#: titles printed in the extract, as printed (accents, apostrophes, commas); the most frequent first
SECTORS_SEEN = ["Attività di famiglie e convivenze come datori di lavoro per personale domestico",
                "Lavori di meccanica generale", "Alberghi", "Ristorazione con somministrazione",
                "Gestioni di funicolari, ski-lift e seggiovie se non facenti parte dei sistemi di transito "
                "urbano o sub-urbano", "Fabbricazione di altre apparecchiature elettriche ed elettroniche",
                "Rifugi di montagna", "Fabbricazione di parti ed accessori per biciclette",
                "Commercio all'ingrosso di abbigliamento e accessori",
                "Fabbricazione di altri elementi in legno e di falegnameria per l'edilizia",
                "Altra istruzione secondaria di secondo grado di formazione tecnica, professionale e artistica",
                "Costruzione di edifici residenziali e non residenziali",
                "Installazione di altre macchine ed apparecchiature industriali",
                "Fabbricazione di strutture metalliche e parti assemblate di strutture"]
EDUCATION = {"LICENZA MEDIA": 34,
             "DIPLOMA DI ISTRUZIONE SECONDARIA SUPERIORE  CHE PERMETTE L'ACCESSO ALL'UNIVERSITA'": 26,
             "NESSUN TITOLO DI STUDIO": 12, "LAUREA - Vecchio o nuovo ordinamento": 9,
             "TITOLO DI ISTRUZIONE SECONDARIA SUPERIORE (SCOLASTICA ED EXTRA-SCOLASTICA) CHE NON PERMETTE "
             "L'ACCESSO ALL'UNIVERSITA'": 6, "LICENZA ELEMENTARE": 4, "DIPLOMA UNIVERSITARIO": 2,
             "LAUREA DI PRIMO LIVELLO (TRIENNALE)": 3, "TITOLO DI DOTTORE DI RICERCA": 0.5,
             "QUALIFICA PROFESSIONALE REGIONALE DI I LIVELLO (POST-OBBLIGO)": 2, "": 1.5}
CONTRACTS = {"LAVORO A TEMPO DETERMINATO": 44, "LAVORO A TEMPO INDETERMINATO": 15,
             "LAVORO INTERINALE (O A SCOPO DI SOMMINISTRAZIONE) A TEMPO DETERMINATO": 14,
             "LAVORO INTERMITTENTE A TEMPO DETERMINATO": 5, "LAVORO INTERMITTENTE": 3, "LAVORO DOMESTICO": 5,
             "APPRENDISTATO PROFESSIONALIZZANTE O CONTRATTO DI MESTIERE": 5, "TIROCINIO": 4,
             "LAVORO INTERINALE (O A SCOPO DI SOMMINISTRAZIONE) A TEMPO INDETERMINATO": 1,
             "COLLABORAZIONE COORDINATA E CONTINUATIVA": 2, "LAVORO AUTONOMO NELLO SPETTACOLO": 1,
             "LAVORO A PROGETTO / COLLABORAZIONE COORDINATA E CONTINUATIVA": 1}
WORKING_TIME = {"TEMPO PIENO": 62, "TEMPO PARZIALE ORIZZONTALE": 18, "NON DEFINITO": 11,
                "TEMPO PARZIALE VERTICALE": 4, "TEMPO PARZIALE MISTO": 3, "": 2}
PROVINCES = {"MILANO": 50000, "BRESCIA": 13500, "BERGAMO": 12500, "VARESE": 8000, "MONZA E BRIANZA": 8000,
             "COMO": 7000, "PAVIA": 4300, "MANTOVA": 4200, "LECCO": 4000, "CREMONA": 3200, "SONDRIO": 3100,
             "LODI": 2200}
COUNTRIES = ["ITALIA", "ROMANIA", "ALBANIA", "MAROCCO", "EGITTO", "UCRAINA", "CINA", "INDIA", "PAKISTAN", "SENEGAL",
             "PERU'", "FILIPPINE", "SRI LANKA", "BANGLADESH", "ECUADOR", "MOLDAVIA", "TUNISIA", "NIGERIA", "GHANA",
             "POLONIA", "BULGARIA", "BRASILE", "EL SALVADOR", "COSTA D'AVORIO", "MALI", "GAMBIA", "GUINEA",
             "BURKINA FASO", "KOSOVO", "SERBIA", "MACEDONIA DEL NORD", "BOSNIA-ERZEGOVINA", "CROAZIA", "RUSSIA",
             "GEORGIA", "ARMENIA", "TURCHIA", "IRAN", "IRAQ", "SIRIA", "LIBANO", "GIORDANIA", "ALGERIA", "LIBIA",
             "ERITREA", "ETIOPIA", "SOMALIA", "CAMERUN", "TOGO", "BENIN", "CONGO", "ANGOLA", "KENYA", "SUDAN",
             "COLOMBIA", "VENEZUELA", "BOLIVIA", "ARGENTINA", "CUBA", "REPUBBLICA DOMINICANA", "MESSICO",
             "STATI UNITI D'AMERICA", "CANADA", "REGNO UNITO", "FRANCIA", "GERMANIA", "SPAGNA", "PORTOGALLO",
             "GRECIA", "PAESI BASSI", "BELGIO", "AUSTRIA", "SVIZZERA", "UNGHERIA", "SLOVACCHIA",
             "REPUBBLICA CECA", "SLOVENIA", "LITUANIA", "LETTONIA", "ESTONIA", "BIELORUSSIA", "KAZAKISTAN",
             "UZBEKISTAN", "AFGHANISTAN", "NEPAL", "VIETNAM", "THAILANDIA", "INDONESIA", "GIAPPONE",
             "COREA DEL SUD", "AUSTRALIA", "MAURITIUS", "CAPO VERDE", ""]


def _skewed(labels: list[str], steepness: float = 1.1) -> dict[str, float]:
    """Weights falling with rank (Zipf), as counts by category do in a register."""
    return {label: 1 / (rank + 1) ** steepness for rank, label in enumerate(labels)}


def sector_titles() -> list[str]:
    """Every ATECO 2007 title the mapping table knows, in sentence case, after the ones seen."""
    with (REPO / "observatory" / "sources" / "ateco_sezioni.csv").open(encoding="utf-8", newline="") as handle:
        titles = [row["testo"].capitalize() for row in csv.DictReader(handle) if row["tipo"] == "descrizione"]
    seen = {t.casefold() for t in SECTORS_SEEN}
    return SECTORS_SEEN + [t for t in titles if t.casefold() not in seen] + [""]


def _dates(rng: np.random.Generator, size: int) -> np.ndarray:
    """dd/mm/yyyy, working days about seven times as likely as weekends; 1 in 10,000 an outlier
    year (1973–2008 or 2201) and 1 in 20,000 not a date at all, as in the real export."""
    days = pd.date_range("2010-01-01", "2021-12-09", freq="D")
    weights = np.where(days.dayofweek < 5, 1.0, 0.15)
    text = days.strftime("%d/%m/%Y").to_numpy(dtype=object)
    out = text[rng.choice(len(text), size, p=weights / weights.sum())]
    odd = rng.random(size)
    outliers = odd < 1e-4
    out[outliers] = [f"{d:02d}/{m:02d}/{y}" for d, m, y in zip(rng.integers(1, 29, outliers.sum()),
                                                                 rng.integers(1, 13, outliers.sum()),
                                                                 rng.choice([*range(1973, 2009), 2201],
                                                                            outliers.sum()))]
    out[(odd >= 1e-4) & (odd < 1.5e-4)] = rng.choice(np.array(["", "00/00/0000", "31/02/2015"], dtype=object),
                                                     ((odd >= 1e-4) & (odd < 1.5e-4)).sum())
    return out


def _ages(rng: np.random.Generator, size: int) -> np.ndarray:
    ages = np.clip(np.round(rng.gamma(2.5, 7.0, size) + 16), 15, 80).astype(int).astype(str).astype(object)
    outliers = rng.random(size) < 0.002
    ages[outliers] = rng.choice(np.array(["221", "0", "9", "120", "101"], dtype=object), outliers.sum())
    return ages


def _draw(rng: np.random.Generator, weights: dict[str, float], size: int) -> np.ndarray:
    labels = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    return labels[rng.choice(len(labels), size, p=p / p.sum())]


def generate(path: Path, rows: int, seed: int = 1, chunk: int = 500_000) -> None:
    """Write `rows` events in the export's layout, `chunk` rows at a time (bounded memory)."""
    rng = np.random.default_rng(seed)
    sectors, countries = _skewed(sector_titles()), _skewed(COUNTRIES, 1.6)
    countries["ITALIA"] = sum(countries.values()) * 2.5  # about seven hires in ten are Italian citizens
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(HEADER) + "\n")
        for start in range(0, rows, chunk):
            size = min(chunk, rows - start)
            pd.DataFrame({
                "DATA": _dates(rng, size), "GENERE": _draw(rng, {"M": 55, "F": 45}, size), "ETA": _ages(rng, size),
                "SETTOREECONOMICODETTAGLIO": _draw(rng, sectors, size), "TITOLOSTUDIO": _draw(rng, EDUCATION, size),
                "CONTRATTO": _draw(rng, CONTRACTS, size), "MODALITALAVORO": _draw(rng, WORKING_TIME, size),
                "PROVINCIAIMPRESA": _draw(rng, PROVINCES, size), "ITALIANO": _draw(rng, countries, size),
            }).to_csv(handle, header=False, index=False)
