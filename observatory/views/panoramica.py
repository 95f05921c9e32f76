"""The Panoramica page: headline cards for the selected territory (labour-force rates, hires, new
businesses, students), each with the sentence that says what changed, and residents by
municipality on a map."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import labels, territory
from observatory.indicators import headlines, labour, population, registry
from observatory.views import MapView, map_view

LABOUR, BUSINESS, EDUCATION = "mercato-lavoro", "imprese", "formazione"
_RATES = (("tasso_disoccupazione", "overview.card.unemployment"), ("tasso_occupazione", "overview.card.employment"))
_COLOURS = {True: "normal", False: "inverse", None: "off"}


@dataclasses.dataclass(frozen=True)
class Headline:
    """One card, formatted: the metric (its description gives the period, short since cards sit
    four in a row; its help the definition and what the change compares), the sentence that says what
    changed, and the page with the detail (its url_path). Without a value the card carries a note (and
    the loader's message)."""

    label: str
    value: str | None
    delta: str | None = None  # an ASCII '-' when negative: Streamlit picks the arrow from it
    delta_color: str = "off"
    delta_arrow: str = "auto"
    description: str = ""
    definition: str = ""
    sentence: str = ""
    page: str = ""
    link: str = ""
    dataset_ids: tuple[str, ...] = ()
    note: str = ""
    detail: str = ""


def _scope(provinces: tuple[str, ...]) -> list[territory.Province]:
    return [p for p in territory.provinces() if p.istat in provinces]


def _card(label: str, value: str, delta: str | None, indicator_id: str, lang: str, *, description: str,
          help_note: str = "", **texts) -> Headline:
    """A card whose change is coloured by what is good for the indicator; a change that rounds to
    zero ('0,0 %') has neither arrow nor colour. The help gives the definition, and `help_note`
    (what the change compares) when there is a change."""
    indicator = registry.indicator(indicator_id)
    flat = delta is not None and not any(ch in "123456789" for ch in delta)
    definition = indicator.definition(lang) + (f" {help_note}" if help_note and delta else "")
    return Headline(label, value, delta, "off" if flat else _COLOURS[indicator.higher_is_better],
                    "off" if flat else "auto", description, definition, **texts)


def _missing(label: str, lang: str, error: str | None, dataset_ids: tuple[str, ...]) -> Headline:
    """A card without a value: the dataset is not in the snapshot (error) or has no rows here."""
    note = labels.t("overview.card.missing" if error else "overview.card.no_rows", lang)
    return Headline(label, None, note=note, detail=error or "", dataset_ids=dataset_ids)


def rate_cards(forze: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
               error: str | None = None) -> tuple[Headline, ...]:
    """Unemployment, then employment, one card per province (rates of two provinces cannot be summed)."""
    cards = []
    for indicator_id, title_key in _RATES:
        for province in _scope(provinces):
            title = labels.t(title_key, lang, name=province.name)
            change = None if forze is None else labour.latest_rate(forze, indicator=indicator_id,
                                                                   territory=province.nuts)
            if change is None:
                cards.append(_missing(title, lang, error, ("forze_lavoro",)))
                continue
            cards.append(_card(
                title, labels.fmt_pct(change.valore, 1, lang),
                headlines.delta_text(change.variazione, 1, lang, " p.p."),
                indicator_id, lang, description=labels.t("overview.card.year", lang, year=change.anno),
                help_note=labels.t("overview.card.change_year", lang),
                sentence=headlines.rate_sentence([province.name], change, lang), page=LABOUR,
                link=labels.t("overview.link.labour", lang), dataset_ids=("forze_lavoro",)))
    return tuple(cards)


def _pct(lang: str) -> str:
    return "\u00a0%" if lang == "it" else "%"


def _until(end: pd.Timestamp, lang: str) -> str:
    """'fino a dic 2025': the card's label already says 'last 12 months'."""
    return labels.t("overview.card.until", lang, end=labels.fmt_month(end, lang))


def hires_cards(avviamenti: pd.DataFrame | None, cessazioni: pd.DataFrame | None, *, provinces: tuple[str, ...],
                lang: str, error: str | None = None) -> tuple[Headline, ...]:
    """Hires over the latest 12 months for the whole scope; the sentence adds terminations and balance."""
    title, ids = labels.t("overview.card.flows", lang), ("avviamenti", "cessazioni")
    scope = _scope(provinces)
    twelve = None if avviamenti is None or cessazioni is None else labour.last_twelve_months(
        avviamenti, cessazioni, territories=tuple(p.nuts for p in scope))
    if twelve is None:
        return (_missing(title, lang, error, ids),)
    change = headlines.percent_change(twelve.assunzioni, twelve.assunzioni_prec)
    return (_card(title, labels.fmt_int(twelve.assunzioni, lang), headlines.delta_text(change, 1, lang, _pct(lang)),
                  "assunzioni", lang, description=_until(twelve.fine, lang),
                  help_note=labels.t("overview.card.change_12m", lang),
                  sentence=headlines.flows_sentence([p.name for p in scope], twelve, lang),
                  page=LABOUR, link=labels.t("overview.link.labour", lang), dataset_ids=ids),)


def firm_cards(imprese: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
               error: str | None = None) -> tuple[Headline, ...]:
    """Business registrations over the latest 12 months; the sentence adds closures and balance."""
    title, ids = labels.t("overview.card.firms", lang), ("imprese",)
    scope = _scope(provinces)
    firms = None if imprese is None else headlines.firm_flows_12m(imprese, territories=tuple(p.nuts for p in scope))
    if firms is None:
        return (_missing(title, lang, error, ids),)
    change = headlines.percent_change(firms.iscrizioni, firms.iscrizioni_prec)
    return (_card(title, labels.fmt_int(firms.iscrizioni, lang), headlines.delta_text(change, 1, lang, _pct(lang)),
                  "iscrizioni", lang, description=_until(firms.fine, lang),
                  help_note=labels.t("overview.card.change_12m", lang),
                  sentence=headlines.firms_sentence([p.name for p in scope], firms, lang),
                  page=BUSINESS, link=labels.t("overview.link.business", lang), dataset_ids=ids),)


def student_cards(studenti: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                  error: str | None = None) -> tuple[Headline, ...]:
    """Upper-secondary students in the latest school year and the change on the year before."""
    title, ids = labels.t("overview.card.students", lang), ("studenti",)
    enrolment = None if studenti is None else headlines.students_latest(studenti, provinces=provinces)
    if enrolment is None:
        return (_missing(title, lang, error, ids),)
    diff = None if enrolment.totale_precedente is None else enrolment.totale - enrolment.totale_precedente
    return (_card(title, labels.fmt_int(enrolment.totale, lang), headlines.delta_text(diff, 0, lang), "studenti", lang,
                  description=labels.t("overview.card.school_year_short", lang, year=enrolment.anno_scolastico),
                  help_note=labels.t("overview.card.change_school_year", lang),
                  sentence=headlines.students_sentence([p.name for p in _scope(provinces)], enrolment, lang),
                  page=EDUCATION, link=labels.t("overview.link.education", lang), dataset_ids=ids),)


#: the rows of cards: each group of cards with the datasets it reads (labour-force rates, then flows)
ROWS = (((rate_cards, ("forze_lavoro",)),),
        ((hires_cards, ("avviamenti", "cessazioni")), (firm_cards, ("imprese",)), (student_cards, ("studenti",))))


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
