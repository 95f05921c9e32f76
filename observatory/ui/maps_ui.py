"""A municipal choropleth block: title, demo badge, map, legend, caption, table, downloads."""

from __future__ import annotations

import os
import tempfile
import threading
import weakref

import pandas as pd
import streamlit as st

from observatory import config, map_chart, views
from observatory.indicators import registry
from observatory.ui import widgets
from observatory.ui.state import lang, t


def map_block(view: views.MapView, key: str) -> None:
    """Draw a cached views.MapView: title, map, legend, one caption (badge, sources, boundaries),
    the table (built only while open) and the download menu."""
    indicator = registry.indicator(view.indicator_id)
    st.subheader(view.title)
    # SVG like every chart: drawn in the time of a chart, where a deck.gl map first loads WebGL
    st.vega_lite_chart(drawn_spec(view), theme=None, width="stretch", key=f"{key}-map")
    widgets.map_legend(list(view.legend), f"{indicator.label(lang())} — {t('map.legend')}", indicator.decimals,
                       view.missing_label)
    demo = widgets.sources_caption(view.dataset_ids, view.caption)
    _table(view.values, indicator, key)
    widgets.downloads(view.values, f"{view.indicator_id}_comuni", key, demo=demo,
                      how=widgets.provenance_of(view.dataset_ids))


#: <repo>/static/geo: what Streamlit's static serving answers at map_chart.GEO_URL
GEO_DIR = config.REPO_ROOT / "static" / "geo"
_DRAWN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def drawn_spec(view: views.MapView) -> dict:
    """The map's spec as the browser gets it: its geometry in files (map_chart.with_geometry_files),
    written once per process and view before the first spec naming them is sent."""
    with _LOCK:
        found = _DRAWN.get(view)
    if found is not None:
        return found
    spec, files = map_chart.with_geometry_files(view.chart)
    GEO_DIR.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        target = GEO_DIR / name
        if not target.exists():  # content-addressed: an existing file already holds these bytes
            handle, temporary = tempfile.mkstemp(dir=GEO_DIR, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(body)
            os.replace(temporary, target)
    with _LOCK:
        _DRAWN[view] = spec
    return spec


def _table(values: pd.DataFrame, indicator, key: str) -> None:
    """The values as a table, the map's accessible alternative; built only while its expander is open."""
    with st.expander(t("map.table"), key=f"{key}-table", on_change="rerun") as box:
        if box.open:
            label = indicator.label(lang())
            table = values.rename(columns={"comune": t("col.comune"), "provincia": t("col.provincia"),
                                           "comune_istat": t("col.comune_istat"), "valore": label})
            st.dataframe(table, hide_index=True, width="stretch",
                         column_config={label: st.column_config.NumberColumn(format="localized")})
