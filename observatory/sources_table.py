"""Tables for the sources page: datasets with provenance, indicator definitions, how to cite."""

from __future__ import annotations

from datetime import date

import pandas as pd

from observatory import labels, store
from observatory.indicators import registry


def datasets_table(records: dict[str, store.DatasetRecord], lang: str) -> pd.DataFrame:
    rows = []
    for r in records.values():
        rows.append({
            labels.t("sources.col.dataset", lang): r.title,
            labels.t("sources.col.publisher", lang): r.publisher,
            labels.t("sources.col.provenance", lang): labels.t(f"provenance.{r.provenance}", lang),
            labels.t("sources.col.period", lang): " – ".join(p for p in (r.period_start, r.period_end) if p) or labels.MISSING,
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
