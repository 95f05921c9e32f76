"""The public copies of publishers' values shipped in data/raw: each file with its provenance sidecar.

A copy is read only through its sidecar (`<file>.provenance.json`): the checksum must match, so a
file edited by hand is refused instead of reaching the snapshot, and the sidecar's `provenance`
says for every row built from the file how its values reached us."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from observatory import store
from observatory.errors import ObservatoryError

SIDECAR = ".provenance.json"


def sidecar(path: Path) -> dict:
    """The provenance record of one raw file, checked against the file's bytes."""
    record_path = path.with_name(path.name + SIDECAR)
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ObservatoryError(f"«{path.name}» non ha una scheda di provenienza leggibile "
                               f"({record_path.name}).") from exc
    if record.get("sha256") != hashlib.sha256(path.read_bytes()).hexdigest():
        raise ObservatoryError(f"«{path.name}» non è più il file descritto dalla sua scheda di provenienza "
                               "(impronta diversa): ripristinarlo o rigenerare la scheda.")
    if record.get("provenance") not in store.PROVENANCES:
        raise ObservatoryError(f"La scheda di provenienza di «{path.name}» ha una provenienza sconosciuta "
                               f"({record.get('provenance')!r}).")
    return record


def files(folder: Path, pattern: str = "*.csv") -> list[Path]:
    """The data files of a copies folder (sidecars excluded), sorted by name; an Italian error when none."""
    found = sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.endswith(SIDECAR))
    if not found:
        raise ObservatoryError(f"Nessun file «{pattern}» in {folder}: la copia pubblica manca da data/raw.")
    return found


def head(path: Path, size: int = 512) -> str:
    """The first bytes of a file as text (BOM dropped), to tell its layout."""
    return path.read_bytes()[:size].decode("utf-8-sig", errors="replace")


def combined(frames: list, keys: list[str], folder: str, what: str = "") -> pd.DataFrame:
    """The copies of one folder as one frame; two copies giving the same value (same `keys`) stop the
    build, since which one counts would be a guess."""
    frame = pd.concat(frames, ignore_index=True)
    clash = frame.duplicated(keys, keep=False)
    if clash.any():
        row = frame[clash].iloc[0]
        raise ObservatoryError(f"Due copie danno lo stesso valore{what} ({row['territorio']}, {row['indicatore']}, "
                               f"{row['anno']}): tenerne una sola in {folder}.")
    return frame
