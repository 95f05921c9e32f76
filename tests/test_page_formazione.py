"""Formazione page: cards and types, trend, kinds of institute and map against the synthetic students
(every order, 2021/22 without infanzia, one school no registry places); the shipped real students;
the ITS note. One view at a time: the cards (default), the trend, the kinds, the map."""

from __future__ import annotations

import pytest

from observatory import navigation
from tests.pagetest import chart_rows, chart_titles, it_dec, it_int, maps_drawn, open_page

ITS = "Per gli ITS Academy"
VIEWS = [code for code, _ in navigation.entry("formazione").views]


def test_cards_and_types_for_both_provinces(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione")
    assert not at.exception, [e.value for e in at.exception]
    latest, before = st[st["anno_scolastico"] == "2024/25"], st[st["anno_scolastico"] == "2023/24"]
    cards = {m.label: m for m in at.metric}
    assert cards["Studenti"].value == it_int(latest["totale"].sum())  # the unplaced school counts in the total
    assert cards["Studenti"].help.startswith("Studenti delle scuole: Iscritti alle scuole dell'infanzia")
    primary = latest.loc[latest["ordine"] == "primaria", "totale"].sum()
    assert cards["Primaria"].value == it_int(primary)
    earlier = before.loc[before["ordine"] == "primaria", "totale"].sum()
    assert cards["Primaria"].delta == f"+{it_int(primary - earlier)}"
    caption = at.caption[0].value
    assert "Variazioni rispetto al 2023/24" in caption
    assert "11 studenti" in caption and "di 1 sedi non hanno un comune nel 2024/25" in caption
    types = next(rows for rows in chart_rows(at, 0) if rows and "tipo_scuola" in rows[0])
    assert {r["tipo_scuola"]: r["studenti"] for r in types}["tecnico"] == \
        latest.loc[latest["tipo_scuola"] == "tecnico", "totale"].sum()
    upper = latest.loc[latest["ordine"] == "secondaria_secondo_grado", "totale"].sum()
    assert chart_titles(at) == [f"Como + Lecco, 2024/25: {it_int(latest['totale'].sum())} studenti, di cui "
                                f"{it_int(upper)} alle superiori"]
    assert not maps_drawn(at)  # the trend, kinds and map views do not run


def test_a_year_with_fewer_orders_is_not_compared(full_data_dir):
    at = open_page("formazione", anno="2022/23")
    assert not at.exception
    assert "Variazioni rispetto al" not in at.caption[0].value and "Nessuna variazione" in at.caption[0].value
    assert not any(m.delta for m in at.metric)


def test_trend_by_school_type_marks_the_years_without_infanzia(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione", sezione="andamento")
    assert not at.exception
    trend = next(rows for rows in chart_rows(at, 0) if rows and "studenti" in rows[0])
    primary = {r["anno_scolastico"]: r["studenti"] for r in trend if r["ordine"] == "primaria"}
    assert primary == st[st["ordine"] == "primaria"].groupby("anno_scolastico")["totale"].sum().to_dict()
    assert "2021/22" not in {r["anno_scolastico"] for r in trend if r["ordine"] == "infanzia"}
    upper = next(rows for rows in chart_rows(at, 1) if rows and "tipo_scuola" in rows[0])
    licei = {r["anno_scolastico"]: r["studenti"] for r in upper if r["tipo_scuola"] == "liceo"}
    assert licei == st[st["tipo_scuola"] == "liceo"].groupby("anno_scolastico")["totale"].sum().to_dict()
    totals = st.groupby("anno_scolastico")["totale"].sum()
    # the title compares only the years with every order: 2022/23 to 2024/25, three years, so a trend
    change = it_dec((totals["2024/25"] - totals["2022/23"]) / totals["2022/23"] * 100, 1)
    assert chart_titles(at)[0] == (f"Como + Lecco: dal 2022/23 al 2024/25 gli studenti passano da "
                                   f"{it_int(totals['2022/23'])} a {it_int(totals['2024/25'])} (+{change}\u00a0%)")
    latest = st[(st["anno_scolastico"] == "2024/25") & (st["tipo_scuola"] == "liceo")]["totale"].sum()
    assert chart_titles(at)[1].startswith(
        f"Como + Lecco, superiori nel 2024/25: licei {it_int(latest)}")
    assert "2021/22: solo primaria e secondarie" in at.caption[0].value
    assert not at.metric and not maps_drawn(at)


def test_kinds_of_institute_and_its_note(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    at = open_page("formazione", territorio="013", anno="2023/24", tipo="tecnico", sezione="percorsi")
    assert not at.exception
    rows = st[(st["anno_scolastico"] == "2023/24") & (st["provincia_istat"] == "013")
              & (st["tipo_scuola"] == "tecnico")]
    top = rows.groupby("tipologia")["totale"].sum()
    share = top.max() / top.sum() * 100
    assert chart_titles(at) == [f"Como, istituti tecnici: nel 2023/24 gli istituti più frequentati sono "
                                f"«istituti tecnici industriali», {it_dec(share, 1)}\u00a0% degli studenti"]
    assert at.query_params["tipo"] in ("tecnico", ["tecnico"])
    assert any(ITS in i.value for i in at.info)


def test_map_says_no_school_where_there_is_none(full_data_dir):
    _, frames = full_data_dir
    st = frames["studenti"]
    latest = st[st["anno_scolastico"] == "2024/25"]
    at = open_page("formazione", sezione="mappa", tipo="infanzia")
    assert not at.exception
    by_town = latest[latest["ordine"] == "infanzia"].groupby("comune_istat")["totale"].sum()
    features = maps_drawn(at)[0]["layers"][0]["data"]["features"]
    top = next(f for f in features if f["properties"]["comune_istat"] == by_town.idxmax())
    assert top["properties"]["valore"] == it_int(by_town.max())
    empty = [f for f in features if f["properties"]["comune_istat"] not in by_town.index]
    assert empty and {f["properties"]["valore"] for f in empty} == {"nessuna scuola"}
    assert any("nessuna scuola" in h.body for h in at.get("html"))  # the legend says it too
    assert not chart_titles(at)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_in_english(full_data_dir, view):
    at = open_page("formazione", lang="en", sezione=view)
    assert not at.exception, [e.value for e in at.exception]
    # the view asked for, and no other: cards and types; the trend (no filter); kinds (year and type); the map
    charts, filters = len(chart_titles(at)), len(at.selectbox)
    drawn = {"studenti": bool(at.metric) and charts == 1, "andamento": charts == 2 and filters == 0,
             "percorsi": charts == 1 and filters == 2, "mappa": len(maps_drawn(at)) == 1}
    assert [code for code, found in drawn.items() if found] == [view]
    if view == "studenti":
        assert {m.label for m in at.metric} == {"Students", "Pre-school", "Primary", "Lower secondary",
                                                 "Upper secondary"}
    if view == "percorsi":
        assert any("There is no machine-readable public source for ITS" in i.value for i in at.info)


def test_the_shipped_real_students(data_dir):
    """The committed snapshot: the Ministry's 116,988 students of 2024/25 and the unplaced 605."""
    at = open_page("formazione")
    assert not at.exception
    cards = {m.label: m.value for m in at.metric}
    assert cards["Studenti"] == "116.988"
    assert "605 studenti (0,5\u00a0%) di 12 sedi non hanno un comune nel 2024/25" in at.caption[0].value
    trend = open_page("formazione", sezione="andamento")
    assert "2018/19 – 2020/21: solo primaria e secondarie" in trend.caption[0].value
    assert chart_titles(trend)[0].startswith("Como + Lecco: dal 2021/22 al 2024/25 gli studenti passano da 122.288 "
                                             "a 116.988")


def test_missing_dataset(geo_only_data_dir):
    for view in VIEWS:
        at = open_page("formazione", sezione=view)
        assert not at.exception
        assert any("non sono ancora nell'archivio" in i.value for i in at.info)
        assert any(ITS in i.value for i in at.info)
