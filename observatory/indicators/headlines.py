"""Headline figures and the sentence that says what changed, for the overview cards.

Sentences are built from the data in Italian and English ("In provincia di Lecco il tasso di
disoccupazione è sceso al 2,8 % nel 2022, dal 5,5 % del 2021"); templates live in labels.py, the
Italian articles before numbers ("al 2,8 %", "all'8,1 %") are chosen here."""

from __future__ import annotations

import pandas as pd

from observatory import labels
from observatory.indicators import education, published_words, registry
from observatory.indicators.education import Enrolment
from observatory.indicators.enterprises import FirmFlows
from observatory.indicators.hires import TwelveMonths
from observatory.indicators.labour import RateChange
from observatory.indicators.published_topics import Firms, Planned, YearFlows

# --- figures ---------------------------------------------------------------------------------

def students_latest(studenti: pd.DataFrame, provinces) -> Enrolment | None:
    """Students of every school of `provinces` in the latest school year (education.latest_enrolment)."""
    return education.latest_enrolment(studenti, provinces)


# --- words -----------------------------------------------------------------------------------

def where(names: list[str], lang: str) -> str:
    """'In provincia di Lecco' / 'Nelle province di Como e Lecco' (sentence start)."""
    if len(names) == 1:
        return labels.t("overview.where.one", lang, name=names[0])
    joined = ", ".join(names[:-1]) + labels.t("overview.and", lang) + names[-1]
    return labels.t("overview.where.many", lang, names=joined)


def _elides(number_text: str) -> bool:
    """Italian numbers read with an initial vowel take l' (l'8 %, l'11 %, l'80 %)."""
    digits = number_text.split(",")[0].replace(".", "")
    return digits in ("1", "8", "11") or (digits.startswith("8") and len(digits) in (2, 3))


_ENGLISH_PREPOSITIONS = {"a": "to", "da": "from", "di": "at"}
_ITALIAN_ARTICLES = {"a": ("al", "all'"), "da": ("dal", "dall'"), "di": ("del", "dell'")}


def _with_article(preposition: str, value: str, lang: str) -> str:
    """'al 2,8 %', 'dall'8,1 %' in Italian; 'to 2.8%', 'from 2.8%' in English."""
    if lang == "en":
        return f"{_ENGLISH_PREPOSITIONS[preposition]} {value}"
    plain, elided = _ITALIAN_ARTICLES[preposition]
    return f"{elided}{value}" if _elides(value) else f"{plain} {value}"


def rate_sentence(names: list[str], change: RateChange, lang: str, band: str = "") -> str:
    """What happened to a labour-force rate between the previous and the latest year; `band` names
    an age band the reader would not assume (employment 15-89, not the usual 15-64)."""
    indicator = registry.indicator(change.indicatore)
    label = indicator.label(lang)
    label = label[0].lower() + label[1:] + (labels.t("overview.rate.band", lang, band=band) if band else "")
    now = labels.fmt_pct(change.valore, indicator.decimals, lang)
    common = {"where": where(names, lang), "indicator": label, "year": change.anno, "value": now}
    if change.precedente is None:
        return labels.t("overview.rate.only", lang, at=_with_article("di", now, lang), **common)
    before = labels.fmt_pct(change.precedente, indicator.decimals, lang)
    if before == now:
        key = "overview.rate.same"
    else:
        key = "overview.rate.down" if change.valore < change.precedente else "overview.rate.up"
    return labels.t(key, lang, to=_with_article("a", now, lang), from_=_with_article("da", before, lang),
                    prev_year=change.anno_precedente, **common)


def percent_change(now: float, before: float | None) -> float | None:
    """Change in percent on an earlier value (None when the earlier value is missing or zero)."""
    if before is None or before == 0:
        return None
    return (now - before) / before * 100


def flows_sentence(names: list[str], flows: TwelveMonths, lang: str) -> str:
    """Hires, terminations and balance over the latest 12 months, with the change in hires."""
    change = percent_change(flows.assunzioni, flows.assunzioni_prec)
    change_text = "" if change is None else labels.t(
        "overview.flows.change", lang, change=labels.fmt_signed(change, 1, lang, labels.percent_unit(lang)))
    return labels.t("overview.flows.sentence", lang, where=where(names, lang), end=labels.fmt_month(flows.fine, lang),
                    hires=labels.fmt_int(flows.assunzioni, lang), ends=labels.fmt_int(flows.cessazioni, lang),
                    balance=labels.fmt_signed(flows.saldo, 0, lang), change=change_text)


