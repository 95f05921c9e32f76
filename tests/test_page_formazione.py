"""Formazione page: cards, trend, fields and map against the synthetic students; ITS note."""

from __future__ import annotations

from tests.pagetest import chart_rows, chart_titles, decks, it_dec, it_int, open_page

ITS = "Per gli ITS Academy"


def test_cards_trend_and_map_for_both_provinces(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione")
    assert not at.exception, [e.value for e in at.exception]
    latest = st[st["anno_scolastico"] == "2024/25"]
    cards = {m.label: m for m in at.metric}
    assert cards["Studenti delle superiori"].value == it_int(latest["totale"].sum())
    share = latest.loc[latest["tipo_percorso"] == "tecnico", "totale"].sum() / latest["totale"].sum() * 100
    assert cards["Quota Istituti tecnici"].value == f"{it_dec(share, 1)}\u00a0%"
    trend = next(rows for rows in chart_rows(at, 0) if rows and "studenti" in rows[0])
    licei = {r["anno_scolastico"]: r["studenti"] for r in trend if r["tipo_percorso"] == "liceo"}
    expected = st[st["tipo_percorso"] == "liceo"].groupby("anno_scolastico")["totale"].sum().to_dict()
    assert licei == expected
    by_town = latest.groupby("comune_istat")["totale"].sum()
    features = decks(at)[0]["layers"][0]["data"]["features"]
    top = next(f for f in features if f["properties"]["comune_istat"] == by_town.idxmax())
    assert top["properties"]["valore"] == it_int(by_town.max())
    assert any(ITS in i.value for i in at.info)


def test_year_type_and_province_filters(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione", territorio="013", anno="2023/24", tipo="liceo")
    assert not at.exception
    rows = st[(st["anno_scolastico"] == "2023/24") & st["comune_istat"].str.startswith("013")]
    assert {m.label: m.value for m in at.metric}["Studenti delle superiori"] == it_int(rows["totale"].sum())
    assert "Como, licei: nel 2023/24 il percorso più scelto è Scientifico, 100,0\u00a0% degli studenti" in chart_titles(at)
    assert at.query_params["tipo"] in ("liceo", ["liceo"])
    features = decks(at)[0]["layers"][0]["data"]["features"]
    assert {f["properties"]["sigla"] for f in features} == {"CO"}


def test_english(full_data_dir):
    at = open_page("formazione", lang="en")
    assert not at.exception
    assert any("There is no machine-readable public source for ITS" in i.value for i in at.info)


def test_missing_dataset(geo_only_data_dir):
    at = open_page("formazione")
    assert not at.exception
    assert any("non sono ancora nell'archivio" in i.value for i in at.info)
    assert any(ITS in i.value for i in at.info)
