"""Run connectors into one new snapshot version, with progress and a per-dataset report.

Each dataset is fetched and validated on its own: one that fails keeps its previous file and its
reason is reported in Italian; the others still land. Everything that lands goes in one atomic
store write, with a changelog of what changed beside the manifest. A lock on
`<snapshot>.refresh.lock`, beside the snapshot folder so a failed refresh leaves that folder exactly
as it was, lets one refresh run at a time: a second one is refused at once."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from filelock import FileLock, Timeout

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import changelog

UPDATED, UNCHANGED, FAILED = "aggiornato", "invariato", "non riuscito"
REFRESH_LOCK_SUFFIX = ".refresh.lock"
BUSY_MESSAGE = "Un aggiornamento dei dati è già in corso: riprovare tra qualche minuto."


@dataclasses.dataclass
class DatasetOutcome:
    id: str
    status: str  # aggiornato | invariato | non riuscito
    rows: int = 0
    reason: str = ""
    notes: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class RefreshReport:
    outcomes: list[DatasetOutcome]
    version: str | None  # the new live version, None when nothing was written
    changelog: str = ""

    @property
    def ok(self) -> bool:
        return all(o.status != FAILED for o in self.outcomes)

    def failed(self) -> list[DatasetOutcome]:
        return [o for o in self.outcomes if o.status == FAILED]


def refresh(
    dataset_ids: Iterable[str] | None = None,
    *,
    base_urls: dict[str, str] | None = None,
    progress: Callable[[str, str], None] | None = None,
    provenance: dict[str, str] | None = None,
    base: Path | None = None,
    now: datetime | None = None,
) -> RefreshReport:
    """Fetch `dataset_ids` (all fetchable ones by default) and write them as one new version.

    `progress(dataset_id, message)` is called as work goes on. `provenance` overrides the
    provenance written for a dataset (default "ufficiale": fetched from its publisher).
    Raises store.SnapshotBusy when another refresh holds the lock (fetching takes minutes, so the
    store's own write lock alone would let two refreshes download everything twice)."""
    snapshot_root = store.root(base)
    snapshot_root.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(snapshot_root.parent / (snapshot_root.name + REFRESH_LOCK_SUFFIX)))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise store.SnapshotBusy(BUSY_MESSAGE) from exc
    try:
        return _refresh_locked(dataset_ids, base_urls, progress, provenance, base, now)
    finally:
        lock.release()


def _refresh_locked(dataset_ids, base_urls, progress, provenance, base, now) -> RefreshReport:
    now = now or datetime.now(UTC)
    ids = list(dataset_ids) if dataset_ids is not None else [d.id for d in datasets.CATALOGUE.values() if d.fetch]
    notify = progress or (lambda dataset_id, message: None)
    previous = _previous_frames(ids, base)
    outcomes, fresh, log = [], [], []
    for dataset_id in ids:
        outcome, item = _run_one(dataset_id, base_urls or {}, notify, (provenance or {}).get(dataset_id), previous, now)
        outcomes.append(outcome)
        if item is not None:
            fresh.append(item)
            log.append(f"### {dataset_id}\n" + "\n".join(
                changelog.describe_change(dataset_id, previous.get(dataset_id), item.frame,
                                          datasets.get(dataset_id).period_column)))
    if not fresh:
        return RefreshReport(outcomes, None)
    log.extend(changelog.verification_section(base, fresh))
    text = f"# Aggiornamento del {now.strftime('%d/%m/%Y %H:%M')} UTC\n\n" + "\n\n".join(log) + "\n"
    try:
        version = store.write_version(fresh, validate=datasets.validate, base=base, now=now,
                                      extra_files={"changelog.md": text})
    except ObservatoryError as exc:
        for outcome in outcomes:
            if outcome.status == UPDATED:
                outcome.status, outcome.reason = FAILED, str(exc)
        return RefreshReport(outcomes, None)
    return RefreshReport(outcomes, version, text)


def _run_one(dataset_id, base_urls, notify, provenance, previous, now):
    try:
        dataset = datasets.get(dataset_id)
        if dataset.fetch is None:
            raise ObservatoryError(f"«{dataset_id}» non ha un'API: si aggiorna caricando il file ufficiale.")
        ctx = datasets.FetchContext(base_urls=base_urls, progress=lambda message: notify(dataset_id, message))
        notify(dataset_id, f"Scarico «{dataset.title_it}» da {dataset.publisher}…")
        frame = dataset.fetch(ctx)
        datasets.validate(dataset_id, frame)
    except ObservatoryError as exc:
        notify(dataset_id, f"Non riuscito: {exc}")
        return DatasetOutcome(dataset_id, FAILED, reason=str(exc)), None
    except Exception as exc:  # a connector bug must not take the other datasets down
        reason = f"errore imprevisto nel connettore ({exc.__class__.__name__}: {exc})"
        notify(dataset_id, f"Non riuscito: {reason}")
        return DatasetOutcome(dataset_id, FAILED, reason=reason), None
    old = previous.get(dataset_id)
    if old is not None and _same(old, frame) and provenance is None:
        notify(dataset_id, "Nessuna novità rispetto all'archivio.")
        return DatasetOutcome(dataset_id, UNCHANGED, rows=len(frame), notes=ctx.notes), None
    item = datasets.new_dataset(dataset_id, frame, provenance=provenance or "ufficiale", notes="; ".join(ctx.notes),
                                retrieved_at=now.isoformat(timespec="seconds"))
    notify(dataset_id, f"Pronto: {len(frame)} righe.")
    return DatasetOutcome(dataset_id, UPDATED, rows=len(frame), notes=ctx.notes), item


def _previous_frames(ids: list[str], base: Path | None) -> dict[str, pd.DataFrame]:
    frames = {}
    try:
        manifest = store.read_manifest(base=base)
    except ObservatoryError:
        return frames
    for dataset_id in ids:
        if dataset_id in manifest:
            try:
                frames[dataset_id] = store.read_dataset(dataset_id, base=base)
            except ObservatoryError:
                pass  # a damaged previous file is simply replaced
    return frames


def _same(old: pd.DataFrame, new: pd.DataFrame) -> bool:
    if list(old.columns) != list(new.columns) or len(old) != len(new):
        return False
    try:
        return old.reset_index(drop=True).equals(new.reset_index(drop=True).astype(old.dtypes.to_dict()))
    except (TypeError, ValueError):
        return False
