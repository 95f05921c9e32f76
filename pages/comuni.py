"""Comuni: one municipality's profile (population pyramid, local units and employees by sector,
students, ranks) beside its province and a second municipality; pick it by name or on the map.

The chosen municipality is the sidebar's "one municipality" territory, so the URL
`?territorio=comune&comune=097042` (or just `?comune=097042`) opens exactly this profile."""

import streamlit as st

from observatory import charts, labels, maps, territory
from observatory.indicators import education, enterprises, municipality, population, registry
from observatory.ui import data, filters, widgets
from observatory.ui.state import lang, selection, t
from observatory.ui.shell import require_app_shell

require_app_shell()

NONE = "-"
MAP_KEY = "comuni-mappa"

st.title(t("nav.municipalities"))
st.markdown(t("mun.lead"))
comuni, error_com = data.try_dataset("comuni")
popolazione, error_pop = data.try_dataset("popolazione")
if comuni is None or popolazione is None:
    st.error(f"{t('error.data')}: {error_com or error_pop}")
    st.stop()
unita, error_ul = data.try_dataset("unita_locali")
studenti, error_st = data.try_dataset("studenti")
names = dict(zip(comuni["comune_istat"], comuni["comune"] + " (" + comuni["sigla"] + ")"))
codes = sorted(names, key=names.get)


def choose(code: str | None) -> None:
    """Make `code` the sidebar's territory (callbacks run before the sidebar is drawn again)."""
    if code in names:
        st.session_state["territorio"] = "comune"
        st.session_state["comune"] = code


def on_pick() -> None:
    choose(st.session_state.get("profilo"))


def on_map_click() -> None:
    picked = st.session_state[MAP_KEY].selection.get("objects", {}).get("comuni", [])
    if picked:
        choose(picked[0]["properties"]["comune_istat"])


code = selection().municipality
st.session_state["profilo"] = code
st.selectbox(t("mun.search"), codes, key="profilo", format_func=names.get, placeholder=t("mun.placeholder"),
             on_change=on_pick)

everyone = tuple(p.istat for p in territory.provinces())
residents = population.residents_by_municipality(popolazione, comuni, everyone)
features, outlines = data.map_shapes()
deck, legend = maps.choropleth(features, outlines, residents[["comune_istat", "valore"]],
                               value_label=registry.indicator("popolazione").label(lang()), lang=lang(), highlight=code,
                               selectable=True)
with st.expander(t("mun.map"), expanded=code is None):
    st.pydeck_chart(deck, height=480, key=MAP_KEY, on_select=on_map_click, selection_mode="single-object")
    widgets.map_legend(legend, f"{registry.indicator('popolazione').label(lang())} — {t('map.legend')}")
    st.caption(t("mun.map.caption"))
if code is None:
    st.info(t("mun.pick"))
    st.stop()

table = municipality.indicators(comuni, popolazione, unita, studenti)
me = table[table["comune_istat"] == code].iloc[0]
st.header(names[code])
pop_rank, counted = municipality.rank(table, "popolazione", code)
ul_rank, ul_counted = municipality.rank(table, "unita_locali_1000ab", code)
st.markdown(t("mun.ranks", pop_rank=pop_rank, n=counted)
            + (t("mun.ranks.local", ul_rank=ul_rank, n_ul=ul_counted) if ul_rank else ""))

cards = st.columns(4)
filters.card(cards[0], registry.indicator("popolazione").label(lang()), labels.fmt_int(me["popolazione"], lang()),
             period=t("mun.card.year", year=int(me["anno"])))
filters.card(cards[1], t("mun.row.quota_65_piu"), labels.fmt_pct(me["quota_65_piu"], 1, lang()),
             period=t("mun.card.year", year=int(me["anno"])))
for column, metric in zip(cards[2:], ("unita_locali_1000ab", "addetti_1000ab")):
    position, among = municipality.rank(table, metric, code)
    filters.card(column, registry.indicator(metric).label(lang()), labels.fmt_number(me[metric], 1, lang()),
                 period=t("mun.card.rank", rank=position, n=among) if position else "")

# population pyramid
bands = municipality.pyramid(popolazione, code)
chart = charts.recipe(charts.pyramid, 
    bands, band="classe_eta", sex="sesso", value="persone", order=municipality.band_order(),
    sex_names={"maschi": t("mun.males"), "femmine": t("mun.females")}, value_title=t("mun.axis.people"), lang=lang(),
    title=t("mun.chart.pyramid.title", name=me["comune"], pop=labels.fmt_int(me["popolazione"], lang()),
            old=labels.fmt_pct(me["quota_65_piu"], 1, lang()), young=labels.fmt_pct(me["quota_0_14"], 1, lang())))
widgets.chart_block(chart, bands, name=f"piramide_{code}", key="mun-pyramid", dataset_ids=("popolazione",),
                    caption=t("mun.caption.pyramid", year=int(me["anno"])))

# local units and employees by sector
if unita is None:
    st.info(t("mun.missing", what=t("mun.what.local"), error=error_ul))
else:
    by_sector = municipality.sectors(unita, code)
    if by_sector.empty:
        st.info(t("mun.no_local", name=me["comune"]))
    else:
        by_sector = by_sector.assign(settore=by_sector["settore_ateco"].map(lambda s: enterprises.section_name(s, lang())))
        top = by_sector.iloc[0]
        chart = charts.recipe(charts.sorted_bars, 
            by_sector, category="settore", value="addetti", value_title=registry.column_label("addetti", lang()),
            lang=lang(), title=t("mun.chart.sectors.title", name=me["comune"], sector=top["settore"],
                                 value=labels.fmt_int(top["addetti"], lang()),
                                 units=labels.fmt_int(top["unita_locali"], lang())))
        widgets.chart_block(chart, by_sector, name=f"unita_locali_{code}", key="mun-sectors",
                            dataset_ids=("unita_locali",), caption=t("mun.caption.local", year=int(top["anno"])))

# students of the schools in the municipality
if studenti is None:
    st.info(t("mun.missing", what=t("mun.what.students"), error=error_st))
else:
    here = education.in_municipality(studenti, code)
    if here.empty:
        st.info(t("mun.no_school", name=me["comune"]))
    else:
        year = education.years(here)[-1]
        fields = education.by_field(here, year)
        chart = charts.recipe(charts.sorted_bars, 
            fields, category="nome", value="studenti", value_title=t("edu.axis.students"), lang=lang(),
            title=t("mun.chart.students.title", name=me["comune"], year=year,
                    value=labels.fmt_int(fields["studenti"].sum(), lang())))
        widgets.chart_block(chart, fields, name=f"studenti_{code}", key="mun-students", dataset_ids=("studenti",),
                            caption=t("edu.caption"))

# comparison with the province and a second municipality
st.subheader(t("mun.compare.title"))
other = filters.select(t("mun.compare.with"), [NONE] + [c for c in codes if c != code], "confronto", NONE,
                       format_func=lambda c: t("mun.compare.none") if c == NONE else names[c])
compared = municipality.comparison(table, code, None if other == NONE else other, t("mun.province_of"))
row_names = {key: t(f"mun.row.{key}") for key in municipality.COMPARED}
st.dataframe(municipality.formatted(compared, row_names, lang(), t("sources.col.indicator")), hide_index=True, width="stretch")
st.caption(t("mun.compare.caption"))
widgets.downloads(compared, f"confronto_{code}", "mun-compare")
