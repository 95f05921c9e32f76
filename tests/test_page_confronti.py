"""Confronti settoriali: section shares, local units summed over municipalities, index base = 100."""

from __future__ import annotations

from observatory import store
from tests.page_helpers import chart_titles, it_number, run

PAGE = "pages/confronti.py"
NBSP = "\u00a0"
NAMES = {"ITC42": "Como", "ITC43": "Lecco", "ITC4": "Lombardia"}


def test_hires_shares_by_section(full_data_dir):
    _, frames = full_data_dir
    hires = frames["avviamenti"]
    year = hires[hires["mese"].dt.year == 2024]
    parts = []
    for code, name in NAMES.items():
        by_section = year[year["territorio"] == code].groupby("settore_ateco")["eventi"].sum()
        parts.append(f"{name}: {by_section.idxmax()} ({it_number(by_section.max() / by_section.sum() * 100, 1)}{NBSP}%)")
    at = run(PAGE)
    titles = chart_titles(at)
    assert titles[0] == "Assunzioni, settore principale — " + " · ".join(parts)
    assert at.query_params["misura"] == "assunzioni" and at.query_params["anno"] == "2024"


def test_local_units_are_summed_over_municipalities_and_lombardy_is_said_missing(full_data_dir):
    _, frames = full_data_dir
    comuni = store.read_dataset("comuni")
    units = frames["unita_locali"].merge(comuni[["comune_istat", "provincia_istat"]], on="comune_istat")
    units = units[units["settore_ateco"] != "TOTALE"]
    parts = []
    for istat, name in (("013", "Como"), ("097", "Lecco")):
        by_section = units[units["provincia_istat"] == istat].groupby("settore_ateco")["addetti"].sum()
        parts.append(f"{name}: {by_section.idxmax()} ({it_number(by_section.max())})")
    at = run(PAGE, misura="addetti", scala="valore")
    assert chart_titles(at)[0] == "Addetti, settore principale — " + " · ".join(parts)
    assert any("La Lombardia non è disponibile" in i.value for i in at.info)


def test_index_with_a_chosen_base_year_and_section(full_data_dir):
    _, frames = full_data_dir
    hires = frames["avviamenti"]
    rows = hires[hires["settore_ateco"] == "Q"]
    values = []
    for code, name in NAMES.items():
        per_year = rows[rows["territorio"] == code].groupby(rows["mese"].dt.year)["eventi"].sum()
        values.append(f"{name} {it_number(per_year[2024] / per_year[2023] * 100)}")
    at = run(PAGE, base="2023", settore="Q", lang="it")
    titles = chart_titles(at)
    assert titles[1] == f"Indice delle assunzioni 2024 (2023 = 100): {', '.join(values)}"
    assert titles[2] == "Assunzioni per settore, indice 2023 = 100: un grafico per settore"
    english = run(PAGE, base="2023", settore="Q", lang="en")
    assert chart_titles(english)[1].startswith("Hires index 2024 (2023 = 100): Como")


def test_saldo_per_hundred_hires(full_data_dir):
    _, frames = full_data_dir
    hires, ends = frames["avviamenti"], frames["cessazioni"]
    h = hires[(hires["mese"].dt.year == 2024) & (hires["territorio"] == "ITC42")].groupby("settore_ateco")["eventi"].sum()
    e = ends[(ends["mese"].dt.year == 2024) & (ends["territorio"] == "ITC42")].groupby("settore_ateco")["eventi"].sum()
    ratio = (h - e) / h * 100
    at = run(PAGE, misura="saldo")
    assert chart_titles(at)[0].startswith(
        f"Saldo assunzioni − cessazioni, settore principale — Como: {ratio.idxmax()} ({it_number(ratio.max(), 1)}{NBSP}%)")


def test_missing_datasets_give_an_italian_note(geo_only_data_dir):
    at = run(PAGE)
    assert any("avviamenti" in i.value and i.value.startswith("Dati non ancora disponibili") for i in at.info)
    units = run(PAGE, misura="unita_locali")
    assert any("unita_locali" in i.value for i in units.info)
    assert not units.get("vega_lite_chart")
