"""Regione Lombardia contract events from the full CSV export (rows.csv), aggregated with DuckDB.

The export is one row per event (millions of rows, display-name header, dates as text): it is
streamed to a temporary file under a size cap, grouped by DuckDB with a memory limit (spilling to
disk), and its distinct raw values go through the same mappings as the API path, so both paths
give the same aggregates. Used when OSSERVATORIO_LOMBARDIA_MODE=bulk (the offline snapshot build)."""

from __future__ import annotations

import csv
import os
import re
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

PUBLISHER = "Regione Lombardia"
NOT_UTF8 = (f"L'esportazione di {PUBLISHER} non è un testo UTF-8 (forse salvata con un'altra codifica): il formato "
            "è cambiato; resta l'ultimo archivio.")
DEFAULT_MAX_BULK_BYTES = 4 * 1024 ** 3
FIELDS = (m.DATE_FIELD, *m.CATEGORY_FIELDS)


def max_bulk_bytes() -> int:
    """Cap on the downloaded export (OSSERVATORIO_MAX_BULK_BYTES); the real files are about a GB."""
    return int(os.environ.get("OSSERVATORIO_MAX_BULK_BYTES", DEFAULT_MAX_BULK_BYTES))


def duckdb_memory_limit() -> str:
    return os.environ.get("OSSERVATORIO_DUCKDB_MEMORY", "512MB")


def download(session: requests.Session, url: str, target: Path, cap: int | None = None) -> int:
    """Stream `url` to `target` in chunks under the cap and the refresh deadline (sources.http);
    never holds the body in memory. Returns the bytes written."""
    cap = max_bulk_bytes() if cap is None else cap
    try:
        return http.download(session, url, target, publisher=PUBLISHER, cap=cap, params={"accessType": "DOWNLOAD"})
    except ObservatoryError as exc:
        if "supera il limite" in str(exc):
            raise ObservatoryError(f"L'esportazione di {PUBLISHER} supera il limite di {cap // 1024 ** 2} MB "
                                   "(OSSERVATORIO_MAX_BULK_BYTES).") from exc
        raise


def header_columns(path: Path) -> dict[str, str]:
    """Required field (lower case) → the CSV's own header name; fails in Italian when one is missing."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except UnicodeDecodeError as exc:
        raise ObservatoryError(NOT_UTF8) from exc
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
            table = m.category_table(field, values, notes, label)
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
        raise ObservatoryError(_duckdb_reason(exc)) from exc
    finally:
        con.close()


def _duckdb_reason(exc: Exception) -> str:
    """DuckDB's English error as an Italian sentence (with the line, when DuckDB names one)."""
    text = str(exc)
    if re.search(r"unicode|utf-?8|byte sequence", text, re.IGNORECASE):
        return NOT_UTF8
    line = re.search(r"[Ll]ine:?\s*(\d+)", text)
    where = f" (riga {line.group(1)})" if line else ""
    return (f"L'esportazione di {PUBLISHER} non si legge come CSV{where}: righe con un numero di campi diverso "
            "o virgolette non chiuse; resta l'ultimo archivio.")


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
