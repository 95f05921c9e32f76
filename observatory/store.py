"""The snapshot on disk: one Parquet file per dataset plus a manifest, read and written atomically.

Layout under `config.snapshot_dir()`:
    versions/<version>/<dataset>.parquet   one file per dataset
    versions/<version>/manifest.json       provenance of every dataset (see DatasetRecord)
    versions/<version>/changelog.md        what that version changed
    changelog/<version>.md                 the same text, kept when the version itself is pruned
    current                                the name of the live version, switched with os.replace

A writer builds a whole new version folder, validates and fsyncs it, then swaps `current`; a reader
resolves `current` once and reads only that folder, so it never sees a half-written snapshot.
A file lock keeps two writers apart; the last KEEP_VERSIONS versions are kept, and never the newest
version in which every dataset was complete (nothing carried over from an older answer).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from filelock import FileLock, Timeout

from observatory import config
from observatory.errors import ObservatoryError

KEEP_VERSIONS = 3
#: How a dataset's numbers reached us: downloaded from the publisher, uploaded by staff, the
#: publisher's values from a public copy (unchanged, summed or rounded by the copy), figures
#: transcribed from a publisher's release, or a constructed sample (observatory/provenance.py).
PROVENANCES = ("ufficiale", "caricato", "copia_verbatim", "copia_aggregata", "copia_arrotondata", "trascritto",
               "dimostrativo")
MANIFEST = "manifest.json"
POINTER = "current"
_LOG = logging.getLogger(__name__)
CHANGELOG = "changelog.md"
CHANGELOGS = "changelog"
UNWRITABLE = ("La cartella dei dati del server non è scrivibile (sola lettura o permessi): nessun dato è "
              "cambiato. Chi gestisce il server deve renderla scrivibile, poi riprovare.")


@dataclasses.dataclass(frozen=True)
class DatasetRecord:
    """What the manifest says of one dataset: where it comes from and what the file holds."""

    id: str
    title: str
    publisher: str
    source_url: str
    licence: str
    provenance: str  # one of PROVENANCES
    period_start: str | None
    period_end: str | None
    retrieved_at: str
    rows: int
    sha256: str
    notes: str = ""
    #: parts kept from an older answer because the last one lacked them: [{dal, colonne, gruppi}]
    carried_over: tuple = ()

    @property
    def is_demo(self) -> bool:
        return self.provenance == "dimostrativo"

    @property
    def complete(self) -> bool:
        return not self.carried_over

    @classmethod
    def from_json(cls, item: dict) -> DatasetRecord:
        """A manifest entry; fields this code does not know (a newer writer) are ignored."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in item.items() if k in known})


@dataclasses.dataclass
class NewDataset:
    """A dataset handed to `write_version`: the frame and its provenance (rows/sha are computed)."""

    id: str
    frame: pd.DataFrame
    title: str
    publisher: str
    source_url: str
    licence: str
    provenance: str
    period_start: str | None = None
    period_end: str | None = None
    notes: str = ""
    retrieved_at: str | None = None
    carried_over: list = dataclasses.field(default_factory=list)


class SnapshotBusy(ObservatoryError):
    """Another writer holds the lock."""


class SnapshotUnwritable(ObservatoryError):
    """The snapshot folder cannot be written (read-only mount, permissions, full disk)."""


def root(base: Path | None = None) -> Path:
    return Path(base) if base is not None else config.snapshot_dir()


def current_version(base: Path | None = None) -> str:
    pointer = root(base) / POINTER
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError as exc:
        raise ObservatoryError("Nessun archivio dati trovato: eseguire `make snapshot` o un aggiornamento.") from exc
    if not name or not (root(base) / "versions" / name).is_dir():
        raise ObservatoryError(f"L'archivio dati indica una versione inesistente ({name!r}).")
    return name


def version_dir(version: str | None = None, base: Path | None = None) -> Path:
    return root(base) / "versions" / (version or current_version(base))


def read_manifest(version: str | None = None, base: Path | None = None) -> dict[str, DatasetRecord]:
    """The manifest of a version (the live one by default), by dataset id."""
    path = version_dir(version, base) / MANIFEST
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ObservatoryError("Il manifesto dell'archivio dati è mancante o illeggibile.") from exc
    return {item["id"]: DatasetRecord.from_json(item) for item in raw["datasets"]}


def read_dataset(dataset_id: str, version: str | None = None, base: Path | None = None) -> pd.DataFrame:
    """One dataset of a version; a missing or corrupt file raises an Italian ObservatoryError."""
    version = version or current_version(base)
    manifest = read_manifest(version, base)
    if dataset_id not in manifest:
        raise ObservatoryError(f"Il dataset «{dataset_id}» non è presente nell'archivio dati.")
    path = version_dir(version, base) / f"{dataset_id}.parquet"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ObservatoryError(f"Il file del dataset «{dataset_id}» manca dall'archivio dati.") from exc
    if hashlib.sha256(data).hexdigest() != manifest[dataset_id].sha256:
        raise ObservatoryError(
            f"Il file del dataset «{dataset_id}» è danneggiato (impronta diversa dal manifesto): "
            "ripristinare l'archivio o rieseguire l'aggiornamento."
        )
    try:
        return pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise ObservatoryError(f"Il file del dataset «{dataset_id}» non è leggibile.") from exc


