"""The deck as files a presenter can carry: PowerPoint (python-pptx) and PDF, built offline in seconds.

Charts and maps are rendered once to PNG with vl-convert (charts.to_png) and shared by both files.
The PowerPoint keeps titles and source lines as editable text with the chart as a picture and the
numbers and sources in the speaker notes; the PDF is one 1920×1080 image per slide drawn with Pillow,
so it opens the same on any borrowed laptop. Demo data stays marked in both."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from observatory import charts, drawn_text, labels
from observatory.errors import ObservatoryError
from observatory.present import link
from observatory.present.decks import DEMO_MARK_COLOR, Deck, Slide, qr_png, slide_chart

#: Chart size in CSS pixels before scaling: small enough that the large type stays large on the slide.
CHART_SIZE = {"popolazione": (620, 600)}
DEFAULT_CHART_SIZE = (900, 380)
RENDER_SCALE = 2.0
PAGE = (1920, 1080)
MARGIN = 80
INK, GREY = (31, 35, 40), (87, 96, 106)
SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # 13,333 × 7,5 inches: 16:9


def chart_image(slide: Slide, lang: str) -> bytes:
    """PNG of one slide's chart, as the slideshow, the PowerPoint and the PDF show it."""
    width, height = CHART_SIZE.get(slide.id, DEFAULT_CHART_SIZE)
    return charts.to_png(slide_chart(slide, lang, width=width, height=height), RENDER_SCALE)


def chart_images(deck: Deck, lang: str) -> dict[str, bytes]:
    """PNG of every slide's chart, by slide id (title and closing slides have none)."""
    return {slide.id: chart_image(slide, lang) for slide in deck.slides if slide.chart is not None}


def _check(deck: Deck) -> None:
    """A deck worth a file: it has slides, and its QR codes open on the audience's phones (a loopback
    address only when the presenter chose it, e.g. for a rehearsal)."""
    if not deck.slides:
        raise ObservatoryError("La presentazione non ha diapositive: sceglierne almeno una con dati disponibili.")
    local = sorted({s.qr_url for s in deck.slides if s.qr_url and link.is_loopback(s.qr_url)})
    if local and not deck.loopback_ok:
        raise ObservatoryError(f"Il codice QR porterebbe a {local[0]}, un indirizzo di questo computer che i telefoni "
                               "del pubblico non aprono: impostare OSSERVATORIO_PUBLIC_URL con l'indirizzo pubblico "
                               "del cruscotto, oppure scegliere esplicitamente di stampare quello locale.")


def _fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    factor = min(box[0] / size[0], box[1] / size[1])
    return max(1, int(size[0] * factor)), max(1, int(size[1] * factor))


# --- PowerPoint ---------------------------------------------------------------------------------

def _text(slide, left, top, width, height, text: str, size: int, *, bold=False, color=GREY, align=None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.text = text
    if align is not None:
        paragraph.alignment = align
    font = paragraph.runs[0].font if paragraph.runs else paragraph.font
    font.size, font.bold, font.color.rgb = Pt(size), bold, RGBColor(*color)
    return box


def _picture(slide, png: bytes, left, top, width, height) -> None:
    """Add `png` centred in the box, keeping its proportions."""
    with Image.open(io.BytesIO(png)) as image:
        w, h = _fit(image.size, (int(width), int(height)))
    slide.shapes.add_picture(io.BytesIO(png), Emu(left + (int(width) - w) // 2), Emu(top + (int(height) - h) // 2),
                             Emu(w), Emu(h))


def to_pptx(deck: Deck, lang: str, images: dict[str, bytes] | None = None) -> bytes:
    """A 16:9 PowerPoint: editable title, chart picture, source line, footer, notes per slide."""
    _check(deck)
    images = chart_images(deck, lang) if images is None else images
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    layout = prs.slide_layouts[5]  # "Title Only": the title stays a real title for screen readers
    for number, item in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(layout)
        title = slide.shapes.title
        cover = item.chart is None
        title.left, title.top, title.height = Inches(0.55), Inches(0.3), Inches(1.4)
        title.width = Inches(8.4 if cover else 12.2)
        title.text = item.title
        for paragraph in title.text_frame.paragraphs:
            paragraph.alignment = PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size, run.font.bold, run.font.color.rgb = Pt(40 if cover else 32), True, RGBColor(*INK)
        if item.demo and cover:  # chart slides carry the mark inside the picture
            _text(slide, Inches(9.6), Inches(0.05), Inches(3.5), Inches(0.4), labels.t("badge.demo", lang).upper(),
                  14, bold=True, color=_rgb(DEMO_MARK_COLOR), align=PP_ALIGN.RIGHT)
        if cover:
            _cover_pptx(slide, item)
        else:
            top = Inches(1.75 if not item.subtitle else 2.1)
            if item.subtitle:
                _text(slide, Inches(0.55), Inches(1.6), Inches(12.2), Inches(0.45), item.subtitle, 18)
            _picture(slide, images[item.id], Inches(0.55), top, Inches(12.2), Inches(6.55) - top)
            _text(slide, Inches(0.55), Inches(6.5), Inches(12.2), Inches(0.5),
                  labels.t("present.source", lang, sources="; ".join(item.sources)), 12)
        _text(slide, Inches(0.55), Inches(7.0), Inches(10), Inches(0.4), deck.footer, 11)
        _text(slide, Inches(11.0), Inches(7.0), Inches(1.8), Inches(0.4),
              labels.t("present.counter", lang, n=number, total=len(deck.slides)), 11, align=PP_ALIGN.RIGHT)
        slide.notes_slide.notes_text_frame.text = item.notes
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _cover_pptx(slide, item: Slide) -> None:
    _text(slide, Inches(0.55), Inches(1.9), Inches(8.4), Inches(0.8), item.subtitle, 22, color=INK)
    _text(slide, Inches(0.55), Inches(2.9), Inches(8.4), Inches(3.5), "\n".join(item.sources), 14)
    if item.qr_url:
        _picture(slide, qr_png(item.qr_url), Inches(9.4), Inches(1.9), Inches(3.4), Inches(3.4))
        _text(slide, Inches(9.1), Inches(5.4), Inches(4.0), Inches(0.5), item.qr_url, 12, align=PP_ALIGN.CENTER)


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))


