"""Hires, terminations and the monthly gap rule on small frames whose answers are computed by hand.

A month no territory published (February in HIRES) is a gap, never 0; a breakdown value with no
row in a month that was published is 0."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import hires, monthly, titles


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


def month_values(series: pd.Series) -> list:
    """A Float64 series as a list with None for NA, for exact comparisons."""
    return [None if pd.isna(v) else v for v in series]


def test_monthly_totals_keep_a_missing_month_as_a_gap():
    out = monthly.by_territory(HIRES, "eventi", ["ITC42"])
    assert out.index.month.tolist() == [1, 2, 3]
    assert month_values(out["ITC42"]) == [10, None, 5]  # February was not published: a gap, not 0


def test_monthly_totals_filter_a_breakdown():
    out = monthly.by_territory(HIRES, "eventi", contratto="indeterminato")
    assert {code: month_values(out[code]) for code in out} == {"ITC42": [3, None, 0], "ITC43": [0, None, 4]}
    assert month_values(monthly.by_territory(HIRES, "eventi", ["ITC42"], classe_eta=["15-24"])["ITC42"]) == [3, None, 5]


def test_balance_is_hires_minus_terminations():
    ends = rows(("2024-01-01", "ITC42", "determinato", "25-34", 4), ("2024-03-01", "ITC42", "determinato", "25-34", 9))
    out = hires.monthly_flows(HIRES, ends, ["ITC42"])
    assert month_values(out["assunzioni"]) == [10, None, 5]
    assert month_values(out["cessazioni"]) == [4, None, 9]
    assert month_values(out["saldo"]) == [6, None, -4]


def test_moving_sum_is_na_until_twelve_months():
    months = pd.date_range("2023-01-01", periods=14, freq="MS")
    out = monthly.moving_sum(pd.Series(range(1, 15), index=months, dtype="Float64"))
    assert out.iloc[:11].isna().all()
    assert out.iloc[11:].tolist() == [78, 90, 102]  # 1..12, 2..13, 3..14
    gap = pd.Series([1.0] * 14, index=months, dtype="Float64").mask(months == "2023-06-01")
    assert monthly.moving_sum(gap).isna().all(), "every window that covers the missing June is a gap"


def test_permanent_share():
    frame = rows(("2022-01-01", "ITC42", "indeterminato", "15-24", 3),
                 ("2022-01-01", "ITC42", "determinato", "25-34", 7),
                 ("2024-01-01", "ITC42", "determinato", "15-24", 5))  # 2023 not published at all
    assert hires.permanent_share(frame, ["ITC42"], 2022) == pytest.approx(30.0)
    assert hires.permanent_share(frame, ["ITC42"], 2023) is None  # no hires known in 2023: not 0 %
    assert hires.permanent_share(frame, ["ITC42"], 2024) == 0


def test_year_on_year_for_a_month_and_a_year():
    months = pd.date_range("2023-01-01", periods=24, freq="MS")
    frame = rows(*((m, "ITC42", "determinato", "25-34", 10 if m.year == 2023 else 12) for m in months))
    yoy = hires.hires_year_on_year(frame, ["ITC42"], 2024).set_index(["anno", "mese_numero"])["assunzioni"]
    assert (yoy[(2024, 3)], yoy[(2023, 3)], yoy[(2024, 3)] - yoy[(2023, 3)]) == (12, 10, 2)
    assert (yoy.loc[2024].sum(), yoy.loc[2023].sum()) == (144, 120)
    title = titles.year_on_year_title(yoy.reset_index(), 2024, "it")
    assert title.endswith("144, +20,0\u00a0% sugli stessi mesi del 2023")
    assert hires.hires_year_on_year(frame, ["ITC42"], 2025).query("anno == 2025")["assunzioni"].isna().all()
    no_year_before = hires.hires_year_on_year(frame, ["ITC42"], 2023)
    assert no_year_before.query("anno == 2022")["assunzioni"].isna().all()
    assert "nessun dato per il 2022" in titles.year_on_year_title(no_year_before, 2023, "it")


def test_breakdown_sorted_with_shares():
    out = hires.hires_breakdown(HIRES, ["ITC42"], "classe_eta", 2024)
    assert out["categoria"].tolist() == ["15-24", "25-34"]
    assert out["assunzioni"].tolist() == [8, 7]
    assert out["quota"].tolist() == pytest.approx([8 / 15 * 100, 7 / 15 * 100])
    by_contract = monthly.area_sum(HIRES, "eventi", ["ITC42", "ITC43"], by="contratto")
    march = monthly.covered_sum(by_contract, pd.Timestamp("2024-02-01"), pd.Timestamp("2024-03-01"))
    assert march.to_dict() == {"determinato": 5, "indeterminato": 4}
    with pytest.raises(KeyError):
        hires.hires_breakdown(HIRES, ["ITC42"], "eventi", 2024)


def flows(months, values, territory="ITC43", sector="C", contract="indeterminato", sex="maschi"):
    return pd.DataFrame({"mese": pd.to_datetime(months), "territorio": territory, "settore_ateco": sector,
                         "contratto": contract, "sesso": sex, "eventi": values})


def test_monthly_flows_balance_and_moving_sums():
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS")
    starts = flows(months, range(1, 25))
    ends = flows(months, [1] * 24)
    out = hires.monthly_flows(starts, ends, ["ITC43"])
    assert out["saldo"].tolist()[:3] == [0, 1, 2]
    assert out["assunzioni_12m"].isna().sum() == 11
    assert out["assunzioni_12m"].iloc[11] == sum(range(1, 13))
    assert out["assunzioni_12m"].iloc[-1] == sum(range(13, 25))
    twelve = hires.last_twelve_months(starts, ends, ["ITC43"])
    assert (twelve.assunzioni, twelve.cessazioni, twelve.saldo) == (sum(range(13, 25)), 12, sum(range(13, 25)) - 12)
    assert twelve.assunzioni_prec == sum(range(1, 13)) and twelve.inizio == pd.Timestamp("2024-01-01")


def test_a_missing_month_is_a_gap_not_a_zero():
    starts = flows(["2024-01-01", "2024-03-01"], [5, 7])
    out = hires.monthly_flows(starts, flows(["2024-01-01", "2024-03-01"], [1, 1]), ["ITC43"])
    assert len(out) == 3 and pd.isna(out.loc[1, "assunzioni"])
    assert hires.last_twelve_months(starts, starts, ["ITC43"]) is None


def test_breakdown_share_of_permanent_and_year_on_year():
    frame = pd.concat([
        flows(["2024-01-01", "2024-02-01"], [30, 10], contract="indeterminato"),
        flows(["2024-01-01"], [60], contract="determinato", sex="femmine"),
        flows(["2023-01-01"], [50], contract="determinato"),
        flows(["2024-01-01"], [1000], territory="ITC42"),
    ])
    table = hires.hires_breakdown(frame, ["ITC43"], "contratto", 2024)
    assert table["categoria"].tolist() == ["determinato", "indeterminato"]
    assert table["assunzioni"].tolist() == [60, 40] and table["quota"].tolist() == [60.0, 40.0]
    assert hires.permanent_share(frame, ["ITC43"], 2024) == 40.0
    assert hires.permanent_share(frame, ["ITC43"], 2020) is None
    yoy = hires.hires_year_on_year(frame, ["ITC43"], 2024)
    assert len(yoy) == 24
    assert yoy.query("anno == 2024 and mese_numero == 1")["assunzioni"].iloc[0] == 90
    assert yoy.query("anno == 2023 and mese_numero == 1")["assunzioni"].iloc[0] == 50
    assert pd.isna(yoy.query("anno == 2023 and mese_numero == 2")["assunzioni"].iloc[0])


def test_complete_years_and_category_names():
    months = pd.date_range("2023-01-01", "2024-06-01", freq="MS")
    assert monthly.complete_years(flows(months, [1] * len(months))["mese"]) == [2023]
    assert hires.category_name("indeterminato", "en") == "permanent"
    assert hires.category_name("sconosciuto", "en") == "sconosciuto"


def test_a_month_missing_for_one_territory_is_a_gap_for_the_area_and_a_quiet_sector_is_zero():
    months = ["2024-01-01", "2024-02-01", "2024-03-01"]
    como = flows(months, [10, 20, 30], territory="ITC42")
    lecco = flows(["2024-01-01", "2024-03-01"], [1, 3], territory="ITC43")  # February missing in Lecco
    both = pd.concat([como, lecco], ignore_index=True)
    ends = both.assign(eventi=1)
    area = hires.monthly_flows(both, ends, ["ITC42", "ITC43"])
    assert area["assunzioni"].tolist()[0] == 11 and pd.isna(area["assunzioni"].tolist()[1])
    assert area["assunzioni"].tolist()[2] == 33  # never 20: a partial sum would undercount
    other_sector = hires.monthly_flows(both, ends, ["ITC42"], sector="F")
    assert other_sector["assunzioni"].tolist() == [0, 0, 0]  # months with data, no hires in F
