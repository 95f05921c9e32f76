"""Le parti sociali on the shipped snapshot: each lens's findings in order, their numbers equal to the
ready-made deck's slide titles (one function each), the links to the pages with the detail, the demo
badge on the one demo card, and the deck link; Presenta's ready-made deck choice."""

from __future__ import annotations

import re

from observatory import store
from observatory.present import decks, lens_slides
from observatory.views import parti_sociali
from tests.page_helpers import chart_titles, metrics, run
from tests.test_page_presenta import open_page

PAGE = "pages/parti-sociali.py"


def deck(side: str, provinces=("013", "097")) -> decks.Deck:
    records = store.read_manifest()
    frames = {d: store.read_dataset(d) for d in {d for needs in decks.NEEDS.values() for d in needs} if d in records}
    return decks.build_deck(frames, records, decks.DeckOptions(provinces, lens_slides.DECKS[side]))


def links(at) -> list[str]:
    return [target for m in at.markdown for target in re.findall(r"\]\(([^)]+)\)", m.value)]


def test_the_unions_lens_is_its_deck(data_dir):
    at = run(PAGE)
    assert [h.value for h in at.subheader] == ["Contratti stabili", "Mancata partecipazione al lavoro",
                                               "Giovani che non lavorano e non studiano", "Infortuni gravi sul lavoro",
                                               "Cassa integrazione"]
    slides = [s for s in deck(parti_sociali.UNIONS).slides if s.chart is not None]
    assert chart_titles(at) == [s.title for s in slides]  # the same findings, the same numbers
    assert chart_titles(at)[0] == "Ott 2025, entrate a tempo indeterminato: Como 22\u00a0%, Lecco 25\u00a0%, " \
                                  "Lombardia 25\u00a0%"
    assert not any(s.demo for s in deck(parti_sociali.UNIONS).slides)  # every slide real or published
    cards = metrics(at)
    assert cards["Entrate previste a tempo indeterminato, Lecco"][0] == "25\u00a0%"
    assert "Assunzioni a tempo indeterminato, 2025 (comunicazioni obbligatorie)" in cards  # the demo card, apart
    badge = next(c.value for c in at.caption if "comunicazioni obbligatorie" in c.value)
    assert "dati dimostrativi" in badge
    targets = links(at)
    assert "qualita-lavoro?sezione=qualita&indicatore=neet" in targets and "qualita-lavoro?sezione=cassa" in targets
    assert "competenze" in targets
    assert "presenta?slides=" + ",".join(lens_slides.DECKS[parti_sociali.UNIONS]) in targets


def test_the_employers_lens_keeps_the_territory_in_its_links(data_dir):
    at = run(PAGE, sezione="imprese", territorio="097")
    assert [h.value for h in at.subheader] == ["Entrate previste", "Nascite e chiusure di imprese",
                                               "Occupazione 20-64 anni"]
    slides = [s for s in deck(parti_sociali.EMPLOYERS, ("097",)).slides if s.chart is not None]
    assert chart_titles(at) == [s.title for s in slides]
    assert chart_titles(at)[0] == "Entrate previste nel 4° trim. 2025: Lecco 5.230"
    assert chart_titles(at)[1] == "Imprese 2024, iscrizioni e cessazioni: Lecco 1.501 e 1.437"
    assert metrics(at)["Nuove imprese, Lecco, 2024"][0] == "1.501"
    assert "Difficili da reperire, Como + Lecco" not in metrics(at)  # a Como + Lecco share is not Lecco's
    targets = links(at)
    assert "imprese?territorio=097" in targets and "qualita-lavoro?territorio=097&sezione=qualita&indicatore=" \
        "tasso_occupazione_20_64" in targets


def test_english_lenses(data_dir):
    at = run(PAGE, lang="en", sezione="imprese")
    assert at.title[0].value == "Social partners"
    assert chart_titles(at)[0] == "Planned hires in Q4 2025: Como 10,290, Lecco 5,230"
    assert "Hard to recruit, Como + Lecco" in metrics(at)


def test_presenta_offers_the_ready_made_decks(data_dir):
    at = open_page()
    at.radio(key="_present_ready").set_value(parti_sociali.UNIONS).run()
    assert at.multiselect(key="_present_slides").value == list(lens_slides.DECKS[parti_sociali.UNIONS])
    assert at.query_params["slides"] == ",".join(lens_slides.DECKS[parti_sociali.UNIONS])
    assert at.subheader[0].value == "La presentazione (7 diapositive)"  # title, five findings, closing
    summary = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert summary.startswith("1. Qualità del lavoro a Como-Lecco")
    at = open_page({"slides": ",".join(lens_slides.DECKS[parti_sociali.EMPLOYERS])})
    assert at.radio(key="_present_ready").value == parti_sociali.EMPLOYERS
