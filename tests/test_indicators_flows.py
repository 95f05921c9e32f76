"""Flow indicators on small frames whose answers are computed by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import flows


def rows(*items):
    """(month, territory, contract, age band, events) → a frame in the flow schema."""
    frame = pd.DataFrame(items, columns=["mese", "territorio", "contratto", "classe_eta", "eventi"])
    frame["mese"] = pd.to_datetime(frame["mese"])
    for column, value in (("settore_ateco", "C"), ("orario", "tempo pieno"), ("sesso", "maschi"),
                          ("titolo_studio", "diploma"), ("cittadinanza", "italiana")):
        frame[column] = value
    return frame


HIRES = rows(("2024-01-01", "ITC42", "indeterminato", "15-24", 3),
             ("2024-01-01", "ITC42", "determinato", "25-34", 7),
             ("2024-03-01", "ITC42", "determinato", "15-24", 5),  # February has no events
             ("2024-01-01", "ITC43", "determinato", "25-34", 2),
             ("2024-03-01", "ITC43", "indeterminato", "25-34", 4))


def test_monthly_totals_fill_missing_months_with_zero():
    out = flows.monthly_totals(HIRES, territori="ITC42")
    assert out["mese"].dt.month.tolist() == [1, 2, 3]
    assert out["eventi"].tolist() == [10, 0, 5]


def test_monthly_totals_filter_a_breakdown():
    out = flows.monthly_totals(HIRES, contratto="indeterminato")
    assert out.set_index(["territorio", out["mese"].dt.month])["eventi"].to_dict() == {
        ("ITC42", 1): 3, ("ITC42", 2): 0, ("ITC42", 3): 0, ("ITC43", 1): 0, ("ITC43", 2): 0, ("ITC43", 3): 4}
    assert flows.monthly_totals(HIRES, classe_eta=["15-24"], territori=["ITC42"])["eventi"].tolist() == [3, 0, 5]


def test_balance_is_hires_minus_terminations():
    ends = rows(("2024-01-01", "ITC42", "determinato", "25-34", 4), ("2024-03-01", "ITC42", "determinato", "25-34", 9))
    out = flows.balance(HIRES, ends, territori="ITC42")
    assert out["avviamenti"].tolist() == [10, 0, 5]
    assert out["cessazioni"].tolist() == [4, 0, 9]
    assert out["saldo"].tolist() == [6, 0, -4]


def test_moving_sum_is_na_until_twelve_months():
    months = pd.date_range("2023-01-01", periods=14, freq="MS")
    totals = pd.DataFrame({"mese": months, "territorio": "ITC42", "eventi": range(1, 15)})
    out = flows.moving_sum_12m(totals)
    assert out["eventi_12m"].iloc[:11].isna().all()
    assert out["eventi_12m"].iloc[11:].tolist() == [78, 90, 102]  # 1..12, 2..13, 3..14


def test_permanent_share():
    out = flows.permanent_share(HIRES, territori="ITC42")
    assert out["quota_indeterminato"].iloc[0] == pytest.approx(30.0)
    assert pd.isna(out["quota_indeterminato"].iloc[1])  # no hires in February: not 0 %
    assert out["quota_indeterminato"].iloc[2] == 0


def test_year_on_year_for_a_month_and_a_year():
    months = pd.date_range("2023-01-01", periods=24, freq="MS")
    totals = pd.DataFrame({"mese": months, "territorio": "ITC42", "eventi": [10] * 12 + [12] * 12})
    month = flows.year_on_year(totals, "2024-03").iloc[0]
    assert (month["valore"], month["valore_anno_prima"], month["variazione"]) == (12, 10, 2)
    assert month["variazione_pct"] == pytest.approx(20.0)
    year = flows.year_on_year(totals, 2024).iloc[0]
    assert (year["valore"], year["valore_anno_prima"]) == (144, 120)
    assert pd.isna(flows.year_on_year(totals, 2025).iloc[0]["valore"])
    assert pd.isna(flows.year_on_year(totals, "2023-05").iloc[0]["variazione_pct"])  # no year before


def test_breakdown_sorted_with_shares():
    out = flows.breakdown(HIRES, "classe_eta", territori="ITC42")
    assert out["classe_eta"].tolist() == ["15-24", "25-34"]
    assert out["eventi"].tolist() == [8, 7]
    assert out["quota"].tolist() == pytest.approx([8 / 15 * 100, 7 / 15 * 100])
    march = flows.breakdown(HIRES, "contratto", start="2024-02-01", end="2024-03-01")
    assert march.set_index("contratto")["eventi"].to_dict() == {"determinato": 5, "indeterminato": 4}
    with pytest.raises(KeyError):
        flows.breakdown(HIRES, "eventi")
