"""Formazione: students of the area's schools by order and type, over the school years, by kind of
upper-secondary institute and by municipality of the school; ITS Academy has no machine-readable
source, and the page says so. One view at a time (navigation.PageEntry.views)."""

import streamlit as st

from observatory.ui import data, filters, maps_ui, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, scope_label, selection, t
from observatory.views import formazione as view

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.education"))
st.markdown(t("edu.lead"))
shown = widgets.view_picker("formazione")

studenti, error = data.try_dataset("studenti")
if studenti is None:
    st.info(t("edu.missing", error=error))
    st.info(t("edu.its"))
    st.stop()
here = sel.municipality  # the schools located in the selected municipality, not its province's
options = data.derived(view.filter_options, "studenti", provinces=sel.provinces, lang=L, municipality=here)
if not options.years:
    st.info(t("edu.no_rows", territory=sel.label))
    st.info(t("edu.its"))
    st.stop()

if shown == "studenti":
    year = filters.select(t("edu.year"), options.years, "anno", options.years[0])
    cards = data.derived(view.cards, "studenti", provinces=sel.provinces, year=year, scope_label=sel.label, lang=L,
                         municipality=here)
    widgets.demo_caption(cards.caption, "studenti")
    widgets.cards(cards.cards)
    widgets.block(cards.types)
elif shown == "andamento":
    blocks = data.derived(view.trend, "studenti", provinces=sel.provinces, scope_label=sel.label, lang=L,
                          municipality=here)
    if not blocks:
        st.info(t("edu.one_year", territory=sel.label, year=options.years[0]))
    for block in blocks:
        widgets.block(block)
else:
    row = filters.row()
    year = filters.select(t("edu.year"), options.years, "anno", options.years[0], container=row)
    if shown == "percorsi":
        choice = filters.select(t("edu.choice"), options.upper_choices, "tipo", view.ALL, container=row,
                                format_func=options.upper_names.get)
        kinds = data.derived(view.kinds, "studenti", provinces=sel.provinces, year=year, choice=choice,
                             scope_label=sel.label, lang=L, municipality=here)
        if kinds is None:
            st.info(t("edu.no_rows", territory=sel.label))
        else:
            widgets.block(kinds)
        st.info(t("edu.its"))  # the post-diploma track the school data lack, and why
    else:
        choice = filters.select(t("edu.choice"), options.choices, "tipo", view.ALL, container=row,
                                format_func=options.choice_names.get)
        comuni, error = data.try_dataset("comuni")
        if comuni is None:
            st.info(t("edu.missing", error=error))
            st.stop()
        # the residents only name the largest towns on the map: without them it is drawn unnamed
        towns = ("popolazione",) if data.try_dataset("popolazione")[1] is None else ()
        schools = data.derived(view.schools_map, "studenti", "comuni", *towns, provinces=sel.provinces, year=year,
                               choice=choice, scope_label=scope_label(sel), lang=L, highlight=here)
        maps_ui.map_block(schools, key="edu-map")
