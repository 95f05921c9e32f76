"""Municipal indicators on small hand-computed inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import municipality


def pop(code, ages, males=1, females=2, year=2023):
    return [{"comune_istat": code, "anno": year, "eta": a, "maschi": males, "femmine": females,
             "totale": males + females} for a in ages]


COMUNI = pd.DataFrame({"comune_istat": ["097001", "097002", "013001"], "comune": ["Alfa", "Beta", "Gamma"],
                       "provincia_istat": ["097", "097", "013"], "provincia": ["Lecco", "Lecco", "Como"]})
POP = pd.DataFrame(pop("097001", range(0, 101)) + pop("097002", [30, 70], 50, 50) + pop("013001", [40], 100, 100)
                   + pop("097001", [5], 1000, 1000, year=2022))
UL = pd.DataFrame({"comune_istat": ["097001", "097001", "097002", "013001"], "anno": [2023, 2023, 2023, 2023],
                   "settore_ateco": ["TOTALE", "C", "TOTALE", "TOTALE"],
                   "unita_locali": [30.0, 10.0, 20.0, None], "addetti": [303.0, 100.0, 50.0, None]})
UL[["unita_locali", "addetti"]] = UL[["unita_locali", "addetti"]].astype("Float64")


def test_bands_of_five_years_with_an_open_top_band():
    assert municipality.age_band(0) == "0-4" and municipality.age_band(14) == "10-14"
    assert municipality.age_band(95) == municipality.age_band(100) == "95+"
    bands = municipality.pyramid(POP, "097001")  # latest year only: 2022 row ignored
    males = bands[bands["sesso"] == "maschi"].set_index("classe_eta")["persone"]
    females = bands[bands["sesso"] == "femmine"].set_index("classe_eta")["persone"]
    assert males["0-4"] == 5 and females["0-4"] == 10 and males["95+"] == 6
    assert list(males.index) == municipality.band_order() and len(males) == 20


def test_residents_and_age_shares():
    res = municipality.residents(POP).set_index("comune_istat")
    assert res.loc["097001", "popolazione"] == 303
    assert res.loc["097001", "quota_0_14"] == pytest.approx(15 * 3 / 303 * 100)
    assert res.loc["097002", "quota_65_piu"] == pytest.approx(50.0)


def test_per_thousand_uses_real_residents_and_keeps_missing_as_missing():
    out = municipality.per_thousand(UL, POP, COMUNI, ("097", "013"), "TOTALE",
                                    "addetti_1000ab").set_index("comune_istat")
    assert out.loc["097001", "valore"] == pytest.approx(303 / 303 * 1000)
    assert out.loc["097002", "valore"] == pytest.approx(50 / 200 * 1000)
    assert pd.isna(out.loc["013001", "valore"])
    only_c = municipality.per_thousand(UL, POP, COMUNI, ("097",), "C", "unita_locali_1000ab").set_index("comune_istat")
    assert only_c.loc["097001", "valore"] == pytest.approx(10 / 303 * 1000) and pd.isna(only_c.loc["097002", "valore"])


def test_ranks_province_sums_and_comparison():
    table = municipality.indicators(COMUNI, POP, UL, None)
    assert municipality.rank(table, "popolazione", "097001") == (1, 3)
    assert municipality.rank(table, "unita_locali_1000ab", "097002") == (1, 2)
    assert municipality.rank(table, "unita_locali_1000ab", "013001") == (None, 2)
    lecco = municipality.province_row(table, "097")
    assert lecco["popolazione"] == 503 and lecco["addetti"] == 353
    assert lecco["addetti_1000ab"] == pytest.approx(353 / 503 * 1000)  # on totals, not an average of rates
    compared = municipality.comparison(table, "097002", "013001", "Prov. {name}")
    assert list(compared.columns) == ["indicatore", "Beta", "Gamma", "Prov. Lecco"]
    shown = municipality.formatted(compared, {"popolazione": "Popolazione"}, "it").set_index("indicatore")
    assert shown.loc["Popolazione", "Prov. Lecco"] == "503"
    assert shown.loc["addetti_1000ab", "Gamma"] == "–"


def test_sectors_without_total():
    out = municipality.sectors(UL, "097001")
    assert out["settore_ateco"].tolist() == ["C"]
