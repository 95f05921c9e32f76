"""Quarterly business demography on small hand-computed inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory import ateco
from observatory.indicators import enterprises


def monthly(rows):
    frame = pd.DataFrame(rows, columns=["mese", "territorio", "settore_ateco", "classificazione", "iscrizioni",
                                        "cessazioni", "attive"])
    frame["mese"] = pd.to_datetime(frame["mese"])
    for column in ("iscrizioni", "cessazioni", "attive"):
        frame[column] = frame[column].astype("Int64")
    return frame


def months(start, count, territory="ITC43", sector="TOTALE", scheme="ATECO 2007", iscr=10, cess=5, stock=1000):
    dates = pd.date_range(start, periods=count, freq="MS")
    return [(d, territory, sector, scheme, iscr, cess, stock + i) for i, d in enumerate(dates)]


def test_quarters_sum_flows_keep_end_stock_and_drop_incomplete_ones():
    q = enterprises.quarterly(monthly(months("2024-01-01", 7)))  # Q1, Q2 complete; July alone
    assert q["trimestre"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-04-01")]
    assert q["iscrizioni"].tolist() == [30, 30]
    assert q["cessazioni"].tolist() == [15, 15]
    assert q["saldo"].tolist() == [15, 15]
    assert q["attive"].tolist() == [1002, 1005]  # March and June stocks


def test_rates_use_the_stock_at_the_end_of_the_previous_quarter():
    rated = enterprises.with_rates(enterprises.quarterly(monthly(months("2024-01-01", 6))))
    assert pd.isna(rated["tasso_natalita"].iloc[0])  # no previous quarter: a gap, not zero
    assert rated["tasso_natalita"].iloc[1] == pytest.approx(30 / 1002 * 100)
    assert rated["tasso_mortalita"].iloc[1] == pytest.approx(15 / 1002 * 100)
    assert rated["tasso_crescita"].iloc[1] == pytest.approx(15 / 1002 * 100)


def test_a_missing_quarter_breaks_the_rate_and_a_missing_month_makes_the_flow_missing():
    rows = months("2024-01-01", 3) + months("2024-07-01", 3)  # Q2 absent
    rated = enterprises.with_rates(enterprises.quarterly(monthly(rows)))
    assert rated["tasso_natalita"].isna().all()
    rows = months("2024-01-01", 6)
    rows[4] = rows[4][:4] + (None,) + rows[4][5:]
    q = enterprises.quarterly(monthly(rows))
    assert pd.isna(q["iscrizioni"].iloc[1]) and pd.isna(q["saldo"].iloc[1])


def test_section_rates_across_the_ateco_break_are_missing_but_the_total_is_kept():
    rows = (months("2025-01-01", 3, sector="K") + months("2025-04-01", 3, sector="K", scheme="ATECO 2025")
            + months("2025-01-01", 3) + months("2025-04-01", 3, scheme="ATECO 2025"))
    q = enterprises.quarterly(monthly(rows))
    rated = enterprises.with_rates(q)
    second = rated[rated["trimestre"] == pd.Timestamp("2025-04-01")].set_index("settore_ateco")
    assert pd.isna(second.loc["K", "tasso_natalita"])
    assert second.loc["TOTALE", "tasso_natalita"] == pytest.approx(30 / 1002 * 100)
    assert enterprises.break_quarter(q) == pd.Timestamp("2025-04-01")
    assert enterprises.break_quarter(
        enterprises.quarterly(monthly(months("2025-04-01", 3, scheme="ATECO 2025")))) is None


def test_combined_territory_sums_parts_and_headline_compares_the_same_quarter_a_year_before():
    rows = months("2023-04-01", 18, territory="ITC42", iscr=4, stock=100) + months("2023-04-01", 18, iscr=6, stock=200)
    q = enterprises.combine(enterprises.quarterly(monthly(rows)), ["ITC42", "ITC43"], "CO+LC")
    both = q[q["territorio"] == "CO+LC"]
    assert both["iscrizioni"].tolist() == [30] * 6 and both["attive"].iloc[0] == 100 + 2 + 200 + 2
    head = enterprises.headline(enterprises.with_rates(q), "CO+LC", "TOTALE", "it")
    assert head["periodo"] == "2024-T3" and head["confronto"] == "2023-T3"
    assert head["iscrizioni"] == (30.0, 0.0)
    earlier = 30 / (100 + 2 + 200 + 2) * 100
    latest = 30 / (100 + 14 + 200 + 14) * 100
    assert head["tasso_natalita"][0] == pytest.approx(latest)
    assert head["tasso_natalita"][1] == pytest.approx(latest - earlier)


def test_section_names_follow_the_classification():
    assert ateco.section_name("K", "it") == "K · Attività finanziarie e assicurative"
    assert ateco.section_name("K", "it", "ATECO 2025") == "K · Telecomunicazioni e informatica"
    assert ateco.section_name("TOTALE", "en") == "All sectors"
    assert enterprises.quarter_label(pd.Timestamp("2025-04-01"), "en") == "2025-Q2"


def test_rated_quarters_is_the_page_chain_in_one_cacheable_call():
    from tests import synthetic

    frame = synthetic.imprese()
    expected = enterprises.labelled(enterprises.with_rates(
        enterprises.combine(enterprises.quarterly(frame), ["ITC42", "ITC43"], "CO+LC")), "it")
    got = enterprises.rated_quarters(frame, ("ITC42", "ITC43"), "CO+LC", "it")
    pd.testing.assert_frame_equal(got, expected)
    assert "CO+LC" in set(got["territorio"])
