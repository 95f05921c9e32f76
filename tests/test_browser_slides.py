"""The slideshow in a real browser at 1280×720 (a projector): every slide drawn and saved as a
screenshot, its QR code read back as a phone would, the demo badge large enough for the back of the
room, and no chart label drawn over another in the pictures the slides, PowerPoint and PDF share.

The app runs on a free (never the default) port and the browser reaches it by a name that is not
loopback (`osservatorio.test`, mapped to 127.0.0.1 inside Chromium only), as a laptop on the
conference network would be reached."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import pytest

from observatory import store
from observatory.present import decks, export, lens_slides
from tests import browser

pytestmark = pytest.mark.skipif(browser.chromium_missing_reason() is not None,
                                reason=browser.chromium_missing_reason() or "")

HOST = "osservatorio.test"
PROJECTOR = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        mapped = f"--host-resolver-rules=MAP {HOST} 127.0.0.1"
        instance = playwright.chromium.launch(executable_path=browser.CHROMIUM, headless=True,
                                              args=[*browser.CHROMIUM_ARGS, mapped])
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("OSSERVATORIO_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = browser.copy_snapshot(tmp_path_factory.mktemp("data"))
    with browser.streamlit_server(data_dir) as url:
        assert not url.endswith(":8501")
        yield url.replace("127.0.0.1", HOST)


def decode_qr(src: str) -> list[str]:
    import zxingcpp
    from PIL import Image

    png = base64.b64decode(src.split(",", 1)[1])
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def open_slide(chromium, url: str):
    page = chromium.new_page(viewport=PROJECTOR)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    browser.wait_rendered(page)
    return page, errors


PARTS_CROSSING = """() => {
    // the slide's parts (title, subtitle, demo badge, picture, QR code, source and footer lines,
    // buttons) as boxes on screen: which pairs cross
    const parts = [...document.querySelectorAll('.st-key-slide h1, .slide-subtitle, .slide-demo, .slide-sources, '
        + '.st-key-slide img, .slide-line, .st-key-slide-nav button')].map((e) => [e, e.getBoundingClientRect()]);
    const crossing = [];
    for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
        const [ea, a] = parts[i], [eb, b] = parts[j];
        if (ea.contains(eb) || eb.contains(ea)) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) crossing.push([ea.className || ea.tagName, eb.className || eb.tagName]);
    }
    return crossing;
}"""


#: the general deck and the social partners' ready-made decks: every slide the app offers
DECKS = {"generale": "", **{name: ",".join(ids) for name, ids in lens_slides.DECKS.items()}}


@pytest.mark.parametrize("deck", list(DECKS))
def test_every_slide_at_1280x720_fits_the_screen_and_its_qr_code_opens_the_dashboard(chromium, app_url, shots,
                                                                                      deck):
    query = f"&slides={DECKS[deck]}" if DECKS[deck] else ""
    page, errors = open_slide(chromium, app_url + f"/presenta?slide=1{query}")
    total = int(page.locator(".slide-line").last.inner_text().rsplit("/", 1)[1].split()[0])
    for number in range(1, total + 1):
        if number > 1:
            page.keyboard.press("PageDown")  # the clicker's key
            page.wait_for_function("(n) => document.querySelector('.slide-line:last-child')?.innerText"
                                   ".includes(`${n} /`)", arg=number, timeout=30_000)
            browser.wait_rendered(page)
        page.screenshot(path=str(shots / f"slide-{deck}-{number}-1280x720.png"))
        assert page.locator('[data-testid="stException"]').count() == 0
        bottom = page.evaluate("() => Math.max(...[...document.querySelectorAll('.st-key-slide *')]"
                               ".map((e) => e.getBoundingClientRect().bottom))")
        assert bottom <= PROJECTOR["height"], f"slide {number} runs {bottom - PROJECTOR['height']:.0f} px off screen"
        crossing = page.evaluate(PARTS_CROSSING)
        assert not crossing, f"slide {number}: {crossing}"
        pictures = page.locator(".st-key-slide img")
        for index in range(pictures.count()):
            box = pictures.nth(index).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PROJECTOR["width"]
        if number in (1, total):  # title and closing slides carry the QR code
            src = pictures.first.get_attribute("src")
            assert decode_qr(src) == [app_url], f"slide {number}"
    assert not errors
    page.close()


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    """A snapshot whose labour-force figures are a constructed sample: their slides are demo."""
    from tests import synthetic

    data_dir = browser.copy_snapshot(tmp_path_factory.mktemp("demo"))
    synthetic.write_full_snapshot(data_dir / "snapshot")
    with browser.streamlit_server(data_dir) as url:
        yield url.replace("127.0.0.1", HOST)


def test_the_demo_badge_is_readable_from_the_back_of_the_room(chromium, demo_url, shots):
    page, _errors = open_slide(chromium, demo_url + "/presenta?slide=2&slides=titolo,disoccupazione,chiusura")
    page.screenshot(path=str(shots / "slide-demo-1280x720.png"))
    badge = page.get_by_text("dati dimostrativi", exact=False).first
    size = float(badge.evaluate("(e) => getComputedStyle(e).fontSize").removesuffix("px"))
    source = float(page.locator(".slide-line").first.evaluate("(e) => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= 24 and size > source, f"badge {size}px, source line {source}px"
    page.close()


OVERLAPS = """() => {
    // every drawn label as the quadrilateral it covers on screen (rotated labels too: their corners
    // through the element's transform), and the pairs that cross by more than a pixel
    const quads = [...document.querySelectorAll('svg text')]
        .filter((t) => t.textContent.trim() && !t.closest('[opacity="0"]') && t.getAttribute('opacity') !== '0')
        .map((t) => {
            const b = t.getBBox(), m = t.getScreenCTM();
            const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
                .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
            return {text: t.textContent, corners};
        });
    const project = (corners, [ax, ay]) => corners.map(([x, y]) => x * ax + y * ay);
    const depth = (p, q) => {  // separating axis theorem for two convex quadrilaterals
        let least = Infinity;
        for (const quad of [p, q]) for (let i = 0; i < 4; i++) {
            const [x1, y1] = quad[i], [x2, y2] = quad[(i + 1) % 4];
            const len = Math.hypot(x2 - x1, y2 - y1) || 1, axis = [(y1 - y2) / len, (x2 - x1) / len];
            const a = project(p, axis), b = project(q, axis);
            const overlap = Math.min(Math.max(...a), Math.max(...b)) - Math.max(Math.min(...a), Math.min(...b));
            least = Math.min(least, overlap);
        }
        return least;
    };
    const svg = document.querySelector('svg').getBoundingClientRect();
    const out = ([x, y]) => x < svg.left - 1 || x > svg.right + 1 || y < svg.top - 1 || y > svg.bottom + 1;
    const outside = quads.filter((q) => q.corners.some(out)).map((q) => q.text);
    const crossing = [];
    for (let i = 0; i < quads.length; i++) for (let j = i + 1; j < quads.length; j++)
        if (depth(quads[i].corners, quads[j].corners) > 1) crossing.push([quads[i].text, quads[j].text]);
    return {count: quads.length, outside, crossing};
}"""


def test_no_chart_label_is_drawn_over_another_on_any_slide(chromium, data_dir):
    """Each chart slide's picture (screen, PowerPoint, PDF) drawn as SVG by the same renderer: the
    boxes of its titles, axis labels and legend entries, measured by the browser, never cross."""
    frames = {}
    for dataset_id in decks.ALL_NEEDS:
        try:
            frames[dataset_id] = store.read_dataset(dataset_id)
        except Exception:  # noqa: BLE001 — a dataset the snapshot lacks
            pass
    deck = decks.build_deck(frames, store.read_manifest(), decks.DeckOptions(("013", "097"), decks.ALL_SLIDE_IDS))
    import vl_convert

    page = chromium.new_page()
    checked = 0
    for slide in deck.slides:
        if slide.chart is None:
            continue
        width, height = export.CHART_SIZE.get(slide.id, export.DEFAULT_CHART_SIZE)
        svg = vl_convert.vegalite_to_svg(decks.slide_chart(slide, "it", width=width, height=height).to_dict())
        page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
        found = page.evaluate(OVERLAPS)
        assert found["count"] > 3, slide.id
        assert not found["crossing"], f"{slide.id}: {found['crossing'][:5]}"
        assert not found["outside"], f"{slide.id}: {found['outside'][:5]}"
        checked += 1
    assert checked >= 12, [s.id for s in deck.slides]
    page.close()
