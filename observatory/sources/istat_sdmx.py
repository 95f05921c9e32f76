"""The ISTAT SDMX REST machinery shared by every ISTAT dataset: throttled calls, DSD reading, keys,
SDMX-CSV parsing.

ISTAT blocks an address for a day or two past ~5 calls a minute, so every call, retries included,
waits on the one module-level THROTTLE. `endPeriod` is off by one on ISTAT, so only `startPeriod` is
sent and periods are filtered by the caller. An empty answer is HTTP 404 with `NoRecordsFound`.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pandas as pd
import requests

from observatory import config
from observatory.errors import ObservatoryError
from observatory.sources import http
from observatory.sources.throttle import Throttle

PUBLISHER = "ISTAT"
ACCEPT_CSV = "application/vnd.sdmx.data+csv;version=1.0.0"
ACCEPT_STRUCTURE = "application/vnd.sdmx.structure+xml;version=2.1"
#: (connect, read) seconds: ISTAT answers can take minutes.
TIMEOUT: tuple[float, float] = (10.0, 240.0)
#: 5xx answers are retried this many times, each retry through the throttle; 429 never is.
RETRIES = 2
RETRY_STATUSES = (500, 502, 503, 504)
#: One throttle per process, shared by every ISTAT dataset.
THROTTLE = Throttle(config.istat_interval_s)

_EMPTY = re.compile(r"No\s*Records\s*Found|No\s*Results\s*Found", re.IGNORECASE)
_STR = "{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure}"


def session() -> requests.Session:
    """A session with no automatic status retries: the retry loop here goes through the throttle."""
    return http.make_session(retries=0)


def call(sess: requests.Session, url: str, *, params: dict | None, accept: str) -> requests.Response | None:
    """One throttled GET to ISTAT; None for an empty answer (404 NoRecordsFound)."""
    for attempt in range(RETRIES + 1):
        THROTTLE.wait()
        response = http.get(sess, url, publisher=PUBLISHER, params=params, headers={"Accept": accept},
                            timeout=TIMEOUT, ok_statuses=(200, 404, 429) + RETRY_STATUSES)
        status = response.status_code
        if status == 200:
            return response
        if status == 404:
            if _EMPTY.search(response.text or ""):
                return None
            raise ObservatoryError(
                f"ISTAT: risorsa non trovata (HTTP 404) per {url}: il flusso o la chiave non esistono più."
            )
        if status == 429:
            raise ObservatoryError(
                "ISTAT limita le richieste (HTTP 429): aggiornamento interrotto per non farsi bloccare; "
                "riprovare tra qualche ora."
            )
        if attempt == RETRIES:
            raise ObservatoryError(
                f"ISTAT ha un problema temporaneo (HTTP {status}) anche dopo {RETRIES + 1} tentativi: "
                "riprovare più tardi."
            )
    raise AssertionError("unreachable")


def dimensions(sess: requests.Session, base: str, flow: str) -> list[str]:
    """The dimension ids of a dataflow's DSD, in key order, read from the structure endpoint."""
    url = f"{base}/dataflow/IT1/{flow}/1.0"
    response = call(sess, url, params={"references": "children"}, accept=ACCEPT_STRUCTURE)
    if response is None:
        raise ObservatoryError(f"ISTAT non descrive più il flusso {flow} (struttura vuota).")
    return parse_dimensions(response.content, flow)


