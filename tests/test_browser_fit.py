"""What the browser draws fits the screen (issue 16). At 390×844, the screens a QR code opens: the
overview, each page's first view, Competenze's hardest-to-fill chart and a Comuni profile; at
1440×900, the pages whose titles and card labels were cut; at 1280 px, "Fonti e metodo" with
provenance, period, update and licence in view. Read from what the browser drew: no
card value or label cut with "…", no chart title cut or running off the screen, every bar chart
with bars, no two x-axis labels on top of each other, no legend entry past the edge, nothing wider
than the screen. Streamlit draws Vega charts as SVG, so the marks are read from the SVG."""

from __future__ import annotations

import pytest

from observatory import navigation
from tests import browser
from tests.test_browser import app_url, chromium, shots, visit  # noqa: F401  (the module's fixtures)

pytestmark = pytest.mark.skipif(browser.chromium_missing_reason() is not None,
                                reason=browser.chromium_missing_reason() or "")

PHONE = (390, 844)
MERATE = "097048"

#: what the browser drew that a phone reader would miss; one list of problems per page
PROBLEMS_JS = """() => {
    const problems = [];
    const screen = window.innerWidth;
    const cut = el => el && (el.scrollWidth > el.clientWidth + 1 || el.innerText.trim().endsWith('…'));
    for (const card of document.querySelectorAll('[data-testid="stMetric"]')) {
        const label = card.querySelector('[data-testid="stMetricLabel"] p');
        const value = card.querySelector('[data-testid="stMetricValue"] p');
        if (cut(value)) problems.push(`card value cut: ${value.innerText} (${label && label.innerText})`);
        if (cut(label)) problems.push(`card label cut: ${label.innerText}`);
        const box = card.getBoundingClientRect();
        if (box.right > screen + 1) problems.push(`card past the screen: ${label && label.innerText}`);
    }
    document.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks').forEach((svg, n) => {
        const name = (svg.querySelector('.role-title-text') || {}).textContent || `chart ${n + 1}`;
        for (const line of svg.querySelectorAll('.role-title-text text, .role-title-subtitle text')) {
            const box = line.getBoundingClientRect();
            if (line.textContent.trim().endsWith('…')) problems.push(`title cut: ${line.textContent}`);
            if (box.right > screen + 1) problems.push(`title past the screen: ${line.textContent}`);
        }
        const rects = [...svg.querySelectorAll('.mark-rect path')];
        if (rects.length && !rects.some(p => { const b = p.getBBox(); return b.width >= 3 && b.height >= 3; })) {
            problems.push(`bar chart without bars: ${name}`);
        }
        for (const axis of svg.querySelectorAll('.role-axis')) {
            const texts = [...axis.querySelectorAll('.role-axis-label text')].filter(t =>
                !(t.getAttribute('transform') || '').includes('rotate') && getComputedStyle(t).opacity !== '0'
                && t.getAttribute('opacity') !== '0' && t.textContent.trim());
            const boxes = texts.map(t => t.getBoundingClientRect());
            for (let i = 1; i < boxes.length; i++) {
                const a = boxes[i - 1], b = boxes[i];
                const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                             && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
                if (overlap) {
                    problems.push(`axis labels overlap: ${texts[i - 1].textContent} / ${texts[i].textContent}`);
                }
            }
        }
        for (const entry of svg.querySelectorAll('.role-legend-label text')) {
            if (entry.getBoundingClientRect().right > screen + 1) {
                problems.push(`legend past the screen: ${entry.textContent}`);
            }
        }
    });
    const width = document.documentElement.scrollWidth;
    if (width > screen) problems.push(`the page scrolls sideways (${width} px)`);
    return problems;
}"""

FIRST_VIEWS = [entry.url_path for entry in navigation.PAGES if entry.url_path not in ("presenta", "comuni")]
SCREENS = ([(path, "") for path in FIRST_VIEWS]
           + [("competenze", "sezione=difficili"), ("comuni", f"comune={MERATE}"), ("panoramica", f"comune={MERATE}"),
              ("formazione", f"comune={MERATE}"), ("mercato-lavoro", "sezione=flussi")])


def _url(base: str, path: str, query: str) -> str:
    page = "/" if path == navigation.DEFAULT.url_path else f"/{path}"
    return base + page + (f"?{query}" if query else "")


@pytest.mark.parametrize(("path", "query"), SCREENS, ids=lambda v: v or "-")
def test_first_screens_read_on_a_phone(chromium, app_url, shots, path, query):  # noqa: F811
    name = f"phone-{path}{'-' + query.replace('=', '-') if query else ''}.png"
    result = visit(chromium, _url(app_url, path, query), shots / name, viewport=PHONE)
    try:
        page = result["page"]
        assert result["exceptions"] == [] and result["console"] == [], (result["exceptions"], result["console"])
        page.wait_for_timeout(500)  # Vega draws its marks just after Streamlit's run ends
        problems = page.evaluate(PROBLEMS_JS)
        # the whole page, not only the first screen: the main block scrolls inside the window
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": PHONE[0], "height": min(height + 60, 12_000)})
        page.wait_for_timeout(800)
        page.screenshot(path=str(shots / name))
        assert problems == [], problems
    finally:
        result["context"].close()


DESKTOP = (1440, 900)
WIDE_SCREENS = [("competenze", ""), ("panoramica", ""), ("qualita-lavoro", ""), ("imprese", "")]


@pytest.mark.parametrize(("path", "query"), WIDE_SCREENS, ids=lambda v: v or "-")
def test_titles_and_card_labels_fit_on_a_desktop(chromium, app_url, shots, path, query):  # noqa: F811
    """Competenze's planned-hires title was cut before its number, card labels before their end."""
    result = visit(chromium, _url(app_url, path, query), shots / f"desktop-{path}.png", viewport=DESKTOP)
    try:
        page = result["page"]
        assert result["exceptions"] == [] and result["console"] == []
        page.wait_for_timeout(500)
        assert page.evaluate(PROBLEMS_JS) == []
    finally:
        result["context"].close()


def test_sources_show_provenance_period_update_and_licence_at_1280(chromium, app_url, shots):  # noqa: F811
    result = visit(chromium, _url(app_url, "fonti", ""), shots / "fonti-1280.png", viewport=(1280, 800))
    try:
        page = result["page"]
        cards = page.evaluate("""() => [...document.querySelectorAll(
                '[data-testid="stMain"] [data-testid="stMarkdownContainer"]')]
            .filter(el => el.innerText.includes('Licenza:'))
            .map(el => ({text: el.innerText, right: el.getBoundingClientRect().right,
                         overflow: el.scrollWidth - el.clientWidth}))""")
        assert len(cards) >= 10, cards
        width = page.evaluate("window.innerWidth")
        for card in cards:
            assert all(word in card["text"] for word in ("Provenienza:", "Periodo:", "Ultimo aggiornamento:",
                                                         "Licenza:"))
            assert card["right"] <= width and card["overflow"] <= 1, card
            assert "verificare" not in card["text"] and "[" not in card["text"].split("Licenza:")[1].split("·")[0]
        citation = page.locator('[data-testid="stCode"]').first
        box = citation.bounding_box()
        code = page.evaluate("""() => { const c = document.querySelector('[data-testid="stCode"] pre');
                                        return c.scrollWidth - c.clientWidth; }""")
        assert box["x"] + box["width"] <= width and code <= 1, "the citation runs off the screen"
    finally:
        result["context"].close()
