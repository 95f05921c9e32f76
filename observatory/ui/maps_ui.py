"""A municipal choropleth block: title, demo badge, map, legend, caption, table, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatory import crosswalk, labels, maps
from observatory.indicators import registry
from observatory.ui import data, widgets
from observatory.ui.state import lang, t


@st.cache_resource(ttl=3600, max_entries=64, show_spinner=False)
def _deck(values: pd.DataFrame, value_label: str, decimals: int, lang: str, highlight: str | None,
          snapshot_version: str) -> tuple[maps.FrozenDeck, list[maps.LegendClass]]:
    """The choropleth for these values, built and serialised once, then shared by every session."""
    features, outlines = data.map_shapes()
    scope = set(values["comune_istat"])
    shown = [f for f in features if f["properties"]["comune_istat"] in scope]
    deck, legend = maps.choropleth(shown, outlines, values, value_label=value_label, decimals=decimals,
                                   lang=lang, highlight=highlight)
    deck.to_json()
    return deck, legend


def municipal_map(values: pd.DataFrame, *, title: str, caption: str, indicator_id: str,
                  highlight: str | None, dataset_ids: tuple[str, ...], key: str) -> None:
    """Draw `values` (comune_istat, comune, provincia, valore) as a choropleth with its table."""
    indicator = registry.indicator(indicator_id)
    deck, legend = _deck(values[["comune_istat", "valore"]].reset_index(drop=True), indicator.label(lang()),
                         indicator.decimals, lang(), highlight, data.version())
    st.subheader(title)
    demo = widgets.demo_badge(*dataset_ids)
    st.pydeck_chart(deck, height=560, key=f"{key}-map")
    widgets.map_legend(legend, f"{indicator.label(lang())} — {t('map.legend')}", indicator.decimals)
    st.caption(f"{caption} {crosswalk.boundary_note(lang())}")
    table = values.rename(columns={"comune": t("col.comune"), "provincia": t("col.provincia"),
                                   "comune_istat": t("col.comune_istat"), "valore": indicator.label(lang())})
    with st.expander(t("map.table")):
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={indicator.label(lang()): st.column_config.NumberColumn(format="localized")})
    widgets.downloads(values, f"{indicator_id}_comuni", key, demo=demo)
