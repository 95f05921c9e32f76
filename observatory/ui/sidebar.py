"""The sidebar of every page: title, language, territory, the freshness of each dataset and the
staff area.

It is drawn on every rerun of every page, so the two lists sit in expanders whose content is
drawn only while they are open: a closed expander costs one element. The staff area's module is
imported only then too: it brings the connectors, pandera and openpyxl, a second of a cold
start that no visitor needs."""

from __future__ import annotations

import streamlit as st

from observatory import labels
from observatory.ui import data, state

FRESHNESS = "sidebar-freshness"  # the freshness expander's key: its open state
STAFF_BOX = "staff-area"  # the staff area's expander key: its open state


def lazy_expander(label: str, key: str):
    """A sidebar expander that reruns when toggled, so `.open` says whether to draw its content.
    Streamlit forgets a widget's state on a page change; a copy kept under another key reopens
    it on the next page, as an expander left open does."""
    remembered = f"_{key}_open"
    if key not in st.session_state and st.session_state.get(remembered):
        st.session_state[key] = True
    return st.sidebar.expander(label, key=key, on_change=_remember, args=(key, remembered))


def _remember(key: str, remembered: str) -> None:
    st.session_state[remembered] = st.session_state[key]


def freshness() -> None:
    """Period and last update of every dataset, constructed samples flagged, in one text."""
    with lazy_expander(state.t("sidebar.freshness"), FRESHNESS) as box:
        if not box.open:
            return
        try:
            records = data.manifest()
        except Exception as exc:  # noqa: BLE001 — the sidebar must never take a page down
            st.error(str(exc))
            return
        st.markdown(freshness_text(records, state.lang()))


def freshness_text(records: dict, lang: str) -> str:
    """One paragraph per dataset: title (with the demo flag), period, last update."""
    period, updated = labels.t("freshness.period", lang), labels.t("freshness.updated", lang)
    demo = " ⚠️ " + labels.t("badge.demo", lang)
    lines = []
    for record in records.values():
        span = labels.fmt_span(record.period_start, record.period_end)
        lines.append(f"**{record.title}**{demo if record.is_demo else ''}  \n{period} {span} · "
                     f"{updated} {labels.fmt_date(record.retrieved_at, lang)}")
    return "\n\n".join(lines)


def render() -> None:
    st.sidebar.markdown(f"### {state.t('app.title')}")
    state.language_selector()
    st.session_state["_selection"] = state.territory_selector()
    freshness()
    with lazy_expander(state.t("staff.title"), STAFF_BOX) as box:
        if box.open:
            from observatory.ui import staff

            staff.render()
