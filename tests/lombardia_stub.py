"""A Socrata stand-in for the fixture server: view metadata, SoQL aggregate pages and rows.csv exports
built from one list of raw event records, in the exact SODA shapes (lower-case field names, every
JSON value a string, null fields omitted from a row; display-name CSV header)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

from tests.fixture_server import Reply, Request

#: Field order of the real export header (display names are the upper-case field names).
FIELDS = ["data", "genere", "eta", "settoreeconomicodettaglio", "titolostudio", "contratto", "modalitalavoro",
          "provinciaimpresa", "italiano"]


def event(data="15/01/2019", provincia="COMO", genere="M", eta="34", settore="Ristorazione con somministrazione",
          titolo="LICENZA MEDIA", contratto="LAVORO A TEMPO DETERMINATO", modalita="TEMPO PIENO", paese="ITALIA"):
    """One raw event; None stands for a null field."""
    return {"data": data, "genere": genere, "eta": eta, "settoreeconomicodettaglio": settore, "titolostudio": titolo,
            "contratto": contratto, "modalitalavoro": modalita, "provinciaimpresa": provincia, "italiano": paese}


def as_timestamp(record: dict) -> dict:
    """The same event with `data` as a SODA floating timestamp instead of dd/mm/yyyy text."""
    day, month, year = record["data"].split("/")
    return {**record, "data": f"{year}-{month}-{day}T00:00:00.000"}


def metadata(view_id: str, date_type: str = "text", rename: dict | None = None, licence: dict | None = None) -> bytes:
    """/api/views/{id}.json in Socrata's shape: a `columns` list of {fieldName, name, dataTypeName…}."""
    rename = rename or {}
    columns = []
    for position, field in enumerate(FIELDS, start=1):
        name = rename.get(field, field)
        kind = date_type if field == "data" else "number" if field == "eta" else "text"
        columns.append({"id": 500000 + position, "name": name.upper(), "dataTypeName": kind, "fieldName": name,
                        "position": position, "renderTypeName": kind, "format": {}})
    view = {"id": view_id, "name": "Rapporti di lavoro", "attribution": "Regione Lombardia", "averageRating": 0,
            "category": "Attività Produttive", "displayType": "table", "rowsUpdatedAt": 1764000000,
            "viewType": "tabular", "columns": columns}
    if licence:
        view.update(licence)
    return json.dumps(view).encode("utf-8")


def export_csv(records: list[dict], date_type: str = "text") -> bytes:
    """rows.csv as the portal exports it: display-name header; timestamps as 'MM/DD/YYYY hh:mm:ss AM'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.upper() for f in FIELDS])
    for record in records:
        row = {**record}
        if date_type != "text":
            day, month, year = record["data"].split("/")
            row["data"] = f"{month}/{day}/{year} 12:00:00 AM"
        writer.writerow(["" if row[f] is None else row[f] for f in FIELDS])
    return out.getvalue().encode("utf-8")


class SodaStub:
    """Answers /resource/{id}.json SoQL aggregate queries from raw records, honouring $offset/$limit."""

    def __init__(self, records: list[dict]):
        self.records = records
        self.queries: list[dict[str, str]] = []

    def __call__(self, request: Request) -> Reply:
        params = {k: v[0] for k, v in request.query.items()}
        self.queries.append(params)
        items = [item.strip() for item in params["$select"].split(",")]
        exprs = [(i.split(" AS ")[0].strip(), i.split(" AS ")[-1].strip()) for i in items]
        keys = [(expr, alias) for expr, alias in exprs if expr != "count(*)"]
        chosen = [r for r in self.records if _matches(r, params.get("$where", ""))]
        counts = Counter(tuple(_value(r, expr) for expr, _ in keys) for r in chosen)
        order = [name.strip() for name in params["$order"].split(",")]
        aliases = [alias for _, alias in keys]
        groups = sorted(counts.items(), key=lambda kv: tuple(kv[0][aliases.index(o)] or "" for o in order))
        rows = [{**{a: v for a, v in zip(aliases, key) if v is not None}, "n": str(n)} for key, n in groups]
        offset, limit = int(params.get("$offset", 0)), int(params.get("$limit", 1000))
        body = json.dumps(rows[offset:offset + limit]).encode("utf-8")
        return Reply(200, body, {"Content-Type": "application/json; charset=utf-8"})


def _value(record: dict, expr: str):
    if expr == "date_trunc_ym(data)":
        return record["data"][:7] + "-01T00:00:00.000"
    return record[expr]


def _matches(record: dict, where: str) -> bool:
    provinces = re.search(r"provinciaimpresa in \(([^)]*)\)", where)
    if provinces and record["provinciaimpresa"] not in re.findall(r"'([^']*)'", provinces.group(1)):
        return False
    years = re.findall(r"data like '%/(\d{4})%'", where)
    if years and not any(f"/{year}" in (record["data"] or "") for year in years):
        return False
    since = re.search(r"data >= '([^']+)'", where)
    return not since or (record["data"] or "") >= since.group(1)
