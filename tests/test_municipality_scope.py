"""Never a province figure under a town's name (issue 16): with one municipality selected in the
sidebar, a page shows the town's own figure where the data has one (students by the school's
municipality, residents, local units), else the province's figure under the province's name with
the line that says so. Run on the shipped snapshot, Merate (LC)."""

from __future__ import annotations

from observatory import store
from tests.pagetest import chart_titles, it_int, open_page

MERATE = "097048"
NOTE = "Dato provinciale: Lecco"


def _notes(at) -> list[str]:
    return [box.value for box in at.info]


def test_formazione_counts_the_schools_of_the_town(data_dir):
    students = store.read_dataset("studenti")
    latest = students["anno_scolastico"].max()
    own = students[(students["comune_istat"] == MERATE) & (students["anno_scolastico"] == latest)]["totale"].sum()
    in_year = students["anno_scolastico"] == latest
    province = students[(students["provincia_istat"] == "097") & in_year]["totale"].sum()
    assert 0 < own < province
    at = open_page("formazione", comune=MERATE)
    assert not at.exception, [e.value for e in at.exception]
    cards = {m.label: m.value for m in at.metric}
    assert cards["Studenti"] == it_int(own), cards
    assert chart_titles(at)[0].startswith(f"Merate (LC), {latest}: {it_int(own)} studenti")
    assert all(it_int(province) not in title for title in chart_titles(at))


def test_formazione_trend_is_the_town_s(data_dir):
    students = store.read_dataset("studenti")
    latest = students["anno_scolastico"].max()
    now = students[(students["comune_istat"] == MERATE) & (students["anno_scolastico"] == latest)]["totale"].sum()
    at = open_page("formazione", comune=MERATE, sezione="andamento")
    assert not at.exception, [e.value for e in at.exception]
    title = chart_titles(at)[0]
    assert title.startswith("Merate (LC):") and f"a {it_int(now)}" in title, title


def test_competenze_labels_the_province_s_excelsior_figures(data_dir):
    at = open_page("competenze", comune=MERATE)
    assert not at.exception, [e.value for e in at.exception]
    assert any(note.startswith(f"**{NOTE}**, non di Merate (LC)") and "Excelsior" in note for note in _notes(at))
    shown = [m.label for m in at.metric] + chart_titles(at)
    assert shown and not any("Merate" in text for text in shown), shown
    assert any("Lecco" in title for title in chart_titles(at)), chart_titles(at)


def test_overview_shows_the_town_s_own_cards_then_the_province_s_said_so(data_dir):
    residents = store.read_dataset("popolazione")
    latest = residents[residents["anno"] == residents["anno"].max()]
    own = latest.loc[latest["comune_istat"] == MERATE, "totale"].sum()
    at = open_page("panoramica", comune=MERATE)
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.subheader][:1] == ["Merate (LC)"]
    cards = {m.label: m.value for m in at.metric}
    assert cards["Popolazione residente"] == it_int(own), cards
    assert any(note.startswith(f"**{NOTE}**") for note in _notes(at)), _notes(at)
    assert "Disoccupazione, Lecco" in cards  # the province's cards carry the province's name


def test_without_a_town_no_province_note(data_dir):
    at = open_page("mercato-lavoro", territorio="097")
    assert not at.exception
    assert not any(NOTE in note for note in _notes(at))
    at = open_page("mercato-lavoro", comune=MERATE)
    assert any(note.startswith(f"**{NOTE}**") for note in _notes(at)), _notes(at)


def test_the_town_s_cards_say_which_line_is_demo(data_dir):
    """The residents are ISTAT's; the local units are a constructed sample: the badge marks that line
    only (issue 16: one badge for all the cards did not say which were demo)."""
    records = store.read_manifest()
    assert not records["popolazione"].is_demo and records["unita_locali"].is_demo
    for at in (open_page("comuni", comune=MERATE), open_page("panoramica", comune=MERATE)):
        assert not at.exception, [e.value for e in at.exception]
        caption = next(c.value for c in at.caption if "Popolazione e quota" in c.value)
        lines = caption.split("  \n")
        assert not lines[0].startswith(":orange-badge") and "Popolazione e quota" in lines[0]
        assert lines[1].startswith(":orange-badge") and "Unità locali" in lines[1]
