"""Fonti e metodo: every dataset with its provenance, the public copy it comes from and how to cite;
every indicator's definition; and "Verifica dei numeri", each published figure beside the archive's
value with its status. One view at a time (navigation.PageEntry.views)."""

from datetime import date

import streamlit as st

from observatory.ui import data, filters, widgets
from observatory.ui.shell import require_app_shell
from observatory.ui.state import lang, t
from observatory.views import fonti as view

require_app_shell()

L = lang()
st.title(t("nav.sources"))
st.markdown(t("sources.lead"))
shown = widgets.view_picker("fonti")

try:
    records = data.manifest()
    if shown == "dataset":
        found = data.derived(view.datasets, records=tuple(records.values()), lang=L, today=date.today().isoformat(),
                             copies=data.public_copies())
    elif shown == "indicatori":
        indicators = data.derived(view.indicators, lang=L)
except Exception as exc:  # noqa: BLE001 — a damaged manifest is reported, not raised
    st.error(f"{t('error.data')}: {exc}")
    st.stop()

if shown == "dataset":
    # cards first: provenance, period, update and licence readable without scrolling sideways
    # (two columns on a wide screen, one on a phone, where Streamlit stacks them)
    columns = st.columns(2)
    for number, text in enumerate(found.cards):
        with columns[number % 2].container(border=True):
            st.markdown(text)
    st.subheader(t("sources.table"))
    st.dataframe(found.table, hide_index=True, width="stretch",
                 column_config={found.url_column: st.column_config.LinkColumn()})
    if found.copies:
        st.subheader(t("sources.copies"))
        st.markdown(t("sources.copies.lead") + "\n\n" + "\n".join(f"- {line}" for line in found.copies))
    st.subheader(t("sources.cite"))
    st.code(found.citation, language=None, wrap_lines=True)  # the whole line on screen, not behind a scroll
elif shown == "indicatori":
    st.dataframe(indicators, hide_index=True, width="stretch")
else:
    st.markdown(t("verify.lead"))
    if "numeri_pubblicati" not in records:
        st.info(t("verify.missing", error=t("overview.card.missing")))
        st.stop()
    present = tuple(i for i in view.VERIFICATION_NEEDS if i in records)
    demo = tuple(i for i, record in records.items() if record.is_demo)
    everything = data.derived(view.verification, *present, ids=present, demo=demo, lang=L)
    st.caption(everything.summary)
    status = filters.select(t("verify.filter"), everything.statuses, "stato", view.ALL_STATUSES,
                            format_func=everything.status_names.get)
    checked = data.derived(view.verification, *present, ids=present, demo=demo, lang=L, status=status)
    st.dataframe(checked.table, hide_index=True, width="stretch",
                 column_config={checked.url_column: st.column_config.LinkColumn()})
    # the sources of the values compared: demo datasets never count, so they are not among them
    widgets.sources_caption(tuple(i for i in present if i not in demo), checked.caption)
    widgets.downloads(checked.rows, "verifica_numeri_pubblicati", "verify",
                      how=widgets.provenance_of(("numeri_pubblicati",)))
