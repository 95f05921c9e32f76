"""The overview's headline cards: each card (drawn by widgets.card), then what changed, card by
card, with the demo badges and the links to the pages with the detail.

Every element drawn costs each rerun, so every card's sentence, the demo badges and the links
are one text under the cards."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from observatory import labels
from observatory.ui import widgets
from observatory.ui.state import lang

#: the sidebar's choices, carried by the links to the pages with the detail
_SHARED_PARAMS = ("lang", "territorio", "comune")


def link_query() -> str:
    """The URL query that keeps language and territory on a linked page ('?lang=it&territorio=097')."""
    params = st.query_params.to_dict()  # one read of the URL (each access to query_params costs)
    shared = {name: params[name] for name in _SHARED_PARAMS if name in params}
    return f"?{urlencode(shared)}" if shared else ""


def headlines(rows, query: str = "") -> None:
    """Rows of views.panoramica.Headline, one horizontal container a row, then `changes_text` in
    one element."""
    for row in rows:
        with st.container(horizontal=True, wrap=True):
            for headline in row:
                widgets.card(headline.card)
    shown = [headline for row in rows for headline in row if headline.card.value is not None]
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
