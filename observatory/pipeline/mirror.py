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
    """Dataset id → provenance: a dataset built from any constructed file is `dimostrativo`."""
    result: dict[str, str] = {}
    for record in sidecars(folder):
        for dataset_id in record.get("datasets", []):
            if result.get(dataset_id) != "dimostrativo":
                result[dataset_id] = record.get("provenance", "dimostrativo")
    return result
