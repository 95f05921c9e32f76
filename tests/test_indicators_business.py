"""Business birth and death rates (indicators.enterprises) on small hand-computed inputs."""

import pandas as pd
import pytest

from observatory.indicators import enterprises


def imprese(rows):
    """rows: (yyyy-mm, settore, classificazione, iscrizioni, cessazioni, attive)."""
    frame = pd.DataFrame(rows, columns=["mese", "settore_ateco", "classificazione", "iscrizioni", "cessazioni",
                                        "attive"])
    frame["mese"] = pd.to_datetime(frame["mese"] + "-01")
    frame["territorio"] = "ITC42"
    for column in ("iscrizioni", "cessazioni", "attive"):
        frame[column] = frame[column].astype("Int64")
    return frame


SIX_MONTHS = imprese([
    ("2025-01", "TOTALE", "ATECO 2025", 10, 5, 100),
    ("2025-02", "TOTALE", "ATECO 2025", 20, 5, 110),
    ("2025-03", "TOTALE", "ATECO 2025", 30, 10, 200),  # end of Q1: 200 active
    ("2025-04", "TOTALE", "ATECO 2025", 4, 1, 210),
    ("2025-05", "TOTALE", "ATECO 2025", 6, 2, 215),
    ("2025-06", "TOTALE", "ATECO 2025", 10, 3, 220),
])


def test_quarterly_sums_and_end_stock():
    totals = enterprises.quarterly(SIX_MONTHS)
    assert totals["iscrizioni"].tolist() == [60, 20]
    assert totals["cessazioni"].tolist() == [20, 6]
    assert totals["attive"].tolist() == [200, 220]
    assert totals["trimestre"].dt.strftime("%Y-%m-%d").tolist() == ["2025-01-01", "2025-04-01"]


def test_rate_uses_stock_at_end_of_previous_quarter():
    rates = enterprises.with_rates(enterprises.quarterly(SIX_MONTHS))
    q2 = rates.iloc[1]
    assert q2["attive_inizio"] == 200
    assert q2["tasso_natalita"] == pytest.approx(20 / 200 * 100)  # 10.0
    assert q2["tasso_mortalita"] == pytest.approx(6 / 200 * 100)  # 3.0
    assert pd.isna(rates.iloc[0]["tasso_natalita"])  # no previous quarter: NA, never 0
    assert str(rates["tasso_natalita"].dtype) == "Float64"


def test_incomplete_quarter_gives_na_flows():
    partial = SIX_MONTHS[SIX_MONTHS["mese"] != "2025-05-01"]
    totals = enterprises.quarterly(partial)
    assert pd.isna(totals.iloc[1]["iscrizioni"])
    assert totals.iloc[1]["attive"] == 220


def test_missing_month_of_flows_in_a_published_month_is_na():
    with_gap = SIX_MONTHS.copy()
    with_gap.loc[4, "iscrizioni"] = pd.NA
    rates = enterprises.with_rates(enterprises.quarterly(with_gap))
    assert pd.isna(rates.iloc[1]["tasso_natalita"])
    assert rates.iloc[1]["tasso_mortalita"] == pytest.approx(3.0)


def test_sector_rate_is_na_across_the_ateco_break_but_total_is_not():
    rows = []
    for month, version in [("2025-01", "ATECO 2007"), ("2025-02", "ATECO 2007"), ("2025-03", "ATECO 2007"),
                           ("2025-04", "ATECO 2025"), ("2025-05", "ATECO 2025"), ("2025-06", "ATECO 2025")]:
        rows.append((month, "C", version, 2, 1, 50))
        rows.append((month, "TOTALE", version, 10, 4, 400))
    rates = enterprises.with_rates(enterprises.quarterly(imprese(rows))).set_index(["settore_ateco", "trimestre"])
    q2 = pd.Timestamp("2025-04-01")
    assert pd.isna(rates.loc[("C", q2), "tasso_natalita"])
    assert rates.loc[("TOTALE", q2), "tasso_natalita"] == pytest.approx(30 / 400 * 100)


def test_yearly_rates():
    rows = [(f"{year}-{m:02d}", "TOTALE", "ATECO 2025", 1, 2, 100 + m) for year in (2024, 2025) for m in range(1, 13)]
    rates = enterprises.with_rates(enterprises.period_totals(imprese(rows), freq="Y"))
    assert rates.iloc[1]["tasso_natalita"] == pytest.approx(12 / 112 * 100)
    assert rates.iloc[1]["tasso_mortalita"] == pytest.approx(24 / 112 * 100)


def test_zero_stock_gives_na_not_infinity():
    rows = [(f"2025-{m:02d}", "B", "ATECO 2025", 1, 0, 0) for m in range(1, 7)]
    rates = enterprises.with_rates(enterprises.quarterly(imprese(rows)))
    assert rates["tasso_natalita"].isna().all()


def test_missing_end_stock_is_not_replaced_by_an_earlier_month():
    gap = SIX_MONTHS.copy()
    gap.loc[2, "attive"] = pd.NA  # March stock not published
    totals = enterprises.quarterly(gap)
    assert pd.isna(totals.iloc[0]["attive"])
    assert pd.isna(enterprises.with_rates(totals).iloc[1]["tasso_natalita"])
