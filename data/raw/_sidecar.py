"""Write `<file>.provenance.json` beside a raw file (docs/architecture.md, "Shipped snapshot")."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

RETRIEVED = "2026-11-25"


def write_sidecar(path: Path, *, publisher: str, url: str, licence: str, datasets: list[str], note: str,
                  provenance: str = "dimostrativo") -> None:
    """Provenance of one raw file: who publishes it, its real URL, licence, checksum and why it is here."""
    body = {
        "publisher": publisher, "url": url, "retrieved": RETRIEVED, "licence": licence,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "provenance": provenance,
        "datasets": datasets, "note": note,
    }
    sidecar = path.with_name(path.name + ".provenance.json")
    sidecar.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
