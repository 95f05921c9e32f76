"""Competenze page: demand, supply and gap shares against numbers computed here."""

from __future__ import annotations

import pytest

from observatory import labels
from observatory.indicators import skills
from tests.pagetest import chart_rows, chart_titles, it_dec, it_int, open_page


def test_excelsior_cards_and_gap_for_both_provinces(full_data_dir):
    _, frames = full_data_dir
    ex = frames["excelsior"]
    st = frames["studenti"]
    at = open_page("competenze")
    assert not at.exception, [e.value for e in at.exception]
    cards = {m.label: m.value for m in at.metric}
    assert cards["Entrate previste"] == it_int(ex["entrate"].sum())
    hard = (ex["entrate"] * ex["quota_difficile"]).sum() / ex["entrate"].sum()
    assert cards["Quota di difficile reperimento"] == f"{it_dec(hard, 1)}\u00a0%"
    top = ex.groupby("categoria")["entrate"].sum().sort_values(ascending=False)
    # the default view draws the cards and the planned hires by group only: the other views do not run
    assert chart_titles(at) == [f"Como + Lecco, 2025: il gruppo più richiesto è «{top.index[0]}» "
                                f"con {it_int(top.iloc[0])} entrate previste"]
    assert not at.warning and not at.radio

    # industria = operai + conduttori + tecniche; supply: the students of industrial technical institutes (TF)
    # over those of institutes with an area
    at = open_page("competenze", sezione="divario")
    assert not at.exception, [e.value for e in at.exception]
    industry = ex[ex["categoria"].isin(["Operai specializzati", "Conduttori di impianti", "Professioni tecniche"])]
    demand_share = industry["entrate"].sum() / ex["entrate"].sum() * 100
    latest = st[st["anno_scolastico"] == "2024/25"]
    mapped = latest[latest["tipologia"].isin(["PS", "TF", "TD", "RH"])]  # the synthetic upper-secondary schools
    supply_share = mapped.loc[mapped["tipologia"] == "TF", "totale"].sum() / mapped["totale"].sum() * 100
    titles = chart_titles(at)
    assert len(titles) == 2 and not at.metric
    assert (f"Como + Lecco: «Industria, tecnologia e costruzioni» è il {it_dec(demand_share, 1)}\u00a0% della domanda "
            f"ma il {it_dec(supply_share, 1)}\u00a0% degli studenti") in titles
    gap_rows = next(rows for rows in chart_rows(at, len(titles) - 1) if rows and "divario" in rows[0])
    industria = next(r for r in gap_rows if r["area"] == "industria")
    assert abs(industria["divario"] - (demand_share - supply_share)) < 1e-9
    assert any("approssimazione dell'osservatorio" in w.value for w in at.warning)


def test_hardest_to_find_groups(full_data_dir):
    _, frames = full_data_dir
    ex = frames["excelsior"]
    at = open_page("competenze", sezione="difficili")
    assert not at.exception, [e.value for e in at.exception]
    grouped = ex.assign(difficili=ex["entrate"] * ex["quota_difficile"] / 100).groupby("categoria")[
        ["entrate", "difficili"]].sum()
    shares = (grouped["difficili"] / grouped["entrate"] * 100).sort_values(ascending=False)
    assert chart_titles(at) == [f"Le figure più difficili da trovare: «{shares.index[0]}», "
                                f"{it_dec(shares.iloc[0], 1)}\u00a0% delle entrate"]
    assert not at.metric


def test_method_table_is_built_only_when_opened(full_data_dir):
    at = open_page("competenze", sezione="divario")
    assert [e.label for e in at.expander] == ["Tabella di corrispondenza usata (approssimazione dell'osservatorio)"]
    assert not at.dataframe
    at.session_state["skills-method"] = True
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["dimensione", "modello", "area", "nota"] and len(table) == len(skills.rules())
    assert "Industria, tecnologia e costruzioni" in set(table["area"])


