"""Regione Lombardia hires, terminations, extensions and transformations (Comunicazioni Obbligatorie)
from the Socrata SODA API of dati.lombardia.it, aggregated on the server with SoQL.

The view metadata (/api/views/{id}.json) is read first: it says whether `data` is text (dd/mm/yyyy,
so no date functions on the server) or a timestamp (date_trunc_ym works), and it lets us fail clearly
when a field was renamed. Groups come back paged and are mapped client-side (lombardia_mappings).
With OSSERVATORIO_LOMBARDIA_MODE=bulk the full CSV export is used instead (lombardia_bulk). The offline
snapshot build uses the API path too: its mirror serves the recorded answer of each exact query."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pandas as pd
import pandera.pandas as pa
import requests

from observatory import territory
from observatory.errors import ObservatoryError
from observatory.sources import http, lombardia_bulk
from observatory.sources import lombardia_mappings as m
from observatory.sources.types import REFUSE, Coverage, Dataset, FetchContext

PUBLISHER = "Regione Lombardia — Osservatorio mercato del lavoro (Comunicazioni Obbligatorie)"
FALLBACK_LICENCE = "IODL 2.0 [da verificare]"
SOURCE = "lombardia"
PORTAL = "https://www.dati.lombardia.it/Attivit-Produttive"
#: dataset id → (Socrata 4x4 view id, portal slug, Italian title, English title)
VIEWS = {
    "avviamenti": ("qbau-cyuc", "Rapporti-di-lavoro-attivati", "Rapporti di lavoro attivati (avviamenti)",
                   "Employment contracts started (hires)"),
    "cessazioni": ("nwz3-p6vm", "Rapporti-di-lavoro-cessati", "Rapporti di lavoro cessati",
                   "Employment contracts ended"),
    "proroghe": ("chng-cman", "Rapporti-di-lavoro-prorogati", "Rapporti di lavoro prorogati",
                 "Employment contracts extended"),
    "trasformazioni": ("8dwx-jjag", "Rapporti-di-lavoro-trasformati", "Rapporti di lavoro trasformati",
                       "Employment contracts transformed"),
}
TIMESTAMP_TYPES = {"calendar_date", "floating_timestamp", "date", "fixed_timestamp"}
#: Socrata `licenseId` values → the licence's name (a view may carry the id without a `license` object)
LICENCE_NAMES = {
    "CC0_10": "Creative Commons CC0 1.0 Universal", "PUBLIC_DOMAIN": "Public Domain",
    "CC_30_BY": "Creative Commons Attribution 3.0", "CC_30_BY_SA": "Creative Commons Attribution-ShareAlike 3.0",
    "CC_30_BY_ND": "Creative Commons Attribution-NoDerivs 3.0",
    "CC_30_BY_NC": "Creative Commons Attribution-NonCommercial 3.0",
    "CC_40_BY": "Creative Commons Attribution 4.0", "CC_40_BY_SA": "Creative Commons Attribution-ShareAlike 4.0",
    "ODC_BY": "Open Data Commons Attribution License", "ODBL": "Open Database License (ODbL)",
    "PDDL": "Open Data Commons Public Domain Dedication and License (PDDL)",
    "IODL": "Italian Open Data License 2.0", "IODL_20": "Italian Open Data License 2.0",
}
TEXT_TYPES = {"text"}
DEFAULT_FIRST_YEAR = 2019
DEFAULT_PAGE_SIZE = 50_000
MAX_PAGES = 10_000


def mode() -> str:
    """'api' (SoQL on the live portal, default) or 'bulk' (full CSV export; offline snapshot build)."""
    return os.environ.get("OSSERVATORIO_LOMBARDIA_MODE", "api").strip().lower() or "api"


def first_year() -> int:
    """Events before 1 January of this year are not fetched (OSSERVATORIO_LOMBARDIA_DAL)."""
    return int(os.environ.get("OSSERVATORIO_LOMBARDIA_DAL", DEFAULT_FIRST_YEAR))


def last_year() -> int:
    """The last year a text-date query names (OSSERVATORIO_LOMBARDIA_AL, default next year): the offline
    build pins it, so its recorded answers keep matching the query whatever today's date."""
    return int(os.environ.get("OSSERVATORIO_LOMBARDIA_AL", datetime.now().year + 1))


def page_size() -> int:
    return int(os.environ.get("OSSERVATORIO_SOCRATA_PAGE_SIZE", DEFAULT_PAGE_SIZE))


def app_token_headers() -> dict[str, str]:
    token = os.environ.get("OSSERVATORIO_SOCRATA_TOKEN", "").strip()
    return {"X-App-Token": token} if token else {}


