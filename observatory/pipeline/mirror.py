"""A mirror of publishers' answers on 127.0.0.1, for building the shipped snapshot offline.

`data/raw/<source>/` holds files at the same paths as under the publisher's base URL, so the real
connectors run unchanged against `http://127.0.0.1:PORT/<source>`. A path whose answer depends on the
query (a SoQL aggregate) has a folder `<path>.query/` of recorded answers, one per exact query, named
by `query_key` (its sidecar lists the query); an unrecorded query there is a 404. Elsewhere the query
string is ignored, as a static file server does."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from observatory import config, provenance

ANSWERS = ".query"


def canonical_query(pairs) -> str:
    """A query as one string, independent of parameter order and percent-encoding choices."""
    return urlencode(sorted((str(k), str(v)) for k, v in pairs), quote_via=quote, safe="")


def query_key(pairs) -> str:
    """The file name stem of the recorded answer to a query (name/value pairs or a dict)."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return hashlib.sha256(canonical_query(items).encode("utf-8")).hexdigest()[:20]


def answer_path(folder: Path, url_path: str, params: dict[str, str]) -> Path:
    """Where the answer to `url_path?params` is recorded below `folder` (the mirror's root)."""
    local = folder / url_path.lstrip("/")
    return local.with_name(local.name + ANSWERS) / f"{query_key(params)}{local.suffix}"


class _QuietHandler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        local = super().translate_path(path)
        query = urlsplit(path).query
        answers = Path(local + ANSWERS)
        if query and answers.is_dir():
            return str(answers / f"{query_key(parse_qsl(query, keep_blank_values=True))}{Path(local).suffix}")
        return local

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def sidecars(folder: Path) -> list[dict]:
    """Every `<file>.provenance.json` below `folder`, with the raw file's path added."""
    out = []
    for path in sorted(folder.rglob("*.provenance.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record["file"] = str(path.with_name(path.name[: -len(".provenance.json")]).relative_to(folder))
        out.append(record)
    return out


def provenance_by_dataset(folder: Path) -> dict[str, str]:
    """Dataset id → provenance of its raw files: the least faithful of them (a dataset built from
    any constructed file is `dimostrativo`, one mixing an unchanged and a rounded copy is rounded)."""
    kinds: dict[str, list[str]] = {}
    for record in sidecars(folder):
        for dataset_id in record.get("datasets", []):
            kinds.setdefault(dataset_id, []).append(record.get("provenance", "dimostrativo"))
    return {dataset_id: provenance.least_faithful(values) for dataset_id, values in kinds.items()}


def shipped_raw_dir() -> Path:
    """data/raw of the configured data folder, else the repository's (tests point the data folder
    at a private copy of the snapshot only)."""
    configured = config.raw_dir()
    return configured if configured.is_dir() else config.REPO_ROOT / "data" / "raw"


@functools.lru_cache(maxsize=4)
def public_copies(folder: Path) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """(dataset id, repository, path, commit, provenance, link) of every raw file taken from a public copy,
    for "Fonti e metodo"; read once per process (the files change only with `make snapshot`)."""
    out = []
    for record in sidecars(folder) if folder.is_dir() else []:
        copy = record.get("copy")
        if not copy:
            continue
        for dataset_id in record.get("datasets", []):
            out.append((dataset_id, copy["repository"], copy["path"], copy["commit"], record["provenance"],
                        copy.get("url", "")))
    return tuple(out)