def test_hires_as_demand_in_one_province(full_data_dir):
    _, frames = full_data_dir
    av = frames["avviamenti"]
    at = open_page("competenze", territorio="097", sezione="settori")
    assert not at.exception
    recent = av[(av["territorio"] == "ITC43") & (av["mese"] >= "2024-01-01")]
    by_sector = recent.groupby("settore_ateco")["eventi"].sum().sort_values(ascending=False)
    titles = chart_titles(at)
    assert len(titles) == 1
    assert (f"({it_int(by_sector.iloc[0])} contratti)" in titles[0]
            and titles[0].startswith("Lecco, gen 2024 – dic 2024"))
    at = open_page("competenze", territorio="097", domanda="avviamenti", sezione="divario")
    assert not at.exception
    assert at.radio[0].value == "avviamenti"
    mapped = by_sector.drop("ND")
    services = mapped[["I", "Q"]].sum() / mapped.sum() * 100
    gap_rows = next(rows for rows in chart_rows(at, len(chart_titles(at)) - 1) if rows and "divario" in rows[0])
    assert abs(next(r for r in gap_rows if r["area"] == "servizi")["quota_domanda"] - services) < 1e-9
    nd_share = by_sector["ND"] / by_sector.sum() * 100
    left_out = labels.elide(f"restano fuori il {it_dec(nd_share, 1)}\u00a0% della domanda")  # "l'8,…" when read so
    assert any(left_out in c.value for c in at.caption)


def test_english(full_data_dir):
    at = open_page("competenze", lang="en", sezione="divario")
    assert not at.exception
    assert at.get("button_group")[0].proto.options[-1].content == "Demand and supply compared"
    assert any("observatory's own approximation" in w.value for w in at.warning)


@pytest.mark.parametrize("view", ["entrate", "difficili", "settori", "divario"])
def test_every_view_renders_in_both_languages(full_data_dir, view):
    for code in ("it", "en"):
        at = open_page("competenze", lang=code, sezione=view)
        assert not at.exception, (view, code, [e.value for e in at.exception])
        assert chart_titles(at), (view, code)


def test_missing_datasets(geo_only_data_dir):
    messages = {}
    for view in ("entrate", "difficili", "settori", "divario"):
        at = open_page("competenze", sezione=view)
        assert not at.exception
        messages[view] = [i.value for i in at.info if "non ancora nell'archivio" in i.value]
    assert [m.split(":")[0] for m in messages["entrate"]] == ["Entrate previste dalle imprese (Excelsior)"]
    assert messages["difficili"] == messages["entrate"]
    assert [m.split(":")[0] for m in messages["settori"]] == ["Assunzioni per settore, ultimi 12 mesi"]
    assert [m.split(":")[0] for m in messages["divario"]] == ["Studenti per tipo di scuola"]


def test_the_shipped_planned_view_leads_with_the_published_quarters(data_dir):
    """Excelsior's detail is demo in the shipped snapshot: the cards and the first chart are the
    planned hires Excelsior published per quarter; the groups chart below keeps its badge."""
    from observatory import store

    figures = store.read_dataset("numeri_pubblicati")
    for code, area, scope in (("entrambe", "Como+Lecco", "Como + Lecco"), ("097", "Lecco", "Lecco")):
        rows = figures[(figures["indicatore"] == "entrate_previste") & (figures["territorio"] == area)
                       & figures["periodo"].str.fullmatch(r"\d{4}-Q[1-4]")].sort_values("periodo")
        last = rows.iloc[-1]
        at = open_page("competenze", territorio=code)
        assert not at.exception, [e.value for e in at.exception]
        cards = {m.label: (m.value, m.proto.delta_description) for m in at.metric}
        quarter = f"{last['periodo'][-1]}° trim. {last['periodo'][:4]}"
        assert cards["Entrate previste"] == (it_int(last["valore"]), f"{quarter} · trascritto")
        titles = chart_titles(at)
        assert titles[0].startswith(f"{scope}: {it_int(last['valore'])} entrate previste nel {quarter}")
        assert [s.value for s in at.subheader] == ["Dettaglio da dati dimostrativi"]
        captions = [c.value for c in at.caption]
        assert "trascritto" in captions[0] and "dati dimostrativi" not in captions[0]
        assert all("dati dimostrativi" in c for c in captions[1:])
