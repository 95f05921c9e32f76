"""Panoramica: headline cards for the selected territory, then residents by municipality on a map."""

import streamlit as st

from observatory import labels, territory
from observatory.indicators import headlines, labour, population
from observatory.ui import cards, data, maps_ui
from observatory.ui.state import lang, selection, t
from observatory.ui.shell import require_app_shell

require_app_shell()

LABOUR, BUSINESS, EDUCATION = "pages/mercato_lavoro.py", "pages/imprese.py", "pages/formazione.py"
PCT = "\u00a0%" if lang() == "it" else "%"

st.title(t("overview.title"))
st.markdown(t("overview.lead"))

sel = selection()
scope = [p for p in territory.provinces() if p.istat in sel.provinces]
nuts, names = [p.nuts for p in scope], [p.name for p in scope]


def missing(title: str, error: str | None) -> None:
    cards.missing_card(title=title, message=t("overview.card.missing") if error else t("overview.card.no_rows"),
                       detail=error or "")


st.subheader(t("overview.cards"))

# labour-force rates: one card per province (rates of two provinces cannot be summed)
forze, forze_error = data.try_dataset("forze_lavoro")
rate_columns = iter(st.columns(2 * len(scope)))
for indicator_id, title_key in (("tasso_disoccupazione", "overview.card.unemployment"),
                                ("tasso_occupazione", "overview.card.employment")):
    for province in scope:
        title = t(title_key, name=province.name)
        change = data.derived(labour.latest_rate, "forze_lavoro", indicator=indicator_id, territory=province.nuts) if forze is not None else None
        with next(rate_columns):
            if change is None:
                missing(title, forze_error)
                continue
            cards.headline_card(
                title=title, value=labels.fmt_pct(change.valore, 1, lang()),
                delta=headlines.delta_text(change.variazione, 1, lang(), " p.p."),
                delta_help=t("overview.card.vs_prev_year"), indicator_id=indicator_id,
                period=t("overview.card.year", year=change.anno),
                sentence=headlines.rate_sentence([province.name], change, lang()),
                page=LABOUR, link_label=t("overview.link.labour"), dataset_ids=("forze_lavoro",))

flows_column, firms_column, students_column = st.columns(3)

with flows_column:
    avviamenti, error_a = data.try_dataset("avviamenti")
    cessazioni, error_c = data.try_dataset("cessazioni")
    twelve = (data.derived(labour.last_twelve_months, "avviamenti", "cessazioni", territories=tuple(nuts))
              if avviamenti is not None and cessazioni is not None else None)
    if twelve is None:
        missing(t("overview.card.flows"), error_a or error_c)
    else:
        cards.headline_card(
            title=t("overview.card.flows"), value=labels.fmt_int(twelve.assunzioni, lang()),
            delta=headlines.delta_text(headlines.percent_change(twelve.assunzioni, twelve.assunzioni_prec), 1,
                                       lang(), PCT),
            delta_help=t("overview.card.vs_prev_12m"), indicator_id="assunzioni",
            period=" + ".join(names),
            extra=t("overview.card.flows_extra", ends=labels.fmt_int(twelve.cessazioni, lang()),
                    balance=labels.fmt_signed(twelve.saldo, 0, lang()), start=labels.fmt_month(twelve.inizio, lang()),
                    end=labels.fmt_month(twelve.fine, lang())),
            sentence=headlines.flows_sentence(names, twelve, lang()),
            page=LABOUR, link_label=t("overview.link.labour"), dataset_ids=("avviamenti", "cessazioni"))

with firms_column:
    imprese, error_i = data.try_dataset("imprese")
    firms = data.derived(headlines.firm_flows_12m, "imprese", territories=tuple(nuts)) if imprese is not None else None
    if firms is None:
        missing(t("overview.card.firms"), error_i)
    else:
        cards.headline_card(
            title=t("overview.card.firms"), value=labels.fmt_int(firms.iscrizioni, lang()),
            delta=headlines.delta_text(headlines.percent_change(firms.iscrizioni, firms.iscrizioni_prec), 1,
                                       lang(), PCT),
            delta_help=t("overview.card.vs_prev_12m"), indicator_id="iscrizioni", period=" + ".join(names),
            extra=t("overview.card.firms_extra", closed=labels.fmt_int(firms.cessazioni, lang()),
                    balance=labels.fmt_signed(firms.saldo, 0, lang()), start=labels.fmt_month(firms.inizio, lang()),
                    end=labels.fmt_month(firms.fine, lang())),
            sentence=headlines.firms_sentence(names, firms, lang()),
            page=BUSINESS, link_label=t("overview.link.business"), dataset_ids=("imprese",))

with students_column:
    studenti, error_s = data.try_dataset("studenti")
    enrolment = data.derived(headlines.students_latest, "studenti", provinces=sel.provinces) if studenti is not None else None
    if enrolment is None:
        missing(t("overview.card.students"), error_s)
    else:
        diff = None if enrolment.totale_precedente is None else enrolment.totale - enrolment.totale_precedente
        cards.headline_card(
            title=t("overview.card.students"), value=labels.fmt_int(enrolment.totale, lang()),
            delta=headlines.delta_text(diff, 0, lang()), delta_help=t("overview.card.vs_prev_year"),
            indicator_id="studenti", period=t("overview.card.school_year", year=enrolment.anno_scolastico),
            extra=" + ".join(names), sentence=headlines.students_sentence(names, enrolment, lang()),
            page=EDUCATION, link_label=t("overview.link.education"), dataset_ids=("studenti",))

st.divider()
popolazione, error_pop = data.try_dataset("popolazione")
comuni, error_com = data.try_dataset("comuni")
if popolazione is None or comuni is None:
    st.error(f"{t('error.data')}: {error_pop or error_com}")
    st.stop()

values = data.derived(population.residents_by_municipality, "popolazione", "comuni", provinces=sel.provinces)
total = labels.fmt_int(values["valore"].sum(), lang())
maps_ui.municipal_map(
    values,
    title=t("map.population.title", territory=sel.label, total=total),
    caption=t("map.population.caption", year=int(popolazione["anno"].max())),
    indicator_id="popolazione",
    highlight=sel.municipality,
    dataset_ids=("popolazione", "comuni"),
    key="pop",
)
