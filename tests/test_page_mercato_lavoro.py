"""Mercato del lavoro: numbers in titles and cards computed from the synthetic frames; filters in the
URL; one view drawn at a time (?sezione=tassi|flussi|assunti|confronto)."""

from __future__ import annotations

import pytest

from observatory import navigation
from tests.page_helpers import chart_titles, it_number, metrics, published_hires, run
from tests.pagetest import chart_specs

PAGE = "pages/mercato-lavoro.py"
NBSP = "\u00a0"
VIEWS = [code for code, _ in navigation.entry("mercato-lavoro").views]
BOTH = ["ITC42", "ITC43"]


def rate(forze, territory, indicator, sex="totale", year=None):
    rows = forze[(forze["territorio"] == territory) & (forze["indicatore"] == indicator) & (forze["sesso"] == sex)]
    year = year or rows["anno"].max()
    return rows[rows["anno"] == year]["valore"].iloc[0]


def in_year(frame, territories, year):
    return frame[frame["territorio"].isin(territories) & (frame["mese"].dt.year == year)]


def test_default_view_draws_the_rates_only(full_data_dir):
    _, frames = full_data_dir
    forze = frames["forze_lavoro"]
    at = run(PAGE)
    titles = chart_titles(at)
    expected_rates = ", ".join(f"{name} {it_number(rate(forze, code, 'tasso_disoccupazione'), 1)}{NBSP}%"
                               for code, name in (("ITC42", "Como"), ("ITC43", "Lecco"), ("ITC4", "Lombardia"),
                                                  ("IT", "Italia")))
    assert titles == [f"Tasso di disoccupazione nel 2024: {expected_rates}"], "the other views do not run"
    assert set(metrics(at)) == {"Tasso di disoccupazione, Como · 2024", "Tasso di disoccupazione, Lecco · 2024"}
    assert {"indicatore": "tasso_disoccupazione", "sesso": "totale", "sezione": "tassi"}.items() \
        <= dict(at.query_params).items()
    assert any("2021" in c.value for c in at.caption), "the series break is explained"


def test_flows_view_numbers(full_data_dir):
    _, frames = full_data_dir
    h, e = in_year(frames["avviamenti"], BOTH, 2024), in_year(frames["cessazioni"], BOTH, 2024)
    at = run(PAGE, sezione="flussi")
    titles = chart_titles(at)
    balance = h["eventi"].sum() - e["eventi"].sum()
    sign = "+" if balance > 0 else "−"
    assert len(titles) == 2
    assert titles[0] == f"Como + Lecco: {it_number(h['eventi'].sum())} assunzioni nei 12 mesi fino a dic 2024, " \
                        f"saldo {sign}{it_number(abs(balance))}"
    assert titles[1].startswith("Saldo assunzioni − cessazioni, Como + Lecco: ") and titles[1].endswith("a dic 2024")


def test_hires_view_numbers(full_data_dir):
    _, frames = full_data_dir
    h = in_year(frames["avviamenti"], BOTH, 2024)
    at = run(PAGE, sezione="assunti")
    titles = chart_titles(at)
    by_contract = h.groupby("contratto")["eventi"].sum().sort_values(ascending=False)
    assert len(titles) == 1
    assert titles[0].startswith("2024: «") and it_number(by_contract.iloc[0] / by_contract.sum() * 100, 1) in titles[0]
    permanent = by_contract["indeterminato"] / by_contract.sum() * 100
    assert metrics(at)["Assunzioni a tempo indeterminato, 2024"][0] == f"{it_number(permanent, 1)}{NBSP}%"
    assert at.query_params["anno"] == "2024"


def test_year_on_year_view_numbers(full_data_dir):
    _, frames = full_data_dir
    hires = frames["avviamenti"]
    h = in_year(hires, BOTH, 2024)
    at = run(PAGE, sezione="confronto")
    titles = chart_titles(at)
    before = in_year(hires, BOTH, 2023)["eventi"].sum()
    change = (h["eventi"].sum() - before) / before * 100
    assert len(titles) == 1
    assert (f"{it_number(h['eventi'].sum())}, "
            f"{'+' if change > 0 else '−'}{it_number(abs(change), 1)}{NBSP}%" in titles[0])
    assert at.query_params["anno"] == "2024"


def test_filters_from_the_url_change_the_numbers(full_data_dir):
    _, frames = full_data_dir
    forze, hires = frames["forze_lavoro"], frames["avviamenti"]
    query = dict(territorio="097", indicatore="tasso_occupazione", sesso="femmine", settore="C", anno="2023",
                 dettaglio="settore_ateco", vista="12m")
    at = run(PAGE, **query)
    value = rate(forze, "ITC43", "tasso_occupazione", "femmine")
    assert metrics(at)["Tasso di occupazione, Lecco · 2024"][0] == f"{it_number(value, 1)}{NBSP}%"

    lecco_c = hires[(hires["territorio"] == "ITC43") & (hires["settore_ateco"] == "C")]
    at = run(PAGE, sezione="flussi", **query)
    assert chart_titles(at)[0].startswith(
        f"Lecco: {it_number(lecco_c[lecco_c['mese'].dt.year == 2024]['eventi'].sum())} assunzioni")
    assert at.query_params["vista"] == "12m" and at.query_params["settore"] == "C"

    at = run(PAGE, sezione="confronto", **query)
    yoy_2023 = lecco_c[lecco_c["mese"].dt.year == 2023]["eventi"].sum()
    assert chart_titles(at)[0].startswith(f"Assunzioni gen 2023 – dic 2023: {it_number(yoy_2023)},")

    at = run(PAGE, sezione="assunti", **query)
    lecco_2023 = hires[(hires["territorio"] == "ITC43") & (hires["mese"].dt.year == 2023)]
    top = lecco_2023.groupby("settore_ateco")["eventi"].sum().sort_values(ascending=False)
    assert f"«{top.index[0]} · " in chart_titles(at)[0], "a breakdown by sector ignores the sector filter"
    assert at.query_params["dettaglio"] == "settore_ateco" and at.query_params["anno"] == "2023"


