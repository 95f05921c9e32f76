"""The social partners' ready-made decks: built from the shipped snapshot, the slides are the lens
findings (same titles, same numbers), no slide is demo, and PowerPoint and PDF carry the same slides."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from observatory import store
from observatory.present import decks, export, lens_slides
from observatory.views import parti_sociali
from tests.conftest import REPO
from tests.test_present_export import pdf_pages

SHIPPED = REPO / "data" / "snapshot"


@pytest.fixture(scope="module")
def inputs():
    records = store.read_manifest(base=SHIPPED)
    needed = {d for needs in decks.NEEDS.values() for d in needs}
    return {d: store.read_dataset(d, base=SHIPPED) for d in needed if d in records}, records


def lens_deck(inputs, side: str, lang: str = "it", provinces=("013", "097")) -> decks.Deck:
    frames, records = inputs
    return decks.build_deck(frames, records, decks.DeckOptions(provinces, lens_slides.DECKS[side], lang=lang,
                                                               public_url="https://oss.example"))


@pytest.mark.parametrize("side", [parti_sociali.UNIONS, parti_sociali.EMPLOYERS])
def test_the_deck_is_the_lens(inputs, side):
    deck = lens_deck(inputs, side)
    assert [s.id for s in deck.slides] == list(lens_slides.DECKS[side]) and deck.skipped == ()
    frames, _ = inputs
    for slide in deck.slides[1:-1]:
        function, ids = parti_sociali.FINDINGS[slide.id.removeprefix(lens_slides.PREFIX)]
        finding = function(*[frames[d] for d in ids], provinces=("013", "097"), lang="it")
        assert slide.title == finding.title  # one function: the page's finding is the slide
        assert not slide.demo and slide.sources
    assert deck.title == {"sindacati": "Qualità del lavoro a Como-Lecco",
                          "imprese": "Fabbisogni di personale a Como-Lecco"}[side]


@pytest.mark.parametrize("side", [parti_sociali.UNIONS, parti_sociali.EMPLOYERS])
def test_powerpoint_and_pdf_have_the_same_slides(inputs, side):
    deck = lens_deck(inputs, side)
    images = export.chart_images(deck, "it")
    prs = Presentation(io.BytesIO(export.to_pptx(deck, "it", images)))
    assert [s.shapes.title.text for s in prs.slides] == [s.title for s in deck.slides]
    for slide, source in zip(prs.slides, deck.slides):
        assert any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes), source.id
        assert slide.notes_slide.notes_text_frame.text == source.notes
    pdf = export.to_pdf(deck, "it", images)
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) == len(deck.slides)


def test_the_period_chosen_applies_to_every_lens_slide(inputs):
    frames, records = inputs
    deck = decks.build_deck(frames, records, decks.DeckOptions(("013", "097"), lens_slides.DECKS["sindacati"],
                                                               period=(2022, 2023)))
    skipped = dict(deck.skipped)
    assert list(skipped) == ["lente_contratti"]  # the Excelsior shares are of 2025
    titles = {s.id: s.title for s in deck.slides}
    assert titles["lente_neet"].startswith("NEET 15-29 anni nel 2023: Como 9,9")
    assert "Lecco 1.100.000 (gen–mag 2023" in titles["lente_cassa"]  # not the 2025 figure
    early = decks.build_deck(frames, records, decks.DeckOptions(("013", "097"), lens_slides.DECKS["imprese"],
                                                                period=(2012, 2016)))
    assert [s.id for s in early.slides] == ["titolo", "chiusura"] and len(early.skipped) == 3


def test_english_deck_and_the_general_deck_unchanged(inputs):
    assert lens_deck(inputs, "imprese", "en").slides[1].title == "Planned hires in Q4 2025: Como 10,290, Lecco 5,230"
    assert decks.parse_slides(None) == decks.SLIDE_IDS and not any(s.startswith("lente_") for s in decks.SLIDE_IDS)
    assert decks.parse_slides("lente_neet,titolo") == ("titolo", "lente_neet")
    assert lens_slides.lens_of(lens_slides.DECKS["imprese"]) == "imprese" and lens_slides.lens_of(("titolo",)) is None
