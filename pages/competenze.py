"""Competenze: what the territory's firms ask for (Excelsior planned hires, hires by sector) beside
what its schools train (students by field), and the gap between the two as shares. One view at a
time (navigation.PageEntry.views)."""

import streamlit as st

from observatory.ui import data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, scope_label, selection, t
from observatory.views import competenze as view
from observatory.views import published_figures as published

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.skills"))
st.markdown(t("skills.lead"))
shown = widgets.view_picker("competenze")
widgets.province_note(sel, "scope.why.skills")
area = scope_label(sel)  # Excelsior and the notices are provincial: their figures carry the province's name
nuts = view.nuts_codes(sel.provinces)


def missing(dataset_id: str, error: str) -> None:
    st.info(t("skills.missing", what=t(f"skills.what.{dataset_id}"), error=error))


if shown in ("entrate", "difficili"):
    # --- demand: Excelsior planned hires by professional group ---
    excelsior, error = data.try_dataset("excelsior")
    lead = None
    if shown == "entrate" and published.shown_for("excelsior", reliable=data.reliable_ids()):
        # while the survey's detail is demo, the page leads with the planned hires Excelsior published
        lead, _ = data.try_derived(published.published_planned, "numeri_pubblicati", provinces=sel.provinces,
                                   scope_label=area, lang=L)
    if lead is not None:
        widgets.cards(lead.cards, width="stretch")
        widgets.block(lead.quarters)
    if excelsior is None:
        missing("excelsior", error)
        st.stop()
    if lead is not None:
        st.subheader(t("published.detail"))
        widgets.demo_caption(t("published.detail_lead"), "excelsior")
    planned = data.derived(view.planned, "excelsior", territories=nuts, scope_label=area, lang=L)
    if planned.empty or (shown == "difficili" and planned.hardest is None):
        st.info(t("skills.no_rows", territory=area))
    elif shown == "entrate":
        if lead is None:  # beside the published figures, demo cards would be headlines of a constructed sample
            widgets.demo_caption(planned.cards_caption, "excelsior")
            widgets.cards(planned.cards)
        widgets.block(planned.groups)
    else:
        widgets.block(planned.hardest)

elif shown == "settori":
    # --- demand: hires by sector over the last 12 months ---
    avviamenti, error = data.try_dataset("avviamenti")
    if avviamenti is None:
        missing("avviamenti", error)
        st.stop()
    sectors = data.derived(view.hires_by_sector, "avviamenti", territories=nuts, scope_label=area, lang=L)
    if sectors is None:
        st.info(t("skills.no_rows", territory=area))
    else:
        widgets.block(sectors)

else:
    # --- demand against supply, as shares of four areas ---
    st.warning(t("skills.method"), icon=":material/info:")
    with st.expander(t("skills.method.table"), key="skills-method", on_change="rerun") as box:
        if box.open:  # the table is built and sent only while it is open
            st.dataframe(view.method_table(L), hide_index=True, width="stretch")
    studenti, error = data.try_dataset("studenti")
    if studenti is None:
        missing("studenti", error)
        st.stop()
    errors = {source: data.try_dataset(source)[1] for source in view.SOURCES}
    present = tuple(source for source in view.SOURCES if errors[source] is None)
    options = data.derived(view.gap_options, "studenti", *present, sources=present, territories=nuts,
                           provinces=sel.provinces)
    if not options.supply:
        st.info(t("skills.no_rows", territory=area))
        st.stop()
    if not options.sources:  # no demand measure: say which are not in the archive, or that none has rows
        for source in view.SOURCES:
            if errors[source] is not None:
                missing(source, errors[source])
        if not any(errors.values()):
            st.info(t("skills.no_rows", territory=area))
        st.stop()
    source = filters.select(t("skills.demand"), options.sources, "domanda", options.sources[0], radio=True,
                            format_func=lambda s: t(f"skills.what.{s}"))
    compared = data.derived(view.gap, source, "studenti", source=source, territories=nuts,
                            provinces=sel.provinces, scope_label=area, lang=L)
    widgets.block(compared.shares)
    widgets.block(compared.gap)