def write_version(
    datasets: Iterable[NewDataset],
    *,
    validate: Callable[[str, pd.DataFrame], None] | None = None,
    base: Path | None = None,
    lock_timeout: float = 0,
    now: datetime | None = None,
    extra_files: Mapping[str, str] | None = None,
    changelog: str | None = None,
    keep_others: bool = True,
    from_version: str | None = None,
) -> str:
    """Write a new version: the datasets of the live version are carried over, the given ones replaced.

    `validate(id, frame)` must raise on a bad frame; nothing becomes live unless every dataset
    passes. `changelog` is written beside the manifest and kept in `changelog/` after pruning;
    `extra_files` (name → text) are written beside the manifest too. `keep_others=False` writes only
    the given datasets (a snapshot built for another area); `from_version` starts from that version
    instead of the live one (a restore). Returns the new version name. Raises SnapshotBusy if another
    writer holds the lock, SnapshotUnwritable when the folder cannot be written.
    """
    snapshot_root = root(base)
    files = dict(extra_files or {})
    if changelog is not None:
        files[CHANGELOG] = changelog
    try:
        (snapshot_root / "versions").mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(snapshot_root / ".lock"))
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout as exc:
            raise SnapshotBusy("Un aggiornamento dei dati è già in corso: riprovare tra qualche minuto.") from exc
        try:
            return _write_locked(list(datasets), validate, snapshot_root, now or datetime.now(UTC), files,
                                 keep_others, from_version)
        finally:
            lock.release()
    except OSError as exc:
        raise SnapshotUnwritable(UNWRITABLE) from exc


def _write_locked(datasets, validate, snapshot_root: Path, now: datetime, extra_files: dict,
                  keep_others: bool = True, from_version: str | None = None) -> str:
    for stale in (snapshot_root / "versions").glob(".*.tmp"):  # left by a writer that was killed
        shutil.rmtree(stale, ignore_errors=True)
    try:
        previous = from_version or current_version(snapshot_root)
        manifest = read_manifest(previous, snapshot_root) if keep_others else {}
    except ObservatoryError:
        if from_version:
            raise
        previous, manifest = None, {}
    name = now.strftime("%Y%m%dT%H%M%S%fZ")
    target = snapshot_root / "versions" / name
    staging = snapshot_root / "versions" / f".{name}.tmp"
    staging.mkdir(parents=True)
    try:
        new_ids = {item.id for item in datasets}
        for dataset_id in manifest:
            if dataset_id not in new_ids:
                shutil.copyfile(snapshot_root / "versions" / previous / f"{dataset_id}.parquet",
                                staging / f"{dataset_id}.parquet")
        for item in datasets:
            if item.provenance not in PROVENANCES:
                raise ValueError(f"provenance must be one of {PROVENANCES}, not {item.provenance!r}")
            if validate is not None:
                validate(item.id, item.frame)
            path = staging / f"{item.id}.parquet"
            item.frame.to_parquet(path, index=False)
            manifest[item.id] = DatasetRecord(
                id=item.id, title=item.title, publisher=item.publisher, source_url=item.source_url,
                licence=item.licence, provenance=item.provenance, period_start=item.period_start,
                period_end=item.period_end, retrieved_at=item.retrieved_at or now.isoformat(timespec="seconds"),
                rows=len(item.frame), sha256=_sha256(path), notes=item.notes,
                carried_over=tuple(item.carried_over or ()),
            )
        body = {"version": name, "created_at": now.isoformat(timespec="seconds"),
                "completo": all(r.complete for r in manifest.values()),
                "datasets": [dataclasses.asdict(r) for r in sorted(manifest.values(), key=lambda r: r.id)]}
        if from_version:
            body["ripristino_di"] = from_version
        for file_name, text in extra_files.items():
            (staging / file_name).write_text(text, encoding="utf-8")
        (staging / MANIFEST).write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        _fsync_tree(staging)
        os.replace(staging, target)
        _switch_pointer(snapshot_root, name)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:  # the new version is live: housekeeping that fails must not report the write as failed
        if CHANGELOG in extra_files:
            _keep_changelog(snapshot_root, name, extra_files[CHANGELOG])
        _prune(snapshot_root, keep=KEEP_VERSIONS)
    except OSError:
        _LOG.warning("snapshot %s written; changelog copy or pruning failed", name, exc_info=True)
    return name


def _keep_changelog(snapshot_root: Path, name: str, text: str) -> None:
    """A dated copy of the changelog beside the versions, so pruning a version never loses its story."""
    folder = snapshot_root / CHANGELOGS
    folder.mkdir(exist_ok=True)
    tmp = folder / f".{name}.md.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, folder / f"{name}.md")


def _switch_pointer(snapshot_root: Path, name: str) -> None:
    tmp = snapshot_root / f"{POINTER}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, snapshot_root / POINTER)
    _fsync_dir(snapshot_root)


def _prune(snapshot_root: Path, keep: int) -> None:
    """Drop all but the newest `keep` versions, never the live one nor the newest complete one."""
    live = current_version(snapshot_root)
    names = list_versions(snapshot_root)
    complete = [n for n in names if is_complete(snapshot_root, n)]
    protected = {live, *names[-keep:], *complete[-1:]}
    for name in names:
        if name not in protected:
            shutil.rmtree(snapshot_root / "versions" / name, ignore_errors=True)


def version_body(snapshot_root: Path, name: str) -> dict:
    """The raw manifest of a version ({} when unreadable)."""
    try:
        return json.loads((snapshot_root / "versions" / name / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_complete(snapshot_root: Path, name: str) -> bool:
    """True when no dataset of the version holds parts carried over from an older answer."""
    body = version_body(snapshot_root, name)
    if "completo" in body:
        return bool(body["completo"])
    return bool(body) and all(not item.get("carried_over") for item in body.get("datasets", []))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_versions(base: Path | None = None) -> list[str]:
    folder = root(base) / "versions"
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []
