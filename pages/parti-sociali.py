"""Le parti sociali: what unions read first (job quality) and what employers' associations read first
(hiring needs), each figure linking to its page, and the same findings as a ready-made deck in
Presenta. One lens at a time (navigation.PageEntry.views)."""

import streamlit as st

from observatory.ui import cards, data, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, selection, t
from observatory.views import parti_sociali as view

require_app_shell()

L = lang()
sel = selection()
st.title(t("nav.partners"))
st.markdown(t("lens.lead"))
shown = widgets.view_picker("parti-sociali")
query = cards.link_query()


def link(page: str, extra: str) -> str:
    """The address of a page with the sidebar's choices and the finding's own view."""
    return f"{page}{query}{'&' if query else '?'}{extra}" if extra else f"{page}{query}"


deck = ",".join(view.DECKS[shown])
st.markdown(f"[{t('lens.deck', count=len(view.DECKS[shown]))}]({link('presenta', f'slides={deck}')})")
for finding_id in view.LENSES[shown]:
    function, dataset_ids = view.FINDINGS[finding_id]
    st.subheader(t(f"lens.finding.{finding_id}"))
    finding, error = data.try_derived(function, *dataset_ids, provinces=sel.provinces, lang=L)
    if error is not None or finding is None:
        st.info(t("lens.skipped", what=t(f"lens.finding.{finding_id}"), why=error or t("lens.no_data")))
        continue
    widgets.cards(finding.cards)
    if finding.extra:
        widgets.demo_caption(t("lens.contracts.cob_note"), *finding.extra_ids)
        widgets.cards(finding.extra)
    if finding.chart is not None:
        widgets.block(finding.chart)
    st.markdown(f"[{t('lens.link', page=t(view.PAGE_TITLES[finding.page]))}]({link(finding.page, finding.query)})")
