"""The staff area in the sidebar: sign-in, refresh from the publishers, upload of official files,
and the log of both. Leaders who are not signed in see only the closed expander (sidebar.py),
and nothing inside it is drawn until someone opens it.

The checks live in plain modules (auth, uploads, refresh, audit); this module only draws them."""

from __future__ import annotations

import math
import re

import pandas as pd
import streamlit as st

from observatory import auth, config, datasets, labels, store
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, refresh, uploads
from observatory.ui import data, sidebar, state

WHO = "_staff_who"          # who is signed in (name or e-mail), for the audit log
RESULT = "_staff_result"    # the outcome of the last action, shown after the rerun
BOX = sidebar.STAFF_BOX     # the key of the sidebar expander holding the area: its open state


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
            st.warning(state.t("staff.oidc_denied", email=email or "?"))
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
        name = st.text_input(state.t("staff.name"), key="staff_name")
        password = st.text_input(state.t("staff.password"), type="password", key="staff_password")
        submitted = st.form_submit_button(state.t("staff.sign_in"))
    if not submitted:
        if auth.seconds_locked(st.session_state) > 0:
            _locked_message()
        return
    try:
        outcome = auth.attempt(st.session_state, stored, password)
    except ObservatoryError as exc:  # a malformed hash in the configuration
        st.error(str(exc))
        return
    if outcome is auth.SignIn.OK:
        st.session_state[WHO] = f"{name.strip() or 'staff'} (password)"
        st.rerun()
    elif outcome is auth.SignIn.LOCKED:
        _locked_message()
    else:
        st.error(state.t("staff.wrong"))


def _locked_message() -> None:
    st.error(state.t("staff.locked", seconds=math.ceil(auth.seconds_locked(st.session_state))))


def _area(who: str) -> None:
    st.caption(state.t("staff.signed_in", who=who))
    if st.button(state.t("staff.sign_out"), key="staff_out"):
        if st.session_state.pop(WHO, None) is None:
            st.logout()  # signed in through OIDC
        st.session_state.pop(RESULT, None)
        st.rerun()
    _last_result()
    tab_refresh, tab_upload, tab_log = st.tabs(
        [state.t("staff.tab.refresh"), state.t("staff.tab.upload"), state.t("staff.tab.log")])
    with tab_refresh:
        _refresh_panel(who)
    with tab_upload:
        _upload_panel(who)
    with tab_log:
        _log_panel()


def _last_result() -> None:
    result = st.session_state.get(RESULT)
    if not result:
        return
    kind, text, details = result
    getattr(st, kind)(_plain(text) + ("\n\n" + "\n".join(f"- {_plain(d)}" for d in details) if details else ""))


def _plain(text: str) -> str:
    """Messages quote cells of uploaded files: escape Markdown so a cell cannot become a link or an
    image fetched from elsewhere."""
    return re.sub(r"([\\`*_{}\[\]()#+!|<>~-])", r"\\\1", text)


def _title(dataset_id: str) -> str:
    dataset = datasets.CATALOGUE.get(dataset_id)
    return (dataset.title_en if state.lang() == "en" else dataset.title_it) if dataset else dataset_id


def _datasets_list() -> None:
    """Every dataset with provenance, period, last update and how it is kept current (a list reads
    better than a table in the narrow sidebar)."""
    lang = state.lang()
    records = data.manifest()
    for dataset_id in dict.fromkeys([*datasets.CATALOGUE, *records]):
        record, dataset = records.get(dataset_id), datasets.CATALOGUE.get(dataset_id)
        how = state.t("staff.source.api" if dataset and dataset.fetch else "staff.source.file")
        if record is None:
            st.markdown(f"**{_title(dataset_id)}**  \n{labels.MISSING} · {how}")
            continue
        period = " – ".join(dict.fromkeys(p for p in (record.period_start, record.period_end) if p))
        period = f"{state.t('freshness.period')} {period} · " if period else ""
        st.markdown(f"**{_title(dataset_id)}**  \n{state.t(f'provenance.{record.provenance}')} · "
                    f"{period}{state.t('freshness.updated')} "
                    f"{labels.fmt_date(record.retrieved_at, lang)} · {labels.fmt_int(record.rows)} "
                    f"{state.t('staff.rows')} · {how}")


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
                            format_func=_title, key="staff_refresh_ids")
    if st.button(state.t("staff.refresh.button"), key="staff_refresh", type="primary", disabled=not chosen):
        _run_refresh(who, chosen)


