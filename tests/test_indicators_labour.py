"""Labour-force rates and simple hires/terminations aggregations, on hand-computed inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import labour


def lfs(rows):
    frame = pd.DataFrame(rows, columns=["territorio", "indicatore", "sesso", "classe_eta", "anno", "valore", "serie"])
    frame["valore"] = frame["valore"].astype("Float64")
    return frame


RATES = lfs([
    ("ITC43", "tasso_disoccupazione", "totale", "15-74", 2020, 6.1, "UNT2020"),
    ("ITC43", "tasso_disoccupazione", "totale", "15-74", 2021, 5.5, "RFL2021"),
    ("ITC43", "tasso_disoccupazione", "totale", "15-74", 2022, 2.8, "RFL2021"),
    ("ITC43", "tasso_disoccupazione", "totale", "15-74", 2023, pd.NA, "RFL2021"),
    ("ITC43", "tasso_disoccupazione", "totale", "15-24", 2022, 20.0, "RFL2021"),
    ("ITC43", "tasso_disoccupazione", "femmine", "15-74", 2022, 3.5, "RFL2021"),
    ("ITC42", "tasso_disoccupazione", "totale", "15-74", 2022, 4.0, "RFL2021"),
])


def test_latest_rate_skips_missing_years_and_uses_the_headline_age_band():
    change = labour.latest_rate(RATES, "tasso_disoccupazione", "ITC43")
    assert (change.anno, change.valore, change.precedente) == (2022, 2.8, 5.5)
    assert change.variazione == pytest.approx(-2.7)
    women = labour.latest_rate(RATES, "tasso_disoccupazione", "ITC43", "femmine")
    assert (women.valore, women.precedente, women.variazione) == (3.5, None, None)
    assert labour.latest_rate(RATES, "tasso_occupazione", "ITC43") is None


def test_rate_series_keeps_gaps_and_territory_order():
    series = labour.rate_series(RATES, "tasso_disoccupazione", ["ITC43", "ITC42"])
    assert series["territorio"].tolist() == ["ITC43"] * 4 + ["ITC42"]
    assert series["classe_eta"].unique().tolist() == ["15-74"]
    assert series["valore"].isna().sum() == 1  # 2023 is a gap, not a zero
    assert labour.series_break_year(series[series["territorio"] == "ITC43"]) == 2021
    assert labour.series_break_year(series[series["territorio"] == "ITC42"]) is None


def flows(months, values, territory="ITC43", sector="C", contract="indeterminato", sex="maschi"):
    return pd.DataFrame({"mese": pd.to_datetime(months), "territorio": territory, "settore_ateco": sector,
                         "contratto": contract, "sesso": sex, "eventi": values})


def test_monthly_flows_balance_and_moving_sums():
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS")
    hires = flows(months, range(1, 25))
    ends = flows(months, [1] * 24)
    out = labour.monthly_flows(hires, ends, ["ITC43"])
    assert out["saldo"].tolist()[:3] == [0, 1, 2]
    assert out["assunzioni_12m"].isna().sum() == 11
    assert out["assunzioni_12m"].iloc[11] == sum(range(1, 13))
    assert out["assunzioni_12m"].iloc[-1] == sum(range(13, 25))
    twelve = labour.last_twelve_months(hires, ends, ["ITC43"])
    assert (twelve.assunzioni, twelve.cessazioni, twelve.saldo) == (sum(range(13, 25)), 12, sum(range(13, 25)) - 12)
    assert twelve.assunzioni_prec == sum(range(1, 13)) and twelve.inizio == pd.Timestamp("2024-01-01")


def test_a_missing_month_is_a_gap_not_a_zero():
    hires = flows(["2024-01-01", "2024-03-01"], [5, 7])
    out = labour.monthly_flows(hires, flows(["2024-01-01", "2024-03-01"], [1, 1]), ["ITC43"])
    assert len(out) == 3 and pd.isna(out.loc[1, "assunzioni"])
    assert labour.last_twelve_months(hires, hires, ["ITC43"]) is None


def test_breakdown_share_of_permanent_and_year_on_year():
    frame = pd.concat([
        flows(["2024-01-01", "2024-02-01"], [30, 10], contract="indeterminato"),
        flows(["2024-01-01"], [60], contract="determinato", sex="femmine"),
        flows(["2023-01-01"], [50], contract="determinato"),
        flows(["2024-01-01"], [1000], territory="ITC42"),
    ])
    table = labour.hires_breakdown(frame, ["ITC43"], "contratto", 2024)
    assert table["categoria"].tolist() == ["determinato", "indeterminato"]
    assert table["assunzioni"].tolist() == [60, 40] and table["quota"].tolist() == [60.0, 40.0]
    assert labour.permanent_share(frame, ["ITC43"], 2024) == 40.0
    assert labour.permanent_share(frame, ["ITC43"], 2020) is None
    yoy = labour.hires_year_on_year(frame, ["ITC43"], 2024)
    assert len(yoy) == 24
    assert yoy.query("anno == 2024 and mese_numero == 1")["assunzioni"].iloc[0] == 90
    assert yoy.query("anno == 2023 and mese_numero == 1")["assunzioni"].iloc[0] == 50
    assert pd.isna(yoy.query("anno == 2023 and mese_numero == 2")["assunzioni"].iloc[0])


def test_complete_years_and_category_names():
    months = pd.date_range("2023-01-01", "2024-06-01", freq="MS")
    assert labour.complete_years(flows(months, [1] * len(months))) == [2023]
    assert labour.category_name("indeterminato", "en") == "permanent"
    assert labour.category_name("sconosciuto", "en") == "sconosciuto"


def test_a_month_missing_for_one_territory_is_a_gap_for_the_area_and_a_quiet_sector_is_zero():
    months = ["2024-01-01", "2024-02-01", "2024-03-01"]
    como = flows(months, [10, 20, 30], territory="ITC42")
    lecco = flows(["2024-01-01", "2024-03-01"], [1, 3], territory="ITC43")  # February missing in Lecco
    both = pd.concat([como, lecco], ignore_index=True)
    ends = both.assign(eventi=1)
    area = labour.monthly_flows(both, ends, ["ITC42", "ITC43"])
    assert area["assunzioni"].tolist()[0] == 11 and pd.isna(area["assunzioni"].tolist()[1])
    assert area["assunzioni"].tolist()[2] == 33  # never 20: a partial sum would undercount
    other_sector = labour.monthly_flows(both, ends, ["ITC42"], sector="F")
    assert other_sector["assunzioni"].tolist() == [0, 0, 0]  # months with data, no hires in F