def firms_sentence(names: list[str], firms: FirmFlows, lang: str) -> str:
    """Business registrations and closures over the latest 12 months and their balance."""
    return labels.t("overview.firms.sentence", lang, where=where(names, lang), end=labels.fmt_month(firms.fine, lang),
                    registered=labels.fmt_int(firms.iscrizioni, lang), closed=labels.fmt_int(firms.cessazioni, lang),
                    balance=labels.fmt_signed(firms.saldo, 0, lang))


def students_sentence(names: list[str], enrolment: Enrolment, lang: str) -> str:
    """Upper-secondary students in the latest school year and the change on the year before."""
    change = ""
    if enrolment.totale_precedente is not None:
        diff = enrolment.totale - enrolment.totale_precedente
        key = "overview.students.more" if diff > 0 else (
            "overview.students.less" if diff < 0 else "overview.students.same")
        change = labels.t(key, lang, diff=labels.fmt_int(abs(diff), lang), prev=enrolment.anno_precedente)
    return labels.t("overview.students.sentence", lang, where=where(names, lang), year=enrolment.anno_scolastico,
                    total=labels.fmt_int(enrolment.totale, lang), change=change)


# --- published figures (transcribed from the releases) --------------------------------------------

def _published_change(now: float, before: float | None, prev: str | None, lang: str) -> str:
    change = percent_change(now, before)
    if change is None:
        return ""
    return labels.t("published.change", lang, change=labels.fmt_signed(change, 1, lang, labels.percent_unit(lang)),
                    prev=published_words.period_label(prev, lang))


def published_flows_sentence(names: list[str], flows: YearFlows, lang: str) -> str:
    """A province's hires, terminations and balance of its latest published year, with the release."""
    hires = flows.assunzioni
    common = {"where": where(names, lang), "period": published_words.period_label(hires.periodo, lang),
              "hires": published_words.number(hires.valore, hires.circa, lang),
              "change": _published_change(hires.valore, hires.precedente, hires.periodo_precedente, lang),
              "source": published_words.source(hires, lang)}
    if flows.cessazioni is None or flows.saldo is None:
        return labels.t("published.flows.sentence_hires", lang, **common)
    return labels.t("published.flows.sentence", lang, **common,
                    ends=published_words.number(flows.cessazioni.valore, flows.cessazioni.circa, lang),
                    balance=published_words.number(flows.saldo, flows.saldo_circa, lang, signed=True))


def published_firms_sentence(names: list[str], firms: Firms, lang: str) -> str:
    """The area's registrations, closures and balance of the latest published year, and the stock."""
    born = firms.iscrizioni
    stock = "" if firms.registrate is None else labels.t(
        "published.firms.stock", lang, date=published_words.period_label(firms.registrate.periodo, lang),
        stock=published_words.number(firms.registrate.valore, firms.registrate.circa, lang))
    common = {"where": where(names, lang), "period": published_words.period_label(born.periodo, lang),
              "registered": published_words.number(born.valore, born.circa, lang), "stock": stock,
              "source": published_words.source(born, lang)}
    if firms.cessazioni is None:
        return labels.t("published.firms.sentence_born", lang, **common)
    return labels.t("published.firms.sentence", lang, **common,
                    closed=published_words.number(firms.cessazioni.valore, firms.cessazioni.circa, lang),
                    balance=labels.fmt_signed(firms.saldo, 0, lang))


def published_planned_sentence(names: list[str], planned: Planned, lang: str) -> str:
    """The area's Excelsior planned hires of the latest published quarter, with the same quarter a year before."""
    hires = planned.entrate
    return labels.t("published.planned.sentence", lang, where=where(names, lang),
                    total=published_words.number(hires.valore, hires.circa, lang),
                    period=published_words.period_label(hires.periodo, lang),
                    change=_published_change(hires.valore, hires.precedente, hires.periodo_precedente, lang),
                    source=published_words.source(hires, lang))
