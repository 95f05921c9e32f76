"""Write the CONSTRUCTED demo answers of Regione Lombardia's Socrata portal (dati.lombardia.it) for the
Comunicazioni Obbligatorie: hires, terminations, extensions and transformations, at full scale.

What is written is what the connector asks in its API mode (observatory/sources/lombardia.py): the
view metadata `api/views/{id}.json`, and for each aggregated SoQL query (`$select …, count(*) AS n …
$group …`, the two provinces, then the whole region, paged by `$limit`/`$offset`) its JSON answer,
recorded under `resource/{id}.json.query/` by the key of the exact query (observatory/pipeline/mirror.py)
with a sidecar listing it. Settings (first and last year, page size) are those of the offline build
(pipeline/snapshot.RAW_REQUESTS). Counts are invented but calibrated: per province the totals equal the
published figures of demo_cob_targets.py (published_figures_Como_Lecco.csv rows 11–16, 29–44, 53–68;
their sidecars name each one), the months between follow a stated prior. Seeded: byte-identical on
every run. Run: python data/raw/make_demo_lombardia.py"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent.parent)]

import demo_cob_targets as targets  # noqa: E402
from demo_calibration import FILE, figure, monthly_totals, months_of, note_figure, rounding_unit, row, rows_of  # noqa: E402
from demo_soda import AGES, answer_rows, month_groups, soda_json  # noqa: E402

from observatory import territory  # noqa: E402
from observatory.pipeline import mirror, snapshot  # noqa: E402

os.environ.update(snapshot.RAW_REQUESTS)  # the settings the offline build will ask with
from observatory.sources import lombardia  # noqa: E402

SEED = 20261125
ROOT = HERE / "lombardia"
RETRIEVED = "2026-11-25"
PORTAL = "https://www.dati.lombardia.it"
HEADER = ["DATA", "GENERE", "ETA", "SETTOREECONOMICODETTAGLIO", "TITOLOSTUDIO", "CONTRATTO", "MODALITALAVORO",
          "PROVINCIAIMPRESA", "ITALIANO"]
TITLES = {"avviamenti": "Rapporti di lavoro attivati", "cessazioni": "Rapporti di lavoro cessati",
          "proroghe": "Rapporti di lavoro prorogati", "trasformazioni": "Rapporti di lavoro trasformati"}
#: groups a month: per province, for the rest of Lombardy (the region's answer also holds the provinces')
GROUPS = {"avviamenti": (32, 32), "cessazioni": (32, 32), "proroghe": (16, 16), "trasformazioni": (10, 10)}

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
CONTRACTS = {
    "avviamenti": {"LAVORO A TEMPO DETERMINATO": 46, "LAVORO A TEMPO INDETERMINATO": 16,
                   "CONTRATTO DI SOMMINISTRAZIONE": 12, "LAVORO INTERMITTENTE": 7,
                   "APPRENDISTATO PROFESSIONALIZZANTE O CONTRATTO DI MESTIERE": 5, "TIROCINIO": 4,
                   "COLLABORAZIONE COORDINATA E CONTINUATIVA": 3, "LAVORO AUTONOMO NELLO SPETTACOLO": 2},
    "proroghe": {"LAVORO A TEMPO DETERMINATO": 72, "CONTRATTO DI SOMMINISTRAZIONE": 20, "LAVORO INTERMITTENTE": 5,
                 "TIROCINIO": 3},
    "trasformazioni": {"LAVORO A TEMPO INDETERMINATO": 84,
                       "APPRENDISTATO PROFESSIONALIZZANTE O CONTRATTO DI MESTIERE": 12,
                       "LAVORO A TEMPO DETERMINATO": 4},
}
TIMES = {"TEMPO PIENO": 60, "TEMPO PARZIALE ORIZZONTALE": 20, "TEMPO PARZIALE VERTICALE": 5, "TEMPO PARZIALE MISTO": 3,
         "NON DEFINITO": 10, "": 2}
EDUCATION = {"LICENZA MEDIA": 35, "DIPLOMA DI ISTRUZIONE SECONDARIA SUPERIORE": 28, "LAUREA": 14,
             "LICENZA ELEMENTARE": 3, "NESSUN TITOLO DI STUDIO": 5, "DIPLOMA DI QUALIFICA PROFESSIONALE": 7,
             "TITOLO DI DOTTORE DI RICERCA": 1, "": 7}
COUNTRIES = {"ITALIA": 72, "ROMANIA": 5, "ALBANIA": 3, "MAROCCO": 3, "EGITTO": 2, "UCRAINA": 2, "CINA": 2,
             "INDIA": 2, "PAKISTAN": 2, "SENEGAL": 1, "PERU": 1, "POLONIA": 1, "BULGARIA": 1, "SRI LANKA": 1,
             "FILIPPINE": 1, "": 1}


def shares(dataset_id: str, scope: str) -> dict[str, dict[str, float]]:
    return {"settoreeconomicodettaglio": {**SECTORS, **LOCAL_SECTORS.get(scope, {})},
            "contratto": CONTRACTS.get(dataset_id, CONTRACTS["avviamenti"]), "modalitalavoro": TIMES,
            "genere": {"M": 55, "F": 45}, "eta": AGES, "titolostudio": EDUCATION, "italiano": COUNTRIES}


def monthly(dataset_id: str) -> dict[str, np.ndarray]:
    """Events a month per scope: the provinces calibrated on their published figures, the rest of Lombardy
    on the prior alone."""
    out = {scope: monthly_totals(targets.MONTHS, targets.prior(dataset_id, scope), found)
           for scope, found in targets.TARGETS[dataset_id].items()}
    out["REST"] = monthly_totals(targets.MONTHS, targets.prior(dataset_id, "REST"), [])
    return out


def check_balances(hires: dict[str, np.ndarray], ends: dict[str, np.ndarray]) -> None:
    """The published balances (hires − terminations) follow from the calibrated months."""
    checks = [(scope, period, figure(number), f"riga {number}", row(number)["note"].startswith("approx"))
              for (scope, period), number in targets.BALANCES.items()]
    checks += [("LECCO", "2023-Q3", note_figure(66, "saldo +180"), "nota riga 66", False),
               ("LECCO", "2025-H1", note_figure(67, "saldo +2,653"), "nota riga 67", False)]
    for scope, period, value, where, approximate in checks:
        first, last = (targets.MONTHS.index(m) for m in months_of(period))
        got = int(hires[scope][first:last + 1].sum() - ends[scope][first:last + 1].sum())
        if abs(got - value) > (rounding_unit(value) / 2 if approximate else 0):
            raise ValueError(f"saldo {scope} {period}: {got} invece di {value} ({FILE} {where})")


def groups(rng, dataset_id: str, totals: dict[str, np.ndarray]) -> dict[str, list[dict]]:
    """Every scope's aggregated groups, month by month (hires concentrate on the first of the month)."""
    per_province, rest = GROUPS[dataset_id]
    first_day = 4.0 if dataset_id == "avviamenti" else 1.0
    out = {}
    for scope, values in totals.items():
        out[scope] = [{**g, "provinciaimpresa": scope}
                      for (year, month), total in zip(targets.MONTHS, values)
                      for g in month_groups(rng, year, month, int(total), rest if scope == "REST" else per_province,
                                            shares(dataset_id, scope), first_day)]
    return out


