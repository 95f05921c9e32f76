"""The Panoramica page: headline cards for the selected territory (labour-force rates, hires, new
businesses, students), each with the sentence that says what changed, and residents by
municipality on a map."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import labels, territory
from observatory.indicators import enterprises, headlines, hires, labour, population
from observatory.views import Card, MapView, indicator_card, map_view, qualita_lavoro

LABOUR, BUSINESS, EDUCATION = "mercato-lavoro", "imprese", "formazione"
_RATES = (("tasso_disoccupazione", "overview.card.unemployment"), ("tasso_occupazione", "overview.card.employment"))


@dataclasses.dataclass(frozen=True)
class Headline:
    """One overview card (its description gives the period, short since cards sit four in a row;
    its help the definition and what the change compares), the sentence that says what changed,
    and the page with the detail (its url_path)."""

    card: Card
    sentence: str = ""
    page: str = ""
    link: str = ""
    dataset_ids: tuple[str, ...] = ()


def _scope(provinces: tuple[str, ...]) -> list[territory.Province]:
    return [p for p in territory.provinces() if p.istat in provinces]


def _missing(label: str, lang: str, error: str | None, dataset_ids: tuple[str, ...]) -> Headline:
    """A card without a value: the dataset is not in the snapshot (error) or has no rows here."""
    note = labels.t("overview.card.missing" if error else "overview.card.no_rows", lang)
    return Headline(Card(label, None, note=note, detail=error or ""), dataset_ids=dataset_ids)


def rate_cards(forze: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
               error: str | None = None) -> tuple[Headline, ...]:
    """Unemployment, then employment, one card per province (rates of two provinces cannot be summed)."""
    cards = []
    for indicator_id, title_key in _RATES:
        for province in _scope(provinces):
            title = labels.t(title_key, lang, name=province.name)
            change = None if forze is None else labour.latest_rate(forze, indicator_id, province.nuts)
            if change is None:
                cards.append(_missing(title, lang, error, ("forze_lavoro",)))
                continue
            card = indicator_card(indicator_id, title, labels.fmt_pct(change.valore, 1, lang), change.variazione,
                                  lang, unit=" p.p.", help_note=labels.t("overview.card.change_year", lang),
                                  description=labels.t("overview.card.year", lang, year=change.anno))
            cards.append(Headline(card, headlines.rate_sentence([province.name], change, lang), LABOUR,
                                  labels.t("overview.link.labour", lang), ("forze_lavoro",)))
    return tuple(cards)


def _until(end: pd.Timestamp, lang: str) -> str:
    """'fino a dic 2025': the card's label already says 'last 12 months'."""
    return labels.t("overview.card.until", lang, end=labels.fmt_month(end, lang))


def _twelve_months_card(indicator_id: str, title: str, total: float, previous: float | None, end: pd.Timestamp,
                        lang: str) -> Card:
    """A 12-month total with its change in percent on the 12 months before."""
    return indicator_card(indicator_id, title, labels.fmt_int(total, lang), headlines.percent_change(total, previous),
                          lang, unit=labels.percent_unit(lang), decimals=1, description=_until(end, lang),
                          help_note=labels.t("overview.card.change_12m", lang))


def hires_cards(avviamenti: pd.DataFrame | None, cessazioni: pd.DataFrame | None, *, provinces: tuple[str, ...],
                lang: str, error: str | None = None) -> tuple[Headline, ...]:
    """Hires over the latest 12 months for the whole scope; the sentence adds terminations and balance."""
    title, ids = labels.t("overview.card.flows", lang), ("avviamenti", "cessazioni")
    scope = _scope(provinces)
    twelve = None if avviamenti is None or cessazioni is None else hires.last_twelve_months(
        avviamenti, cessazioni, tuple(p.nuts for p in scope))
    if twelve is None:
        return (_missing(title, lang, error, ids),)
    card = _twelve_months_card("assunzioni", title, twelve.assunzioni, twelve.assunzioni_prec, twelve.fine, lang)
    return (Headline(card, headlines.flows_sentence([p.name for p in scope], twelve, lang), LABOUR,
                     labels.t("overview.link.labour", lang), ids),)


def firm_cards(imprese: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
               error: str | None = None) -> tuple[Headline, ...]:
    """Business registrations over the latest 12 months; the sentence adds closures and balance."""
    title, ids = labels.t("overview.card.firms", lang), ("imprese",)
    scope = _scope(provinces)
    firms = None if imprese is None else enterprises.firm_flows_12m(imprese, tuple(p.nuts for p in scope))
    if firms is None:
        return (_missing(title, lang, error, ids),)
    card = _twelve_months_card("iscrizioni", title, firms.iscrizioni, firms.iscrizioni_prec, firms.fine, lang)
    return (Headline(card, headlines.firms_sentence([p.name for p in scope], firms, lang), BUSINESS,
                     labels.t("overview.link.business", lang), ids),)


def student_cards(studenti: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                  error: str | None = None) -> tuple[Headline, ...]:
    """Upper-secondary students in the latest school year and the change on the year before."""
    title, ids = labels.t("overview.card.students", lang), ("studenti",)
    enrolment = None if studenti is None else headlines.students_latest(studenti, provinces=provinces)
    if enrolment is None:
        return (_missing(title, lang, error, ids),)
    diff = None if enrolment.totale_precedente is None else enrolment.totale - enrolment.totale_precedente
    card = indicator_card("studenti", title, labels.fmt_int(enrolment.totale, lang), diff, lang,
                          description=labels.t("overview.card.school_year_short", lang, year=enrolment.anno_scolastico),
                          help_note=labels.t("overview.card.change_school_year", lang))
    return (Headline(card, headlines.students_sentence([p.name for p in _scope(provinces)], enrolment, lang),
                     EDUCATION, labels.t("overview.link.education", lang), ids),)


#: the rows of cards: each group of cards with the datasets it reads (labour-force rates, then flows)
ROWS = (((rate_cards, ("forze_lavoro",)),),
        ((hires_cards, ("avviamenti", "cessazioni")), (firm_cards, ("imprese",)), (student_cards, ("studenti",))),
        ((qualita_lavoro.overview_cards, ("bes_lavoro",)),))


def population_map(popolazione: pd.DataFrame, comuni: pd.DataFrame, *, provinces: tuple[str, ...],
                   scope_label: str, highlight: str | None, lang: str) -> MapView:
    """Residents of the latest year by municipality, as a map whose title gives the total."""
    values = population.residents_by_municipality(popolazione, comuni, provinces=provinces)
    if highlight is None:
        title = labels.t("map.population.title", lang, territory=scope_label,
                         total=labels.fmt_int(values["valore"].sum(), lang))
    else:  # one municipality: the map shows its province, so the total is the province's
        provinces_shown = " + ".join(p.name for p in territory.provinces() if p.istat in provinces)
        town = values.loc[values["comune_istat"] == highlight, "valore"]
        title = labels.t("map.population.title_town", lang, territory=provinces_shown,
                         total=labels.fmt_int(values["valore"].sum(), lang), town=scope_label,
                         residents=labels.fmt_int(town.iloc[0] if len(town) else None, lang))
    caption = labels.t("map.population.caption", lang, year=int(popolazione["anno"].max()))
    return map_view(values, comuni, indicator_id="popolazione", title=title, caption=caption,
                    dataset_ids=("popolazione", "comuni"), lang=lang, highlight=highlight)