def test_changing_a_filter_writes_the_url(full_data_dir):
    at = run(PAGE)
    at.selectbox(key="indicatore").set_value("tasso_attivita").run()
    assert at.query_params["indicatore"] == "tasso_attivita"
    assert chart_titles(at)[0].startswith("Tasso di attività nel 2024")


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("code", VIEWS)
def test_every_view_renders(full_data_dir, code, lang):
    at = run(PAGE, sezione=code, lang=lang)  # run() asserts there is no exception
    assert chart_titles(at) and all(chart_titles(at))
    assert at.query_params["sezione"] == code


def test_english(full_data_dir):
    at = run(PAGE, lang="en")
    assert chart_titles(at)[0].startswith("Unemployment rate in 2024: Como")
    assert at.get("button_group")[0].proto.options[0].content == "Labour-market rates"
    assert "Permanent hires, 2024" in metrics(run(PAGE, lang="en", sezione="assunti"))


def test_missing_datasets_give_an_italian_note(geo_only_data_dir):
    for code, dataset_id in (("tassi", "forze_lavoro"), ("flussi", "avviamenti"), ("assunti", "avviamenti"),
                             ("confronto", "avviamenti")):
        at = run(PAGE, sezione=code)
        assert any(dataset_id in i.value for i in at.main.info), code
        assert not at.get("vega_lite_chart")


def test_a_combination_missing_from_the_shipped_archive_is_said(data_dir):
    """The real snapshot has unemployment for the total only, and no Italia: the page says so."""
    at = run(PAGE, sesso="maschi")
    assert not at.exception
    assert not chart_titles(at)
    assert any("non disponibile nell'archivio distribuito" in i.value for i in at.info)
    at = run(PAGE)
    assert chart_titles(at) and any("Italia: non disponibile nell'archivio distribuito" in c.value for c in at.caption)
    assert any("copia pubblica, valori dell'editore arrotondati dalla copia" in c.value for c in at.caption)
    inactivity = run(PAGE, indicatore="tasso_inattivita")
    assert any("valori derivati: 100 − tasso_attivita 15-64" in c.value for c in inactivity.caption)
    employment = run(PAGE, indicatore="tasso_occupazione", sesso="femmine")
    assert chart_titles(employment) and any("valori dell'editore invariati" in c.value for c in employment.caption)


def test_the_shipped_hires_view_leads_with_the_published_figures(data_dir):
    """The flows are demo in the shipped snapshot: the view's cards and first chart are the hires
    published per province and year; the monthly detail follows under its own heading and badge."""
    from observatory import store

    figures = store.read_dataset("numeri_pubblicati")
    at = run(PAGE, sezione="flussi")
    cards = {m.label: (m.value, m.proto.delta_description) for m in at.metric}
    titles = chart_titles(at)
    for name in ("Como", "Lecco"):
        year, hires = published_hires(figures, name)
        value = it_number(hires["valore"])
        rounded = str(hires["nota"] or "").startswith("approx")
        assert cards[f"Assunzioni, {name}"] == (("≈" + NBSP if rounded else "") + value, f"{year} · trascritto")
        assert f"{name} {'circa ' if rounded else ''}{value} nel {year}" in titles[0]
        assert f"Cessazioni, {name}" in cards and f"Saldo, {name}" in cards
    assert titles[0].startswith("Assunzioni pubblicate: ") and titles[1].startswith("Saldo pubblicato")
    captions = [c.value for c in at.caption]
    assert "trascritto" in captions[0] and "](http" in captions[0] and "dati dimostrativi" not in captions[0]
    assert "centri per l'impiego di Lecco e Merate" in captions[0], "another perimeter, said apart"
    assert [s.value for s in at.subheader] == ["Dettaglio da dati dimostrativi"]
    assert all("dati dimostrativi" in c for c in captions[2:]), "the monthly detail keeps its badge"
    assert titles[2].startswith("Como + Lecco: ") and len(titles) == 4


def test_the_shipped_rates_caption_describes_what_is_drawn(data_dir):
    from observatory import store

    forze = store.read_dataset("forze_lavoro")
    at = run(PAGE)
    caption = next(c.value for c in at.caption if "Indagine sulle forze di lavoro" in c.value)
    spec_rules = [layer for spec in chart_specs(at) for layer in spec.get("layer", [])
                  if layer.get("mark", {}).get("type") == "rule"]
    if set(forze["serie"]) == {"RFL2021"}:  # one series: no dashed line is drawn, and the caption says none
        assert not spec_rules and "tratteggiata" not in caption and "nessuna interruzione" in caption
    employment = run(PAGE, indicatore="tasso_occupazione")
    bands = set(forze.loc[forze["indicatore"] == "tasso_occupazione", "classe_eta"])
    if "15-64" not in bands:
        assert all(f"{min(bands)} anni" in label for label in metrics(employment))
        assert f"Tasso di occupazione {min(bands)} anni nel" in chart_titles(employment)[0]
