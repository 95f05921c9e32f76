"""Competenze page: demand, supply and gap shares against numbers computed here."""

from __future__ import annotations

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
    # industria = operai + conduttori + tecniche; supply: the TECNOLOGICO students over mapped ones (no IeFP)
    industry = ex[ex["categoria"].isin(["Operai specializzati", "Conduttori di impianti", "Professioni tecniche"])]
    demand_share = industry["entrate"].sum() / ex["entrate"].sum() * 100
    latest = st[st["anno_scolastico"] == "2024/25"]
    mapped = latest[latest["tipo_percorso"] != "iefp"]
    supply_share = mapped.loc[mapped["percorso"] == "TECNOLOGICO", "totale"].sum() / mapped["totale"].sum() * 100
    titles = chart_titles(at)
    assert (f"Como + Lecco: «Industria, tecnologia e costruzioni» è il {it_dec(demand_share, 1)}\u00a0% della domanda "
            f"ma il {it_dec(supply_share, 1)}\u00a0% degli studenti") in titles
    gap_rows = next(rows for rows in chart_rows(at, len(titles) - 1) if rows and "divario" in rows[0])
    industria = next(r for r in gap_rows if r["area"] == "industria")
    assert abs(industria["divario"] - (demand_share - supply_share)) < 1e-9
    assert any("approssimazione dell'osservatorio" in w.value for w in at.warning)


def test_hires_as_demand_in_one_province(full_data_dir):
    _, frames = full_data_dir
    av = frames["avviamenti"]
    at = open_page("competenze", territorio="097", domanda="avviamenti")
    assert not at.exception
    recent = av[(av["territorio"] == "ITC43") & (av["mese"] >= "2024-01-01")]
    by_sector = recent.groupby("settore_ateco")["eventi"].sum().sort_values(ascending=False)
    assert any(f"({it_int(by_sector.iloc[0])} contratti)" in t and t.startswith("Lecco, gen 2024 – dic 2024")
               for t in chart_titles(at))
    mapped = by_sector.drop("ND")
    services = mapped[["I", "Q"]].sum() / mapped.sum() * 100
    gap_rows = next(rows for rows in chart_rows(at, len(chart_titles(at)) - 1) if rows and "divario" in rows[0])
    assert abs(next(r for r in gap_rows if r["area"] == "servizi")["quota_domanda"] - services) < 1e-9
    nd_share = by_sector["ND"] / by_sector.sum() * 100
    assert any(f"restano fuori il {it_dec(nd_share, 1)}\u00a0% della domanda" in c.value for c in at.caption)


def test_english(full_data_dir):
    at = open_page("competenze", lang="en")
    assert not at.exception
    assert any("observatory's own approximation" in w.value for w in at.warning)


def test_missing_datasets(geo_only_data_dir):
    at = open_page("competenze")
    assert not at.exception
    assert len([i for i in at.info if "non ancora nell'archivio" in i.value]) == 3
