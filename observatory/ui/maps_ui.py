"""A municipal choropleth block: title, demo badge, map, legend, caption, table, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatory import crosswalk, maps, views
from observatory.indicators import registry
from observatory.ui import data, widgets
from observatory.ui.state import lang, t


@st.cache_resource(ttl=3600, max_entries=64, show_spinner=False, hash_funcs=data.FRAME_HASH)
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


def map_block(view: views.MapView, key: str) -> None:
    """Draw a cached views.MapView: title, map, legend, one caption (badge, sources, boundaries),
    the table (built only while open) and the download menu."""
    indicator = registry.indicator(view.indicator_id)
    st.subheader(view.title)
    st.pydeck_chart(view.deck, height=560, key=f"{key}-map")
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


def municipal_map(values: pd.DataFrame, *, title: str, caption: str, indicator_id: str,
                  highlight: str | None, dataset_ids: tuple[str, ...], key: str) -> None:
    """Draw `values` (comune_istat, comune, provincia, valore) as a choropleth with its table."""
    indicator = registry.indicator(indicator_id)
    deck, legend = _deck(values[["comune_istat", "valore"]].reset_index(drop=True), indicator.label(lang()),
                         indicator.decimals, lang(), highlight, data.version())
    st.subheader(title)
    st.pydeck_chart(deck, height=560, key=f"{key}-map")
    widgets.map_legend(legend, f"{indicator.label(lang())} — {t('map.legend')}", indicator.decimals)
    demo = widgets.sources_caption(dataset_ids, f"{caption} {crosswalk.boundary_note(lang())}")
    _table(values, indicator, key)
    widgets.downloads(values, f"{indicator_id}_comuni", key, demo=demo)
