"""Sector comparisons and index base = 100, on hand-computed inputs."""

from __future__ import annotations

import pandas as pd

from observatory import ateco
from observatory.indicators import sectors


def flows(rows):
    return pd.DataFrame(rows, columns=["mese", "territorio", "settore_ateco", "eventi"]).assign(
        mese=lambda f: pd.to_datetime(f["mese"]))


def full_year(year, territory, sector, per_month):
    return [(f"{year}-{m:02d}-01", territory, sector, per_month) for m in range(1, 13)]


def test_yearly_flows_keep_complete_years_only_and_territory_order():
    hires = flows(full_year(2023, "ITC43", "C", 10) + full_year(2023, "ITC42", "C", 1)
                  + [("2024-01-01", "ITC43", "C", 99)])
    ends = flows(full_year(2023, "ITC43", "C", 4) + full_year(2023, "ITC42", "C", 2))
    out = sectors.yearly_flows_by_section(hires, ends, ["ITC43", "ITC42"])
    assert out["territorio"].tolist() == ["ITC43", "ITC42"]
    assert out["anno"].tolist() == [2023, 2023]
    assert out["assunzioni"].tolist() == [120, 12] and out["saldo"].tolist() == [72, -12]


def test_a_year_a_territory_did_not_publish_whole_is_a_gap_and_a_quiet_section_is_zero():
    como = full_year(2023, "ITC42", "C", 1)
    hires = flows(full_year(2023, "ITC43", "C", 10) + como[:5] + como[6:])  # Como lacks June 2023
    ends = flows(full_year(2023, "ITC43", "C", 4) + full_year(2023, "ITC43", "G", 1) + full_year(2023, "ITC42", "C", 2))
    out = sectors.yearly_flows_by_section(hires, ends, ["ITC43", "ITC42"]).set_index(["territorio", "settore_ateco"])
    assert pd.isna(out.loc[("ITC42", "C"), "assunzioni"]) and pd.isna(out.loc[("ITC42", "C"), "saldo"])
    assert out.loc[("ITC43", "G"), "assunzioni"] == 0 and out.loc[("ITC43", "G"), "saldo"] == -12


def test_local_units_sum_municipalities_and_keep_all_missing_as_missing():
    comuni = pd.DataFrame({"comune_istat": ["097001", "097002", "013001"], "provincia_istat": ["097", "097", "013"]})
    units = pd.DataFrame({"comune_istat": ["097001", "097002", "013001", "097001"], "anno": [2023, 2023, 2023, 2022],
                          "settore_ateco": ["C", "C", "C", "C"], "unita_locali": [3.0, 4.0, None, 100.0],
                          "addetti": [10.0, None, None, 1.0]}).astype({"unita_locali": "Float64", "addetti": "Float64"})
    out = sectors.local_units_by_province(units, comuni, {"097": "ITC43", "013": "ITC42"}).set_index("territorio")
    assert out.loc["ITC43", "unita_locali"] == 7 and out.loc["ITC43", "addetti"] == 10
    assert pd.isna(out.loc["ITC42", "unita_locali"])  # nothing published: a gap, not zero
    assert (out["anno"] == 2023).all()


def test_section_comparison_shares_and_balance_per_hundred_hires():
    frame = pd.DataFrame({"territorio": ["ITC43"] * 3, "settore_ateco": ["C", "G", "TOTALE"],
                          "assunzioni": [30.0, 10.0, 40.0], "saldo": [3.0, -1.0, 2.0],
                          "unita_locali": [5.0, 15.0, 50.0]})
    shares = sectors.section_comparison(frame, "unita_locali", relative=True)
    assert shares["valore"].tolist() == [10.0, 30.0]  # over TOTALE (50), not over the two sections (20)
    balance = sectors.section_comparison(frame, "saldo", relative=True)
    assert balance["valore"].tolist() == [10.0, -10.0]
    absolute = sectors.section_comparison(frame, "assunzioni", relative=False)
    assert absolute["valore"].tolist() == [30.0, 10.0]
    no_total = sectors.section_comparison(frame[frame["settore_ateco"] != "TOTALE"], "assunzioni", relative=True)
    assert no_total["valore"].tolist() == [75.0, 25.0]


def test_index_base_year_is_one_hundred_and_zero_base_is_missing():
    frame = pd.DataFrame({"territorio": ["ITC43"] * 4, "settore_ateco": ["C", "C", "G", "G"], "anno": [2022, 2023] * 2,
                          "assunzioni": [50.0, 60.0, 0.0, 5.0]})
    out = sectors.indexed(frame, "assunzioni", 2022)
    assert out["indice"].tolist()[:2] == [100.0, 120.0]
    assert out["indice"].iloc[2:].isna().all()
    assert sectors.indexed(frame, "assunzioni", 2023)["indice"].tolist()[0] == 50 / 60 * 100


def test_section_names_and_order():
    assert ateco.section_name("C", "it") == "C · Attività manifatturiere"
    assert ateco.section_name("C", "en") == "C · Manufacturing"
    assert ateco.section_name("V", "it") == "V"  # no section V in ATECO 2007: the code as it is
    frame = pd.DataFrame({"settore_ateco": ["C", "G", "G", "TOTALE"], "valore": [5, 3, 4, 100]})
    assert sectors.top_sections(frame, "valore") == ["G", "C"]
