"""The Fonti page: every dataset with its provenance and how to cite the observatory, and every
indicator's definition. Tables are handed over as Arrow tables, built once per snapshot version
and language: Streamlit sends them as they are instead of converting a DataFrame on every rerun."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pyarrow as pa

from observatory import labels, store
from observatory.indicators import registry


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
    return DatasetsView(_arrow(datasets_table(by_id, lang)), labels.t("sources.col.url", lang),
                        citation(by_id, lang, date.fromisoformat(today)))


def indicators(*, lang: str) -> pa.Table:
    """Every indicator of the registry with its definition, unit, dataset and caveats."""
    return _arrow(indicators_table(lang))

def datasets_table(records: dict[str, store.DatasetRecord], lang: str) -> pd.DataFrame:
    rows = []
    for r in records.values():
        period = " – ".join(p for p in (r.period_start, r.period_end) if p) or labels.MISSING
        rows.append({
            labels.t("sources.col.dataset", lang): r.title,
            labels.t("sources.col.publisher", lang): r.publisher,
            labels.t("sources.col.provenance", lang): labels.t(f"provenance.{r.provenance}", lang),
            labels.t("sources.col.period", lang): period,
            labels.t("sources.col.updated", lang): labels.fmt_date(r.retrieved_at, lang),
            labels.t("sources.col.rows", lang): labels.fmt_int(r.rows, lang),
            labels.t("sources.col.licence", lang): r.licence,
            labels.t("sources.col.url", lang): r.source_url,
        })
    return pd.DataFrame(rows)


def indicators_table(lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        labels.t("sources.col.indicator", lang): i.label(lang),
        labels.t("sources.col.definition", lang): i.definition(lang),
        labels.t("sources.col.unit", lang): i.unit,
        labels.t("sources.col.dataset", lang): i.dataset,
        labels.t("sources.col.caveats", lang): i.caveats_en if lang == "en" else i.caveats_it,
    } for i in registry.INDICATORS.values()])


def citation(records: dict[str, store.DatasetRecord], lang: str, today: date | None = None) -> str:
    day = labels.fmt_date(today or date.today(), lang)
    publishers = sorted({r.publisher for r in records.values()})
    return labels.t("sources.citation", lang, day=day, publishers="; ".join(publishers))
