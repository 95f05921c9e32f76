"""Widgets every page repeats: demo badge, source caption, downloads, map legend and table."""

from __future__ import annotations

import importlib

import pandas as pd
import streamlit as st

from observatory import charts, exports, labels, maps, store
from observatory.ui import data
from observatory.ui.state import lang, t


def demo_badge(*dataset_ids: str) -> bool:
    """Show the "dati dimostrativi" badge when any dataset drawn is a constructed sample."""
    records = data.manifest()
    demo = [i for i in dataset_ids if i in records and records[i].is_demo]
    if demo:
        st.badge(t("badge.demo"), icon="⚠️", color="orange", help=t("badge.demo_help"))
    return bool(demo)


def source_caption(record: store.DatasetRecord, extra: str = "") -> None:
    """Source, period and last update of a dataset, under a chart."""
    period = " – ".join(p for p in (record.period_start, record.period_end) if p) or labels.MISSING
    text = (f"{record.publisher} · {t('freshness.period')} {period} · "
            f"{t('freshness.updated')} {labels.fmt_date(record.retrieved_at, lang())} · {record.licence}")
    st.caption(text + (f" · {extra}" if extra else ""))


def downloads(frame: pd.DataFrame, name: str, key: str, chart=None, demo: bool = False) -> None:
    """CSV and Excel downloads of exactly the rows drawn (formula-safe), and the chart as PNG.

    Files are built only when clicked (deferred callables), so a rerun costs nothing. Files drawn
    from constructed samples say so inside them too: a warning column and a subtitle on the image."""
    if demo:
        frame = exports.with_demo_warning(frame, t("badge.demo_export"))
        chart = exports.spec_with_warning(chart, t("badge.demo_export")) if isinstance(chart, dict) else chart
    columns = st.columns(3 if chart is not None else 2)
    columns[0].download_button(t("download.csv"), lambda: exports.to_csv(frame), file_name=f"{name}.csv",
                               mime="text/csv", key=f"{key}-csv", icon=":material/download:", on_click="ignore")
    columns[1].download_button(t("download.xlsx"), lambda: exports.to_excel(frame), file_name=f"{name}.xlsx",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               key=f"{key}-xlsx", icon=":material/download:", on_click="ignore")
    if chart is not None:
        columns[2].download_button(t("download.png"), lambda: charts.to_png(chart), file_name=f"{name}.png",
                                   mime="image/png", key=f"{key}-png", icon=":material/image:", on_click="ignore")


def map_legend(classes: list[maps.LegendClass], title: str, decimals: int = 0) -> None:
    """Legend with the class breaks, as coloured swatches (HTML with inline styles only)."""
    rows = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:18px;height:14px;background:{c.color};border:1px solid #888;margin-right:6px"></span>'
        f"{labels.fmt_number(c.low, decimals, lang())} – {labels.fmt_number(c.high, decimals, lang())}</span>"
        for c in classes
    )
    missing = ('<span style="display:inline-flex;align-items:center"><span style="width:18px;height:14px;'
               'background:#d9d9d9;border:1px solid #888;margin-right:6px"></span>n.d.</span>')


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _recipe_spec(builder_path: str, frame: pd.DataFrame, options: tuple, lang_code: str) -> dict:
    """The spec of a chart recipe, built and validated once per distinct data and options."""
    module_name, _, name = builder_path.rpartition(".")
    builder = getattr(importlib.import_module(module_name), name)
    return charts.spec(charts.recipe(builder, frame, **dict(options)), lang_code)


def chart_spec(chart, lang_code: str) -> dict:
    """A chart's finished spec; recipes come from the cache, built charts are converted once."""
    if isinstance(chart, charts.Recipe):
        path = f"{chart.builder.__module__}.{chart.builder.__qualname__}"
        return _recipe_spec(path, chart.frame, tuple(sorted(chart.options.items())), lang_code)
    return charts.spec(chart, lang_code)


def chart_block(chart, frame: pd.DataFrame, *, name: str, key: str, dataset_ids: tuple[str, ...],
                caption: str = "") -> None:
    """A chart (or a charts.recipe) with its demo badge, source caption and the three downloads
    of exactly its data."""
    demo = demo_badge(*dataset_ids)
    spec = chart_spec(chart, lang())
    st.vega_lite_chart(spec, theme=None, width="stretch", key=f"{key}-chart")
    records = data.manifest()
    sources = {}  # one line per distinct source (hires and terminations share theirs)
    for dataset_id in dataset_ids:
        if dataset_id in records:
            sources.setdefault((records[dataset_id].publisher, records[dataset_id].period_end), records[dataset_id])
    for index, record in enumerate(sources.values()):
        source_caption(record, caption if index == len(sources) - 1 else "")
    if caption and not sources:
        st.caption(caption)
    downloads(frame, name, key, spec, demo=demo)
