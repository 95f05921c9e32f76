"""Staff uploads of official files (xlsx/csv), checked before anything touches the snapshot.

Order of the checks, cheapest and most hostile first: size cap, file type sniffed from the bytes
(never from the name), the dataset's parser (formulas read as values, never run), the dataset's
schema with every problem located by sheet, row and column. Only then one atomic store write with
provenance "caricato", and an audit line whatever the outcome."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, changelog
from observatory.pipeline.upload_files import UploadRejected, check_size, read_sheet, sniff  # noqa: F401 (re-exported)
from observatory.pipeline.upload_table import accepts_table, check_frame, parse_table_upload

#: how the file is laid out: as its publisher issues it, or as the dataset's own table (CSV export)
OFFICIAL, TABLE = "ufficiale", "tabella"


@dataclasses.dataclass(frozen=True)
class UploadResult:
    """What a successful upload made live."""

    dataset_id: str
    version: str
    rows: int
    period_start: str | None
    period_end: str | None

def upload(dataset_id: str, content: bytes, filename: str, *, who: str, layout: str = OFFICIAL,
           base: Path | None = None, now: datetime | None = None) -> UploadResult:
    """Check an uploaded file and, if it passes, make it the live version of `dataset_id`.

    Raises UploadRejected (or another ObservatoryError, e.g. SnapshotBusy) and leaves the
    snapshot as it was. Every attempt is written to the audit log."""
    what = f"{dataset_id} (file «{filename}»)"
    try:
        result = _upload(dataset_id, content, filename, who, layout, base, now)
    except ObservatoryError as exc:
        audit.append(who, audit.UPLOAD, what, audit.FAILURE, str(exc))
        raise
    audit.append(who, audit.UPLOAD, what, audit.SUCCESS,
                 f"{result.rows} righe; versione {result.version}")
    return result


def parser_for(dataset_id: str, layout: str):
    """The function that turns the file into the dataset's frame, for the chosen layout."""
    dataset = datasets.get(dataset_id)
    if layout == TABLE and accepts_table(dataset):
        return lambda content, filename: parse_table_upload(dataset_id, content, filename)
    if layout == OFFICIAL and dataset.parse_upload is not None:
        return dataset.parse_upload
    raise ObservatoryError(f"«{dataset.title_it}» non si può aggiornare caricando un file in questo formato.")


def _upload(dataset_id, content, filename, who, layout, base, now) -> UploadResult:
    dataset = datasets.get(dataset_id)
    check_size(len(content))
    sniff(content)
    parse = parser_for(dataset_id, layout)
    try:
        frame = parse(content, filename)
    except ObservatoryError:
        raise
    except Exception as exc:  # a parser bug or a malformed file must reach staff as a sentence
        raise UploadRejected([f"non si riesce a leggere ({exc.__class__.__name__}: {exc})"]) from exc
    check_frame(dataset_id, frame)
    frame = frame.reset_index(drop=True)
    now = now or datetime.now(UTC)
    previous = _previous(dataset_id, base)
    item = datasets.new_dataset(dataset_id, frame, provenance="caricato", notes=f"file «{filename}» caricato da {who}",
                                retrieved_at=now.isoformat(timespec="seconds"))
    lines = changelog.describe_change(dataset_id, previous, frame, dataset.period_column)
    text = (f"# Caricamento del {now.strftime('%d/%m/%Y %H:%M')} UTC\n\n### {dataset_id}\n"
            f"- file «{filename}» caricato da {who}\n" + "\n".join(lines) + "\n")
    version = store.write_version([item], validate=datasets.validate, base=base, now=now,
                                  extra_files={"changelog.md": text})
    return UploadResult(dataset_id, version, len(frame), item.period_start, item.period_end)


def _previous(dataset_id: str, base: Path | None) -> pd.DataFrame | None:
    try:
        return store.read_dataset(dataset_id, base=base)
    except ObservatoryError:
        return None
