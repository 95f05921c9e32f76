"""Formazione page: cards, trend, fields and map against the synthetic students; ITS note. One
view at a time: the cards (default), the trend, the fields, the map."""

from __future__ import annotations

import pytest

from observatory import navigation
from tests.pagetest import chart_rows, chart_titles, decks, it_dec, it_int, open_page

ITS = "Per gli ITS Academy"
VIEWS = [code for code, _ in navigation.entry("formazione").views]


def test_cards_for_both_provinces_and_nothing_else(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione")
    assert not at.exception, [e.value for e in at.exception]
    latest = st[st["anno_scolastico"] == "2024/25"]
    cards = {m.label: m for m in at.metric}
    assert cards["Studenti"].value == it_int(latest["totale"].sum())
    assert cards["Studenti"].help.startswith("Studenti delle superiori: Iscritti alle scuole secondarie")
    share = latest.loc[latest["tipo_percorso"] == "tecnico", "totale"].sum() / latest["totale"].sum() * 100
    assert cards["Quota tecnici"].value == f"{it_dec(share, 1)}\u00a0%"
    assert cards["Quota tecnici"].help.startswith("Istituti tecnici: studenti iscritti in percentuale")
    assert "variazioni rispetto al 2023/24" in at.caption[0].value
    # the default view draws the cards only: the trend, fields and map views do not run
    assert not chart_titles(at) and not decks(at)


def test_trend_by_school_type(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione", sezione="andamento")
    assert not at.exception
    trend = next(rows for rows in chart_rows(at, 0) if rows and "studenti" in rows[0])
    licei = {r["anno_scolastico"]: r["studenti"] for r in trend if r["tipo_percorso"] == "liceo"}
    expected = st[st["tipo_percorso"] == "liceo"].groupby("anno_scolastico")["totale"].sum().to_dict()
    assert licei == expected
    assert len(chart_titles(at)) == 1 and not at.metric and not decks(at)


def test_map_and_its_note(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    latest = st[st["anno_scolastico"] == "2024/25"]
    at = open_page("formazione", sezione="mappa")
    assert not at.exception
    by_town = latest.groupby("comune_istat")["totale"].sum()
    features = decks(at)[0]["layers"][0]["data"]["features"]
    top = next(f for f in features if f["properties"]["comune_istat"] == by_town.idxmax())
    assert top["properties"]["valore"] == it_int(by_town.max())
    assert not chart_titles(at)
    fields = open_page("formazione", sezione="percorsi")
    assert not fields.exception
    assert any(ITS in i.value for i in fields.info)


def test_year_type_and_province_filters(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    rows = st[(st["anno_scolastico"] == "2023/24") & st["comune_istat"].str.startswith("013")]
    at = open_page("formazione", territorio="013", anno="2023/24")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Studenti"] == it_int(rows["totale"].sum())
    at = open_page("formazione", territorio="013", anno="2023/24", tipo="liceo", sezione="percorsi")
    assert not at.exception
    assert ("Como, licei: nel 2023/24 il percorso più scelto è Scientifico, 100,0\u00a0% degli studenti"
            in chart_titles(at))
    assert at.query_params["tipo"] in ("liceo", ["liceo"])
    at = open_page("formazione", territorio="013", anno="2023/24", tipo="liceo", sezione="mappa")
    assert not at.exception
    features = decks(at)[0]["layers"][0]["data"]["features"]
    assert {f["properties"]["sigla"] for f in features} == {"CO"}
    licei = rows[rows["tipo_percorso"] == "liceo"].groupby("comune_istat")["totale"].sum()
    assert it_int(licei.max()) in at.subheader[0].value


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_in_english(full_data_dir, view):
    at = open_page("formazione", lang="en", sezione=view)
    assert not at.exception, [e.value for e in at.exception]
    # the view asked for, and no other: cards; the trend (no filter); fields (year and type); the map
    charts, filters = len(chart_titles(at)), len(at.selectbox)
    drawn = {"studenti": bool(at.metric), "andamento": charts == 1 and filters == 0,
             "percorsi": charts == 1 and filters == 2, "mappa": len(decks(at)) == 1}
    assert [code for code, found in drawn.items() if found] == [view]
    if view == "studenti":
        assert {m.label for m in at.metric} == {"Students", "Licei share", "Technical share", "Vocational share",
                                                 "IeFP share"}
    if view == "percorsi":
        assert any("There is no machine-readable public source for ITS" in i.value for i in at.info)


def test_missing_dataset(geo_only_data_dir):
    for view in VIEWS:
        at = open_page("formazione", sezione=view)
        assert not at.exception
        assert any("non sono ancora nell'archivio" in i.value for i in at.info)
        assert any(ITS in i.value for i in at.info)
