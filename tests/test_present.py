"""The deck from synthetic frames: titles carry numbers computed here independently, slides whose
data is missing are skipped with a reason, demo data is marked, URL parameters parse safely."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory import labels, store
from observatory.present import decks

NBSP = "\u00a0"


@pytest.fixture
def full(full_data_dir):
    """(frames, records) of a snapshot holding every dataset; synthetic ones are 'dimostrativo'."""
    _data_dir, synthetic_frames = full_data_dir
    frames = {"comuni": store.read_dataset("comuni"), "popolazione": store.read_dataset("popolazione"),
              **synthetic_frames}
    return frames, store.read_manifest()


def deck_of(frames, records, provinces=("013", "097"), **options):
    deck = decks.build_deck(frames, records, decks.DeckOptions(provinces, public_url="https://oss.example", **options))
    return deck, {s.id: s for s in deck.slides}


def words(title: str) -> int:
    return len(title.replace(NBSP, "").split())  # "4,2 %" is one word


def test_default_deck_has_every_slide_with_the_numbers_in_its_titles(full):
    frames, records = full
    deck, slides = deck_of(frames, records)
    assert [s.id for s in deck.slides] == list(decks.SLIDE_IDS)
    assert deck.skipped == ()
    assert deck.title == "Il lavoro nell'area Como-Lecco"

    fl = frames["forze_lavoro"]
    rate = lambda ind, terr, year: fl[(fl.indicatore == ind) & (fl.territorio == terr) & (fl.sesso == "totale")  # noqa: E731
                                      & (fl.anno == year)]["valore"].iloc[0]
    for slide_id, indicator in (("disoccupazione", "tasso_disoccupazione"), ("occupazione", "tasso_occupazione")):
        title = slides[slide_id].title
        for code in ("ITC42", "ITC43", "ITC4"):
            assert labels.fmt_pct(rate(indicator, code, 2024)) in title, title
        assert "2024" in title

    pop = frames["popolazione"]
    total = pop[pop["anno"] == pop["anno"].max()]["totale"].sum()
    assert f"{total:,}".replace(",", ".") in slides["popolazione"].title

    def last_12(frame, column="eventi", extra=None):
        frame = frame[frame["territorio"].isin(["ITC42", "ITC43"])]
        if extra is not None:
            frame = frame[extra(frame)]
        last = frame["mese"].max()
        return frame[frame["mese"] > last - pd.DateOffset(months=12)][column].sum(), last

    hires, month = last_12(frames["avviamenti"])
    ends, _ = last_12(frames["cessazioni"])
    title = slides["assunzioni"].title
    assert f"{hires:,}".replace(",", ".") in title and "dic 2024" in title
    assert labels.fmt_signed(hires - ends, 0) in title

    born, _ = last_12(frames["imprese"], "iscrizioni", lambda f: f["settore_ateco"] == "TOTALE")
    closed, _ = last_12(frames["imprese"], "cessazioni", lambda f: f["settore_ateco"] == "TOTALE")
    assert f"{int(born):,}".replace(",", ".") in slides["imprese"].title
    assert f"{int(closed):,}".replace(",", ".") in slides["imprese"].title

    st = frames["studenti"]
    latest = st[st["anno_scolastico"] == "2024/25"]
    assert f"{latest['totale'].sum():,}".replace(",", ".") in slides["studenti"].title

    ex = frames["excelsior"]
    planned = ex["entrate"].sum()
    hard = (ex["entrate"] * ex["quota_difficile"]).sum() / planned
    assert f"{int(planned):,}".replace(",", ".") in slides["competenze"].title
    assert labels.fmt_pct(hard) in slides["competenze"].title

    for slide in deck.slides:
        assert words(slide.title) <= 12, slide.title
        assert slide.notes.strip()


def test_one_province_and_a_period(full):
    frames, records = full
    deck, slides = deck_of(frames, records, ("097",), period=(2019, 2022))
    assert deck.title == "Il lavoro nella provincia di Lecco"
    fl = frames["forze_lavoro"]
    lecco = fl[(fl.indicatore == "tasso_disoccupazione") & (fl.territorio == "ITC43") & (fl.sesso == "totale")
               & (fl.anno == 2022)]["valore"].iloc[0]
    title = slides["disoccupazione"].title
    assert "2022" in title and labels.fmt_pct(lecco) in title and "Como" not in title
    starts = frames["avviamenti"]
    lecco_hires = starts[(starts.territorio == "ITC43") & (starts.mese.dt.year == 2022)]["eventi"].sum()
    assert f"{lecco_hires:,}".replace(",", ".") in slides["assunzioni"].title
    assert "dic 2022" in slides["assunzioni"].title
    # Excelsior has only 2025: outside the period, so the slide is left out with a reason
    assert "competenze" not in slides
    assert dict(deck.skipped)["competenze"] == labels.t("present.skip.period")


def test_a_missing_month_is_a_gap_not_a_zero(full):
    frames, records = full
    starts = frames["avviamenti"]
    frames = {**frames, "avviamenti": starts[~((starts.territorio == "ITC43") & (starts.mese == "2024-06-01"))]}
    _deck, slides = deck_of(frames, records)
    # every 12-month window through June 2024 is incomplete: the latest full window ends in May 2024
    assert "mag 2024" in slides["assunzioni"].title


def test_missing_datasets_are_skipped_with_the_reason(data_dir):
    frames = {"comuni": store.read_dataset("comuni"), "popolazione": store.read_dataset("popolazione")}
    deck, slides = deck_of(frames, store.read_manifest())
    assert [s.id for s in deck.slides] == ["titolo", "popolazione", "chiusura"]
    reasons = dict(deck.skipped)
    assert set(reasons) == {"disoccupazione", "occupazione", "assunzioni", "imprese", "studenti", "competenze"}
    assert "forze_lavoro" in reasons["disoccupazione"]
    assert "avviamenti" in reasons["assunzioni"] and "cessazioni" in reasons["assunzioni"]
    assert not any(s.demo for s in deck.slides)  # the shipped population data is official


def test_demo_data_is_marked_on_the_slide_and_in_the_notes(full):
    frames, records = full
    _deck, slides = deck_of(frames, records)
    assert slides["disoccupazione"].demo and not slides["popolazione"].demo
    assert labels.t("present.notes.demo") in slides["disoccupazione"].notes
    assert labels.t("present.notes.demo") not in slides["popolazione"].notes
    spec = decks.slide_chart(slides["disoccupazione"], "it").to_dict()
    assert spec["title"]["text"] == "DATI DIMOSTRATIVI"
    assert "title" not in decks.slide_chart(slides["popolazione"], "it").to_dict()


def test_title_and_closing_slides_carry_brand_date_sources_and_qr(full):
    frames, records = full
    deck, slides = deck_of(frames, records)
    assert "Lecco 2.0 — Osservatorio" in slides["titolo"].subtitle
    assert labels.fmt_date(records["forze_lavoro"].retrieved_at) in deck.data_date
    assert slides["titolo"].qr_url == slides["chiusura"].qr_url == "https://oss.example"
    assert any("ISTAT" in s for s in slides["titolo"].sources)
    png = decks.qr_png("https://oss.example")
    assert png.startswith(b"\x89PNG")


def test_english_titles(full):
    frames, records = full
    _deck, slides = deck_of(frames, records, lang="en")
    assert slides["titolo"].title == "Work in the Como-Lecco area"
    assert slides["disoccupazione"].title.startswith("Unemployment 2024: Como 4.2%")
    assert "hires" in slides["assunzioni"].title


def test_url_parameters_parse_safely():
    assert decks.parse_slides(None) == decks.SLIDE_IDS
    assert decks.parse_slides("chiusura,titolo,bogus") == ("titolo", "chiusura")
    assert decks.parse_slides("bogus") == decks.SLIDE_IDS
    assert decks.parse_period("2024-2019", [2015, 2022]) == (2019, 2022)
    assert decks.parse_period("abc", [2015, 2022]) is None
    assert decks.parse_index("3", 9) == 2 and decks.parse_index("99", 9) == 8
    assert decks.parse_index("0", 9) == 0 and decks.parse_index("x", 9) is None
    assert decks.parse_autoplay("20") == 20 and decks.parse_autoplay("7") == 0
    assert decks.next_index(8, 9) == 8 and decks.next_index(8, 9, wrap=True) == 0
    assert decks.next_index(0, 9, -1) == 0
