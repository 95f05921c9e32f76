"""Staff uploads of official files (xlsx/csv), checked before anything touches the snapshot.

Order of the checks, cheapest and most hostile first: size cap, file type sniffed from the bytes
(never from the name) with the inflated size of an xlsx and of each of its sheets, the dataset's
parser in a child process with memory and time limits (upload_sandbox; formulas read as values,
never run), the dataset's schema with every problem located by sheet, row and column, and the
coverage of the live version: a table that covers less asks for an explicit confirmation. Only
then one atomic store write with provenance "caricato", and an audit line whatever the outcome.
Every message names the uploaded file."""

from __future__ import annotations

import dataclasses
import functools
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, changelog, coverage, upload_sandbox
from observatory.pipeline.upload_files import UploadRejected, check_size, read_sheet, sniff  # noqa: F401 (re-exported)
from observatory.pipeline.upload_table import accepts_table, check_frame, parse_table, parse_table_upload, table_spec

__all__ = ["UploadRejected", "ShrinkingUpload", "accepts_table", "check_frame", "parse_table_upload", "upload"]

#: how the file is laid out: as its publisher issues it, or as the dataset's own table (CSV export)
OFFICIAL, TABLE = "ufficiale", "tabella"


class ShrinkingUpload(UploadRejected):
    """The file covers less than the live version: it goes live only when staff confirm."""

    def __init__(self, missing: str, filename: str) -> None:
        self.missing = missing
        super().__init__([f"copre meno della versione in linea: {missing}; per sostituirla comunque confermare "
                          "la copertura ridotta e caricare di nuovo"], filename=filename)


@dataclasses.dataclass(frozen=True)
class UploadResult:
    """What a successful upload made live."""

    dataset_id: str
    version: str
    rows: int
    period_start: str | None
    period_end: str | None
    filename: str = ""
    missing: str = ""  # what the live version had and the file has not (confirmed by staff)


def upload(dataset_id: str, content: bytes, filename: str, *, who: str, layout: str = OFFICIAL,
           base: Path | None = None, now: datetime | None = None, confirm_shrink: bool = False) -> UploadResult:
    """Check an uploaded file and, if it passes, make it the live version of `dataset_id`.

    Raises UploadRejected (ShrinkingUpload when it covers less and `confirm_shrink` is False) or another
    ObservatoryError (e.g. SnapshotBusy), naming the file, and leaves the snapshot as it was. Every
    attempt is written to the audit log."""
    what = f"{dataset_id} (file «{filename}»)"
    try:
        result = _upload(dataset_id, content, filename, who, layout, base, now, confirm_shrink)
    except UploadRejected as exc:
        error = exc if exc.filename else _named(exc, filename)
        audit.append(who, audit.UPLOAD, what, audit.FAILURE, str(error))
        if error is exc:
            raise
        raise error from exc
    except ObservatoryError as exc:
        error = type(exc)(f"Il file «{filename}» non è stato caricato: {exc}")
        audit.append(who, audit.UPLOAD, what, audit.FAILURE, str(error))
        raise error from exc
    detail = f"{result.rows} righe; versione {result.version}"
    if result.missing:
        detail += f"; copertura ridotta confermata: {result.missing}"
    audit.append(who, audit.UPLOAD, what, audit.PARTIAL if result.missing else audit.SUCCESS, detail)
    return result


def _named(exc: UploadRejected, filename: str) -> UploadRejected:
    if isinstance(exc, ShrinkingUpload):
        return ShrinkingUpload(exc.missing, filename)
    return UploadRejected(exc.problems, filename=filename)


def parser_for(dataset_id: str, layout: str):
    """The function that turns the file into the dataset's frame, for the chosen layout (importable, so
    it can run in the parsing child)."""
    dataset = datasets.get(dataset_id)
    if layout == TABLE and accepts_table(dataset):
        return functools.partial(parse_table, table_spec(dataset))
    if layout == OFFICIAL and dataset.parse_upload is not None:
        return dataset.parse_upload
    raise ObservatoryError(f"«{dataset.title_it}» non si può aggiornare caricando un file in questo formato.")


def _upload(dataset_id, content, filename, who, layout, base, now, confirm_shrink) -> UploadResult:
    dataset = datasets.get(dataset_id)
    check_size(len(content))
    sniff(content)
    frame = upload_sandbox.parse(parser_for(dataset_id, layout), content, filename)
    check_frame(dataset_id, frame)
    frame = frame.reset_index(drop=True)
    now = now or datetime.now(UTC)
    previous, record = _previous(dataset_id, base)
    lost = coverage.lost_groups(dataset, previous, record, frame, provenance="caricato")
    missing = coverage.describe(lost, coverage.columns_of(dataset)) if not lost.empty else ""
    if missing and not confirm_shrink:
        raise ShrinkingUpload(missing, filename)
    item = datasets.new_dataset(dataset_id, frame, provenance="caricato", notes=f"file «{filename}» caricato da {who}",
                                retrieved_at=now.isoformat(timespec="seconds"))
    text = (f"# Caricamento del {now.strftime('%d/%m/%Y %H:%M')} UTC\n\n"
            + changelog.section(dataset_id, previous, frame, dataset.period_column, missing=missing, accepted=True)
            .replace("\n", f"\n- file «{filename}» caricato da {who}\n", 1) + "\n")
    version = store.write_version([item], validate=datasets.validate, base=base, now=now, changelog=text)
    return UploadResult(dataset_id, version, len(frame), item.period_start, item.period_end, filename, missing)


def _previous(dataset_id: str, base: Path | None) -> tuple[pd.DataFrame | None, store.DatasetRecord | None]:
    try:
        return store.read_dataset(dataset_id, base=base), store.read_manifest(base=base)[dataset_id]
    except ObservatoryError:
        return None, None
