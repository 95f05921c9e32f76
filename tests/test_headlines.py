"""Headline sentences and figures for the overview cards, on small hand-computed inputs."""

from __future__ import annotations

import pandas as pd

from observatory.indicators import enterprises, headlines
from observatory.indicators.hires import TwelveMonths
from observatory.indicators.labour import RateChange

NBSP = "\u00a0"


def rate(value, previous, indicator="tasso_disoccupazione"):
    change = None if previous is None else value - previous
    return RateChange("ITC43", indicator, 2022, value, 2021, previous, change)


def test_rate_fell_in_italian_and_english():
    assert headlines.rate_sentence(["Lecco"], rate(2.8, 5.5), "it") == (
        f"In provincia di Lecco il tasso di disoccupazione è sceso al 2,8{NBSP}% nel 2022, dal 5,5{NBSP}% del 2021.")
    assert headlines.rate_sentence(["Lecco"], rate(2.8, 5.5), "en") == (
        "In the province of Lecco the unemployment rate fell to 2.8% in 2022, from 5.5% in 2021.")


def test_rate_rose_with_elided_articles():
    text = headlines.rate_sentence(["Como"], rate(8.1, 1.2), "it")
    assert f"è salito all'8,1{NBSP}% nel 2022, dall'1,2{NBSP}% del 2021" in text
    text = headlines.rate_sentence(["Como"], rate(81.0, 11.0, "tasso_occupazione"), "it")
    assert f"il tasso di occupazione è salito all'81,0{NBSP}%" in text and f"dall'11,0{NBSP}%" in text
    assert "al 18,0" in headlines.rate_sentence(["Como"], rate(18.0, 11.0), "it")


def test_rate_unchanged_at_the_shown_precision_and_without_a_previous_year():
    assert "è rimasto al 6,0" in headlines.rate_sentence(["Como"], rate(6.04, 5.98), "it")
    assert "stayed at 6.0% in 2022, as in 2021" in headlines.rate_sentence(["Como"], rate(6.04, 5.98), "en")
    assert headlines.rate_sentence(["Como"], rate(6.0, None), "it") == (
        f"In provincia di Como il tasso di disoccupazione è del 6,0{NBSP}% nel 2022.")


def test_two_provinces_are_named_together():
    assert headlines.where(["Como", "Lecco"], "it") == "Nelle province di Como e Lecco"
    assert headlines.where(["Como", "Lecco"], "en") == "In the provinces of Como and Lecco"


def test_flows_sentence_states_totals_balance_and_change():
    flows = TwelveMonths(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-01"), 12345.0, 11000.0, 1345.0,
                         11000.0, 9000.0, 2000.0)
    assert headlines.flows_sentence(["Lecco"], flows, "it") == (
        f"In provincia di Lecco nei 12 mesi fino a dic 2024 le assunzioni sono state 12.345 "
        f"(+12,2{NBSP}% sui 12 mesi precedenti) e le cessazioni 11.000: saldo di +1.345 contratti.")
    english = headlines.flows_sentence(["Lecco"], flows, "en")
    assert "12,345 hires (+12.2% on the previous 12 months) and 11,000 terminations: a balance of +1,345" in english
    no_prev = TwelveMonths(flows.inizio, flows.fine, 100.0, 150.0, -50.0, None, None, None)
    assert "sui 12 mesi precedenti" not in headlines.flows_sentence(["Lecco"], no_prev, "it")
    assert "saldo di −50 contratti" in headlines.flows_sentence(["Lecco"], no_prev, "it")


def test_firm_flows_over_the_latest_twelve_months():
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS")
    frame = pd.DataFrame({"mese": list(months) * 2, "territorio": ["ITC42"] * 24 + ["ITC43"] * 24,
                          "settore_ateco": "TOTALE", "iscrizioni": [1] * 12 + [2] * 12 + [10] * 24,
                          "cessazioni": [3] * 48})
    frame[["iscrizioni", "cessazioni"]] = frame[["iscrizioni", "cessazioni"]].astype("Int64")
    firms = enterprises.firm_flows_12m(frame, ["ITC42"])
    assert (firms.iscrizioni, firms.cessazioni, firms.iscrizioni_prec, firms.saldo) == (24, 36, 12, -12)
    assert firms.fine == pd.Timestamp("2024-12-01") and firms.inizio == pd.Timestamp("2024-01-01")
    both = enterprises.firm_flows_12m(frame, ["ITC42", "ITC43"])
    assert both.iscrizioni == 24 + 120
    assert ("si sono iscritte 24 imprese e ne sono cessate 36: saldo di −12"
            in headlines.firms_sentence(["Como"], firms, "it"))
    assert enterprises.firm_flows_12m(frame, ["ITC4"]) is None


def test_students_latest_year_and_change():
    frame = pd.DataFrame({"anno_scolastico": ["2023/24", "2024/25", "2024/25", "2024/25", "2024/25"],
                          "provincia_istat": ["097", "097", "097", "013", "097"],
                          "comune_istat": ["097042", "097042", "097001", "013075", None],
                          "ordine": ["primaria"] * 5, "totale": [100, 90, 25, 7, 5]})
    enrolment = headlines.students_latest(frame, ["097"])  # the school no registry places still counts
    assert enrolment == headlines.Enrolment("2024/25", 120, "2023/24", 100)
    assert headlines.students_sentence(["Lecco"], enrolment, "it") == (
        "In provincia di Lecco nell'anno scolastico 2024/25 gli studenti delle scuole, dall'infanzia alle superiori, "
        "sono 120, 20 in più rispetto al 2023/24.")
    assert "fewer" in headlines.students_sentence(["Lecco"], headlines.Enrolment("2024/25", 80, "2023/24", 100), "en")
    assert headlines.students_latest(frame, ["016"]) is None


def test_percent_change_needs_an_earlier_value():
    assert headlines.percent_change(110, 100) == 10 and headlines.percent_change(1, 0) is None