def metadata(view_id: str, title: str) -> bytes:
    kinds = {"ETA": "number"}
    columns = [{"id": 590000 + i, "name": name, "dataTypeName": kinds.get(name, "text"), "fieldName": name.lower(),
                "position": i, "renderTypeName": kinds.get(name, "text"), "format": {}}
               for i, name in enumerate(HEADER, start=1)]
    view = {"id": view_id, "name": title, "attribution": "Regione Lombardia", "category": "Attività Produttive",
            "description": "DATI DIMOSTRATIVI COSTRUITI per l'Osservatorio (stessa forma dei metadati del portale).",
            "displayType": "table", "viewType": "tabular", "rowsUpdatedAt": 1764028800, "columns": columns}
    return (json.dumps(view, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write(path: Path, body: bytes, url: str, dataset_id: str, note: str, **extra) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    sidecar = {"publisher": lombardia.PUBLISHER, "url": url, "retrieved": RETRIEVED,
               "licence": lombardia.FALLBACK_LICENCE, "sha256": hashlib.sha256(body).hexdigest(),
               "provenance": "dimostrativo", "datasets": [dataset_id], "note": note, **extra}
    path.with_name(path.name + ".provenance.json").write_text(
        json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_answers(view_id: str, dataset_id: str, params: dict[str, str], rows: list[dict], note: str,
                  calibration: list[dict]) -> list[Path]:
    """The answer pages of one query, as the connector pages (`$limit`, `$offset` until a short page)."""
    size, written = lombardia.page_size(), []
    resource = f"/resource/{view_id}.json"
    for page in range(len(rows) // size + 1):
        query = {**params, "$limit": str(size), "$offset": str(page * size)}
        path = mirror.answer_path(ROOT, resource, query)
        write(path, soda_json(rows[page * size:(page + 1) * size]),
              f"{PORTAL}{resource}?{mirror.canonical_query(query.items())}", dataset_id, note,
              request={"path": resource, "query": query}, calibrazione=calibration)
        written.append(path)
    return written


def note_for(dataset_id: str, totals: dict[str, np.ndarray]) -> str:
    def yearly(values: np.ndarray) -> str:
        return ", ".join(f"{y} {int(values[i * 12:(i + 1) * 12].sum()):,}".replace(",", ".")
                         for i, y in enumerate(targets.YEARS))

    sums = "; ".join(f"{scope.title()} {yearly(values)}" for scope, values in totals.items() if scope != "REST")
    found = [t for scope in targets.TARGETS[dataset_id].values() for t in scope]
    return (f"Risposta COSTRUITA (non scaricata) all'interrogazione SoQL aggregata del connettore, a scala reale: "
            f"{dataset_id} all'anno {sums}. Calibrata sui numeri pubblicati ({FILE}, righe {rows_of(found)}: "
            "elenco in «calibrazione»); i mesi che nessun numero fissa seguono un andamento ipotizzato; il resto "
            "della Lombardia (≈ 120.000 avviamenti al mese) non è calibrato: nessun dato pubblicato nell'archivio. "
            "Pochi gruppi per mese (la risposta reale ne ha molti di più). Generata da "
            f"data/raw/make_demo_lombardia.py (seme {SEED}).")


def main() -> None:
    rng = np.random.default_rng(SEED)
    for old in (ROOT / "api", ROOT / "resource"):
        shutil.rmtree(old, ignore_errors=True)
    totals = {dataset_id: monthly(dataset_id) for dataset_id in lombardia.VIEWS}
    check_balances(totals["avviamenti"], totals["cessazioni"])
    since = lombardia.first_year()
    for dataset_id, (view_id, *_rest) in lombardia.VIEWS.items():
        calibration = [t.record(territorio=scope, misura=dataset_id)
                       for scope, found in targets.TARGETS[dataset_id].items() for t in found]
        note = note_for(dataset_id, totals[dataset_id])
        write(ROOT / "api" / "views" / f"{view_id}.json", metadata(view_id, TITLES[dataset_id]),
              f"{PORTAL}/api/views/{view_id}.json", dataset_id,
              "Metadati costruiti nella forma di /api/views/{id}.json (colonne, fieldName, dataTypeName «text» per la "
              "data, come suggerisce l'esportazione reale gg/mm/aaaa); senza campo license: licenza da verificare.")
        by_scope = groups(rng, dataset_id, totals[dataset_id])
        provinces = sorted(p.name.upper() for p in territory.provinces())
        for scopes, chosen in ((provinces, provinces), (None, [*provinces, "REST"])):
            params = lombardia.soql("text", scopes, since)
            names = [item.split(" AS ")[-1].strip() for item in params["$select"].split(", ")]
            order = [name.strip() for name in params["$order"].split(",")]
            rows = answer_rows([g for scope in chosen for g in by_scope[scope]], names, order)
            for path in write_answers(view_id, dataset_id, params, rows, note, calibration):
                print(f"{path.relative_to(HERE)}: {len(rows)} gruppi, {path.stat().st_size / 1024 ** 2:.2f} MB")


if __name__ == "__main__":
    main()
