"""Run connectors into one new snapshot version, with progress and a per-dataset report.

Each dataset is fetched, validated and compared with the live version on its own, inside its own
deadline: one that fails keeps its previous file and its reason is reported in Italian; the others
still land. An empty answer is a failure, never a 0-row dataset; an answer that covers less than
the live version is carried over or refused as the dataset declares (pipeline/coverage.py) and is
never reported as a plain success. Everything that lands goes in one atomic store write, with a
changelog. A lock on `<snapshot>/.refresh.lock` — inside the snapshot folder, the one folder every
app process shares (deploy/compose.yaml) — lets one refresh run at a time: a second one is refused
at once. The whole run has a deadline too, so it always ends and releases the lock."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from filelock import FileLock, Timeout

from observatory import config, datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import changelog, coverage
from observatory.sources import http

UPDATED, UNCHANGED, INCOMPLETE, FAILED, SKIPPED = (
    "aggiornato", "invariato", "incompleto", "non riuscito", "non costruito")
REFRESH_LOCK = ".refresh.lock"
BUSY_MESSAGE = "Un aggiornamento dei dati è già in corso: riprovare tra qualche minuto."
_LOG = logging.getLogger(__name__)


@dataclasses.dataclass
class DatasetOutcome:
    id: str
    status: str  # aggiornato | invariato | incompleto | non riuscito | non costruito
    rows: int = 0
    reason: str = ""
    notes: list[str] = dataclasses.field(default_factory=list)
    #: what the answer lacked compared with the live version (carried over, or accepted by staff)
    missing: str = ""
    accepted: bool = False  # the smaller coverage was confirmed by staff


@dataclasses.dataclass
class RefreshReport:
    outcomes: list[DatasetOutcome]
    version: str | None  # the new live version, None when nothing was written
    changelog: str = ""

    @property
    def ok(self) -> bool:
        """No dataset failed (some may be incomplete: see `complete`)."""
        return all(o.status != FAILED for o in self.outcomes)

    @property
    def complete(self) -> bool:
        """Every dataset landed whole: nothing failed, nothing carried over, no shrink accepted."""
        return self.ok and not any(o.status == INCOMPLETE or o.missing for o in self.outcomes)

    def failed(self) -> list[DatasetOutcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    def incomplete(self) -> list[DatasetOutcome]:
        return [o for o in self.outcomes if o.status == INCOMPLETE or (o.missing and o.status != FAILED)]


def lock_path(base: Path | None = None) -> Path:
    return store.root(base) / REFRESH_LOCK


def refresh(
    dataset_ids: Iterable[str] | None = None,
    *,
    base_urls: dict[str, str] | None = None,
    progress: Callable[[str, str], None] | None = None,
    provenance: dict[str, str] | None = None,
    base: Path | None = None,
    now: datetime | None = None,
    accept_shrink: Iterable[str] = (),
    replace_all: bool = False,
) -> RefreshReport:
    """Fetch `dataset_ids` (all fetchable ones by default) and write them as one new version.

    `progress(dataset_id, message)` is called as work goes on. `provenance` overrides the
    provenance written for a dataset (default "ufficiale": fetched from its publisher).
    `accept_shrink` names datasets whose smaller coverage staff confirmed. `replace_all` builds a
    version holding only this run's datasets, compared with nothing (a snapshot for another area).
    Raises store.SnapshotBusy when another refresh holds the lock (fetching takes minutes, so the
    store's own write lock alone would let two refreshes download everything twice), and
    store.SnapshotUnwritable when the snapshot folder cannot be written."""
    try:
        store.root(base).mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path(base)))
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise store.SnapshotBusy(BUSY_MESSAGE) from exc
    except OSError as exc:
        raise store.SnapshotUnwritable(store.UNWRITABLE) from exc
    try:
        run = _Run(base_urls or {}, progress or (lambda dataset_id, message: None), provenance or {}, base,
                   now or datetime.now(UTC), set(accept_shrink), replace_all)
        ids = list(dataset_ids) if dataset_ids is not None else [d.id for d in datasets.CATALOGUE.values() if d.fetch]
        return run.all(ids)
    finally:
        lock.release()


@dataclasses.dataclass
class _Run:
    base_urls: dict[str, str]
    notify: Callable[[str, str], None]
    provenance: dict[str, str]
    base: Path | None
    now: datetime
    accept_shrink: set[str]
    replace_all: bool

    def all(self, ids: list[str]) -> RefreshReport:
        previous = {} if self.replace_all else _previous(ids, self.base)
        started, limit = time.monotonic(), config.refresh_deadline_s()
        outcomes, items, sections = [], [], []
        for dataset_id in ids:
            left = limit - (time.monotonic() - started)
            if left <= 0:
                reason = (f"non tentato: superato il tempo massimo dell'aggiornamento ({limit / 60:.0f} minuti, "
                          "OSSERVATORIO_REFRESH_DEADLINE)")
                outcomes.append(DatasetOutcome(dataset_id, FAILED, reason=reason))
                continue
            with http.deadline(min(config.dataset_deadline_s(), left)):
                outcome, item, section = self.one(dataset_id, *previous.get(dataset_id, (None, None)))
            outcomes.append(outcome)
            if item is not None:
                items.append(item)
                sections.append(section)
        if not items:
            return RefreshReport(outcomes, None)
        failed = changelog.failed_section([o for o in outcomes if o.status == FAILED])
        sections.extend(changelog.verification_section(self.base, items))  # published figures changing status
        text = (f"# Aggiornamento del {self.now.strftime('%d/%m/%Y %H:%M')} UTC\n\n"
                + "\n\n".join(sections + ([failed] if failed else [])) + "\n")
        try:
            version = store.write_version(items, validate=datasets.validate, base=self.base, now=self.now,
                                          changelog=text, keep_others=not self.replace_all)
        except ObservatoryError as exc:
            written = {item.id for item in items}
            for outcome in outcomes:
                if outcome.id in written:
                    outcome.status, outcome.reason = FAILED, str(exc)
            return RefreshReport(outcomes, None)
        return RefreshReport(outcomes, version, text)

    def one(self, dataset_id: str, old: pd.DataFrame | None, old_record):
        """(outcome, item to write or None, changelog section) of one dataset; never raises."""
        provenance = self.provenance.get(dataset_id)
        notify = lambda message: self.notify(dataset_id, message)  # noqa: E731
        ctx = datasets.FetchContext(base_urls=self.base_urls, progress=notify)
        dataset = None
        try:
            dataset = datasets.get(dataset_id)
            frame = self._fetch(dataset, ctx)
            licence = frame.attrs.get("licence")
            check = coverage.compare(dataset, old, old_record, frame, provenance=provenance or "ufficiale",
                                     accept_shrink=dataset_id in self.accept_shrink)
            if check.carried_over:
                datasets.validate(dataset_id, check.frame)
        except ObservatoryError as exc:
            notify(f"Non riuscito: {exc}")
            return DatasetOutcome(dataset_id, FAILED, reason=str(exc), notes=ctx.notes), None, ""
        except Exception:  # a connector bug must not take the other datasets down, nor reach a user as a type
            _LOG.exception("refresh of %s failed unexpectedly", dataset_id)
            reason = (f"errore imprevisto nel connettore di {getattr(dataset, 'publisher', dataset_id)}: la "
                      "risposta non ha la forma attesa e il dataset non è stato aggiornato (dettagli tecnici nel "
                      "log del server)")
            notify(f"Non riuscito: {reason}")
            return DatasetOutcome(dataset_id, FAILED, reason=reason, notes=ctx.notes), None, ""
        frame = check.frame
        status = INCOMPLETE if check.carried_over else UPDATED
        outcome = DatasetOutcome(dataset_id, status, rows=len(frame), notes=ctx.notes, missing=check.missing,
                                 accepted=check.accepted)
        if check.missing:
            notify(("Copertura ridotta, accettata: " if check.accepted else "Incompleto: ") + check.missing)
        if old is not None and _same(old, frame) and provenance is None:
            outcome.status = INCOMPLETE if check.carried_over else UNCHANGED
            notify("Nessuna novità rispetto all'archivio.")
            return outcome, None, ""
        notes = ctx.notes + ([f"Copertura incompleta: {check.missing}."] if check.carried_over else [])
        item = datasets.new_dataset(dataset_id, frame, provenance=provenance or "ufficiale", notes="; ".join(notes),
                                    retrieved_at=self.now.isoformat(timespec="seconds"))
        item.carried_over = check.carried_over
        item.licence = licence or item.licence
        section = changelog.section(dataset_id, old, frame, dataset.period_column, missing=check.missing,
                                    accepted=check.accepted)
        notify(f"Pronto: {len(frame)} righe.")
        return outcome, item, section

    def _fetch(self, dataset, ctx) -> pd.DataFrame:
        if dataset.fetch is None:
            raise ObservatoryError(f"«{dataset.id}» non ha un'API: si aggiorna caricando il file ufficiale.")
        ctx.progress(f"Scarico «{dataset.title_it}» da {dataset.publisher}…")
        frame = dataset.fetch(ctx)
        if not isinstance(frame, pd.DataFrame) or frame.empty:
            raise ObservatoryError(f"{dataset.publisher} ha risposto senza alcun dato per «{dataset.title_it}» "
                                   "(risposta vuota): resta la versione precedente.")
        datasets.validate(dataset.id, frame)
        return frame


def _previous(ids: list[str], base: Path | None) -> dict[str, tuple[pd.DataFrame, store.DatasetRecord]]:
    """The live frame and manifest record of each dataset (a damaged file is simply replaced)."""
    out = {}
    try:
        manifest = store.read_manifest(base=base)
    except ObservatoryError:
        return out
    for dataset_id in ids:
        if dataset_id in manifest:
            try:
                out[dataset_id] = (store.read_dataset(dataset_id, base=base), manifest[dataset_id])
            except ObservatoryError:
                pass
    return out


def _same(old: pd.DataFrame, new: pd.DataFrame) -> bool:
    """The same rows, whatever their order (a carried-over part may come back in another place)."""
    if list(old.columns) != list(new.columns) or len(old) != len(new):
        return False
    try:
        new = new.astype(old.dtypes.to_dict())
        if old.reset_index(drop=True).equals(new.reset_index(drop=True)):
            return True
        by = list(old.columns)
        return (old.sort_values(by, kind="mergesort").reset_index(drop=True)
                .equals(new.sort_values(by, kind="mergesort").reset_index(drop=True)))
    except (TypeError, ValueError):
        return False
