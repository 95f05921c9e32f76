"""A municipal choropleth block: title, demo badge, map, legend, caption, table, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatory import views
from observatory.indicators import registry
from observatory.ui import widgets
from observatory.ui.state import lang, t


def map_block(view: views.MapView, key: str) -> None:
    """Draw a cached views.MapView: title, map, legend, one caption (badge, sources, boundaries),
    the table (built only while open) and the download menu."""
    indicator = registry.indicator(view.indicator_id)
    st.subheader(view.title)
    # SVG like every chart: drawn in the time of a chart, where a deck.gl map first loads WebGL
    st.vega_lite_chart(view.chart, theme=None, width="stretch", key=f"{key}-map")
    widgets.map_legend(list(view.legend), f"{indicator.label(lang())} — {t('map.legend')}", indicator.decimals,
                       view.missing_label)
    demo = widgets.sources_caption(view.dataset_ids, view.caption)
    _table(view.values, indicator, key)
    widgets.downloads(view.values, f"{view.indicator_id}_comuni", key, demo=demo,
                      how=widgets.provenance_of(view.dataset_ids))


def _table(values: pd.DataFrame, indicator, key: str) -> None:
    """The values as a table, the map's accessible alternative; built only while its expander is open."""
    with st.expander(t("map.table"), key=f"{key}-table", on_change="rerun") as box:
        if box.open:
            label = indicator.label(lang())
            table = values.rename(columns={"comune": t("col.comune"), "provincia": t("col.provincia"),
                                           "comune_istat": t("col.comune_istat"), "valore": label})
            st.dataframe(table, hide_index=True, width="stretch",
                         column_config={label: st.column_config.NumberColumn(format="localized")})
