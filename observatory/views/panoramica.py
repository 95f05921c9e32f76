"""The Panoramica page: headline cards for the selected territory (labour-force rates, hires, planned
hires, new businesses, students), each with the sentence that says what changed, and residents by
municipality on a map. A topic whose micro-data is demo or absent (hires, businesses, Excelsior)
shows its latest published figures instead, transcribed from the publisher's release."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pandas as pd

from observatory import labels, territory
from observatory.indicators import (
    enterprises,
    headlines,
    hires,
    labour,
    population,
    published,
    published_topics,
    skills,
)
from observatory.views import Card, MapView, indicator_card, map_view, published_card, qualita_lavoro

LABOUR, BUSINESS, EDUCATION, SKILLS = "mercato-lavoro", "imprese", "formazione", "competenze"
PUBLISHED = ("numeri_pubblicati",)
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
        band = "" if forze is None else labour.unusual_band(indicator_id, labour.age_band(forze, indicator_id))
        for province in _scope(provinces):
            title = labels.t(title_key, lang, name=province.name) if not band else labels.t(
                "overview.card.band", lang, label=labels.t(f"{title_key}_short", lang), band=band, name=province.name)
            change = None if forze is None else labour.latest_rate(forze, indicator_id, province.nuts)
            if change is None:
                cards.append(_missing(title, lang, error, ("forze_lavoro",)))
                continue
            card = indicator_card(indicator_id, title, labels.fmt_pct(change.valore, 1, lang), change.variazione,
                                  lang, unit=" p.p.", help_note=labels.t("overview.card.change_year", lang),
                                  description=labels.t("overview.card.year", lang, year=change.anno))
            cards.append(Headline(card, headlines.rate_sentence([province.name], change, lang, band), LABOUR,
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


def published_hires_cards(numeri_pubblicati: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                          error: str | None = None) -> tuple[Headline, ...]:
    """Hires of each province in its latest published year (transcribed from the release), each
    with its own year; the sentence adds that year's terminations and balance. () without figures."""
    if numeri_pubblicati is None:
        return ()
    rows, out = published.figures(numeri_pubblicati, "lavoro"), []
    for province in _scope(provinces):
        flows = published_topics.latest_flows(rows, province.nuts)
        if flows is not None:
            card = published_card("assunzioni", labels.t("overview.card.hires", lang, name=province.name),
                                  flows.assunzioni, lang)
            out.append(Headline(card, headlines.published_flows_sentence([province.name], flows, lang), LABOUR,
                                labels.t("overview.link.labour", lang), PUBLISHED))
    return tuple(out)


def published_firm_cards(numeri_pubblicati: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                         error: str | None = None) -> tuple[Headline, ...]:
    """Business registrations of the area's latest published year; the sentence adds closures,
    balance and the registered businesses. () without figures."""
    scope = _scope(provinces)
    firms = None if numeri_pubblicati is None else published_topics.latest_firms(
        published.figures(numeri_pubblicati, "imprese"), [p.nuts for p in scope])
    if firms is None:
        return ()
    card = published_card("iscrizioni", labels.t("overview.card.firms_published", lang), firms.iscrizioni, lang)
    return (Headline(card, headlines.published_firms_sentence([p.name for p in scope], firms, lang), BUSINESS,
                     labels.t("overview.link.business", lang), PUBLISHED),)


def published_planned_cards(numeri_pubblicati: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                            error: str | None = None) -> tuple[Headline, ...]:
    """Excelsior planned hires of the area's latest published quarter. () without figures."""
    scope = _scope(provinces)
    planned = None if numeri_pubblicati is None else published_topics.latest_planned(
        published.figures(numeri_pubblicati, "excelsior"), [p.nuts for p in scope])
    if planned is None:
        return ()
    card = published_card("entrate_previste", labels.t("overview.card.planned", lang), planned.entrate, lang)
    return (Headline(card, headlines.published_planned_sentence([p.name for p in scope], planned, lang), SKILLS,
                     labels.t("overview.link.skills", lang), PUBLISHED),)


def planned_cards(excelsior: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                  error: str | None = None) -> tuple[Headline, ...]:
    """Excelsior planned hires of the latest survey year in the archive (skills.planned_totals)."""
    title, ids = labels.t("overview.card.planned", lang), ("excelsior",)
    scope = _scope(provinces)
    planned = None if excelsior is None else skills.planned_totals(excelsior, [p.nuts for p in scope])
    if planned is None:
        return (_missing(title, lang, error, ids),)
    card = indicator_card("entrate_previste", title, labels.fmt_int(planned.entrate, lang), None, lang,
                          description=labels.t("overview.card.year", lang, year=planned.anno))
    sentence = labels.t("overview.planned.sentence", lang, where=headlines.where([p.name for p in scope], lang),
                        total=labels.fmt_int(planned.entrate, lang), year=planned.anno)
    return (Headline(card, sentence, SKILLS, labels.t("overview.link.skills", lang), ids),)


@dataclasses.dataclass(frozen=True)
class Group:
    """A group of cards: the view function and the datasets it reads."""

    function: Callable[..., tuple[Headline, ...]]
    dataset_ids: tuple[str, ...]


#: each topic's cards from the archive, and from the published figures (None: the topic has none)
TOPICS = (
    (Group(rate_cards, ("forze_lavoro",)), None),
    (Group(hires_cards, ("avviamenti", "cessazioni")), Group(published_hires_cards, PUBLISHED)),
    (Group(planned_cards, ("excelsior",)), Group(published_planned_cards, PUBLISHED)),
    (Group(firm_cards, ("imprese",)), Group(published_firm_cards, PUBLISHED)),
    (Group(student_cards, ("studenti",)), None),
    (Group(qualita_lavoro.overview_cards, ("bes_lavoro",)), None),
)
#: labour-force rates; then flows, planned hires, businesses and students; then job quality (NEET)
ROW_OF_TOPIC = (0, 1, 1, 1, 1, 2)


def rows(reliable: frozenset[str]) -> tuple[tuple[tuple[Group, ...], ...], ...]:
    """The overview's rows, each a tuple of topics, each topic the groups to try in order: a topic
    whose datasets are not all `reliable` (in the snapshot and not demo) tries its published figures
    first, so no demo magnitude is a headline where a published one exists; the archive's cards
    (or their notes) come next."""
    out: list[list[tuple[Group, ...]]] = [[] for _ in set(ROW_OF_TOPIC)]
    for (own, alternative), row in zip(TOPICS, ROW_OF_TOPIC):
        weak = alternative is not None and not set(own.dataset_ids) <= reliable
        out[row].append((alternative, own) if weak else (own,))
    return tuple(tuple(row) for row in out)


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
