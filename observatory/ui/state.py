"""Sidebar state shared by every page: language and territory, mirrored in the URL.

A leader can send a link to exactly what they see: `?lang=en&territorio=097` or
`?territorio=comune&comune=097042`."""

from __future__ import annotations

import dataclasses

import streamlit as st

from observatory import labels, territory
from observatory.ui import data

BOTH = "entrambe"
ONE_MUNICIPALITY = "comune"


@dataclasses.dataclass(frozen=True)
class Selection:
    """What the sidebar selected: province codes in scope and, optionally, one municipality."""

    provinces: tuple[str, ...]
    municipality: str | None
    label: str


def _from_url(name: str, allowed: list[str], default: str) -> str:
    value = st.query_params.get(name, default)
    return value if value in allowed else default


def _bind(key: str, allowed: list[str], default: str) -> None:
    """Seed a widget's state from the URL once per session (the widget then owns it)."""
    if key not in st.session_state or st.session_state[key] not in allowed:
        st.session_state[key] = _from_url(key, allowed, default)


def to_url(name: str, value: str) -> None:
    """Write a value to the URL only when it changed: every write sends the browser a message."""
    if st.query_params.get(name) != value:
        st.query_params[name] = value


def lang() -> str:
    """The session's language (it by default); read once per run, since every text asks for it."""
    run = data.this_run()
    if "lang" not in run:
        value = st.session_state.get("lang") or _from_url("lang", list(labels.LANGUAGES), labels.DEFAULT_LANG)
        run["lang"] = value if value in labels.LANGUAGES else labels.DEFAULT_LANG
    return run["lang"]


def t(key: str, **values) -> str:
    return labels.t(key, lang(), **values)


def translator():
    """`t(key, **values)` bound to the session's language once, for a page with many texts."""
    return labels.translator(lang())


def language_selector() -> None:
    _bind("lang", list(labels.LANGUAGES), labels.DEFAULT_LANG)
    st.sidebar.radio(labels.t("sidebar.language", lang()), list(labels.LANGUAGES), key="lang",
                     format_func=labels.LANGUAGES.get, horizontal=True)
    to_url("lang", st.session_state["lang"])


def territory_selector() -> Selection:
    """Territory radio (both provinces / one / one municipality) and the municipality box."""
    provs = territory.provinces()
    options = [BOTH] + [p.istat for p in provs] + [ONE_MUNICIPALITY]
    names = {BOTH: " + ".join(p.name for p in provs), ONE_MUNICIPALITY: t("territory.one")}
    names.update({p.istat: p.name for p in provs})
    # a link with only ?comune=… (e.g. from the Comuni page) means "one municipality"
    _bind("territorio", options, ONE_MUNICIPALITY if st.query_params.get("comune") else BOTH)
    choice = st.sidebar.radio(t("sidebar.territory"), options, key="territorio", format_func=names.get)
    to_url("territorio", choice)
    if choice != ONE_MUNICIPALITY:
        st.query_params.pop("comune", None)
        scope = tuple(p.istat for p in provs) if choice == BOTH else (choice,)
        return Selection(scope, None, names[choice])
    comuni, error = data.try_dataset("comuni")
    if comuni is None:
        st.sidebar.error(error)
        return Selection(tuple(p.istat for p in provs), None, names[BOTH])
    codes = comuni.sort_values("comune")["comune_istat"].tolist()
    by_code = dict(zip(comuni["comune_istat"], comuni["comune"] + " (" + comuni["sigla"] + ")"))
    _bind("comune", codes, codes[0])
    code = st.sidebar.selectbox(t("sidebar.municipality"), codes, key="comune", format_func=by_code.get)
    to_url("comune", code)
    return Selection((code[:3],), code, by_code[code])


def province_name(sel: Selection) -> str:
    """The name of the selected municipality's province ('Lecco'); the selection's label otherwise."""
    if sel.municipality is None:
        return sel.label
    return next((p.name for p in territory.provinces() if p.istat == sel.municipality[:3]), sel.label)


def scope_label(sel: Selection) -> str:
    """The territory a province-level figure belongs to: the province's name when one municipality
    is selected (its figure is the province's, never the town's), else the selection's label."""
    return province_name(sel) if sel.municipality else sel.label


def selection() -> Selection:
    """The current selection for pages (the sidebar widgets live in app.py)."""
    return st.session_state.get("_selection") or Selection(
        tuple(p.istat for p in territory.provinces()), None, " + ".join(p.name for p in territory.provinces()))
