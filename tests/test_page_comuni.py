"""Comuni page: profile numbers, ranks, pyramid and comparison against the real population."""

from __future__ import annotations

from observatory import store
from tests.pagetest import chart_rows, chart_titles, decks, it_dec, it_int, open_page


def test_no_municipality_shows_the_map_and_a_prompt(data_dir):
    at = open_page("comuni")
    assert not at.exception
    assert any("Scegli un comune" in i.value for i in at.info)
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
    old = lecco.loc[lecco["eta"] >= 65, "totale"].sum() / lecco["totale"].sum() * 100
    assert any(f"65 anni o più {it_dec(old, 1)}\u00a0%" in t for t in chart_titles(at))
    bands = next(rows for rows in chart_rows(at, 0) if rows and "classe_eta" in rows[0])
    first = {r["sesso"]: r["persone"] for r in bands if r["classe_eta"] == "0-4"}
    young = lecco[lecco["eta"] < 5]
    assert first == {"maschi": young["maschi"].sum(), "femmine": young["femmine"].sum()}
    table = at.dataframe[-1].value
    assert list(table.columns) == ["Indicatore", "Lecco", "Como", "Provincia di Lecco"]
    ul = frames["unita_locali"]
    ul_tot = ul[(ul["settore_ateco"] == "TOTALE")].set_index("comune_istat")["unita_locali"].astype(float)
    lc_codes = [c for c in ul_tot.index if c.startswith("097")]
    per_1000 = ul_tot[lc_codes].sum() / totals[[c for c in totals.index if c.startswith("097")]].sum() * 1000
    row = table.set_index("Indicatore").loc["Unità locali ogni 1.000 abitanti"]
    assert row["Provincia di Lecco"] == it_dec(per_1000, 1)
    assert row["Como"] == it_dec(ul_tot["013075"] / totals["013075"] * 1000, 1)


def test_a_pick_in_the_search_box_becomes_the_sidebar_territory(geo_only_data_dir):
    at = open_page("comuni")
    at.selectbox(key="profilo").set_value("013075").run()
    assert not at.exception
    # the pick is handed to the sidebar's territory (which writes ?territorio=comune&comune=… to the URL);
    # AppTest does not rerun app.py's sidebar after switch_page, so the link is opened afresh here
    assert at.session_state["territorio"] == "comune" and at.session_state["comune"] == "013075"
    at = open_page("comuni", comune="013075")
    assert at.header[0].value == "Como (CO)"
    assert any("dati non ancora nell'archivio" in i.value for i in at.info)  # unita_locali, studenti absent


def test_english(full_data_dir):
    at = open_page("comuni", comune="097042", lang="en")
    assert not at.exception
    assert any(t.startswith("Lecco: ") and "aged 65 or over" in t for t in chart_titles(at))
