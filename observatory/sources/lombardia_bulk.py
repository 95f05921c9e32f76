"""Regione Lombardia contract events from the full CSV export (rows.csv), aggregated with DuckDB.

The export is one row per event (millions of rows, display-name header, dates as text): it is
streamed to a temporary file under a size cap, grouped by DuckDB with a memory limit (spilling to
disk), and its distinct raw values go through the same mappings as the API path, so both paths
give the same aggregates. Used when OSSERVATORIO_LOMBARDIA_MODE=bulk (the offline snapshot build)."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import requests

from observatory import territory
from observatory.errors import ObservatoryError
from observatory.sources import http
from observatory.sources import lombardia_mappings as m
from observatory.sources.types import FetchContext

CHUNK_BYTES = 1024 * 1024
DEFAULT_MAX_BULK_BYTES = 4 * 1024 ** 3
FIELDS = (m.DATE_FIELD, *m.CATEGORY_FIELDS)


def max_bulk_bytes() -> int:
    """Cap on the downloaded export (OSSERVATORIO_MAX_BULK_BYTES); the real files are about a GB."""
    return int(os.environ.get("OSSERVATORIO_MAX_BULK_BYTES", DEFAULT_MAX_BULK_BYTES))


def duckdb_memory_limit() -> str:
    return os.environ.get("OSSERVATORIO_DUCKDB_MEMORY", "512MB")


def download(session: requests.Session, url: str, target: Path, cap: int | None = None) -> int:
    """Stream `url` to `target` in chunks; never holds the body in memory. Returns the bytes written."""
    cap = max_bulk_bytes() if cap is None else cap
    publisher = "Regione Lombardia"
    try:
        with session.get(url, params={"accessType": "DOWNLOAD"}, stream=True, timeout=(10, 300)) as response:
            if response.status_code != 200:
                raise ObservatoryError(http._status_message(publisher, response.status_code))
            declared = response.headers.get("Content-Length", "")
            written = 0
            with target.open("wb") as handle:
                for chunk in response.iter_content(chunk_size=CHUNK_BYTES):
                    written += len(chunk)
                    if written > cap:
                        raise ObservatoryError(
                            f"L'esportazione di {publisher} supera il limite di {cap // 1024 ** 2} MB "
                            "(OSSERVATORIO_MAX_BULK_BYTES).")
                    handle.write(chunk)
    except requests.exceptions.Timeout as exc:
        raise ObservatoryError(f"{publisher} non ha risposto in tempo ({url}).") from exc
    except requests.exceptions.RequestException as exc:
        raise ObservatoryError(f"Lo scaricamento da {publisher} si è interrotto ({exc.__class__.__name__}).") from exc
    if declared.isdigit() and not response.headers.get("Content-Encoding") and written < int(declared):
        raise ObservatoryError(f"L'esportazione di {publisher} è arrivata incompleta (troncata).")
    return written


def header_columns(path: Path) -> dict[str, str]:
    """Required field (lower case) → the CSV's own header name; fails in Italian when one is missing."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    found = {name.strip().lower(): name for name in header}
    missing = [f.upper() for f in m.REQUIRED_FIELDS if f not in found]
    if missing:
        raise ObservatoryError(
            f"L'esportazione di Regione Lombardia non ha le colonne {', '.join(missing)} "
            f"(intestazione: {', '.join(header) or 'vuota'}). Il connettore va aggiornato; resta l'ultimo archivio.")
    return {field: found[field] for field in m.REQUIRED_FIELDS}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def aggregate_csv(path: Path, *, notes: list[str], label: str, since: int, workdir: Path,
                  progress=lambda message: None) -> pd.DataFrame:
    """The export at `path` → schema frame for the configured provinces and the whole region."""
    columns = header_columns(path)
    con = duckdb.connect(str(workdir / "eventi.duckdb"))
    try:
        con.execute(f"SET memory_limit='{duckdb_memory_limit()}'")
        con.execute(f"SET temp_directory='{workdir / 'spill'}'")
        con.execute("SET preserve_insertion_order=false")
        picks = ", ".join(f"coalesce({_quoted(columns[f])}, '') AS {f}" for f in FIELDS)
        # load once into a columnar table, map each column's few distinct raw values to categories,
        # then group on the categories: grouping raw text (daily dates, ~2,000 sector titles) would
        # make millions of groups and most of the memory
        con.execute(
            f"CREATE TABLE raw AS SELECT upper(trim(coalesce({_quoted(columns[m.PROVINCE_FIELD])}, ''))) "
            f"AS {m.PROVINCE_FIELD}, {picks} "
            "FROM read_csv(?, header=true, all_varchar=true, delim=',', quote='\"', escape='\"')",
            [str(path)])
        progress(f"Regione Lombardia {label}: esportazione letta")
        for field in FIELDS:
            values = [row[0] for row in con.execute(f"SELECT DISTINCT {field} FROM raw").fetchall()]
            table = m.category_table(field, values)
            if field == m.DATE_FIELD:
                table["mese"] = pd.to_datetime(table["mese"])
            con.register(f"map_{field}", table)
        targets = ", ".join(f"map_{f}.{m.CATEGORY_FIELDS[f]}" for f in m.CATEGORY_FIELDS)
        joins = " ".join(f"JOIN map_{f} ON g.{f} = map_{f}.raw" for f in FIELDS)
        con.execute(f"CREATE TABLE grouped AS SELECT g.{m.PROVINCE_FIELD}, map_data.mese, {targets}, "
                    f"count(*)::BIGINT AS n FROM raw g {joins} GROUP BY ALL")
        con.execute("DROP TABLE raw")
        progress(f"Regione Lombardia {label}: esportazione raggruppata")
        region_nuts, _ = territory.region()
        con.register("province_names", pd.DataFrame(
            {"raw": [p.name.upper() for p in territory.provinces()],
             "territorio": [p.nuts for p in territory.provinces()]}))
        return _final(con, notes, label, since, region_nuts)
    except duckdb.Error as exc:
        raise ObservatoryError(f"L'esportazione di Regione Lombardia non si legge come CSV ({exc}).") from exc
    finally:
        con.close()


