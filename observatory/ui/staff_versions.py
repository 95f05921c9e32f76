"""The staff area's versions and log tabs: the versions on disk (live, complete), their changelogs,
a restore that makes an older one live again, and the last entries of the audit log."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatory import labels
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, versions
from observatory.ui import state
from observatory.ui.staff_common import finish, plain


def _label(info: versions.VersionInfo) -> str:
    when = labels.fmt_date(info.created_at, state.lang()) if info.created_at else "?"
    marks = [state.t("staff.versions.live")] if info.live else []
    marks.append(state.t("staff.versions.complete") if info.complete else
                 state.t("staff.versions.incomplete", ids=", ".join(info.incomplete)))
    if info.restored_from:
        marks.append(state.t("staff.versions.restored", version=info.restored_from))
    return f"{info.name} · {when} · {' · '.join(marks)}"


def versions_panel(who: str) -> None:
    st.caption(state.t("staff.versions.caption"))
    found = versions.versions()
    if not found:
        st.info(state.t("staff.versions.none"))
        return
    for info in found:
        with st.expander(_label(info)):
            st.markdown(plain(versions.changelog_text(info.name) or state.t("staff.versions.no_changelog")))
    older = [info.name for info in found if not info.live]
    if not older:
        return
    chosen = st.selectbox(state.t("staff.versions.choose"), older, key="staff_restore_version")
    if st.button(state.t("staff.versions.restore"), key="staff_restore"):
        try:
            name = versions.restore(chosen, who=who)
        except ObservatoryError as exc:
            audit.append(who, audit.RESTORE, chosen, audit.FAILURE, str(exc))
            finish("error", str(exc), [])
        audit.append(who, audit.RESTORE, chosen, audit.SUCCESS, f"in linea come versione {name}")
        finish("success", state.t("staff.versions.restored_now", version=chosen), [], new_data=True)


def log_panel() -> None:
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
