"""The selection of published figures (observatory.indicators.published and .published_topics): the
latest release counts, another perimeter is never mixed in, an area's total is published or summed
from one release only, rounded counts are said to be so. On synthetic figures (tests/synthetic.py)
and on the real published figures of data/raw."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import published, published_topics, published_words
from observatory.sources import published as published_source
from observatory.sources.types import FetchContext
from tests import synthetic
from tests.conftest import REPO


@pytest.fixture(scope="module")
def real():
    return published_source.build(REPO / "data" / "raw", FetchContext())


def test_periods_and_page_dates():
    assert published.span("2019")[0] == "anno" and published.span("2019-Q2")[1:] == (
        pd.Timestamp("2019-04-01"), pd.Timestamp("2019-06-01"))
    assert published.span("2020-M1-9")[0] == "mesi" and published.span("2022-12-31")[0] == "data"
    assert published.span("2025-09 (month)")[0] == "mese" and published.span("latest (n.d.)") is None
    assert published.months("2022-12-31") is None, "a stock date is not a span of months"
    assert published.page_key("n.d. (2023-07)") > published.page_key("2023-05") > published.page_key("2023 (n.d.)")
    assert published.page_key("n.d.") == (0, 0, 0) and published.page_year("2018 (n.d.)") == 2018
    assert [published_words.period_label(p, "it") for p in ("2025-Q4", "2025-H1", "2024-12-31", "2024-M1-9")] == \
        ["4° trim. 2025", "1° sem. 2025", "31 dic 2024", "gen–set 2024"]
    assert published_words.period_label("2025-Q4", "en") == "Q4 2025"


def test_the_latest_release_counts_and_earlier_values_are_kept():
    rows = published.figures(synthetic.published_headlines(), "lavoro")
    lecco = rows[(rows["territorio"] == "ITC43") & (rows["indicatore"] == "assunzioni") & (rows["periodo"] == "2019")]
    assert len(lecco) == 1 and lecco["valore"].iloc[0] == 510 and lecco["url"].iloc[0].endswith("flussi-b")
    assert "500" in lecco["altre_versioni"].iloc[0]
    ends = rows[(rows["territorio"] == "ITC43") & (rows["indicatore"] == "cessazioni")]
    assert ends["altre_versioni"].iloc[0] == "", "an earlier release with the same value does not differ"


def test_another_perimeter_is_never_a_province_figure():
    rows = published.figures(synthetic.published_headlines(), "lavoro")
    flows = published_topics.latest_flows(rows, "ITC43")
    assert flows.assunzioni.periodo == "2019", "the employment centres' 2021 figure is not Lecco's latest"
    other = published.other_perimeter(rows, "ITC43", "assunzioni")
    assert (other.periodo, other.valore) == ("2021-H1", 300)
    assert published.other_perimeter(rows, "ITC42", "assunzioni") is None


def test_an_area_total_is_published_or_summed_from_one_release():
    data = synthetic.published_headlines()
    excelsior = published.figures(data, "excelsior")
    planned = published_topics.latest_planned(excelsior, ["ITC42", "ITC43"])
    published_total = data[(data["territorio"] == "Como+Lecco") & (data["periodo"] == "2025-Q4")]["valore"].iloc[0]
    provinces = data[data["territorio"].isin(["Como", "Lecco"]) & (data["periodo"] == "2025-Q4")]["valore"].sum()
    assert planned.entrate.valore == published_total != provinces
    assert planned.entrate.precedente == 1600 and published.change(planned.entrate) == pytest.approx(-6.25)
    assert planned.quota_difficile.periodo == "2025-Q3"
    firms = published_topics.latest_firms(published.figures(data, "imprese"), ["ITC42", "ITC43"])
    assert firms.iscrizioni.valore == 300 + 150, "one release, both provinces: their sum"
    assert firms.saldo == (300 + 150) - (250 + 140) and firms.registrate.valore == 6000
    lavoro = published.figures(data, "lavoro")
    mixed = lavoro[(lavoro["indicatore"] == "assunzioni") & (lavoro["periodo"] == "2019")]
    assert set(mixed["url"]) == {"https://example.org/flussi-a", "https://example.org/flussi-b"}
    assert published.in_scope(lavoro, "assunzioni", ["ITC42", "ITC43"], "anno").empty, \
        "Como's 2019 hires and Lecco's revised ones come from two releases: never summed; 2020 has Como only"
    one_release = data[data["url"] != "https://example.org/flussi-b"]
    summed = published.in_scope(published.figures(one_release, "lavoro"), "assunzioni", ["ITC42", "ITC43"], "anno")
    assert summed[["periodo", "valore"]].values.tolist() == [["2019", 1000 + 500]]


def test_the_balance_is_printed_else_computed_from_the_same_release():
    rows = published.figures(synthetic.published_headlines(), "lavoro")
    table = published_topics.flows_by_year(rows, ["ITC42", "ITC43"]).set_index(["territorio", "anno"])
    assert table.loc[("ITC42", 2019), "saldo"] == 100, "as printed"
    assert table.loc[("ITC42", 2020), "saldo"] == 1100 - 950, "not printed: hires − terminations"
    assert table.loc[("ITC43", 2019), "saldo"] == 510 - 480


def test_real_figures_revisions_perimeter_and_rounding(real):
    rows = published.figures(real, "lavoro")
    q2 = rows[(rows["territorio"] == "ITC42") & (rows["indicatore"] == "assunzioni") & (rows["periodo"] == "2019-Q2")]
    assert q2["valore"].tolist() == [17930] and "17767" in q2["altre_versioni"].iloc[0]  # the 2020 study revised it
    lecco = published_topics.latest_flows(rows, "ITC43")
    raw = real[(real["dominio"] == "COB") & (real["territorio"] == "Lecco") & real["periodo"].str.fullmatch(r"\d{4}")
               & ~real["fonte"].str.contains("Lecco e Merate|Osservatorio provinciale")]
    latest_year = raw["periodo"].max()
    assert lecco.assunzioni.periodo == latest_year
    assert lecco.assunzioni.valore == raw[(raw["periodo"] == latest_year)
                                          & raw["indicatore"].isin(["avviamenti", "assunzioni"])]["valore"].iloc[0]
    como = published_topics.latest_flows(rows, "ITC42")
    assert como.assunzioni.circa == str(real.loc[(real["territorio"] == "Como") & (real["dominio"] == "COB")
                                                 & (real["periodo"] == como.assunzioni.periodo)
                                                 & (real["indicatore"] == "assunzioni"), "nota"].iloc[0]
                                        ).startswith("approx")
    assert published.other_perimeter(rows, "ITC43", "assunzioni").fonte.startswith("Osservatorio provinciale")
