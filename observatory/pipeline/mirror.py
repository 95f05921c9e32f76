"""A static mirror of publishers' files on 127.0.0.1, for building the shipped snapshot offline.

`data/raw/<source>/` holds files at the same paths as under the publisher's base URL, so the real
connectors run unchanged against `http://127.0.0.1:PORT/<source>` (the query string is ignored)."""

from __future__ import annotations

import contextlib
import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from observatory import config, provenance


class _QuietHandler(SimpleHTTPRequestHandler):
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
