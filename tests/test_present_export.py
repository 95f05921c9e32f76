"""The PowerPoint and PDF exports, opened back: one slide/page per deck slide, titles with the numbers
computed here, a picture and speaker notes on every slide, demo data marked, built offline in seconds."""

from __future__ import annotations

import dataclasses
import io
import re
import time

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from observatory import labels, store
from observatory.errors import ObservatoryError
from observatory.present import decks, export

SECONDS_BUDGET = 30  # generous for a slow laptop; typically about 5 s for both files


@pytest.fixture
def deck(full_data_dir):
    _data_dir, synthetic = full_data_dir
    frames = {"comuni": store.read_dataset("comuni"), "popolazione": store.read_dataset("popolazione"), **synthetic}
    built = decks.build_deck(frames, store.read_manifest(),
                               decks.DeckOptions(("013", "097"), public_url="https://oss.example"))
    return built, frames


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_pptx_has_every_slide_with_title_picture_and_notes(deck):
    built, frames = deck
    started = time.perf_counter()
    images = export.chart_images(built, "it")
    data = export.to_pptx(built, "it", images)
    assert time.perf_counter() - started < SECONDS_BUDGET
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(built.slides) == 9
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9

    fl = frames["forze_lavoro"]
    como = fl[(fl.indicatore == "tasso_disoccupazione") & (fl.territorio == "ITC42") & (fl.sesso == "totale")
              & (fl.anno == 2024)]["valore"].iloc[0]
    hires = frames["avviamenti"]
    hires = hires[hires.territorio.isin(["ITC42", "ITC43"]) & (hires.mese.dt.year == 2024)]["eventi"].sum()
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[0] == "Il lavoro nell'area Como-Lecco"
    assert labels.fmt_pct(como) in titles[2]
    assert f"{hires:,}".replace(",", ".") in titles[4]

    for slide, source in zip(prs.slides, built.slides):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert pictures, f"slide {source.id} has no picture"
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip() and notes == source.notes
        if source.demo:
            assert labels.t("present.notes.demo") in notes
    texts = [shape.text_frame.text for shape in prs.slides[2].shapes if shape.has_text_frame]
    assert any(t.startswith("Fonte:") for t in texts)
    assert any(built.brand in t for t in texts)


def test_pdf_has_the_same_number_of_pages(deck):
    built, _frames = deck
    started = time.perf_counter()
    data = export.to_pdf(built, "it")
    assert time.perf_counter() - started < SECONDS_BUDGET
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == len(built.slides)


def test_demo_mark_is_drawn_in_the_exported_image(deck):
    built, _frames = deck
    slide = next(s for s in built.slides if s.id == "disoccupazione")
    marked = export.chart_images(built, "it")["disoccupazione"]
    plain = decks.slide_chart(slide, "it", width=900, height=380, mark=False)
    from observatory import charts

    # the same chart without the mark renders differently: the mark is in the picture itself
    assert marked != charts.to_png(plain, export.RENDER_SCALE)


def test_an_empty_deck_is_refused_in_plain_italian():
    empty = decks.Deck("", "", "", (), ())
    with pytest.raises(ObservatoryError, match="non ha diapositive"):
        export.to_pptx(empty, "it")
    with pytest.raises(ObservatoryError, match="non ha diapositive"):
        export.to_pdf(empty, "it")


def qr_texts(image_bytes: bytes) -> list[str]:
    """What a phone reads from a picture: the text of every QR code in it."""
    import zxingcpp
    from PIL import Image

    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(image_bytes)))]


def pdf_page_images(data: bytes) -> list[bytes]:
    """The JPEG of every page of a PDF written by Pillow (one image per page)."""
    return re.findall(rb"\xff\xd8\xff.*?\xff\xd9(?=\s*endstream)", data, flags=re.S)


def test_the_qr_codes_in_both_files_carry_the_public_address(deck):
    built, _frames = deck
    images = export.chart_images(built, "it")
    prs = Presentation(io.BytesIO(export.to_pptx(built, "it", images)))
    for number in (0, len(prs.slides) - 1):  # title and closing slides
        found = [text for shape in prs.slides[number].shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
                 for text in qr_texts(shape.image.blob)]
        assert found == ["https://oss.example"], number
    pages = pdf_page_images(export.to_pdf(built, "it", images))
    assert len(pages) == len(built.slides)
    assert qr_texts(pages[0]) == qr_texts(pages[-1]) == ["https://oss.example"]
    assert "https://oss.example" in built.slides[-1].notes


def test_a_loopback_address_gets_no_qr_code_unless_chosen(deck):
    _built, frames = deck
    records = store.read_manifest()
    options = decks.DeckOptions(("097",), ("titolo", "chiusura"), public_url="http://localhost:8611")
    plain = decks.build_deck(frames, records, options)
    assert [s.qr_url for s in plain.slides] == [None, None]
    assert "localhost" not in plain.slides[-1].notes
    export.to_pdf(plain, "it")  # no QR code: nothing to refuse

    chosen = decks.build_deck(frames, records, dataclasses.replace(options, loopback_ok=True))
    assert qr_texts(pdf_page_images(export.to_pdf(chosen, "it"))[0]) == ["http://localhost:8611"]
    with pytest.raises(ObservatoryError, match="indirizzo di questo computer"):
        export.to_pptx(dataclasses.replace(chosen, loopback_ok=False), "it")
    with pytest.raises(ObservatoryError, match="OSSERVATORIO_PUBLIC_URL"):
        export.to_pdf(dataclasses.replace(chosen, loopback_ok=False), "it")
