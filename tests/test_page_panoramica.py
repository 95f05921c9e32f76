"""Panoramica: headline cards computed from the synthetic frames, notes when datasets are missing,
the population map in its own view, and the shared sidebar that reruns with the default page."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from observatory import store
from observatory.ui import cards, sidebar, staff
from observatory.views import Card
from observatory.views.panoramica import Headline
from tests.page_helpers import it_number, metrics, published_hires, run
from tests.pagetest import APP

PAGE = "pages/panoramica.py"
NBSP = "\u00a0"
BADGE = ":orange-badge[⚠️ dati dimostrativi] "
LINK = re.compile(r"\[(?P<label>[^\]]*)\]\((?P<url>[^)]*)\)")


def changes(at) -> str:
    """The text under the cards: a line per card with what changed, then the links."""
    found = [m.value for m in at.main.markdown if "\n- " in m.value]
    assert len(found) <= 1
    return found[0] if found else ""


def sentences(at) -> list[str]:
    return [re.sub(r"^:orange-badge\[[^\]]*\] ", "", line[2:]) for line in changes(at).splitlines()
            if line.startswith("- ")]


def links(at) -> list[tuple[str, str]]:
    return [(m["label"], m["url"]) for m in LINK.finditer(changes(at).rsplit("\n\n", 1)[-1])]


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
    students = students[(students["anno_scolastico"] == "2024/25") & students["provincia_istat"].isin(["013", "097"])]
    assert shown["Studenti delle scuole"][0] == it_number(students["totale"].sum())
    assert any(t.startswith("Nelle province di Como e Lecco nei 12 mesi fino a dic 2024") for t in sentences(at))
    planned = frames["excelsior"]
    assert shown["Entrate previste"][0] == it_number(planned[planned["anno"] == planned["anno"].max()]["entrate"].sum())
    assert len(sentences(at)) == len(shown) == 10, "every card says what changed"
    # the eight cards drawn from a constructed sample carry the badge on their line; the two NEET cards
    # (real BES data) do not, so the badge is never once for all
    lines = [line for line in changes(at).splitlines() if line.startswith("- ")]
    assert [line.startswith("- " + BADGE) for line in lines] == [True] * 8 + [False] * 2
    query = "?lang=it&territorio=entrambe"
    assert links(at) == [(f"Mercato del lavoro{NBSP}→", f"mercato-lavoro{query}"),
                         (f"Competenze{NBSP}→", f"competenze{query}"), (f"Imprese{NBSP}→", f"imprese{query}"),
                         (f"Formazione{NBSP}→", f"formazione{query}"),
                         (f"Qualità del lavoro e politiche{NBSP}→", f"qualita-lavoro{query}")]
    descriptions = {m.label: m.proto.delta_description for m in at.metric}
    como, _ = latest_two(frames["forze_lavoro"], "ITC42", "tasso_disoccupazione")
    assert descriptions["Disoccupazione, Como"] == f"anno {como['anno']}"
    assert descriptions["Assunzioni, ultimi 12 mesi"] == "fino a dic 2024"
    assert descriptions["Studenti delle scuole"] == "a.s. 2024/25"
    helps = {m.label: m.help for m in at.metric}
    assert helps["Assunzioni, ultimi 12 mesi"].endswith("La variazione è sui 12 mesi precedenti.")
    assert helps["Studenti delle scuole"].endswith("La variazione è sull'anno scolastico precedente.")
    assert helps["Disoccupazione, Como"].startswith("Tasso di disoccupazione: Persone in cerca di lavoro")
    assert helps["Disoccupazione, Como"].endswith("La variazione è sull'anno precedente, in punti percentuali.")
    # the default view draws the cards only: the map's view does not run
    assert not at.get("deck_gl_json_chart") and not at.subheader
    population = run(PAGE, sezione="mappa")
    assert population.get("deck_gl_json_chart"), "the population map is still drawn"
    assert not population.metric, "the map view draws no cards"


def test_the_shipped_overview_quotes_real_rates_and_students_and_published_hires(data_dir):
    """On the shipped snapshot no card is a demo magnitude: the real rates and students, the figures
    published for hires, businesses and planned hires, each with its period and 'trascritto'."""
    forze, figures = store.read_dataset("forze_lavoro"), store.read_dataset("numeri_pubblicati")
    students = store.read_dataset("studenti")
    at = run(PAGE)
    shown, described = metrics(at), {m.label: m.proto.delta_description for m in at.metric}
    helps = {m.label: m.help for m in at.metric}
    rates = forze[(forze["indicatore"] == "tasso_disoccupazione") & (forze["sesso"] == "totale")]
    for code, name in (("ITC42", "Como"), ("ITC43", "Lecco")):
        mine = rates[rates["territorio"] == code].dropna(subset=["valore"]).sort_values("anno").iloc[-1]
        assert shown[f"Disoccupazione, {name}"][0] == f"{it_number(mine['valore'], 1)}{NBSP}%"
        assert described[f"Disoccupazione, {name}"] == f"anno {mine['anno']}"
        year, hires = published_hires(figures, name)
        rounded = str(hires["nota"] or "").startswith("approx")
        assert shown[f"Assunzioni, {name}"][0] == ("≈" + NBSP if rounded else "") + it_number(hires["valore"])
        assert described[f"Assunzioni, {name}"] == f"{year} · trascritto"
        assert hires["url"] in helps[f"Assunzioni, {name}"]
        line = next(s for s in sentences(at) if s.startswith(f"In provincia di {name} nel {year} le assunzioni"))
        assert f"]({hires['url']})" in line and "dato trascritto" in line
    bands = set(forze.loc[forze["indicatore"] == "tasso_occupazione", "classe_eta"])
    employment = [label for label in shown if label.startswith("Occupazione")]
    assert len(employment) == 2
    if "15-64" not in bands:  # the archive has another band only (15-89): the card says which
        assert all(f"{min(bands)} anni" in label for label in employment), employment
    latest = students[students["anno_scolastico"] == students["anno_scolastico"].max()]
    assert shown["Studenti delle scuole"][0] == it_number(latest["totale"].sum())
    assert described["Entrate previste"].endswith("· trascritto") and described["Nuove imprese"].endswith(
        "· trascritto")
    assert not any("ultimi 12 mesi" in label for label in shown), "no demo 12-month headline"
    assert "dati dimostrativi" not in changes(at), "every card is real or published"
    english = run(PAGE, lang="en")
    assert {"Hires, Como", "Hires, Lecco", "Planned hires", "New businesses"} <= set(metrics(english))
    assert all(m.proto.delta_description.endswith("transcribed") for m in english.metric if m.label.startswith("Hires"))


def test_one_province_sentence_in_both_languages(full_data_dir):
    _, frames = full_data_dir
    now, before = latest_two(frames["forze_lavoro"], "ITC43", "tasso_disoccupazione")
    verb = "sceso" if now["valore"] < before["valore"] else "salito"
    expected = (f"In provincia di Lecco il tasso di disoccupazione è {verb} al {it_number(now['valore'], 1)}{NBSP}% "
                f"nel {now['anno']}, dal {it_number(before['valore'], 1)}{NBSP}% del {before['anno']}.")
    at = run(PAGE, territorio="097")
    assert expected in sentences(at)
    assert "Disoccupazione, Como" not in metrics(at)
    assert links(at)[0][1] == "mercato-lavoro?lang=it&territorio=097"
    english = run(PAGE, territorio="097", lang="en")
    assert any(s.startswith("In the province of Lecco the unemployment rate") for s in sentences(english))
    assert "Unemployment, Lecco" in metrics(english)
    assert links(english)[0] == (f"Labour market{NBSP}→", "mercato-lavoro?lang=en&territorio=097")


def test_missing_datasets_give_italian_notes_and_the_map(geo_only_data_dir):
    at = run(PAGE)
    assert [i.value for i in at.main.info] == ["Dati non ancora disponibili."] * 10
    details = [c.value for c in at.caption]
    for dataset in ("forze_lavoro", "avviamenti", "imprese", "studenti", "excelsior", "bes_lavoro"):
        assert any(f"«{dataset}» non è presente" in d for d in details), dataset
    assert not at.metric
    population = run(PAGE, sezione="mappa")
    assert population.get("deck_gl_json_chart")


def test_map_view_in_english_and_for_one_municipality(data_dir):
    at = run(PAGE, sezione="mappa", lang="en", territorio="comune", comune="097042")
    assert any("inhabitants" in h.value for h in at.subheader)
    assert not at.metric


def test_one_municipality_map_gives_the_province_total_and_the_town(data_dir):
    pop = store.read_dataset("popolazione")
    latest = pop[pop["anno"] == pop["anno"].max()]
    comuni = store.read_dataset("comuni")
    lecco = comuni.loc[comuni["provincia_istat"] == "097", "comune_istat"]
    province = latest[latest["comune_istat"].isin(lecco)]["totale"].sum()
    town = latest[latest["comune_istat"] == "097042"]["totale"].sum()
    at = run(PAGE, sezione="mappa", territorio="comune", comune="097042")
    title = at.subheader[0].value
    assert f"provincia di Lecco: {it_number(province)} abitanti" in title
    assert title.endswith(f"Lecco (LC) {it_number(town)}")


def test_the_sidebar_draws_its_lists_only_when_opened(full_data_dir):
    at = run(PAGE)
    assert {"Aggiornamento dei dati", "Area staff"} <= {e.label for e in at.sidebar.expander}
    assert [m.value for m in at.sidebar.markdown] == ["### Osservatorio Lecco 2.0"], "closed: no list drawn"
    assert not at.sidebar.info
    # AppTest reruns only the page after the first run, so the sidebar is opened in a fresh session
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state[sidebar.FRESHNESS] = True
    at.session_state[staff.BOX] = True
    at.run()
    assert not at.exception
    lists = [m.value for m in at.sidebar.markdown][1:]
    assert len(lists) == 1, "the freshness list is one text"
    records = store.read_manifest()
    assert lists[0].count("**") == 2 * len(records)
    for record in records.values():
        flag = " ⚠️ dati dimostrativi" if record.is_demo else ""
        assert f"**{record.title}**{flag}  \nperiodo " in lists[0], record.title
    assert "dati dimostrativi" in lists[0] and not records["comuni"].is_demo
    assert at.sidebar.info or at.sidebar.text_input, "open, the staff area shows its sign-in or why it is closed"


def test_an_expander_left_open_is_open_again_on_the_next_page(full_data_dir):
    # Streamlit drops widget state on a page change; the sidebar keeps its own copy of "open"
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state[f"_{sidebar.FRESHNESS}_open"] = True
    at.run()
    assert not at.exception
    assert len(at.sidebar.markdown) == 2 and "**" in at.sidebar.markdown[1].value


def test_only_the_lines_from_constructed_samples_carry_the_badge():
    official = Headline(Card("A", "1"), sentence="Uno.", page="imprese", link="Imprese")
    sample = Headline(Card("B", "2"), sentence="Due.", page="formazione", link="Formazione")
    text = cards.changes_text([official, sample], [False, True], "?territorio=097", "it")
    assert text == (f"- Uno.\n- {BADGE}Due.\n\n[Imprese{NBSP}→](imprese?territorio=097) · "
                    f"[Formazione{NBSP}→](formazione?territorio=097)")
