"""Comuni page: profile numbers, ranks, pyramid and comparison against the real population; each
view draws only its own charts, and the map only while its expander is open."""

from __future__ import annotations

from observatory import ateco, store
from tests.pagetest import chart_rows, chart_titles, decks, it_dec, it_int, open_page


def test_no_municipality_shows_the_search_a_prompt_and_the_map_on_request(data_dir):
    at = open_page("comuni")
    assert not at.exception
    assert any("Scegli un comune" in i.value for i in at.info)
    assert at.selectbox(key="profilo").value is None and decks(at) == []
    at.session_state["comuni-mappa-box"] = True
    at.run()
    assert decks(at)[0]["layers"][0]["id"] == "comuni"


def test_profile_from_the_url_with_a_comparison(full_data_dir):
    _, frames = full_data_dir
    pop = store.read_dataset("popolazione")
    totals = pop.groupby("comune_istat")["totale"].sum()
    at = open_page("comuni", comune="097042", confronto="013075")
    assert not at.exception, [e.value for e in at.exception]
    assert at.header[0].value == "Lecco (LC)"
    assert at.selectbox[0].value == "097042"
    lecco = pop[pop["comune_istat"] == "097042"]
    assert {m.label: m.value for m in at.metric}["Popolazione residente"] == it_int(lecco["totale"].sum())
    rank = int((totals > totals["097042"]).sum()) + 1
    assert at.markdown[1].value.startswith(f"**{rank}°** su {len(totals)} comuni")
    ul = frames["unita_locali"]
    employees = ul[ul["settore_ateco"] == "TOTALE"].set_index("comune_istat")["addetti"].astype(float)
    per_1000 = (employees / totals * 1000).dropna()
    emp_rank = int((per_1000 > per_1000["097042"]).sum()) + 1
    assert at.markdown[1].value.endswith(f"; **{emp_rank}°** su {len(per_1000)} per addetti ogni 1.000 abitanti")
    cards = {m.label: m.value for m in at.metric}
    assert cards["Addetti ogni 1.000 abitanti"] == it_dec(per_1000["097042"], 1)
    assert "ISTAT ASIA 2023" in at.caption[0].value and "dati dimostrativi" in at.caption[0].value
    # the default view draws the profile only: no chart or table of the other views, and the map
    # stays closed (and unbuilt) once a municipality is chosen
    assert chart_titles(at) == [] and not at.dataframe and decks(at) == []

    at = open_page("comuni", comune="097042", confronto="013075", sezione="confronto")
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[-1].value
    assert list(table.columns) == ["Indicatore", "Lecco", "Como", "Provincia di Lecco"]
    ul_tot = ul[(ul["settore_ateco"] == "TOTALE")].set_index("comune_istat")["unita_locali"].astype(float)
    lc_codes = [c for c in ul_tot.index if c.startswith("097")]
    per_1000 = ul_tot[lc_codes].sum() / totals[[c for c in totals.index if c.startswith("097")]].sum() * 1000
    row = table.set_index("Indicatore").loc["Unità locali ogni 1.000 abitanti"]
    assert row["Provincia di Lecco"] == it_dec(per_1000, 1)
    assert row["Como"] == it_dec(ul_tot["013075"] / totals["013075"] * 1000, 1)
    assert chart_titles(at) == [] and not at.metric


def test_population_view_draws_the_pyramid(full_data_dir):
    pop = store.read_dataset("popolazione")
    at = open_page("comuni", comune="097042", sezione="popolazione")
    assert not at.exception, [e.value for e in at.exception]
    lecco = pop[pop["comune_istat"] == "097042"]
    old = lecco.loc[lecco["eta"] >= 65, "totale"].sum() / lecco["totale"].sum() * 100
    assert len(chart_titles(at)) == 1
    assert f"65 anni o più {it_dec(old, 1)}\u00a0%" in chart_titles(at)[0]
    bands = next(rows for rows in chart_rows(at, 0) if rows and "classe_eta" in rows[0])
    first = {r["sesso"]: r["persone"] for r in bands if r["classe_eta"] == "0-4"}
    young = lecco[lecco["eta"] < 5]
    assert first == {"maschi": young["maschi"].sum(), "femmine": young["femmine"].sum()}
    assert not at.metric and not at.dataframe


def test_economy_view_draws_sectors_and_students(full_data_dir):
    _, frames = full_data_dir
    students = frames["studenti"]
    town = students["comune_istat"].iloc[0]
    comuni = store.read_dataset("comuni").set_index("comune_istat")
    at = open_page("comuni", comune=town, sezione="economia")
    assert not at.exception, [e.value for e in at.exception]
    name = comuni.loc[town, "comune"]
    local = frames["unita_locali"]
    top = local[(local["comune_istat"] == town) & (local["settore_ateco"] != "TOTALE")].sort_values(
        "addetti", ascending=False).iloc[0]
    enrolled = students[(students["comune_istat"] == town) & (students["anno_scolastico"] == "2024/25")]
    assert chart_titles(at) == [
        f"{name}: il settore con più addetti è {ateco.section_name(top['settore_ateco'])} "
        f"({it_int(top['addetti'])} addetti in {it_int(top['unita_locali'])} unità locali)",
        f"{name}, 2024/25: {it_int(enrolled['totale'].sum())} studenti nelle scuole del comune"]
    assert not at.metric and not at.dataframe and decks(at) == []


def test_the_map_is_drawn_when_its_expander_is_opened(data_dir):
    at = open_page("comuni", comune="097042")
    assert decks(at) == []
    at.session_state["comuni-mappa-box"] = True
    at.run()
    assert not at.exception
    layers = {layer["id"]: layer for layer in decks(at)[0]["layers"]}
    assert len(layers["comuni"]["data"]["features"]) == len(store.read_dataset("comuni"))
    assert [f["properties"]["comune"] for f in layers["scelto"]["data"]["features"]] == ["Lecco"]


def test_a_pick_in_the_search_box_becomes_the_sidebar_territory(geo_only_data_dir):
    at = open_page("comuni")
    at.selectbox(key="profilo").set_value("013075").run()
    assert not at.exception
    # the pick is handed to the sidebar's territory (which writes ?territorio=comune&comune=… to the URL);
    # AppTest does not rerun app.py's sidebar after switch_page, so the link is opened afresh here
    assert at.session_state["territorio"] == "comune" and at.session_state["comune"] == "013075"
    at = open_page("comuni", comune="013075")
    assert at.header[0].value == "Como (CO)"
    at = open_page("comuni", comune="013075", sezione="economia")
    assert not at.exception
    missing = [i.value for i in at.info if "dati non ancora nell'archivio" in i.value]
    assert len(missing) == 2, missing  # unita_locali, studenti absent
    at = open_page("comuni", comune="013075", sezione="confronto")
    assert not at.exception
    assert at.dataframe[0].value.set_index("Indicatore").loc["Unità locali", "Como"] == "–"  # missing, never 0


def test_english(full_data_dir):
    at = open_page("comuni", comune="097042", lang="en", sezione="popolazione")
    assert not at.exception
    assert at.get("button_group")[0].proto.options[1].content == "Population by age"
    assert any(t.startswith("Lecco: ") and "aged 65 or over" in t for t in chart_titles(at))
