"""Job quality (BES), short-time work and GOL as published, and the published figures read by period:
the numbers the page, the lenses, the overview card and the slides share, on the real shipped data."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import policies, published_lookup, published_words, quality
from observatory.indicators import published as published_figures
from observatory.sources import bes_copies, published
from observatory.sources.types import FetchContext
from tests.conftest import REPO

RAW = REPO / "data" / "raw"
AREA = ["ITC42", "ITC43", "ITC4", "IT"]


@pytest.fixture(scope="module")
def bes():
    return bes_copies.build(RAW, FetchContext())


@pytest.fixture(scope="module")
def figures():
    return published.build(RAW, FetchContext())


def test_a_gap_is_a_row_with_na_and_its_reason_never_zero(bes):
    series = quality.series(bes, "tasso_occupazione_20_64", AREA)
    assert list(dict.fromkeys(series["territorio"])) == ["ITC42", "ITC43", "ITC4"]  # no Italia in the copies
    gap = series[(series["territorio"] == "ITC42") & (series["anno"] == 2022)].iloc[0]
    assert pd.isna(gap["valore"]) and gap["lacuna"] == quality.GAP_COPY and gap["provenienza"] == "copia_verbatim"
    assert not (series["valore"] == 0).any()
    assert series.loc[series["territorio"] == "ITC4", "lacuna"].isna().all()  # Lombardia has 2022
    gaps = quality.gaps(quality.series(bes, "neet", AREA))
    assert set(map(tuple, gaps[["territorio", "anno"]].to_numpy())) == {("ITC42", 2018), ("ITC43", 2018)}


def test_an_official_gap_says_istat_did_not_publish(bes):
    official = bes.assign(provenienza="ufficiale")
    gap = quality.series(official, "mancata_partecipazione", AREA)
    assert set(gap.loc[gap["valore"].isna(), "lacuna"]) == {quality.GAP_ISTAT}


def test_latest_value_and_change_never_across_a_gap(bes):
    latest = quality.latest(quality.series(bes, "neet", AREA), "neet")
    assert (latest["ITC43"].anno, latest["ITC43"].valore) == (2024, pytest.approx(7.2))
    assert latest["ITC43"].variazione == pytest.approx(7.2 - 9.2)
    non_part = quality.latest(quality.series(bes, "mancata_partecipazione", AREA), "mancata_partecipazione")
    assert non_part["ITC42"].anno == 2024 and non_part["ITC42"].variazione is None  # 2023 missing: no change
    injuries = quality.latest(quality.series(bes, "infortuni_lavoro", AREA), "infortuni_lavoro")
    assert injuries["ITC43"].anno == 2022 and injuries["ITC43"].valore == pytest.approx(8.9)


def test_provinces_against_the_region_follow_each_direction(bes):
    table = quality.latest_table(bes, ["ITC42", "ITC43", "ITC4"])
    como, lecco = quality.compare(table, "ITC42", "ITC4"), quality.compare(table, "ITC43", "ITC4")
    # Como: lower employment and more non-participation than Lombardia (worse), fewer NEET and injuries (better)
    assert (como.meglio, como.peggio, como.confrontati) == (2, 2, 4)
    # Lecco: lower employment, more injuries (worse); less non-participation, fewer NEET (better)
    assert (lecco.meglio, lecco.peggio, lecco.confrontati) == (2, 2, 4)
    assert quality.sexes_with_data(bes, "neet") == ("totale",)


@pytest.mark.parametrize("period, span, label", [
    ("2024-Q1", ("2024-01-01", "2024-03-31"), "1° trim. 2024"),
    ("2023-M1-5", ("2023-01-01", "2023-05-31"), "gen–mag 2023"),
    ("2025-09 (month)", ("2025-09-01", "2025-09-30"), "set 2025"),
    ("2023-01-01/2023-07-18", ("2023-01-01", "2023-07-18"), "1 gen 2023 – 18 lug 2023"),
    ("2022-06/2023-05", ("2022-06-01", "2023-05-31"), "giu 2022 – mag 2023"),
    ("2024-12-31", ("2024-12-31", "2024-12-31"), "31 dic 2024"),
])
def test_periods_as_published(period, span, label):
    assert published_figures.last_day(period) == tuple(pd.Timestamp(d) for d in span)
    assert published_words.period_label(period, "it") == label


def test_an_undated_period_and_the_changes_a_note_reports():
    assert published_figures.last_day("latest (n.d.)") is None
    assert published_words.period_label("latest (n.d.)", "it") == "periodo non indicato"
    change = published_lookup.reported_change("-78.8% vs 2022-04/2021-04; vs 2022-03: -63.9%")
    assert (change.percent, change.rispetto_a) == (-78.8, "2021-04")  # April 2022 on April 2021
    assert published_lookup.reported_change("textile sector, total CIG; -40.2%") is None  # no reference: none
    assert published_words.page_label("n.d. (2023-07)", "it") == "lug 2023"


def test_short_time_work_as_published(figures):
    table = policies.cig_hours(figures)
    lecco = policies.latest_hours(table, "ITC43")
    assert (lecco["periodo"], lecco["valore"], lecco["misura"]) == ("2025-Q3", 804646, "totale")
    assert (lecco["variazione_riportata"], lecco["rispetto_a"]) == (pytest.approx(-27.8), "2025-Q2")
    como = policies.latest_hours(table, "ITC42")  # the latest Como hours are ordinary + extraordinary only
    assert (como["periodo"], como["valore"], como["misura"]) == ("2023-M1-4", 2157021, "cigo_cigs")
    later = policies.later_changes(table, "ITC42", como["fine"])
    assert list(later["periodo"]) == ["2024-Q1", "2024"] and list(later["variazione_riportata"]) == [15.3, 45.0]
    split = policies.ordinary_vs_extraordinary(table, "ITC43")
    assert dict(zip(split["misura"], split["valore"])) == {"cigo": 789742, "cigs": 14904}  # one release's split
    assert policies.ordinary_vs_extraordinary(table, "ITC42").empty  # Como: CIGS of 2016 alone, no split


def test_gol_against_the_target_of_the_same_release(figures):
    progress = policies.gol_progress(policies.gol_figures(figures))
    assert (progress.patti, progress.fine) == (4742, pd.Timestamp("2023-07-18"))
    assert progress.obiettivo == 5769 and progress.quota == pytest.approx(4742 / 5769 * 100)
    assert sorted(progress.obiettivi["valore"]) == [5697, 5769]  # both 2023 targets kept, with their pages
    assert policies.gol_progress(policies.gol_figures(figures), "Como") is None  # none published for Como


def test_a_release_gives_both_figures_of_a_pair(figures):
    born, closed = published_lookup.same_release(figures, "Registro imprese", ("iscrizioni", "cessazioni_non_ufficio"),
                                                 "Lecco")
    assert (born["periodo"], born["valore"], closed["valore"]) == ("2024", 1501, 1437)
    assert born["url"] == closed["url"]
    quarter = published_lookup.latest_release(figures, "Excelsior", "entrate_previste", ["ITC42", "ITC43"],
                                              pattern=r"\d{4}-Q[1-4]")
    assert dict(zip(quarter["territorio_nuts"], quarter["valore"])) == {"ITC42": 10290, "ITC43": 5230}
