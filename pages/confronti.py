"""Confronti settoriali: ATECO sections side by side for Como, Lecco and Lombardia, and how hires
by section change over time (index, base year = 100), for one section or for all of them. One view at
a time (navigation.PageEntry.views); every filter is in the URL."""

import streamlit as st

from observatory.ui import data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, t
from observatory.views import confronti as view

require_app_shell()

L = lang()

st.title(t("nav.sectors"))
st.markdown(t("sectors.lead"))
shown = widgets.view_picker("confronti")


def derived_or_stop(function, dataset_ids: tuple[str, ...], **options):
    """A view computed from `dataset_ids`; a note instead, and the page stops, when one is missing."""
    found, error = data.try_derived(function, *dataset_ids, **options)
    if error is not None:
        st.info(t("sectors.missing", error=error))
        st.stop()
    return found


if shown == "settori":
    # --- sections side by side ---
    row = filters.row()
    measures = {m: t(f"sectors.measure.{m}") for m in view.MEASURES}
    measure = filters.url_choice(t("sectors.filter.measure"), list(measures), key="misura", default="assunzioni",
                                 container=row, format_func=measures.get)
    scales = {s: t(f"sectors.scale.{s}") for s in ("quota", "valore")}
    scale = filters.url_choice(t("sectors.filter.scale"), list(scales), key="scala", default="quota",
                               widget="segmented", container=row, format_func=scales.get)
    if measure in view.FLOW_MEASURES:
        options = derived_or_stop(view.flow_options, view.FLOW_IDS, lang=L)
        if not options.years:
            st.info(t("sectors.missing", error=t("sectors.few_years")))
            st.stop()
        year = filters.url_choice(t("sectors.filter.year"), options.years, key="anno", default=options.years[0],
                                  container=row)
        comparison = data.derived(view.flow_comparison, *view.FLOW_IDS, measure=measure, relative=scale == "quota",
                                  year=year, lang=L)
    else:
        comparison = derived_or_stop(view.unit_comparison, view.UNIT_IDS, measure=measure, relative=scale == "quota",
                                     lang=L)
    if comparison.note:
        st.info(comparison.note, icon=":material/info:")
    widgets.block(comparison.block)

else:
    # --- hires as an index, base year = 100: one section, or every section small ---
    options = derived_or_stop(view.flow_options, view.FLOW_IDS, lang=L)
    if len(options.years) < 2:
        st.info(t("sectors.few_years"))
        st.stop()
    row = filters.row() if shown == "indice" else None  # one filter alone needs no row
    years = sorted(options.years)
    base_year = filters.url_choice(t("sectors.filter.base"), years, key="base", default=years[0], container=row)
    if shown == "indice":
        section = filters.url_choice(t("sectors.filter.section"), options.sections, key="settore",
                                     default=options.sections[0], container=row,
                                     format_func=options.section_names.get)
        widgets.block(data.derived(view.section_trend, *view.FLOW_IDS, base_year=base_year, section=section, lang=L))
    else:
        widgets.block(data.derived(view.all_trends, *view.FLOW_IDS, base_year=base_year, lang=L))
