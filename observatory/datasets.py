"""The catalogue: every dataset of the observatory by id, with its source, schema, title and licence.

Each publisher module in observatory/sources declares its own `DATASETS`; this module gathers them
in one ordered registry so refresh, the staff area and the sources page all read the same list."""

from __future__ import annotations

import pandas as pd

from observatory import store
from observatory.errors import ObservatoryError
from observatory.sources import camcom, excelsior, geopop, istat, istat_bes, lombardia, mim, published
from observatory.sources.types import Dataset, FetchContext  # noqa: F401  (re-exported)

_MODULES = [geopop, istat, istat_bes, lombardia, camcom, mim, excelsior, published]

CATALOGUE: dict[str, Dataset] = {d.id: d for module in _MODULES for d in module.DATASETS}


def get(dataset_id: str) -> Dataset:
    try:
        return CATALOGUE[dataset_id]
    except KeyError as exc:
        raise ObservatoryError(f"Dataset sconosciuto: «{dataset_id}».") from exc


def validate(dataset_id: str, frame: pd.DataFrame) -> None:
    """Check a frame against its dataset's schema; raise ObservatoryError listing what is wrong."""
    import pandera.errors

    try:
        get(dataset_id).schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases.head(5)
        details = "; ".join(
            f"colonna {row.column!r}: {row.check}"
            + (f" (valore {row.failure_case!r})" if row.failure_case is not None else "")
            for row in cases.itertuples()
        )
        raise ObservatoryError(f"I dati di «{dataset_id}» non rispettano lo schema atteso: {details}.") from exc


def period_covered(dataset_id: str, frame: pd.DataFrame) -> tuple[str | None, str | None]:
    """First and last period in a frame (as text), from the dataset's period column."""
    column = get(dataset_id).period_column
    if column is None or frame.empty or column not in frame:
        return None, None
    values = frame[column].dropna()
    if values.empty:
        return None, None
    low, high = values.min(), values.max()
    as_text = lambda v: v.strftime("%Y-%m") if hasattr(v, "strftime") else str(v)  # noqa: E731
    return as_text(low), as_text(high)


def new_dataset(dataset_id: str, frame: pd.DataFrame, *, provenance: str, notes: str = "",
                retrieved_at: str | None = None) -> store.NewDataset:
    """A frame of a catalogue dataset ready for `store.write_version`: title, publisher, URL and
    licence from the catalogue, the period covered from the frame (one place builds this record)."""
    dataset = get(dataset_id)
    start, end = period_covered(dataset_id, frame)
    return store.NewDataset(id=dataset_id, frame=frame, title=dataset.title_it, publisher=dataset.publisher,
                            source_url=dataset.source_url, licence=dataset.licence, provenance=provenance,
                            period_start=start, period_end=end, notes=notes, retrieved_at=retrieved_at)
