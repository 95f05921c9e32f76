"""Formazione: upper-secondary students by school type and field, their trend by school year and
where the schools are; ITS Academy has no machine-readable source, and the page says so."""

import streamlit as st

from observatory import charts, labels
from observatory.indicators import education, registry
from observatory.ui import data, filters, maps_ui, widgets
from observatory.ui.state import lang, selection, t
from observatory.ui.shell import require_app_shell

require_app_shell()

ALL = "tutti"

st.title(t("nav.education"))
st.markdown(t("edu.lead"))
sel = selection()
studenti, error = data.try_dataset("studenti")
comuni, error_com = data.try_dataset("comuni")
if studenti is None or comuni is None:
    st.info(t("edu.missing", error=error or error_com))
    st.info(t("edu.its"))
    st.stop()

local = education.in_scope(studenti, sel.provinces)
known = education.years(local)
if not known:
    st.info(t("edu.no_rows", territory=sel.label))
    st.info(t("edu.its"))
    st.stop()
left, right = st.columns(2)
year = filters.select(t("edu.year"), list(reversed(known)), "anno", known[-1], container=left)
track = filters.select(t("edu.track"), [ALL] + education.TRACKS, "tipo", ALL, container=right,
                       format_func=lambda k: t(f"edu.track.{k}"))
chosen_track = None if track == ALL else track

# headline cards: students and each school type's share, with the change on the previous year
now = education.summary(local, year)
before = education.summary(local, now["anno_precedente"]) if now["anno_precedente"] else None
st.caption(t("edu.cards.caption", territory=sel.label, year=year,
             previous=now["anno_precedente"] or labels.MISSING))
widgets.demo_badge("studenti")
cards = st.columns(1 + len(education.TRACKS))
filters.card(cards[0], registry.indicator("studenti").label(lang()), labels.fmt_int(now["totale"], lang()),
             change=(now["totale"] - before["totale"]) if before else None, higher_is_better=None)
for column, key in zip(cards[1:], education.TRACKS):
    share = now["quote"][key]
    filters.card(column, t("edu.card.share", track=t(f"edu.track.{key}")), labels.fmt_pct(share, 1, lang()),
                 change=(share - before["quote"][key]) if before and share is not None and before["quote"][key] is not None
                 else None, decimals=1, unit=t("edu.unit.pp"), higher_is_better=None)

# trend by school year and school type (counts: axis from zero)
trend = education.by_track_and_year(local)
track_names = {k: t(f"edu.track.{k}") for k in education.TRACKS}
latest_row = trend[trend["anno_scolastico"] == known[-1]].sort_values("studenti", ascending=False).head(1)
chart = charts.recipe(charts.trend_lines, 
    trend, x="anno_scolastico", y="studenti", territory="tipo_percorso", names=track_names, lang=lang(), decimals=0,
    zero=True, y_title=t("edu.axis.students"),
    title=t("edu.chart.trend.title", territory=sel.label, year=known[-1],
            track=track_names.get(latest_row["tipo_percorso"].iloc[0], "") if len(latest_row) else labels.MISSING,
            value=labels.fmt_int(latest_row["studenti"].iloc[0] if len(latest_row) else None, lang())))
widgets.chart_block(chart, trend, name="studenti_per_tipo", key="edu-trend", dataset_ids=("studenti",),
                    caption=t("edu.caption"))

# fields of the chosen year (and school type)
fields = education.by_field(local, year, chosen_track)
if fields.empty:
    st.info(t("edu.no_rows", territory=sel.label))
else:
    top = fields.iloc[0]
    chart = charts.recipe(charts.sorted_bars, 
        fields, category="nome", value="studenti", value_title=t("edu.axis.students"), lang=lang(),
        title=t("edu.chart.fields.title", year=year, field=top["nome"], share=labels.fmt_pct(top["quota"], 1, lang()),
                territory=sel.label, track=t(f"edu.track.{track}").lower()))
    widgets.chart_block(chart, fields, name="studenti_per_percorso", key="edu-fields", dataset_ids=("studenti",),
                        caption=t("edu.caption"))

# where the schools are
values = education.by_municipality(studenti, comuni, sel.provinces, year, chosen_track)
best = values.dropna(subset=["valore"]).head(1)
maps_ui.municipal_map(
    values,
    title=t("edu.map.title", year=year, territory=sel.label,
            top=best["comune"].iloc[0] if len(best) else labels.MISSING,
            value=labels.fmt_int(best["valore"].iloc[0] if len(best) else None, lang())),
    caption=t("edu.map.caption", year=year), indicator_id="studenti", highlight=sel.municipality,
    dataset_ids=("studenti",), key="edu-map",
)

st.subheader(t("edu.its.title"))
st.info(t("edu.its"))
