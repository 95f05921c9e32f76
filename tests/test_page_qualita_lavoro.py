"""Qualità del lavoro e politiche on the shipped snapshot (real BES copies and published figures): numbers
in titles and cards, gaps explained, provenance in the captions, filters in the URL, both languages, one
view drawn at a time (?sezione=qualita|cassa|politiche)."""

from __future__ import annotations

from observatory import navigation
from tests.page_helpers import chart_titles, metrics, run

PAGE = "pages/qualita-lavoro.py"
NBSP = "\u00a0"
VIEWS = [code for code, _ in navigation.entry("qualita-lavoro").views]


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_job_quality_default_view(data_dir):
    at = run(PAGE)
    titles = chart_titles(at)
    assert titles[0] == f"Occupazione 20-64 anni nel 2024: Como 72,5{NBSP}%, Lecco 72,8{NBSP}%, Lombardia 74,8{NBSP}%"
    assert titles[1].startswith("Rispetto alla Lombardia, ultimo anno: Como meglio in 2 indicatori su 4")
    assert len(titles) == 2, "the other views do not run"
    cards = metrics(at)
    assert cards["Occupazione 20-64 anni, Lecco · 2024"][0] == f"72,8{NBSP}%"
    assert cards["Occupazione 20-64 anni, Como · 2024"][1] == "-0,8 p.p."
    text = captions(at)
    assert "Como 2022, Lecco 2022 — assente nella copia pubblica" in text  # the gap with its reason
    assert "anche l'edizione 2025 di ISTAT" in text  # the 2022 gap may be ISTAT's own
    assert "copia pubblica, valori dell'editore invariati" in text  # provenance of the values drawn
    assert {"sezione": "qualita", "indicatore": "tasso_occupazione_20_64", "sesso": "totale"}.items() \
        <= dict(at.query_params).items()


def test_each_indicator_from_the_url_with_its_gaps(data_dir):
    at = run(PAGE, indicatore="neet")
    assert chart_titles(at)[0] == f"NEET 15-29 anni nel 2024: Como 10,0{NBSP}%, Lecco 7,2{NBSP}%, Lombardia 10,1{NBSP}%"
    assert "Como 2018, Lecco 2018" in captions(at)
    at = run(PAGE, indicatore="mancata_partecipazione")
    assert "Como 2023, Lecco 2023" in captions(at) and "Lombardia 2020" in captions(at)
    assert metrics(at)["Mancata partecipazione al lavoro, Como · 2024"][1] == ""  # no 2023: no change shown
    at = run(PAGE, indicatore="infortuni_lavoro")
    assert chart_titles(at)[0] == ("Infortuni gravi per 10.000 occupati nel 2022: Como 6,7, Lecco 8,9, "
                                   "Lombardia 8,1")


def test_a_sex_the_archive_lacks_says_so(data_dir):
    at = run(PAGE, indicatore="neet", sesso="femmine")
    assert len(chart_titles(at)) == 1  # only the side-by-side panels
    assert any("non disponibile nell'archivio distribuito" in i.value for i in at.info)


def test_one_province_and_english(data_dir):
    at = run(PAGE, territorio="097")
    assert set(metrics(at)) == {"Occupazione 20-64 anni, Lecco · 2024"}
    at = run(PAGE, lang="en")
    assert at.title[0].value == "Job quality and policies"
    assert chart_titles(at)[0] == "Employment, age 20-64 in 2024: Como 72.5%, Lecco 72.8%, Lombardia 74.8%"


def test_short_time_work_as_published(data_dir):
    at = run(PAGE, sezione="cassa")
    titles = chart_titles(at)
    assert titles[0] == (f"Cassa integrazione, ore autorizzate: Como 2.157.021 (gen–apr 2023, −19,8{NBSP}%), "
                         f"Lecco 804.646 (3° trim. 2025, −27,8{NBSP}%)")
    assert titles[1] == "Lecco, 3° trim. 2025: 789.742 ore di cassa ordinaria e 14.904 di straordinaria"
    cards = metrics(at)
    assert cards["Ore di CIG autorizzate, Lecco · 3° trim. 2025"] == ("804.646", f"-27,8{NBSP}%")
    markdown = "\n".join(m.value for m in at.markdown)
    assert "Como, 2024: +45,0" in markdown  # a change published later without hours
    assert "non si confrontano né si sommano" in captions(at)
    assert "trascritto dai comunicati dell'editore" in captions(at)


def test_active_policies_gol_and_como(data_dir):
    at = run(PAGE, sezione="politiche")
    assert chart_titles(at) == [f"Lecco, GOL: 4.742 patti di servizio al 18 lug 2023, 82,2{NBSP}% dell'obiettivo "
                                "2023 (5.769)"]
    cards = metrics(at)
    assert cards["GOL, patti di servizio firmati (Lecco)"][0] == "4.742"
    assert "5.697 a maggio e 5.769 a luglio" in captions(at)  # both targets, with their sources
    assert any("Como" in i.value and "nessun numero pubblicato" in i.value for i in at.info)
    at = run(PAGE, sezione="politiche", territorio="013")
    assert chart_titles(at) == [] and any("**Como**" in i.value for i in at.info)


def test_every_view_runs_in_english(data_dir):
    for view in VIEWS:
        at = run(PAGE, sezione=view, lang="en")
        assert at.title[0].value == "Job quality and policies" and not at.exception
