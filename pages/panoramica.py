"""Panoramica: headline cards for the selected territory, and residents by municipality on a map.
One view at a time (navigation.PageEntry.views)."""

import streamlit as st

from observatory.ui import cards, data, filters, maps_ui, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, selection, t
from observatory.views import comuni as town
from observatory.views import panoramica as view

require_app_shell()

L = lang()
sel = selection()
st.title(t("overview.title"))
st.markdown(t("overview.lead"))
shown = widgets.view_picker("panoramica")


def card_group(groups: tuple) -> tuple:
    """A topic's cards from the first of its groups whose datasets can be read and give cards (the
    published figures before a demo sample); when none does, the last group's cards with a note."""
    for group in groups:
        found, error = data.try_derived(group.function, *group.dataset_ids, provinces=sel.provinces, lang=L)
        if error is None and found:
            return found
    return found if error is None else group.function(*[None] * len(group.dataset_ids), provinces=sel.provinces,
                                                      lang=L, error=error)


if shown == "sintesi":
    if sel.municipality is not None:  # the town's own figures first, then the province's, said so
        present = tuple(i for i in town.OPTIONAL if data.try_dataset(i)[1] is None)
        own, error = data.try_derived(town.profile, "comuni", "popolazione", *present, present=present,
                                      code=sel.municipality, lang=L)
        if error is None:
            st.subheader(own.name)
            widgets.demo_lines(own.caption_lines)
            widgets.cards(own.cards)
        widgets.province_note(sel, "scope.why.overview")
    rows = [[card for topic in row for card in card_group(topic)] for row in view.rows(data.reliable_ids())]
    cards.headlines(rows, cards.link_query())

else:
    measures = {m: t(f"map.measure.{m}") for m in view.MEASURES}  # names bound now, in the page's language
    measure = filters.select(t("map.measure"), list(measures), "misura", view.MEASURES[0], radio=True,
                             format_func=measures.get)
    population, error = data.try_derived(view.population_map, "popolazione", "comuni", provinces=sel.provinces,
                                         scope_label=sel.label, highlight=sel.municipality, lang=L, measure=measure)
    if error is not None:  # a dataset missing or damaged
        st.error(f"{t('error.data')}: {error}")
        st.stop()
    maps_ui.map_block(population, key="pop")
