"""The staff area in the sidebar: sign-in, refresh from the publishers, upload of official files,
versions, and the log. Leaders who are not signed in see only the closed expander (sidebar.py),
and nothing inside it is drawn until someone opens it.

The checks live in plain modules (auth, uploads, refresh, versions, audit); this module and its two
siblings (staff_upload, staff_versions) only draw them. Every text a person typed or a file holds is
escaped before Streamlit renders it as Markdown."""

from __future__ import annotations

import ipaddress
import math

import streamlit as st

from observatory import auth, datasets, labels, store
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, coverage, refresh
from observatory.ui import data, sidebar, state
from observatory.ui.staff_common import RESULT, finish, plain, title
from observatory.ui.staff_upload import upload_panel
from observatory.ui.staff_versions import log_panel, versions_panel

WHO = "_staff_who"          # who is signed in (name or e-mail), for the audit log
BOX = sidebar.STAFF_BOX     # the key of the sidebar expander holding the area: its open state
MAX_NAME = 60
__all__ = ["BOX", "RESULT", "WHO", "render"]


def render() -> None:
    """The area's content, in the current container: the sidebar draws it inside its expander,
    only while that is open."""
    who = _identity(_secrets())
    if who:
        _area(who)


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # noqa: BLE001 — no secrets.toml at all is a normal, closed state
        return {}


def _ip(value) -> str | None:
    """A valid IP address as text, or None (a missing value, a proxy's odd header)."""
    if not isinstance(value, str):
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address() -> str:
    """The browser's address: nginx's X-Real-IP when the connection comes from a proxy on this host
    (deploy/nginx.conf.template), else the connection's own address; "locale" when neither is known."""
    try:
        direct, forwarded = _ip(st.context.ip_address), _ip(st.context.headers.get("X-Real-Ip"))
    except Exception:  # noqa: BLE001 — no request context (a test or a bare run)
        return "locale"
    behind_proxy = direct is None or ipaddress.ip_address(direct).is_loopback
    return (forwarded if behind_proxy and forwarded else direct) or "locale"


def _identity(secrets: dict) -> str | None:
    """Who is signed in, drawing the sign-in controls when nobody is."""
    if st.session_state.get(WHO):
        return st.session_state[WHO]
    oidc = auth.oidc_configured(secrets)
    if oidc:
        user = st.user
        if user.get("is_logged_in"):
            email = user.get("email")
            if auth.is_staff_email(email, secrets):
                return email
            st.warning(state.t("staff.oidc_denied", email=plain(email or "?")))
            st.button(state.t("staff.sign_out"), key="staff_oidc_out", on_click=st.logout)
            return None
        if st.button(state.t("staff.oidc"), key="staff_oidc"):
            st.login()
    stored = auth.configured_hash(secrets)
    if stored is None:
        if not oidc:
            st.info(state.t("staff.closed"))
        return None
    _password_form(stored)
    return st.session_state.get(WHO)


def _password_form(stored: str) -> None:
    with st.form("staff_sign_in", clear_on_submit=True):
        name = st.text_input(state.t("staff.name"), key="staff_name", max_chars=MAX_NAME)
        password = st.text_input(state.t("staff.password"), type="password", key="staff_password")
        submitted = st.form_submit_button(state.t("staff.sign_in"))
    client = client_address()
    if not submitted:
        if auth.seconds_locked(client) > 0:
            _locked_message(client)
        return
    try:
        outcome = auth.attempt(stored, password, client)
    except ObservatoryError as exc:  # a malformed hash in the configuration
        st.error(str(exc))
        return
    if outcome is auth.SignIn.OK:
        cleaned = " ".join(name.split())[:MAX_NAME]
        st.session_state[WHO] = f"{cleaned or 'staff'} (password)"
        st.rerun()
    elif outcome is auth.SignIn.LOCKED:
        _locked_message(client)
    else:
        st.error(state.t("staff.wrong"))


def _locked_message(client: str) -> None:
    seconds = math.ceil(auth.seconds_locked(client))
    key = "staff.locked" if seconds < 120 else "staff.locked_minutes"
    st.error(state.t(key, seconds=seconds, minutes=math.ceil(seconds / 60)))


def _area(who: str) -> None:
    st.caption(state.t("staff.signed_in", who=plain(who)))
    if st.button(state.t("staff.sign_out"), key="staff_out"):
        if st.session_state.pop(WHO, None) is None:
            st.logout()  # signed in through OIDC
        st.session_state.pop(RESULT, None)
        st.rerun()
    _last_result()
    tabs = st.tabs([state.t("staff.tab.refresh"), state.t("staff.tab.upload"), state.t("staff.tab.versions"),
                    state.t("staff.tab.log")])
    with tabs[0]:
        _refresh_panel(who)
    with tabs[1]:
        upload_panel(who)
    with tabs[2]:
        versions_panel(who)
    with tabs[3]:
        log_panel()


