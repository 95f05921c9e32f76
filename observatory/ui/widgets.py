"""Widgets every page repeats: demo badge, source caption, downloads, map legend and table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatory import exports, labels, maps, store
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


def downloads(frame: pd.DataFrame, name: str, key: str) -> None:
    """CSV and Excel downloads of exactly the rows drawn (formula-safe)."""
    left, right = st.columns(2)
    left.download_button(t("download.csv"), exports.to_csv(frame), file_name=f"{name}.csv",
                         mime="text/csv", key=f"{key}-csv", icon=":material/download:")
    right.download_button(t("download.xlsx"), exports.to_excel(frame), file_name=f"{name}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}-xlsx", icon=":material/download:")


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
    st.html(f'<div style="font-size:0.9rem"><b>{title}</b><br/>{rows}{missing}</div>')
