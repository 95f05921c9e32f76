"""Rebuild the shipped snapshot (`make snapshot`) from data/raw with the same validation a refresh uses.

Three kinds of raw file, three paths, one schema check (datasets.validate) and one store:
- publisher-format files (data/raw/<source>/, e.g. the demo Lombardia SoQL answers and ASIA files) are
  served on 127.0.0.1 by observatory.pipeline.mirror and fetched by the real connectors (pipeline.refresh),
  with the settings they were recorded with (RAW_REQUESTS);
- public copies of a publisher's values (data/raw/istat_lfs_provincial, mim_schools,
  published_figures) are read by the dataset's `from_copies` builder, in their own layouts;
- upload-only files (Excelsior) go through the parser the staff upload uses.
Each dataset's provenance comes from its rows (`provenienza`) or the raw files' sidecars. Only the
new version is kept, so the repository ships one snapshot."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from observatory import config, datasets, labels, provenance, store, territory
from observatory.errors import ObservatoryError
from observatory.pipeline import changelog, mirror, refresh
from observatory.sources.types import FetchContext

#: the provinces the publisher files in data/raw were cut for; another area gets what needs no raw file
RAW_PROVINCES = config.DEFAULT_PROVINCES
#: the settings the answers in data/raw were recorded with (make_demo_lombardia.py reads them here): the
#: SoQL path a live refresh uses, its first and last year and page size; no throttle for a local mirror
RAW_REQUESTS = {"OSSERVATORIO_ISTAT_INTERVAL": "0", "OSSERVATORIO_LOMBARDIA_MODE": "api",
                "OSSERVATORIO_LOMBARDIA_DAL": "2019", "OSSERVATORIO_LOMBARDIA_AL": "2027",
                "OSSERVATORIO_SOCRATA_PAGE_SIZE": "50000"}


def rebuild(raw: Path | None = None, base: Path | None = None,
            progress: Callable[[str, str], None] | None = None) -> refresh.RefreshReport:
    raw = raw or config.raw_dir()
    base = base or config.snapshot_dir()
    if config.provinces() != RAW_PROVINCES:
        return _rebuild_other_area(base, progress)
    notify = progress or (lambda dataset_id, message: None)
    by_file = mirror.provenance_by_dataset(raw) if raw.is_dir() else {}
    copied = [d for d in datasets.CATALOGUE.values() if d.from_copies is not None and raw.is_dir()]
    copied_ids = {d.id for d in copied}
    live = [d.id for d in datasets.CATALOGUE.values() if d.fetch is not None and d.id not in copied_ids]
    # built from a real package (comuni, popolazione) when no raw file says otherwise
    kinds = {dataset_id: by_file.get(dataset_id, "ufficiale") for dataset_id in live}
    report = _refresh_from_mirror(raw, base, live, kinds, progress)
    items, outcomes, log = [], [], []
    for dataset in copied:
        outcome, item = _from_copies(dataset, raw, notify)
        outcomes.append(outcome)
        if item is not None:
            items.append(item)
            log.append(f"### {dataset.id}\n- costruito dalle copie pubbliche in data/raw "
                       f"({labels.fmt_int(len(item.frame))} righe, provenienza {item.provenance})")
    items.extend(_uploads_from_raw(raw, copied_ids) if raw.is_dir() else [])
    report.outcomes.extend(outcomes)
    if items:
        now = datetime.now(UTC)
        log.extend(changelog.verification_section(base, items))
        text = (report.changelog or f"# Ricostruzione dell'archivio del {now.strftime('%d/%m/%Y %H:%M')} UTC\n") \
            + "\n" + "\n\n".join(log) + "\n"
        report.version = store.write_version(items, validate=datasets.validate, base=base, now=now,
                                             changelog=text)
        report.changelog = text
    if report.version:
        _keep_only(base, report.version)
    return report


def _refresh_from_mirror(raw: Path, base: Path, ids: list[str], kinds: dict[str, str],
                         progress) -> refresh.RefreshReport:
    """The connectors against the files of data/raw served on 127.0.0.1, asking what they were recorded for."""
    saved = {k: os.environ.get(k) for k in RAW_REQUESTS}
    os.environ.update(RAW_REQUESTS)
    try:
        with mirror.serve(raw if raw.is_dir() else Path(".")) as url:
            sources = {d.name: f"{url}/{d.name}" for d in raw.iterdir() if d.is_dir()} if raw.is_dir() else {}
            return refresh.refresh(ids, base_urls=sources, progress=progress, provenance=kinds, base=base,
                                   replace_all=True)  # a build from scratch: nothing to compare with
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _from_copies(dataset, raw: Path, notify) -> tuple[refresh.DatasetOutcome, store.NewDataset | None]:
    """One dataset built from its public copies and checked against its schema."""
    ctx = FetchContext(progress=lambda message: notify(dataset.id, message))
    notify(dataset.id, f"Costruisco «{dataset.title_it}» dalle copie pubbliche in data/raw…")
    try:
        frame = dataset.from_copies(raw, ctx)
        datasets.validate(dataset.id, frame)
    except ObservatoryError as exc:
        notify(dataset.id, f"Non riuscito: {exc}")
        return refresh.DatasetOutcome(dataset.id, refresh.FAILED, reason=str(exc)), None
    kind = provenance.of_frame(frame, default=mirror.provenance_by_dataset(raw).get(dataset.id, "dimostrativo"))
    records = [r for r in mirror.sidecars(raw) if dataset.id in r.get("datasets", [])]
    notes = [copies_note(records), *ctx.notes, provenance.mix_note(frame)]
    retrieved = max((r["retrieved"] for r in records), default=None)
    item = datasets.new_dataset(dataset.id, frame, provenance=kind, notes="; ".join(n for n in notes if n),
                                retrieved_at=f"{retrieved}T00:00:00+00:00" if retrieved else None)
    notify(dataset.id, f"Pronto: {len(frame)} righe ({kind}).")
    return refresh.DatasetOutcome(dataset.id, refresh.UPDATED, rows=len(frame), notes=ctx.notes), item


def copies_note(records: list[dict]) -> str:
    """The manifest's words for where a copy-built dataset's values come from: each public copy
    (repository, file, commit) with what it did, or the transcription of the releases."""
    copies = dict.fromkeys(f"{r['copy']['repository']} «{r['copy']['path']}» @{r['copy']['commit'][:7]} "
                           f"({r['provenance']})" for r in records if r.get("copy"))
    if copies:
        return "Copie pubbliche: " + "; ".join(copies)
    transcribed = [r for r in records if r.get("provenance") == "trascritto"]
    return f"Trascritti a mano dalle pagine indicate riga per riga ({len(transcribed)} file)" if transcribed else ""


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


def _uploads_from_raw(raw: Path, skip: set[str]) -> list[store.NewDataset]:
    """Upload-only datasets (no API, e.g. Excelsior) are built from their raw official-layout file
    with the same parser the staff upload uses."""
    items = []
    for record in mirror.sidecars(raw):
        for dataset_id in record.get("datasets", []):
            dataset = datasets.CATALOGUE.get(dataset_id)
            if dataset is None or dataset.fetch is not None or dataset.parse_upload is None or dataset_id in skip:
                continue
            path = raw / record["file"]
            frame = dataset.parse_upload(path.read_bytes(), path.name)
            datasets.validate(dataset_id, frame)
            items.append(datasets.new_dataset(dataset_id, frame, notes=record.get("note", ""),
                                              provenance=record.get("provenance", "dimostrativo")))
    return items


def _keep_only(base: Path, version: str) -> None:
    for name in store.list_versions(base):
        if name != version:
            shutil.rmtree(base / "versions" / name, ignore_errors=True)
            (base / store.CHANGELOGS / f"{name}.md").unlink(missing_ok=True)
