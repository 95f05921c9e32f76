"""Confronti settoriali: section shares, local units summed over municipalities, index base = 100;
one view at a time (?sezione=settori, the default; indice; tutti)."""

from __future__ import annotations

from observatory import store
from tests.page_helpers import chart_titles, it_number, run
from tests.pagetest import chart_rows

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
        parts.append(f"{name}: {by_section.idxmax()} "
                     f"({it_number(by_section.max() / by_section.sum() * 100, 1)}{NBSP}%)")
    at = run(PAGE)
    titles = chart_titles(at)
    assert titles[0] == "Assunzioni, settore principale — " + " · ".join(parts)
    assert at.query_params["misura"] == "assunzioni" and at.query_params["anno"] == "2024"
    # the default view draws the comparison only: the index charts of the other view do not run
    assert len(titles) == 1 and at.query_params["sezione"] == "settori"
    assert "base" not in at.query_params and "settore" not in at.query_params


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
    at = run(PAGE, base="2023", settore="Q", lang="it", sezione="indice")
    assert chart_titles(at) == [f"Indice delle assunzioni 2024 (2023 = 100): {', '.join(values)}"]
    english = run(PAGE, base="2023", settore="Q", lang="en", sezione="indice")
    assert chart_titles(english)[0].startswith("Hires index 2024 (2023 = 100): Como")
    every = run(PAGE, base="2023", lang="it", sezione="tutti")
    assert chart_titles(every) == ["Assunzioni per settore, indice 2023 = 100: un grafico per settore"]
    drawn = {row["settore_ateco"] for rows in chart_rows(every, 0) for row in rows if "settore_ateco" in row}
    assert drawn == set(hires["settore_ateco"]) - {"TOTALE"}, "one small chart per section"


def test_index_view_renders_with_its_defaults(full_data_dir):
    _, frames = full_data_dir
    hires = frames["avviamenti"]
    months = hires.drop_duplicates("mese")["mese"].dt.year.value_counts()
    complete = [year for year, n in months.items() if n == 12]
    first = min(complete)
    rows = hires[hires["territorio"].isin(NAMES) & hires["mese"].dt.year.isin(complete)]
    by_section = rows.groupby("settore_ateco")["eventi"].sum()
    at = run(PAGE, sezione="indice")
    titles = chart_titles(at)
    assert len(titles) == 1 and titles[0].startswith(f"Indice delle assunzioni 2024 ({first} = 100)")
    assert at.query_params["base"] == str(first)
    assert at.query_params["settore"] == by_section.drop("TOTALE", errors="ignore").idxmax()


def test_saldo_per_hundred_hires(full_data_dir):
    _, frames = full_data_dir
    hires, ends = frames["avviamenti"], frames["cessazioni"]
    h = (hires[(hires["mese"].dt.year == 2024) & (hires["territorio"] == "ITC42")]
         .groupby("settore_ateco")["eventi"].sum())
    e = ends[(ends["mese"].dt.year == 2024) & (ends["territorio"] == "ITC42")].groupby("settore_ateco")["eventi"].sum()
    ratio = (h - e) / h * 100
    at = run(PAGE, misura="saldo")
    assert chart_titles(at)[0].startswith(
        f"Saldo assunzioni − cessazioni, settore principale — Como: {ratio.idxmax()} "
        f"({it_number(ratio.max(), 1)}{NBSP}%)")


def test_missing_datasets_give_an_italian_note(geo_only_data_dir):
    at = run(PAGE)
    assert any("avviamenti" in i.value and i.value.startswith("Dati non ancora disponibili") for i in at.info)
    units = run(PAGE, misura="unita_locali")
    assert any("unita_locali" in i.value for i in units.info)
    assert not units.get("vega_lite_chart")
    for shown in ("indice", "tutti"):
        trends = run(PAGE, sezione=shown)
        assert any("avviamenti" in i.value and i.value.startswith("Dati non ancora disponibili") for i in trends.info)
        assert not trends.get("vega_lite_chart")