# --- PDF ----------------------------------------------------------------------------------------

def _write(draw, xy, text: str, font, width: int, fill, spacing: float = 1.2, max_lines: int = 9) -> int:
    """Draw wrapped text from `xy`; return the y below it."""
    x, y = xy
    for line in drawn_text.wrapped(draw, text, font, width)[:max_lines]:
        draw.text((x, y), line, font=font, fill=fill)
        y += int(font.size * spacing)
    return y


def slide_image(deck: Deck, item: Slide, number: int, lang: str, chart_png: bytes | None) -> Image.Image:
    """One slide as a 1920×1080 RGB image: title, chart, source line, footer, demo mark, QR."""
    page = Image.new("RGB", PAGE, "white")
    draw = ImageDraw.Draw(page)
    width = PAGE[0] - 2 * MARGIN
    cover = item.chart is None
    y = _write(draw, (MARGIN, 70 if cover else 50), item.title, drawn_text.font(80 if cover else 58, True),
               width - (520 if cover else 0), INK, 1.15)
    if item.demo and cover:  # chart slides carry the mark inside the picture
        mark = labels.t("badge.demo", lang).upper()
        draw.text((PAGE[0] - MARGIN, 14), mark, font=drawn_text.font(28, True), fill=_rgb(DEMO_MARK_COLOR), anchor="ra")
    if item.subtitle:
        y = _write(draw, (MARGIN, y + 6), item.subtitle, drawn_text.font(34), width - (520 if cover else 0), GREY) + 10
    if cover:
        y += 30
        for source in item.sources:
            y = _write(draw, (MARGIN, y), source, drawn_text.font(30), width - 560, GREY) + 6
        if item.qr_url:
            qr = Image.open(io.BytesIO(qr_png(item.qr_url))).convert("RGB").resize((440, 440), Image.NEAREST)
            page.paste(qr, (PAGE[0] - MARGIN - 440, 200))
            draw.text((PAGE[0] - MARGIN - 220, 660), item.qr_url, font=drawn_text.font(28), fill=GREY, anchor="ma")
    elif chart_png is not None:
        chart = Image.open(io.BytesIO(chart_png)).convert("RGB")
        box = (width, 950 - y - 20)
        size = _fit(chart.size, box)
        page.paste(chart.resize(size, Image.LANCZOS), (MARGIN + (box[0] - size[0]) // 2, y + 10))
        _write(draw, (MARGIN, 962), labels.t("present.source", lang, sources="; ".join(item.sources)),
               drawn_text.font(26), width, GREY, max_lines=2)
    footer = drawn_text.font(24)
    draw.line((MARGIN, 1032, PAGE[0] - MARGIN, 1032), fill=(208, 215, 222), width=2)
    draw.text((MARGIN, 1042), deck.footer, font=footer, fill=GREY)
    draw.text((PAGE[0] - MARGIN, 1042), labels.t("present.counter", lang, n=number, total=len(deck.slides)),
              font=footer, fill=GREY, anchor="ra")
    return page


def to_pdf(deck: Deck, lang: str, images: dict[str, bytes] | None = None) -> bytes:
    """A PDF with one 16:9 page per slide (13,3 × 7,5 inches), same content as the PowerPoint."""
    _check(deck)
    images = chart_images(deck, lang) if images is None else images
    pages = [slide_image(deck, s, n, lang, images.get(s.id)) for n, s in enumerate(deck.slides, start=1)]
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=144.0, quality=90,
                  title=deck.title, author=deck.brand)
    return buffer.getvalue()
