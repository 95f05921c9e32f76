"""The Fonti page: every dataset with its provenance and how to cite the observatory, and every
indicator's definition. Tables are handed over as Arrow tables, built once per snapshot version
and language: Streamlit sends them as they are instead of converting a DataFrame on every rerun."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pyarrow as pa

from observatory import labels, sources_table, store


def _arrow(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


@dataclasses.dataclass(frozen=True, eq=False)
class DatasetsView:
    """The datasets table, the name of its link column, and the citation line."""

    table: pa.Table
    url_column: str
    citation: str


def datasets(*, records: tuple[store.DatasetRecord, ...], lang: str, today: str) -> DatasetsView:
    """`records` are the manifest's records; `today` (ISO date) is the consultation date cited."""
    by_id = {record.id: record for record in records}
    return DatasetsView(_arrow(sources_table.datasets_table(by_id, lang)), labels.t("sources.col.url", lang),
                        sources_table.citation(by_id, lang, date.fromisoformat(today)))


def indicators(*, lang: str) -> pa.Table:
    """Every indicator of the registry with its definition, unit, dataset and caveats."""
    return _arrow(sources_table.indicators_table(lang))