def _run_refresh(who: str, ids: list[str]) -> None:
    """Refresh with live progress; the outcome is kept for the rerun that shows the new data."""
    started: list[str] = []
    bar = st.progress(0.0)
    with st.status(state.t("staff.refresh.running"), expanded=True) as status:
        def progress(dataset_id: str, message: str) -> None:
            if dataset_id not in started:
                started.append(dataset_id)
                bar.progress((len(started) - 1) / len(ids))
            status.write(f"**{_title(dataset_id)}** — {message}")

        try:
            report = refresh.refresh(ids, progress=progress)
        except ObservatoryError as exc:  # SnapshotBusy: another refresh is running
            audit.log_refresh(who, ids, error=str(exc))
            status.update(label=str(exc), state="error")
            _finish("warning" if isinstance(exc, store.SnapshotBusy) else "error", str(exc), [])
        bar.progress(1.0)
        audit.log_refresh(who, ids, report)
        headline = {(True, True): "staff.refresh.done", (True, False): "staff.refresh.unchanged",
                    (False, True): "staff.refresh.partial", (False, False): "staff.refresh.failed"}[
            (report.ok, bool(report.version))]
        status.update(label=state.t(headline), state="complete" if report.ok else "error")
    details = [state.t("staff.refresh.reason", title=_title(o.id), reason=o.reason) if o.reason else
               state.t("staff.refresh.outcome", title=_title(o.id), status=o.status, rows=labels.fmt_int(o.rows))
               for o in report.outcomes]
    kind = "success" if report.ok else "warning" if report.version else "error"
    _finish(kind, state.t(headline), details, new_data=bool(report.version))


def _finish(kind: str, text: str, details: list[str], new_data: bool = False) -> None:
    """Keep the outcome for the next run and rerun, so every widget shows the live version."""
    st.session_state[RESULT] = (kind, text, details)
    if new_data:
        data.clear()
    st.rerun()


def _upload_options() -> dict[str, list[str]]:
    options = {}
    for dataset in datasets.CATALOGUE.values():
        layouts = ([uploads.OFFICIAL] if dataset.parse_upload else []) + \
                  ([uploads.TABLE] if uploads.accepts_table(dataset) else [])
        if layouts:
            options[dataset.id] = layouts
    return options


def _upload_panel(who: str) -> None:
    options = _upload_options()
    if not options:
        st.info(state.t("staff.upload.none"))
        return
    dataset_id = st.selectbox(state.t("staff.upload.dataset"), list(options), format_func=_title,
                              key="staff_upload_dataset")
    layout = st.radio(state.t("staff.upload.layout"), options[dataset_id], key=f"staff_layout_{dataset_id}",
                      format_func=lambda v: state.t(f"staff.upload.layout.{v}"))
    if layout == uploads.TABLE:
        st.caption(state.t("staff.upload.columns", columns=", ".join(datasets.get(dataset_id).schema.columns)))
    limit = config.max_upload_bytes() // (1024 * 1024)
    file = st.file_uploader(state.t("staff.upload.file", mb=limit), type=["xlsx", "csv"],
                            key="staff_upload_file")
    if not st.button(state.t("staff.upload.button"), key="staff_upload", type="primary"):
        return
    if file is None:
        st.warning(state.t("staff.upload.missing"))
        return
    with st.spinner(state.t("staff.upload.running")):
        try:
            result = uploads.upload(dataset_id, file.getvalue(), file.name, who=who, layout=layout)
        except uploads.UploadRejected as exc:
            _finish("error", state.t("staff.upload.rejected"), exc.problems)
        except ObservatoryError as exc:  # e.g. the snapshot is being written by someone else
            _finish("error", str(exc), [])
    _finish("success", state.t("staff.upload.done", title=_title(dataset_id), rows=labels.fmt_int(result.rows)),
            [], new_data=True)


def _log_panel() -> None:
    st.caption(state.t("staff.log.caption"))
    entries = audit.read_last(50)
    if entries.empty:
        st.info(state.t("staff.log.empty"))
        return
    when = pd.to_datetime(entries["quando"], errors="coerce", utc=True)
    entries["quando"] = when.dt.strftime("%d/%m/%Y %H:%M").fillna(entries["quando"])
    entries = entries[["quando", "chi", "cosa", "esito", "azione", "dettaglio"]]
    st.dataframe(entries.rename(columns={c: state.t(f"staff.col.{c}") for c in entries.columns}),
                 hide_index=True)
