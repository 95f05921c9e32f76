"""Imprese page: cards, rate charts, ATECO break and the local-units map, checked against numbers
computed here from the synthetic frames and the real population."""

from __future__ import annotations

from observatory import store
from tests.pagetest import chart_rows, chart_specs, chart_titles, it_dec, it_int, maps_drawn, open_page


def quarter(frame, territories, sector, start, end):
    rows = frame[frame["territorio"].isin(territories) & (frame["settore_ateco"] == sector)
                 & (frame["mese"] >= start) & (frame["mese"] <= end)]
    return rows


def test_cards_for_both_provinces_match_the_synthetic_data(full_data_dir):
    _, frames = full_data_dir
    imprese = frames["imprese"]
    at = open_page("imprese")
    assert not at.exception, [e.value for e in at.exception]
    last = quarter(imprese, ["ITC42", "ITC43"], "TOTALE", "2025-07-01", "2025-09-01")
    stock = quarter(imprese, ["ITC42", "ITC43"], "TOTALE", "2025-06-01", "2025-06-01")["attive"].sum()
    cards = {m.label: m.value for m in at.metric}
    assert cards["Iscrizioni"] == it_int(last["iscrizioni"].sum())
    assert cards["Cessazioni"] == it_int(last["cessazioni"].sum())
    assert cards["Saldo"] == it_int(last["iscrizioni"].sum() - last["cessazioni"].sum())
    assert cards["Tasso di natalità per 100 imprese"] == it_dec(last["iscrizioni"].sum() / stock * 100, 2)
    assert cards["Tasso di mortalità per 100 imprese"] == it_dec(last["cessazioni"].sum() / stock * 100, 2)
    # the full indicator name and its definition are on hover
    assert ({m.proto.help.split(":")[0] for m in at.metric}
            >= {"Iscrizioni di imprese", "Tasso di natalità delle imprese"})
    # the default view draws the cards and the balance only: the other views do not run
    assert len(chart_titles(at)) == 1 and chart_titles(at)[0].startswith("Como + Lecco, Tutti i settori: saldo")
    assert not maps_drawn(at)


def test_one_province_one_sector_titles_and_the_ateco_break(full_data_dir):
    _, frames = full_data_dir
    imprese = frames["imprese"]
    at = open_page("imprese", territorio="097", settore="C", dal="2024", sezione="tassi")
    assert not at.exception
    births = quarter(imprese, ["ITC43"], "C", "2025-07-01", "2025-09-01")["iscrizioni"].sum()
    stock = quarter(imprese, ["ITC43"], "C", "2025-06-01", "2025-06-01")["attive"].sum()
    titles = chart_titles(at)
    assert (f"Nuove imprese ogni 100 attive nel 2025-T3, C · Attività manifatturiere: "
            f"Lecco {it_dec(births / stock * 100, 2)}" in titles)
    rate_chart = chart_specs(at)[0]
    layers = rate_chart["layer"]
    assert any(layer.get("mark", {}).get("type") == "rule" for layer in layers), "the ATECO 2025 break is marked"
    drawn = next(rows for rows in chart_rows(at, 0) if rows and "tasso_natalita" in rows[0])
    assert {r["territorio"] for r in drawn} == {"ITC43", "ITC4", "IT"}
    assert min(r["periodo"] for r in drawn) == "2024-T1"
    # the first section quarter after the break is a gap, not a number
    q2 = [r for r in drawn if r["periodo"] == "2025-T2"]
    assert q2 and all(r["tasso_natalita"] is None for r in q2)
    sectors = open_page("imprese", territorio="097", sezione="settori")
    assert any("Lecco, 2025-T3: il saldo più alto è in G · Commercio" in t for t in chart_titles(sectors))


