"""Rebuild the shipped snapshot (`make snapshot`) with the same pipeline a live refresh uses.

The raw publisher-format files in data/raw are served on 127.0.0.1 by observatory.pipeline.mirror, every
source's base URL points there, and the manifest records each dataset's provenance from the raw
files' sidecars. Only the new version is kept, so the repository ships one snapshot."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from observatory import config, datasets, store, territory
from observatory.pipeline import mirror, refresh

#: the provinces the publisher files in data/raw were cut for; another area gets what needs no raw file
RAW_PROVINCES = config.DEFAULT_PROVINCES


def rebuild(raw: Path | None = None, base: Path | None = None,
            progress: Callable[[str, str], None] | None = None) -> refresh.RefreshReport:
    raw = raw or config.raw_dir()
    base = base or config.snapshot_dir()
    if config.provinces() != RAW_PROVINCES:
        return _rebuild_other_area(base, progress)
    provenance = mirror.provenance_by_dataset(raw) if raw.is_dir() else {}
    for dataset in datasets.CATALOGUE.values():
        if dataset.fetch is not None and dataset.id not in provenance:
            provenance[dataset.id] = "ufficiale"  # built from a real package or publisher file
    saved = {k: os.environ.get(k) for k in ("OSSERVATORIO_ISTAT_INTERVAL", "OSSERVATORIO_LOMBARDIA_MODE")}
    os.environ["OSSERVATORIO_ISTAT_INTERVAL"] = "0"  # the mirror is local: no publisher to protect
    os.environ["OSSERVATORIO_LOMBARDIA_MODE"] = "bulk"  # a static mirror serves files, not SoQL
    try:
        with mirror.serve(raw if raw.is_dir() else Path(".")) as url:
            sources = {d.name: f"{url}/{d.name}" for d in raw.iterdir() if d.is_dir()} if raw.is_dir() else {}
            report = refresh.refresh(None, base_urls=sources, progress=progress, provenance=provenance,
                                     base=base)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    uploaded = _uploads_from_raw(raw, base) if raw.is_dir() else None
    if uploaded:
        report.version = uploaded
    if report.version:
        _keep_only(base, report.version)
    return report


def _rebuild_other_area(base: Path, progress) -> refresh.RefreshReport:
    """Another area: build what ships inside the packages (boundaries, population) for it, and say for
    every other dataset that data/raw does not cover the area and a refresh from the sources will."""
    own = [d.id for d in datasets.CATALOGUE.values() if d.fetch is not None and d.source is None]
    report = refresh.refresh(own, progress=progress, base=base, replace_all=True)
    names = ", ".join(p.name for p in territory.provinces())
    for dataset in datasets.CATALOGUE.values():
        if dataset.id in own:
            continue
        how = ("con un aggiornamento dalle fonti (`python -m observatory refresh` o «Aggiorna» nell'area staff)"
               if dataset.fetch else "caricando il file ufficiale nell'area staff")
        report.outcomes.append(refresh.DatasetOutcome(dataset.id, refresh.SKIPPED, reason=(
            f"i file distribuiti in data/raw non coprono {names}: si costruisce {how}")))
    if report.version:
        _keep_only(base, report.version)
    return report


def _uploads_from_raw(raw: Path, base: Path) -> str | None:
    """Upload-only datasets (no API, e.g. Excelsior) are built from their raw official-layout file
    with the same parser the staff upload uses; returns the new version, if any."""
    items = []
    for record in mirror.sidecars(raw):
        for dataset_id in record.get("datasets", []):
            dataset = datasets.CATALOGUE.get(dataset_id)
            if dataset is None or dataset.fetch is not None or dataset.parse_upload is None:
                continue
            path = raw / record["file"]
            frame = dataset.parse_upload(path.read_bytes(), path.name)
            datasets.validate(dataset_id, frame)
            items.append(datasets.new_dataset(dataset_id, frame, notes=record.get("note", ""),
                                              provenance=record.get("provenance", "dimostrativo")))
    return store.write_version(items, validate=datasets.validate, base=base) if items else None


def _keep_only(base: Path, version: str) -> None:
    for name in store.list_versions(base):
        if name != version:
            shutil.rmtree(base / "versions" / name, ignore_errors=True)
            (base / store.CHANGELOGS / f"{name}.md").unlink(missing_ok=True)
