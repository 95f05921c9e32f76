"""Comuni: one municipality's profile (population pyramid, local units and employees by sector,
students, ranks) beside its province and a second municipality; pick it by name or on the map.
One view at a time (navigation.PageEntry.views); the map is drawn only while its expander is open.

The chosen municipality is the sidebar's "one municipality" territory, so the URL
`?territorio=comune&comune=097042` (or just `?comune=097042`) opens exactly this profile."""

import streamlit as st

from observatory.ui import data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, selection, translator
from observatory.views import ChartBlock
from observatory.views import comuni as view

require_app_shell()

MAP_KEY = "comuni-mappa"

L = lang()
t = translator()  # the language once, not once per text
st.title(t("nav.municipalities"))
st.markdown(t("mun.lead"))
shown = widgets.view_picker("comuni")
error = data.try_dataset("comuni")[1] or data.try_dataset("popolazione")[1]
if error:
    st.error(f"{t('error.data')}: {error}")
    st.stop()
choices = data.derived(view.choices, "comuni", lang=L)


def choose(code: str | None) -> None:
    """Make `code` the sidebar's territory (callbacks run before the sidebar is drawn again)."""
    if code in choices.names:
        st.session_state["territorio"] = "comune"
        st.session_state["comune"] = code


def on_pick() -> None:
    choose(st.session_state.get("profilo"))


def on_map_click() -> None:
    picked = st.session_state[MAP_KEY].selection.get("objects", {}).get("comuni", [])
    if picked:
        choose(picked[0]["properties"]["comune_istat"])


def draw(item: ChartBlock | str | None, missing: str) -> None:
    """A chart block, or the sentence saying why there is none."""
    if isinstance(item, ChartBlock):
        widgets.block(item)
    else:
        st.info(item or missing)


code = selection().municipality
st.session_state["profilo"] = code
st.selectbox(t("mun.search"), choices.codes, key="profilo", format_func=choices.names.get,
             placeholder=t("mun.placeholder"), on_change=on_pick)
# the map opens on request: drawing 231 municipalities costs a browser seconds on a weak machine,
# and the search box above is the quicker way to a profile
with st.expander(t("mun.map"), key=f"{MAP_KEY}-box", on_change="rerun") as box:
    if box.open:
        picker = data.derived(view.selection_map, "comuni", "popolazione", highlight=code, lang=L)
        st.pydeck_chart(picker.deck, height=480, key=MAP_KEY, on_select=on_map_click, selection_mode="single-object")
        widgets.map_legend(list(picker.legend), picker.legend_title)
        st.caption(picker.caption)
if code is None:
    st.info(t("mun.pick"))
    st.stop()

errors = {dataset_id: data.try_dataset(dataset_id)[1] for dataset_id in view.OPTIONAL}
present = tuple(dataset_id for dataset_id, error in errors.items() if error is None)

if shown == "profilo":
    head = data.derived(view.profile, "comuni", "popolazione", *present, present=present, code=code, lang=L)
    st.header(head.name)
    st.markdown(head.ranks)
    widgets.demo_lines(head.caption_lines)
    widgets.cards(head.cards)

elif shown == "popolazione":
    widgets.block(data.derived(view.pyramid, "comuni", "popolazione", code=code, lang=L))

elif shown == "economia":
    economy = data.derived(view.economy, "comuni", *present, present=present, code=code, lang=L)
    draw(economy.sectors, t("mun.missing", what=t("mun.what.local"), error=errors["unita_locali"]))
    draw(economy.students, t("mun.missing", what=t("mun.what.students"), error=errors["studenti"]))

else:
    other = filters.select(t("mun.compare.with"), [c for c in choices.compare_names if c != code], "confronto",
                           view.NONE, format_func=choices.compare_names.get)
    compared = data.derived(view.comparison, "comuni", "popolazione", *present, present=present, code=code,
                            other=other, lang=L)
    st.dataframe(compared.table, hide_index=True, width="stretch")
    demo = widgets.sources_caption(compared.dataset_ids, t("mun.compare.caption"))
    widgets.downloads(compared.numbers, compared.name, "mun-compare", demo=demo)
