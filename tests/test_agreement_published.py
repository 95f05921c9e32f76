"""One number, one function, for the published headlines: on the same figures the overview card and
its sentence, the page's cards, the chart's rows and title, the slide title, its notes, the PowerPoint
and the CSV download quote the same published number, and a slide whose datasets are demo is built
from the published figures. Expectations are computed here from tests/synthetic.published_headlines."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from observatory import exports, labels, store
from observatory.present import decks, export
from observatory.views import panoramica
from observatory.views import published_figures as view
from tests import synthetic

BOTH = ("013", "097")
NAMES = {"ITC42": "Como", "ITC43": "Lecco"}


def record(dataset_id: str, provenance: str) -> store.DatasetRecord:
    return store.DatasetRecord(id=dataset_id, title=dataset_id, publisher="Test", source_url="http://127.0.0.1/",
                               licence="CC BY 4.0", provenance=provenance, period_start=None, period_end=None,
                               retrieved_at="2026-11-25T10:00:00+00:00", rows=1, sha256="0" * 64)


def deck_data() -> tuple[dict, dict]:
    """Demo micro-data beside the published figures, as in the shipped snapshot."""
    frames = {"avviamenti": synthetic.flows(1), "cessazioni": synthetic.flows(2), "imprese": synthetic.imprese(),
              "excelsior": synthetic.excelsior(), "numeri_pubblicati": synthetic.published_headlines()}
    records = {k: record(k, "trascritto" if k == "numeri_pubblicati" else "dimostrativo") for k in frames}
    return frames, records


def slide_and_pptx(slide_id: str, provinces=BOTH) -> tuple[decks.Slide, str, str]:
    frames, records = deck_data()
    deck = decks.build_deck(frames, records, decks.DeckOptions(provinces, slides=(slide_id,)))
    slide = next(s for s in deck.slides if s.id == slide_id)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), "white").save(buffer, format="PNG")
    page = Presentation(io.BytesIO(export.to_pptx(deck, "it", {slide_id: buffer.getvalue()}))).slides[0]
    return slide, page.shapes.title.text, page.notes_slide.notes_text_frame.text


def latest_hires(figures: pd.DataFrame, name: str) -> tuple[str, float]:
    """A province's latest published year and its hires, from the latest page (computed here)."""
    rows = figures[(figures["dominio"] == "COB") & (figures["territorio"] == name)
                   & (figures["indicatore"] == "avviamenti") & figures["periodo"].str.fullmatch(r"\d{4}")
                   & ~figures["fonte"].str.startswith("Osservatorio provinciale")]
    rows = rows.sort_values(["periodo", "data_pagina"])
    return rows["periodo"].iloc[-1], float(rows["valore"].iloc[-1])


def csv_text(frame: pd.DataFrame) -> str:
    return exports.to_csv(frame).decode("utf-8-sig")


def test_published_hires_agree_on_overview_page_chart_slide_pptx_and_csv():
    figures = synthetic.published_headlines()
    expected = {code: latest_hires(figures, name) for code, name in NAMES.items()}
    texts = {code: labels.fmt_int(value) for code, (_, value) in expected.items()}

    overview = {h.card.label: h for h in panoramica.published_hires_cards(figures, provinces=BOTH, lang="it")}
    page = view.published_flows(figures, provinces=BOTH, lang="it")
    drawn = page.hires.frame.set_index(["territorio", "anno"])["assunzioni"]
    slide, title, notes = slide_and_pptx("assunzioni")
    for code, (year, value) in expected.items():
        card = overview[f"Assunzioni, {NAMES[code]}"]
        assert (card.card.value, card.card.description) == (texts[code], f"{year} · trascritto")
        assert f"nel {year} le assunzioni sono state {texts[code]}" in card.sentence and "trascritto" in card.sentence
        assert page.cards[list(NAMES).index(code)][0].value == texts[code]
        assert drawn[(code, int(year))] == value
        assert f"{NAMES[code]} {texts[code]} nel {year}" in page.hires.chart.options["title"]
        assert f"{NAMES[code]} {year}: {texts[code]} assunzioni" in slide.notes
    assert slide.title == page.hires.chart.options["title"] and (title, notes) == (slide.title, slide.notes)
    assert not slide.demo and slide.datasets == ("numeri_pubblicati",)
    assert all("Osservatorio regionale" in source for source in slide.sources)
    rows = pd.DataFrame(slide.chart().to_dict()["datasets"][slide.chart().to_dict()["data"]["name"]])
    assert set(zip(rows["territorio"], rows["anno"], rows["assunzioni"])) >= {
        (code, int(year), value) for code, (year, value) in expected.items()}
    # the employment-centre figure is another perimeter: said apart, never a bar
    assert "centri per l'impiego" in page.hires.caption and 300 not in set(page.hires.frame["assunzioni"])
    assert "centri per l'impiego di Lecco e Merate" in slide.notes
    assert f"{int(expected['ITC43'][1])}" in csv_text(page.hires.frame) and "altre_versioni" in page.hires.frame