def parse_dimensions(xml: bytes, flow: str) -> list[str]:
    """Dimension ids (TIME_PERIOD excluded), in key order, of the DSD the dataflow `flow` points to.

    Only the DSD's own `DimensionList` counts: ISTAT's NSI v8 also names dimensions inside
    `AttributeList` (`AttributeRelationship/Dimension/Ref`) and groups (`GroupDimension`). A bare DSD
    message (no Dataflow, one DataStructure, as the datastructure endpoint answers) is read as is."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ObservatoryError(f"La struttura del flusso ISTAT {flow} è illeggibile (XML non valido).") from exc
    dsd = _dsd_of(root, flow)
    dim_list = dsd.find(f"{_STR}DataStructureComponents/{_STR}DimensionList")
    if dim_list is None:
        raise ObservatoryError(f"La DSD {dsd.get('id')} del flusso ISTAT {flow} non ha l'elenco delle dimensioni.")
    dims = dim_list.findall(f"{_STR}Dimension")
    try:
        dims.sort(key=lambda d: int(d.get("position") or 0))
    except ValueError as exc:
        raise ObservatoryError(f"La DSD del flusso ISTAT {flow} ha posizioni di dimensione non numeriche.") from exc
    ids = [d.get("id") for d in dims]
    if not ids or any(not i for i in ids):
        raise ObservatoryError(f"La DSD del flusso ISTAT {flow} ha dimensioni senza identificativo.")
    return ids


def _dsd_of(root: ET.Element, flow: str) -> ET.Element:
    """The DataStructure element the dataflow refers to (by id and, when given, version)."""
    structures = list(root.iter(f"{_STR}DataStructure"))
    dataflows = list(root.iter(f"{_STR}Dataflow"))
    dataflow = next((d for d in dataflows if d.get("id") == flow), None)
    if dataflow is None:
        if not dataflows and len(structures) == 1:
            return structures[0]
        raise ObservatoryError(f"La struttura ISTAT non contiene il flusso {flow} o la sua DSD.")
    pointer = dataflow.find(f"{_STR}Structure")
    ref = None if pointer is None else next(
        (e for e in pointer.iter() if e.tag.rsplit("}", 1)[-1] == "Ref" and e.get("id")), None)
    if ref is None:
        raise ObservatoryError(f"La struttura ISTAT non contiene il flusso {flow} o la sua DSD.")
    same_id = [d for d in structures if d.get("id") == ref.get("id")]
    chosen = next((d for d in same_id if d.get("version") == ref.get("version")), same_id[0] if same_id else None)
    if chosen is None:
        raise ObservatoryError(f"La struttura ISTAT del flusso {flow} non contiene la DSD {ref.get('id')}.")
    return chosen


def check_dimensions(flow: str, actual: list[str], expected: tuple[str, ...]) -> None:
    """Fail loudly when ISTAT changed a DSD: keys and parsing would otherwise go silently wrong."""
    if list(actual) != list(expected):
        raise ObservatoryError(
            f"ISTAT ha cambiato la struttura del flusso {flow}: dimensioni attese {'.'.join(expected)}, "
            f"trovate {'.'.join(actual) or 'nessuna'}. Il connettore va aggiornato prima di scaricare."
        )


def build_key(dims: list[str], values: dict[str, list[str] | str]) -> str:
    """An SDMX key in DSD order: several codes joined with '+', an absent dimension is a wildcard."""
    unknown = set(values) - set(dims)
    if unknown:
        raise ValueError(f"dimensions not in the DSD: {sorted(unknown)}")
    parts = []
    for dim in dims:
        codes = values.get(dim, "")
        parts.append(codes if isinstance(codes, str) else "+".join(codes))
    return ".".join(parts)


def get_data(sess: requests.Session, base: str, flow: str, key: str, dims: list[str],
             start_period: int) -> pd.DataFrame:
    """Observations of one key as a frame (dims, TIME_PERIOD, OBS_VALUE, OBS_STATUS); empty if none."""
    url = f"{base}/data/{flow}/{key}"
    response = call(sess, url, params={"startPeriod": str(start_period)}, accept=ACCEPT_CSV)
    if response is None:
        return empty_frame(dims)
    return read_sdmx_csv(response.content, dims, flow)


def empty_frame(dims: list[str]) -> pd.DataFrame:
    columns = [*dims, "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS"]
    frame = pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    frame["OBS_VALUE"] = pd.Series(dtype="Float64")
    return frame


def read_sdmx_csv(body: bytes, dims: list[str], flow: str) -> pd.DataFrame:
    """Parse SDMX-CSV 1.0 (DATAFLOW first, dimensions, TIME_PERIOD, OBS_VALUE, then attributes).

    Blank OBS_VALUE → NA; missing OBS_STATUS column → NA; extra attribute columns are ignored.
    A short row (body cut mid-line) or a missing dimension column is an Italian error."""
    text = body.decode("utf-8-sig", errors="replace")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ObservatoryError(f"La risposta ISTAT per il flusso {flow} non è in formato SDMX-CSV (testo "
                               "illeggibile).") from exc
    if not rows or not rows[0] or rows[0][0].strip() != "DATAFLOW":
        if re.search(r"<(\w+:)?(StructureSpecificData|GenericData)\b", text[:2000]):
            raise ObservatoryError(f"ISTAT ha risposto per il flusso {flow} in SDMX-ML invece che in SDMX-CSV "
                                   "(il formato chiesto non è stato rispettato): riprovare più tardi.")
        raise ObservatoryError(f"La risposta ISTAT per il flusso {flow} non è in formato SDMX-CSV.")
    header = [h.strip() for h in rows[0]]
    needed = [*dims, "TIME_PERIOD", "OBS_VALUE"]
    missing = [c for c in needed if c not in header]
    if missing:
        raise ObservatoryError(
            f"La risposta ISTAT per il flusso {flow} non ha le colonne attese ({', '.join(missing)}): "
            "il formato o la struttura sono cambiati."
        )
    body_rows = [r for r in rows[1:] if r]
    short = next((i for i, r in enumerate(body_rows, start=2) if len(r) != len(header)), None)
    if short is not None:
        raise ObservatoryError(
            f"La risposta ISTAT per il flusso {flow} è incompleta o malformata (riga {short}): riprovare."
        )
    raw = pd.DataFrame(body_rows, columns=header, dtype="str") if body_rows else pd.DataFrame(columns=header)
    out = pd.DataFrame({c: raw[c].astype("str").str.strip() for c in [*dims, "TIME_PERIOD"]})
    out["OBS_VALUE"] = _numbers(raw["OBS_VALUE"].astype("str"), flow)
    status = raw["OBS_STATUS"].astype("str").str.strip() if "OBS_STATUS" in raw else pd.Series(pd.NA, index=raw.index)
    out["OBS_STATUS"] = status.where(status.notna() & (status != ""), None).astype("str")
    return out.reset_index(drop=True)


def _numbers(values: pd.Series, flow: str) -> pd.Series:
    cleaned = values.str.strip()
    blank = cleaned.isna() | (cleaned == "")
    numbers = pd.to_numeric(cleaned.where(~blank, None), errors="coerce")
    bad = numbers.isna() & ~blank
    if bad.any():
        raise ObservatoryError(
            f"ISTAT ha restituito valori non numerici nel flusso {flow} (es. {cleaned[bad].iloc[0]!r})."
        )
    return numbers.astype("Float64")