def _final(con, notes: list[str], label: str, since: int, region_nuts: str) -> pd.DataFrame:
    con.execute("CREATE TEMP VIEW mapped AS SELECT * FROM grouped")
    scopes = (f"SELECT p.territorio, x.* FROM mapped x JOIN province_names p ON x.{m.PROVINCE_FIELD} = p.raw "
              f"UNION ALL SELECT '{region_nuts}' AS territorio, x.* FROM mapped x")
    keys = ", ".join(m.SCHEMA_KEYS)
    frame = con.execute(
        f"SELECT {keys}, sum(n)::BIGINT AS eventi FROM ({scopes}) WHERE mese IS NOT NULL AND sesso IS NOT NULL "
        f"AND mese >= make_date({int(since)}, 1, 1) GROUP BY ALL").df()
    dropped = {}
    for reason, condition in ((m.DROPPED_DATE, "mese IS NULL"),
                              (m.DROPPED_SEX, f"mese >= make_date({int(since)}, 1, 1) AND sesso IS NULL")):
        rows = con.execute(f"SELECT territorio, sum(n) FROM ({scopes}) WHERE {condition} GROUP BY 1").fetchall()
        dropped[reason] = dict(rows)
    return m.finish(frame, notes, label, dropped)


def fetch_bulk(ctx: FetchContext, session: requests.Session, dataset_id: str, view_id: str, since: int) -> pd.DataFrame:
    """Download the view's full export to a temporary folder and aggregate it there."""
    url = f"{ctx.base_url('lombardia')}/api/views/{view_id}/rows.csv"
    with tempfile.TemporaryDirectory(prefix="osservatorio_lombardia_") as tmp:
        workdir = Path(tmp)
        ctx.progress(f"Regione Lombardia {dataset_id}: scarico l'esportazione completa…")
        size = download(session, url, workdir / "rows.csv")
        ctx.progress(f"Regione Lombardia {dataset_id}: {size / 1024 ** 2:.1f} MB scaricati, aggrego con DuckDB")
        return aggregate_csv(workdir / "rows.csv", notes=ctx.notes, label=dataset_id, since=since,
                             workdir=workdir, progress=ctx.progress)