def _last_result() -> None:
    result = st.session_state.get(RESULT)
    if not result:
        return
    kind, text, details = result
    getattr(st, kind)(plain(text) + ("\n\n" + "\n".join(f"- {plain(d)}" for d in details) if details else ""))


def _datasets_list() -> None:
    """Every dataset with provenance, period, last update, what is carried over from an older answer
    and how it is kept current (a list reads better than a table in the narrow sidebar)."""
    lang = state.lang()
    records = data.manifest()
    for dataset_id in dict.fromkeys([*datasets.CATALOGUE, *records]):
        record, dataset = records.get(dataset_id), datasets.CATALOGUE.get(dataset_id)
        how = state.t("staff.source.api" if dataset and dataset.fetch else "staff.source.file")
        if record is None:
            st.markdown(f"**{plain(title(dataset_id))}**  \n{labels.MISSING} · {how}")
            continue
        period = " – ".join(dict.fromkeys(p for p in (record.period_start, record.period_end) if p))
        period = f"{state.t('freshness.period')} {period} · " if period else ""
        carried = coverage.carried_summary(record.carried_over)
        carried = f"  \n⚠ {state.t('staff.carried', what=carried)}" if carried else ""
        st.markdown(f"**{plain(title(dataset_id))}**  \n{state.t(f'provenance.{record.provenance}')} · "
                    f"{period}{state.t('freshness.updated')} "
                    f"{labels.fmt_date(record.retrieved_at, lang)} · {labels.fmt_int(record.rows)} "
                    f"{state.t('staff.rows')} · {how}{carried}")


def _refresh_panel(who: str) -> None:
    try:
        _datasets_list()
    except ObservatoryError as exc:
        st.error(str(exc))
    fetchable = [d.id for d in datasets.CATALOGUE.values() if d.fetch]
    if not fetchable:
        st.info(state.t("staff.refresh.none"))
        return
    chosen = st.multiselect(state.t("staff.refresh.choose"), fetchable, default=fetchable,
                            format_func=title, key="staff_refresh_ids")
    shrink = st.checkbox(state.t("staff.refresh.accept_shrink"), key="staff_refresh_shrink",
                         help=state.t("staff.refresh.accept_shrink.help"))
    if st.button(state.t("staff.refresh.button"), key="staff_refresh", type="primary", disabled=not chosen):
        _run_refresh(who, chosen, chosen if shrink else [])


def _run_refresh(who: str, ids: list[str], accept_shrink: list[str]) -> None:
    """Refresh with live progress; the outcome is kept for the rerun that shows the new data."""
    started: list[str] = []
    bar = st.progress(0.0)
    with st.status(state.t("staff.refresh.running"), expanded=True) as status:
        def progress(dataset_id: str, message: str) -> None:
            if dataset_id not in started:
                started.append(dataset_id)
                bar.progress((len(started) - 1) / len(ids))
            status.write(f"**{plain(title(dataset_id))}** — {plain(message)}")

        try:
            with audit.technical_log():
                report = refresh.refresh(ids, progress=progress, accept_shrink=accept_shrink)
        except ObservatoryError as exc:  # busy (another refresh), or a folder that cannot be written
            audit.log_refresh(who, ids, error=str(exc))
            status.update(label=str(exc), state="error")
            finish("warning" if isinstance(exc, store.SnapshotBusy) else "error", str(exc), [])
        bar.progress(1.0)
        audit.log_refresh(who, ids, report)
        headline = _headline(report)
        status.update(label=state.t(headline), state="complete" if report.complete else "error")
    details = [_detail(o) for o in report.outcomes]
    kind = "success" if report.complete else "warning" if report.version or report.ok else "error"
    finish(kind, state.t(headline), details, new_data=bool(report.version))


def _headline(report: refresh.RefreshReport) -> str:
    if report.complete:
        return "staff.refresh.done" if report.version else "staff.refresh.unchanged"
    if report.ok:
        carried = any(o.status == refresh.INCOMPLETE for o in report.outcomes)
        return "staff.refresh.incomplete" if carried else "staff.refresh.accepted"
    return "staff.refresh.partial" if report.version else "staff.refresh.failed"


def _detail(outcome: refresh.DatasetOutcome) -> str:
    name = title(outcome.id)
    if outcome.reason:
        return state.t("staff.refresh.reason", title=name, reason=outcome.reason)
    text = state.t("staff.refresh.outcome", title=name, status=outcome.status, rows=labels.fmt_int(outcome.rows))
    if not outcome.missing:
        return text
    key = "staff.refresh.missing_accepted" if outcome.accepted else "staff.refresh.missing"
    return f"{text} — {state.t(key, what=outcome.missing)}"
