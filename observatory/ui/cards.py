"""Headline cards: latest value, change coloured by what is good for that indicator, period,
demo badge, a sentence computed from the data, and a link to the page with the detail.

Every element drawn costs each rerun, so the overview draws its cards as bordered metrics and
puts every card's sentence, the demo badges and the links in one text under them."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from observatory import labels
from observatory.indicators import registry
from observatory.ui import widgets
from observatory.ui.state import lang

_DELTA_COLORS = {True: "normal", False: "inverse", None: "off"}
#: the sidebar's choices, carried by the links to the pages with the detail
_SHARED_PARAMS = ("lang", "territorio", "comune")


def delta_color(indicator_id: str) -> str:
    """'normal' when up is good (green ▲), 'inverse' when up is bad (red ▲), 'off' when neutral."""
    return _DELTA_COLORS[registry.indicator(indicator_id).higher_is_better]


def link_query() -> str:
    """The URL query that keeps language and territory on a linked page ('?lang=it&territorio=097')."""
    params = st.query_params.to_dict()  # one read of the URL (each access to query_params costs)
    shared = {name: params[name] for name in _SHARED_PARAMS if name in params}
    return f"?{urlencode(shared)}" if shared else ""


def headlines(rows, query: str = "") -> None:
    """Rows of views.panoramica.Headline as bordered metrics (one horizontal container a row),
    then `changes_text` in one element; a card without a value shows its note instead."""
    for row in rows:
        with st.container(horizontal=True, wrap=False):
            for card in row:
                if card.value is None:
                    missing_card(title=card.label, message=card.note, detail=card.detail)
                    continue
                st.metric(card.label, card.value, card.delta, delta_color=card.delta_color,
                          delta_arrow=card.delta_arrow, delta_description=card.description, help=card.definition,
                          border=True)
    shown = [card for row in rows for card in row if card.value is not None]
    if shown:
        demo = {ids: widgets.is_demo(*ids) for ids in {card.dataset_ids for card in shown}}
        st.markdown(changes_text(shown, [demo[card.dataset_ids] for card in shown], query, lang()))


def changes_text(cards, demo: list[bool], query: str, code_lang: str) -> str:
    """What changed, card by card, one line each; the demo badge on the lines drawn from a
    constructed sample (once above the list, with its explanation, when that is every line);
    then the links to the pages with the detail, with `query` appended."""
    badge = f":orange-badge[⚠️ {labels.t('badge.demo', code_lang)}]"
    every = all(demo)
    lines = [f"{badge} {labels.t('badge.demo_help', code_lang)}", ""] if every else []
    lines += [f"- {badge + ' ' if flag and not every else ''}{card.sentence}" for card, flag in zip(cards, demo)]
    pages = dict.fromkeys((card.page, card.link) for card in cards)
    links = " · ".join(f"[{link}\u00a0→]({page}{query})" for page, link in pages)
    return "\n".join(lines) + f"\n\n{links}"


def missing_card(*, title: str, message: str, detail: str = "") -> None:
    """The same card frame with a short note when its dataset is not in the snapshot (detail in small type)."""
    with st.container(border=True):
        st.markdown(f"**{title}**")
        st.info(message, icon=":material/info:")
        if detail:
            st.caption(detail)
