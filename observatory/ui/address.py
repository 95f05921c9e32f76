"""The addresses a reader is given: the dashboard's public base (OSSERVATORIO_PUBLIC_URL, else the one
this browser used; observatory.present.link) and the address of the view on screen, for QR codes,
shared links, citations and the metadata of downloads."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.context_util import maybe_add_page_path
from streamlit.runtime.scriptrunner import get_script_run_ctx

from observatory import config
from observatory.present import link


def public_link(page_path: str = "") -> link.PublicLink:
    """The dashboard's base address for the audience and where it came from."""
    return link.choose(config.dashboard_url(), st.context.url, page_path)


def view_url() -> str:
    """This page and view with its filters (the URL parameters) at the public address."""
    base = public_link().url
    ctx = get_script_run_ctx()
    page = maybe_add_page_path(base or "", ctx.pages_manager) if ctx is not None else base
    query = urlencode({key: st.query_params[key] for key in st.query_params})
    return page + (f"?{query}" if query else "")
