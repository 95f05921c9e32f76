"""A municipal choropleth block: title, demo badge, map, legend, caption, table, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatory import labels, maps
from observatory.indicators import registry
from observatory.ui import data, widgets
from observatory.ui.state import lang, t


def municipal_map(values: pd.DataFrame, *, title: str, caption: str, indicator_id: str,
                  highlight: str | None, dataset_ids: tuple[str, ...], key: str) -> None:
    """Draw `values` (comune_istat, comune, provincia, valore) as a choropleth with its table."""
    indicator = registry.indicator(indicator_id)
    features, outlines = data.map_shapes()
    scope = {c for c in values["comune_istat"]}
    shown = [f for f in features if f["properties"]["comune_istat"] in scope]
    deck, legend = maps.choropleth(shown, outlines, values[["comune_istat", "valore"]],
                                   value_label=indicator.label(lang()), decimals=indicator.decimals,
                                   lang=lang(), highlight=highlight)
    st.subheader(title)
    widgets.demo_badge(*dataset_ids)
    st.pydeck_chart(deck, height=560, key=f"{key}-map")
    widgets.map_legend(legend, f"{indicator.label(lang())} — {t('map.legend')}", indicator.decimals)
    st.caption(caption)
    table = values.rename(columns={"comune": t("col.comune"), "provincia": t("col.provincia"),
                                   "comune_istat": t("col.comune_istat"), "valore": indicator.label(lang())})
    with st.expander(t("map.table")):
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={indicator.label(lang()): st.column_config.NumberColumn(format="localized")})
    widgets.downloads(values, f"{indicator_id}_comuni", key)
