"""Write `<file>.provenance.json` beside a raw file (docs/architecture.md, "Shipped snapshot")."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

RETRIEVED = "2026-11-25"


def write_sidecar(path: Path, *, publisher: str, url: str, licence: str, datasets: list[str], note: str,
                  provenance: str = "dimostrativo", retrieved: str = RETRIEVED, copy: dict | None = None,
                  treatment: str | None = None, **extra) -> None:
    """Provenance of one raw file: who publishes it, its real URL, licence, checksum and why it is here.

    A file taken from a public copy also names the copy (`copy`: repository, path, commit, url) and
    what the copy did to the publisher's values (`treatment`, e.g. "filtrato, valori arrotondati"); a
    constructed file says what it was calibrated on (`calibrazione`)."""
    body = {
        "publisher": publisher, "url": url, "retrieved": retrieved, "licence": licence,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "provenance": provenance,
        "datasets": datasets, "note": note,
    }
    if copy is not None:
        body["copy"] = copy
    if treatment is not None:
        body["treatment"] = treatment
    body.update(extra)
    sidecar = path.with_name(path.name + ".provenance.json")
    sidecar.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
