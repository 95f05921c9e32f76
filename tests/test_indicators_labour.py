"""Labour-force rates: latest values, series and break, on hand-computed inputs."""

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