def _schema() -> pa.DataFrameSchema:
    def one_of(values):
        return pa.Column(str, pa.Check.isin(list(values)))

    return pa.DataFrameSchema(
        {
            "mese": pa.Column("datetime64[ns]", pa.Check(lambda s: (s.dt.day == 1).all(), error="primo del mese")),
            "territorio": pa.Column(str, pa.Check.str_matches(r"^IT[A-Z0-9]{1,3}$")),
            "settore_ateco": one_of(m.SECTIONS), "contratto": one_of(m.CONTRACTS),
            "orario": one_of(m.WORKING_TIME), "sesso": one_of(m.SEXES), "classe_eta": one_of(m.AGE_BANDS),
            "titolo_studio": one_of(m.EDUCATION), "cittadinanza": one_of(m.CITIZENSHIP),
            "eventi": pa.Column("int64", pa.Check.ge(1)),
        },
        unique=m.SCHEMA_KEYS, strict=True, ordered=True,
    )


SCHEMA = _schema()


# --- view metadata -------------------------------------------------------------------------------

def read_metadata(session: requests.Session, base: str, view_id: str) -> dict:
    """The view's metadata JSON; fails in Italian if it is not the Socrata shape or a field is missing."""
    response = http.get(session, f"{base}/api/views/{view_id}.json", publisher="Regione Lombardia")
    try:
        meta = json.loads(response.content)
    except ValueError as exc:
        raise ObservatoryError(f"Regione Lombardia: i metadati di {view_id} non sono JSON valido.") from exc
    if not isinstance(meta, dict) or not isinstance(meta.get("columns"), list):
        raise ObservatoryError(f"Regione Lombardia: i metadati di {view_id} non hanno l'elenco delle colonne.")
    fields = {str(c.get("fieldName", "")).lower() for c in meta["columns"] if isinstance(c, dict)}
    missing = [f for f in m.REQUIRED_FIELDS if f not in fields]
    if missing:
        raise ObservatoryError(
            f"Regione Lombardia ha cambiato il dataset {view_id}: mancano le colonne {', '.join(missing)} "
            f"(presenti: {', '.join(sorted(fields))}). Il connettore va aggiornato; resta l'ultimo archivio.")
    date_type(meta, view_id)
    return meta


def date_type_name(meta: dict) -> str:
    """The portal's own dataTypeName of the `data` column (recorded in the report)."""
    column = next(c for c in meta["columns"] if str(c.get("fieldName", "")).lower() == m.DATE_FIELD)
    return str(column.get("dataTypeName", "")).lower()


def date_type(meta: dict, view_id: str) -> str:
    """'text' or 'timestamp', from the dataTypeName of the `data` column."""
    kind = date_type_name(meta)
    if kind in TEXT_TYPES:
        return "text"
    if kind in TIMESTAMP_TYPES:
        return "timestamp"
    raise ObservatoryError(f"Regione Lombardia, dataset {view_id}: la colonna «data» ha un tipo inatteso ({kind!r}).")


def licence_of(meta: dict) -> str:
    """The licence the portal declares for the view, or the fallback to be verified."""
    declared = meta.get("license")
    if isinstance(declared, dict) and declared.get("name"):
        return str(declared["name"])
    if isinstance(declared, str) and declared.strip():
        return declared.strip()
    licence_id = str(meta.get("licenseId") or "").strip()
    if licence_id:
        return LICENCE_NAMES.get(licence_id.upper(), f"{licence_id} (codice di licenza del portale)")
    return FALLBACK_LICENCE


# --- SoQL ----------------------------------------------------------------------------------------

def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def soql(kind: str, provinces: list[str] | None, since: int) -> dict[str, str]:
    """$select/$where/$group/$order of one aggregated query (provinces=None: the whole region)."""
    date_column = "data" if kind == "text" else "mese"
    select = ([m.PROVINCE_FIELD] if provinces else []) + (
        ["data"] if kind == "text" else ["date_trunc_ym(data) AS mese"]) + list(m.CATEGORY_FIELDS)
    group = ([m.PROVINCE_FIELD] if provinces else []) + [date_column] + list(m.CATEGORY_FIELDS)
    if kind == "text":
        years = range(since, last_year() + 1)
        where = ["(" + " OR ".join(f"data like '%/{year}%'" for year in years) + ")"]
    else:
        where = [f"data >= '{since}-01-01T00:00:00'"]
    if provinces:
        where.insert(0, f"{m.PROVINCE_FIELD} in ({', '.join(_quote(p) for p in provinces)})")
    return {"$select": ", ".join(select + ["count(*) AS n"]), "$where": " AND ".join(where),
            "$group": ", ".join(group), "$order": ", ".join(group)}


def fetch_groups(session, base: str, view_id: str, params: dict[str, str], progress) -> list[dict]:
    """Every page of one aggregated query, until a short page."""
    rows, size = [], page_size()
    for page in range(MAX_PAGES):
        query = {**params, "$limit": str(size), "$offset": str(page * size)}
        response = http.get(session, f"{base}/resource/{view_id}.json", publisher="Regione Lombardia",
                            params=query, ok_statuses=(200, 400))
        batch = _decode_page(response, view_id)
        rows.extend(batch)
        progress(f"Regione Lombardia {view_id}: pagina {page + 1}, {len(rows)} gruppi")
        if len(batch) < size:
            return rows
    raise ObservatoryError(f"Regione Lombardia {view_id}: troppe pagine ({MAX_PAGES}), risposta anomala.")


