"""Panoramica: headline cards computed from the synthetic frames, notes when datasets are missing."""

from __future__ import annotations

import pandas as pd

from tests.page_helpers import it_number, metrics, run

PAGE = "pages/panoramica.py"
NBSP = "\u00a0"


def latest_two(forze, territory, indicator):
    rows = forze[(forze["territorio"] == territory) & (forze["indicatore"] == indicator) & (forze["sesso"] == "totale")]
    rows = rows.sort_values("anno")
    return rows.iloc[-1], rows.iloc[-2]


def test_cards_for_both_provinces(full_data_dir):
    _, frames = full_data_dir
    at = run(PAGE)
    shown = metrics(at)
    for territory, name in (("ITC42", "Como"), ("ITC43", "Lecco")):
        now, before = latest_two(frames["forze_lavoro"], territory, "tasso_disoccupazione")
        value, delta = shown[f"Disoccupazione, {name}"]
        assert value == f"{it_number(now['valore'], 1)}{NBSP}%"
        change = now["valore"] - before["valore"]
        assert delta == f"{'-' if change < 0 else '+'}{it_number(abs(change), 1)} p.p."
    hires = frames["avviamenti"]
    last12 = hires[hires["territorio"].isin(["ITC42", "ITC43"]) & (hires["mese"] >= "2024-01-01")]["eventi"].sum()
    assert shown["Assunzioni, ultimi 12 mesi"][0] == it_number(last12)
    firms = frames["imprese"]
    firms = firms[(firms["settore_ateco"] == "TOTALE") & firms["territorio"].isin(["ITC42", "ITC43"])
                  & (firms["mese"] >= pd.Timestamp("2024-10-01"))]
    assert shown["Nuove imprese, ultimi 12 mesi"][0] == it_number(firms["iscrizioni"].sum())
    students = frames["studenti"]
    students = students[(students["anno_scolastico"] == "2024/25") & students["comune_istat"].str[:3].isin(["013", "097"])]
    assert shown["Studenti delle superiori"][0] == it_number(students["totale"].sum())
    assert at.get("deck_gl_json_chart"), "the population map is still drawn"
    texts = [m.value for m in at.markdown]
    assert any(t.startswith("Nelle province di Como e Lecco nei 12 mesi fino a dic 2024") for t in texts)


def test_one_province_sentence_in_both_languages(full_data_dir):
    _, frames = full_data_dir
    now, before = latest_two(frames["forze_lavoro"], "ITC43", "tasso_disoccupazione")
    verb = "sceso" if now["valore"] < before["valore"] else "salito"
    expected = (f"In provincia di Lecco il tasso di disoccupazione è {verb} al {it_number(now['valore'], 1)}{NBSP}% "
                f"nel {now['anno']}, dal {it_number(before['valore'], 1)}{NBSP}% del {before['anno']}.")
    at = run(PAGE, territorio="097")
    assert expected in [m.value for m in at.markdown]
    assert "Disoccupazione, Como" not in metrics(at)
    english = run(PAGE, territorio="097", lang="en")
    assert any(m.value.startswith("In the province of Lecco the unemployment rate") for m in english.markdown)
    assert "Unemployment, Lecco" in metrics(english)


def test_missing_datasets_give_italian_notes_and_the_map(geo_only_data_dir):
    at = run(PAGE)
    assert [i.value for i in at.main.info] == ["Dati non ancora disponibili."] * 7
    details = [c.value for c in at.caption]
    for dataset in ("forze_lavoro", "avviamenti", "imprese", "studenti"):
        assert any(f"«{dataset}» non è presente" in d for d in details), dataset
    assert not at.metric
    assert at.get("deck_gl_json_chart")
