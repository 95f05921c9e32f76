"""Mercato del lavoro: numbers in titles and cards computed from the synthetic frames; filters in the URL."""

from __future__ import annotations

from tests.page_helpers import chart_titles, it_number, metrics, run

PAGE = "pages/mercato_lavoro.py"
NBSP = "\u00a0"


def rate(forze, territory, indicator, sex="totale", year=None):
    rows = forze[(forze["territorio"] == territory) & (forze["indicatore"] == indicator) & (forze["sesso"] == sex)]
    year = year or rows["anno"].max()
    return rows[rows["anno"] == year]["valore"].iloc[0]


def test_default_view_numbers(full_data_dir):
    _, frames = full_data_dir
    forze, hires, ends = frames["forze_lavoro"], frames["avviamenti"], frames["cessazioni"]
    at = run(PAGE)
    titles = chart_titles(at)
    expected_rates = ", ".join(f"{name} {it_number(rate(forze, code, 'tasso_disoccupazione'), 1)}{NBSP}%"
                               for code, name in (("ITC42", "Como"), ("ITC43", "Lecco"), ("ITC4", "Lombardia"),
                                                  ("IT", "Italia")))
    assert titles[0] == f"Tasso di disoccupazione nel 2024: {expected_rates}"
    both = ["ITC42", "ITC43"]
    h = hires[hires["territorio"].isin(both) & (hires["mese"].dt.year == 2024)]
    e = ends[ends["territorio"].isin(both) & (ends["mese"].dt.year == 2024)]
    balance = h["eventi"].sum() - e["eventi"].sum()
    sign = "+" if balance > 0 else "−"
    assert titles[1] == f"Como + Lecco: {it_number(h['eventi'].sum())} assunzioni nei 12 mesi fino a dic 2024, " \
                        f"saldo {sign}{it_number(abs(balance))}"
    by_contract = h.groupby("contratto")["eventi"].sum().sort_values(ascending=False)
    assert titles[3].startswith(f"2024: «") and it_number(by_contract.iloc[0] / by_contract.sum() * 100, 1) in titles[3]
    permanent = by_contract["indeterminato"] / by_contract.sum() * 100
    assert metrics(at)["Assunzioni a tempo indeterminato, 2024"][0] == f"{it_number(permanent, 1)}{NBSP}%"
    before = hires[hires["territorio"].isin(both) & (hires["mese"].dt.year == 2023)]["eventi"].sum()
    change = (h["eventi"].sum() - before) / before * 100
    assert f"{it_number(h['eventi'].sum())}, {'+' if change > 0 else '−'}{it_number(abs(change), 1)}{NBSP}%" in titles[4]
    assert {"indicatore": "tasso_disoccupazione", "sesso": "totale", "anno": "2024"}.items() <= dict(at.query_params).items()
    assert any("2021" in c.value for c in at.caption), "the series break is explained"


def test_filters_from_the_url_change_the_numbers(full_data_dir):
    _, frames = full_data_dir
    forze, hires = frames["forze_lavoro"], frames["avviamenti"]
    at = run(PAGE, territorio="097", indicatore="tasso_occupazione", sesso="femmine", settore="C", anno="2023",
             dettaglio="settore_ateco", vista="12m")
    value = rate(forze, "ITC43", "tasso_occupazione", "femmine")
    assert metrics(at)["Tasso di occupazione, Lecco · 2024"][0] == f"{it_number(value, 1)}{NBSP}%"
    titles = chart_titles(at)
    lecco_c = hires[(hires["territorio"] == "ITC43") & (hires["settore_ateco"] == "C")]
    assert titles[1].startswith(f"Lecco: {it_number(lecco_c[lecco_c['mese'].dt.year == 2024]['eventi'].sum())} assunzioni")
    yoy_2023 = lecco_c[lecco_c["mese"].dt.year == 2023]["eventi"].sum()
    assert titles[4].startswith(f"Assunzioni gen 2023 – dic 2023: {it_number(yoy_2023)},")
    lecco_2023 = hires[(hires["territorio"] == "ITC43") & (hires["mese"].dt.year == 2023)]
    top = lecco_2023.groupby("settore_ateco")["eventi"].sum().sort_values(ascending=False)
    assert f"«{top.index[0]} — " in titles[3], "a breakdown by sector ignores the sector filter"
    assert at.query_params["vista"] == "12m" and at.query_params["settore"] == "C"


def test_changing_a_filter_writes_the_url(full_data_dir):
    at = run(PAGE)
    at.selectbox(key="indicatore").set_value("tasso_attivita").run()
    assert at.query_params["indicatore"] == "tasso_attivita"
    assert chart_titles(at)[0].startswith("Tasso di attività nel 2024")


def test_english(full_data_dir):
    at = run(PAGE, lang="en")
    assert chart_titles(at)[0].startswith("Unemployment rate in 2024: Como")
    assert "Permanent hires, 2024" in metrics(at)


def test_missing_datasets_give_an_italian_note(geo_only_data_dir):
    at = run(PAGE)
    notes = [i.value for i in at.main.info]
    assert any("forze_lavoro" in n for n in notes) and any("avviamenti" in n for n in notes)
    assert not at.get("vega_lite_chart")
