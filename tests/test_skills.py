"""Skills demand/supply shares and the correspondence table."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import skills


def test_every_rule_names_a_known_area_and_has_a_note():
    table = skills.rules()
    assert set(table["area"]) <= set(skills.AREAS) | {""}
    assert (table["nota"].str.len() > 0).all()


def test_categories_map_to_areas():
    assert skills.area_of("gruppo_professionale", "Professioni non qualificate") is None
    assert skills.area_of("gruppo_professionale", "Operai specializzati") == "industria"
    assert skills.area_of("gruppo_professionale",
                          "Professioni qualificate nelle attività commerciali e nei servizi") == "servizi"
    assert skills.area_of("settore_ateco", "C") == "industria" and skills.area_of("settore_ateco", "ND") is None
    assert skills.area_of("tipologia", "TN") == "servizi"  # the kind of institute the school code names
    assert skills.area_of("tipologia", "TD") == "amministrazione" and skills.area_of("tipologia", "TF") == "industria"
    assert skills.area_of("tipologia", "IS") is None  # several tracks under one code: not comparable
    assert skills.area_of("tipologia", "T") is None  # codes match whole, not by prefix


def test_excelsior_demand_weights_the_hard_to_recruit_share_and_skips_suppressed_cells():
    ex = pd.DataFrame({"anno": [2024, 2025, 2025, 2025, 2025], "territorio": ["ITC43"] * 4 + ["ITC42"],
                       "dimensione": ["gruppo_professionale"] * 5,
                       "categoria": ["Operai specializzati", "Operai specializzati", "Professioni tecniche",
                                     "Professioni non qualificate", "Operai specializzati"],
                       "entrate": [999.0, 100.0, 300.0, 50.0, 100.0],
                       "quota_difficile": [10.0, 50.0, None, 20.0, 30.0]})
    ex[["entrate", "quota_difficile"]] = ex[["entrate", "quota_difficile"]].astype("Float64")
    demand = skills.excelsior_demand(ex, ["ITC43", "ITC42"]).set_index("categoria")
    assert demand.loc["Operai specializzati", "entrate"] == 200
    assert demand.loc["Operai specializzati", "quota_difficile"] == pytest.approx(40.0)
    assert pd.isna(demand.loc["Professioni tecniche", "quota_difficile"])
    planned = skills.planned_totals(ex, ["ITC43", "ITC42"])
    assert planned.anno == 2025, "2024 has Lecco only: a gap for the area, not a smaller total"
    assert planned.entrate == 550 and planned.quota_difficile == pytest.approx((80 + 10) / 250 * 100)


def test_the_published_total_is_the_number_and_a_year_one_province_lacks_is_a_gap():
    rows = [(2025, "ITC42", "totale", "Totale", 41300.0, 40.0), (2025, "ITC43", "totale", "Totale", 23900.0, 50.0),
            (2025, "ITC42", "gruppo_professionale", "Operai", 41390.0, 40.0),
            (2025, "ITC43", "gruppo_professionale", "Operai", 23840.0, 50.0),
            (2026, "ITC42", "totale", "Totale", 99.0, 10.0)]
    ex = pd.DataFrame(rows, columns=["anno", "territorio", "dimensione", "categoria", "entrate", "quota_difficile"])
    ex[["entrate", "quota_difficile"]] = ex[["entrate", "quota_difficile"]].astype("Float64")
    planned = skills.planned_totals(ex, ["ITC42", "ITC43"])
    assert (planned.anno, planned.entrate) == (2025, 65200)  # the published totals, not the groups' 65.230
    assert planned.quota_difficile == pytest.approx((41300 * 40 + 23900 * 50) / 65200)
    assert skills.planned_totals(ex, ["ITC42"]).anno == 2026
    assert skills.planned_totals(ex, ["ITC42"], until=2025).entrate == 41300
    assert skills.planned_totals(ex, ["ITC42", "ITC43"], until=2024) is None


def test_gap_compares_shares_of_mapped_totals():
    demand = pd.DataFrame({"area": ["industria", "servizi", None], "eventi": [60, 20, 20]})
    supply = pd.DataFrame({"area": ["industria", "generale", None], "studenti": [25, 75, 100]})
    gaps = skills.gap(demand, "eventi", supply).set_index("area")
    assert gaps.loc["industria", "quota_domanda"] == pytest.approx(75.0)
    assert gaps.loc["industria", "quota_offerta"] == pytest.approx(25.0)
    assert gaps.loc["industria", "divario"] == pytest.approx(50.0)
    assert gaps.loc["generale", "divario"] == pytest.approx(-75.0)
    assert skills.unmapped_share(demand, "eventi") == pytest.approx(20.0)
    assert list(skills.gap(demand, "eventi", supply)["area"])[0] == "industria"
    long = skills.long_shares(skills.gap(demand, "eventi", supply, "en"))
    assert set(long["serie"]) == {"domanda", "offerta"} and len(long) == 2 * len(skills.AREAS)


def test_hires_demand_takes_the_last_twelve_months():
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS")
    av = pd.DataFrame({"mese": list(months) * 2, "territorio": ["ITC43"] * 48, "settore_ateco": ["C"] * 24 + ["I"] * 24,
                       "eventi": [1] * 48})
    out = skills.hires_demand(av, ["ITC43"]).set_index("settore_ateco")
    assert out.loc["C", "eventi"] == 12 and out.loc["I", "area"] == "servizi"
    assert out["dal"].iloc[0] == pd.Timestamp("2024-01-01")
    # Como lacks December 2024: the area's latest 12 known months end in November, for every section
    como = av.assign(territorio="ITC42")
    both = pd.concat([av, como[como["mese"] != "2024-12-01"]], ignore_index=True)
    area = skills.hires_demand(both, ["ITC43", "ITC42"]).set_index("settore_ateco")
    assert area["al"].iloc[0] == pd.Timestamp("2024-11-01") and area.loc["C", "eventi"] == 24


def test_student_supply_compares_by_kind_of_institute():
    frame = pd.DataFrame({"anno_scolastico": ["2024/25"] * 5 + ["2023/24"],
                          "provincia_istat": ["097"] * 6,
                          "ordine": ["secondaria_secondo_grado"] * 4 + ["primaria", "secondaria_secondo_grado"],
                          "tipo_scuola": ["liceo", "tecnico", "tecnico", "istituto_superiore", "primaria", "liceo"],
                          "tipologia": ["PS", "TD", "TF", "IS", "EE", "PS"], "totale": [50, 20, 30, 10, 99, 7]})
    supply = skills.student_supply(frame, ("097",)).set_index("tipologia")
    assert list(supply.index) == ["PS", "TF", "TD", "IS"] and set(supply["anno_scolastico"]) == {"2024/25"}
    assert supply.loc["TD", "area"] == "amministrazione" and pd.isna(supply.loc["IS", "area"])
    assert skills.unmapped_share(supply.reset_index(), "studenti") == pytest.approx(10 / 110 * 100)
    assert skills.student_supply(frame, ("013",)).empty