def _decode_page(response: requests.Response, view_id: str) -> list[dict]:
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise ObservatoryError(f"Regione Lombardia {view_id}: la risposta non è JSON valido.") from exc
    if response.status_code == 400 or isinstance(body, dict):
        message = body.get("message", "") if isinstance(body, dict) else ""
        raise ObservatoryError(
            f"Regione Lombardia ha rifiutato l'interrogazione di {view_id} ({message or 'HTTP 400'}): "
            "probabilmente un campo è stato rinominato; il connettore va aggiornato.")
    if not isinstance(body, list):
        raise ObservatoryError(f"Regione Lombardia {view_id}: risposta inattesa (non un elenco di righe).")
    return body


def _check_rows(rows: list[dict], expected: set[str], view_id: str) -> None:
    """SODA omits null fields from a row, so a missing key is a null; an unknown key is a renamed field."""
    for row in rows:
        unknown = set(row) - expected
        if unknown or "n" not in row:
            raise ObservatoryError(
                f"Regione Lombardia {view_id}: le righe hanno campi inattesi "
                f"({', '.join(sorted(unknown)) or 'manca n'}); il formato è cambiato e il connettore va aggiornato.")


def fetch_api(ctx: FetchContext, session, dataset_id: str, meta: dict) -> pd.DataFrame:
    """Aggregate on the server for the configured provinces and for the whole region, map client-side."""
    view_id = VIEWS[dataset_id][0]
    base, kind, since = ctx.base_url(SOURCE), date_type(meta, view_id), first_year()
    region_nuts, _ = territory.region()
    by_name = {p.name.upper(): p.nuts for p in territory.provinces()}
    parts = []
    for provinces in (sorted(by_name), None):
        params = soql(kind, provinces, since)
        rows = fetch_groups(session, base, view_id, params, ctx.progress)
        names = [item.split(" AS ")[-1].strip() for item in params["$select"].split(", ")]
        _check_rows(rows, set(names), view_id)
        frame = pd.DataFrame(rows, columns=names, dtype=object)
        frame = frame.rename(columns={"mese": m.DATE_FIELD})
        if provinces:
            names_seen = frame[m.PROVINCE_FIELD].fillna("").str.strip().str.upper()
            frame["territorio"] = names_seen.map(by_name)
            for name in sorted(set(by_name) - set(names_seen)):
                ctx.notes.append(f"{dataset_id}: nessun rapporto per la provincia {name.title()} (nome cambiato?).")
        else:
            frame["territorio"] = region_nuts
        parts.append(frame)
    raw = pd.concat(parts, ignore_index=True)
    return m.aggregate_events(raw, ctx.notes, dataset_id, pd.Timestamp(year=since, month=1, day=1))


def fetch(dataset_id: str, ctx: FetchContext) -> pd.DataFrame:
    """One dataset through the API path, or the bulk path when OSSERVATORIO_LOMBARDIA_MODE=bulk."""
    view_id = VIEWS[dataset_id][0]
    session = http.make_session()
    session.headers.update(app_token_headers())
    meta = read_metadata(session, ctx.base_url(SOURCE), view_id)
    licence = licence_of(meta)
    if mode() == "bulk":
        frame = lombardia_bulk.fetch_bulk(ctx, session, dataset_id, view_id, first_year())
    else:
        frame = fetch_api(ctx, session, dataset_id, meta)
    ctx.notes.append(f"{dataset_id}: licenza dichiarata nei metadati del portale: {licence}.")
    ctx.notes.append(f"{dataset_id}: colonna «data» di tipo «{date_type_name(meta)}» nei metadati del portale.")
    frame.attrs["licence"] = licence
    frame.attrs["tipo_data"] = date_type_name(meta)
    ctx.progress(f"Regione Lombardia {dataset_id}: {len(frame)} righe aggregate ({mode()})")
    return frame


def _fetcher(dataset_id: str):
    def fetch_one(ctx: FetchContext) -> pd.DataFrame:
        return fetch(dataset_id, ctx)

    fetch_one.__name__ = f"fetch_{dataset_id}"
    return fetch_one


#: one extraction per version: the CO are revised with late communications, so months of two extractions
#: would not add up; a shorter export is refused rather than patched
COVERAGE = Coverage(("territorio", "mese"), REFUSE,
                    "ogni versione è un'unica estrazione delle Comunicazioni Obbligatorie, riviste con le "
                    "comunicazioni tardive: mesi di due estrazioni non si sommano, un'esportazione più corta si "
                    "rifiuta")

DATASETS = [
    Dataset(id=dataset_id, title_it=title_it, title_en=title_en, publisher=PUBLISHER,
            source_url=f"{PORTAL}/{slug}/{view_id}", licence=FALLBACK_LICENCE, schema=SCHEMA,
            fetch=_fetcher(dataset_id), period_column="mese", source=SOURCE, coverage=COVERAGE)
    for dataset_id, (view_id, slug, title_it, title_en) in VIEWS.items()
]
