"""The staff area's upload tab: choose a dataset and a layout, upload a file, confirm a smaller table.

Each uploaded file (Streamlit's file_id) is processed once. When the uploader refuses a new file (too
big, wrong type) it keeps showing the previous one, so pressing «Carica» again would silently upload
that earlier file: it is refused instead, by name."""

from __future__ import annotations

import logging

import streamlit as st

from observatory import config, datasets, labels
from observatory.errors import ObservatoryError
from observatory.pipeline import uploads
from observatory.ui import state
from observatory.ui.staff_common import finish, title

DONE_FILES = "_staff_done_files"  # file_id → name of every file already processed in this session
_LOG = logging.getLogger(__name__)


def _options() -> dict[str, list[str]]:
    options = {}
    for dataset in datasets.CATALOGUE.values():
        layouts = ([uploads.OFFICIAL] if dataset.parse_upload else []) + \
                  ([uploads.TABLE] if uploads.accepts_table(dataset) else [])
        if layouts:
            options[dataset.id] = layouts
    return options


def upload_panel(who: str) -> None:
    options = _options()
    if not options:
        st.info(state.t("staff.upload.none"))
        return
    dataset_id = st.selectbox(state.t("staff.upload.dataset"), list(options), format_func=title,
                              key="staff_upload_dataset")
    layout = st.radio(state.t("staff.upload.layout"), options[dataset_id], key=f"staff_layout_{dataset_id}",
                      format_func=lambda v: state.t(f"staff.upload.layout.{v}"))
    if layout == uploads.TABLE:
        st.caption(state.t("staff.upload.columns", columns=", ".join(datasets.get(dataset_id).schema.columns)))
    limit = config.max_upload_bytes() // (1024 * 1024)
    file = st.file_uploader(state.t("staff.upload.file", mb=limit), type=["xlsx", "csv"],
                            key="staff_upload_file")
    confirm = st.checkbox(state.t("staff.upload.confirm_shrink"), key="staff_upload_shrink")
    if not st.button(state.t("staff.upload.button"), key="staff_upload", type="primary"):
        return
    if file is None:
        st.warning(state.t("staff.upload.missing"))
        return
    done = st.session_state.setdefault(DONE_FILES, {})
    if file.file_id in done:
        finish("warning", state.t("staff.upload.already", name=file.name, mb=limit), [])
    _upload(who, dataset_id, layout, file, confirm, done)


def _upload(who: str, dataset_id: str, layout: str, file, confirm: bool, done: dict) -> None:
    with st.spinner(state.t("staff.upload.running", name=file.name)):
        try:
            result = uploads.upload(dataset_id, file.getvalue(), file.name, who=who, layout=layout,
                                    confirm_shrink=confirm)
        except uploads.ShrinkingUpload as exc:  # not processed: the same file may come back confirmed
            finish("warning", state.t("staff.upload.shrinks", name=file.name), exc.problems)
        except uploads.UploadRejected as exc:
            done[file.file_id] = file.name
            finish("error", state.t("staff.upload.rejected", name=file.name), exc.problems)
        except ObservatoryError as exc:  # e.g. the snapshot is being written by someone else
            finish("error", str(exc), [])
        except Exception:  # noqa: BLE001 — never a traceback in the staff area
            _LOG.exception("upload of %s failed unexpectedly", file.name)
            done[file.file_id] = file.name
            finish("error", state.t("staff.upload.crashed", name=file.name), [])
    done[file.file_id] = file.name
    details = [state.t("staff.upload.missing_part", what=result.missing)] if result.missing else []
    finish("warning" if result.missing else "success",
           state.t("staff.upload.done", title=title(dataset_id), name=file.name, rows=labels.fmt_int(result.rows)),
           details, new_data=True)