def test_local_units_map_uses_real_population(full_data_dir):
    data_dir, frames = full_data_dir
    pop = store.read_dataset("popolazione").groupby("comune_istat")["totale"].sum()
    comuni = store.read_dataset("comuni")
    ul = frames["unita_locali"]
    c = ul[ul["settore_ateco"] == "C"].set_index("comune_istat")["addetti"].astype(float)
    lecco = comuni.loc[comuni["provincia_istat"] == "097", "comune_istat"]
    rates = (c[c.index.isin(lecco)] / pop[pop.index.isin(lecco)] * 1000).dropna().sort_values(ascending=False)
    top = comuni.set_index("comune_istat").loc[rates.index[0], "comune"]
    at = open_page("imprese", territorio="097", metrica="addetti_1000ab", settore_ul="C", sezione="comuni")
    assert not at.exception
    heading = at.subheader[0].value
    assert heading.startswith("Addetti ogni 1.000 abitanti, C · Attività manifatturiere (Lecco)")
    assert f"{top} ({it_dec(rates.iloc[0], 1)})" in heading
    legend = " ".join(h.proto.body for h in at.get("html"))
    assert "Addetti ogni 1.000 abitanti — " in legend and legend.count("background:") >= 3, \
        "the map's legend shows its classes"
    features = maps_drawn(at)[0]["layers"][0]["data"]["features"]
    assert {f["properties"]["sigla"] for f in features} == {"LC"}
    assert at.query_params["metrica"] == ["addetti_1000ab"] or at.query_params["metrica"] == "addetti_1000ab"


def test_english(full_data_dir):
    at = open_page("imprese", lang="en", sezione="tassi")
    assert not at.exception
    assert at.get("button_group")[0].proto.options[0].content == "Business births and closures"
    assert any(t.startswith("New businesses per 100 active in 2025-Q3, All sectors") for t in chart_titles(at))


def test_missing_datasets_give_italian_messages(geo_only_data_dir):
    for view, message in (("nascite", "Iscrizioni e cessazioni di imprese non sono ancora"),
                          ("comuni", "Unità locali e addetti per comune non sono ancora")):
        at = open_page("imprese", sezione=view)
        assert not at.exception
        assert any(message in i.value for i in at.info), view


def test_the_shipped_flows_view_leads_with_the_published_figures(data_dir):
    """The register's data are demo in the shipped snapshot: the cards and the first chart are what
    the Chamber of Commerce published; the quarterly detail below keeps its badge and has no cards."""
    figures = store.read_dataset("numeri_pubblicati")
    firms = figures[figures["dominio"] == "Registro imprese"]
    year = firms.loc[firms["indicatore"] == "iscrizioni", "periodo"].str.extract(r"^(\d{4})$")[0].dropna().max()
    area = firms[(firms["territorio"] == "Como+Lecco") & (firms["periodo"] == year)].set_index("indicatore")["valore"]
    stock = firms[firms["indicatore"] == "imprese_registrate"]
    last = stock["periodo"].max()
    at = open_page("imprese")
    assert not at.exception, [e.value for e in at.exception]
    cards = {m.label: (m.value, m.proto.delta_description) for m in at.metric}
    assert cards["Iscrizioni"] == (it_int(area["iscrizioni"]), f"{year} · trascritto")
    assert cards["Cessazioni"][0] == it_int(area["cessazioni_non_ufficio"])
    assert cards["Saldo"][0] == f"+{it_int(area['iscrizioni'] - area['cessazioni_non_ufficio'])}"
    assert cards["Imprese registrate"][0] == it_int(stock[(stock["territorio"] == "Como+Lecco")
                                                          & (stock["periodo"] == last)]["valore"].iloc[0])
    assert "Tasso di natalità per 100 imprese" not in cards, "no demo card beside the published ones"
    titles = chart_titles(at)
    for name in ("Como", "Lecco"):
        value = stock[(stock["territorio"] == name) & (stock["periodo"] == last)]["valore"].iloc[0]
        assert f"{name} {it_int(value)}" in titles[0]
    assert titles[0].startswith("Imprese registrate al ") and len(titles) == 2
    assert [s.value for s in at.subheader] == ["Dettaglio da dati dimostrativi"]
    captions = [c.value for c in at.caption]
    assert "trascritto" in captions[0] and "dati dimostrativi" not in captions[0]
    assert all("dati dimostrativi" in c for c in captions[1:])