def test_published_businesses_agree_on_overview_page_chart_slide_pptx_and_csv():
    figures = synthetic.published_headlines()
    firms = figures[figures["dominio"] == "Registro imprese"]
    year = firms.loc[firms["indicatore"] == "iscrizioni", "periodo"].max()
    born = firms[(firms["indicatore"] == "iscrizioni") & (firms["periodo"] == year)]
    area = born[born["territorio"] == "Como+Lecco"]["valore"]
    born_total = float(area.iloc[0]) if len(area) else float(born["valore"].sum())  # no total: the release's sum
    closed = firms[(firms["indicatore"] == "cessazioni_non_ufficio") & (firms["periodo"] == year)
                   & firms["territorio"].isin(["Como", "Lecco"])]["valore"].sum()
    stock = firms[firms["indicatore"] == "imprese_registrate"]
    last = stock["periodo"].max()
    stocks = {code: float(stock[(stock["territorio"] == name) & (stock["periodo"] == last)]["valore"].iloc[0])
              for code, name in NAMES.items()}

    headline = panoramica.published_firm_cards(figures, provinces=BOTH, lang="it")[0]
    assert (headline.card.value, headline.card.description) == (labels.fmt_int(born_total), f"{year} · trascritto")
    assert labels.fmt_signed(born_total - closed, 0) in headline.sentence
    page = view.published_firms(figures, provinces=BOTH, lang="it")
    cards = {card.label: card.value for card in page.cards}
    assert cards["Iscrizioni"] == labels.fmt_int(born_total) and cards["Cessazioni"] == labels.fmt_int(closed)
    assert cards["Saldo"] == labels.fmt_signed(born_total - closed, 0)
    drawn = page.stock.frame.set_index(["territorio", "data"])["imprese_registrate"]
    slide, title, notes = slide_and_pptx("imprese")
    for code, value in stocks.items():
        assert drawn[(code, pd.Timestamp(last))] == value
        assert f"{NAMES[code]} {labels.fmt_int(value)}" in page.stock.chart.options["title"]
    assert slide.title == page.stock.chart.options["title"] and (title, notes) == (slide.title, slide.notes)
    assert f"{labels.fmt_int(born_total)} iscrizioni" in slide.notes and not slide.demo
    assert str(int(stocks["ITC42"])) in csv_text(page.stock.frame)


@pytest.mark.parametrize("provinces", [BOTH, ("097",)])
def test_published_planned_hires_agree_on_overview_page_chart_slide_pptx_and_csv(provinces):
    figures = synthetic.published_headlines()
    area = "Como+Lecco" if len(provinces) == 2 else "Lecco"
    rows = figures[(figures["indicatore"] == "entrate_previste") & (figures["territorio"] == area)]
    last = rows.sort_values("periodo").iloc[-1]
    before = rows[rows["periodo"] == f"{int(last['periodo'][:4]) - 1}{last['periodo'][4:]}"]["valore"].iloc[0]
    total, change = labels.fmt_int(last["valore"]), labels.fmt_signed((last["valore"] - before) / before * 100, 1,
                                                                      unit=labels.percent_unit())

    headline = panoramica.published_planned_cards(figures, provinces=provinces, lang="it")[0]
    assert headline.card.value == total and headline.card.description.startswith("4° trim. 2025")
    assert headline.card.delta("it") == change  # one minus sign on the card, the slide and the sentence
    page = view.published_planned(figures, provinces=provinces, scope_label="Area", lang="it")
    assert page.cards[0].value == total and total in page.quarters.chart.options["title"]
    assert page.quarters.frame.set_index("trimestre")["entrate"][last["periodo"]] == last["valore"]
    slide, title, notes = slide_and_pptx("competenze", provinces)
    assert total in slide.title and change in slide.title and (title, notes) == (slide.title, slide.notes)
    assert total in slide.notes and not slide.demo
    assert f"{int(last['valore'])}" in csv_text(page.quarters.frame)


def test_a_slide_without_published_figures_keeps_its_demo_source():
    frames, records = deck_data()
    frames["numeri_pubblicati"] = frames["numeri_pubblicati"].iloc[0:0]
    deck = decks.build_deck(frames, records, decks.DeckOptions(BOTH, slides=("assunzioni",)))
    assert deck.slides[0].demo and deck.slides[0].datasets == ("avviamenti", "cessazioni")
    frames, records = deck_data()
    records = {k: record(k, "ufficiale") for k in records}  # real micro-data: its own slide, not the releases
    deck = decks.build_deck(frames, records, decks.DeckOptions(BOTH, slides=("assunzioni",)))
    assert deck.slides[0].datasets == ("avviamenti", "cessazioni") and not deck.slides[0].demo
