"""Real-browser smoke test: every page loads in Chromium with no exception box, no console
error and no request leaving the machine; a screenshot of each page is saved."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from observatory import navigation, style
from tests import browser

pytestmark = pytest.mark.skipif(browser.chromium_missing_reason() is not None,
                                reason=browser.chromium_missing_reason() or "")

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data_dir = browser.copy_snapshot(tmp_path_factory.mktemp("data"))
    with browser.streamlit_server(data_dir) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = browser.launch_browser(playwright)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("OSSERVATORIO_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def visit(chromium, url: str, shot: Path, viewport=(1440, 1000)):
    context = chromium.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    outside, console_errors = [], []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    page.goto(url)
    browser.wait_rendered(page)
    exceptions = page.locator('[data-testid="stException"]').all_inner_texts()
    page.screenshot(path=str(shot), full_page=True)
    # Streamlit's frontend first probes <page>/_stcore/health before falling back to the root:
    # those 404s are its normal start-up, any other failed response is a defect.
    failed = [f for f in failed if not _is_startup_probe(f)]
    console_errors = [m for m in console_errors if not m.startswith("Failed to load resource")]
    result = {"page": page, "context": context, "outside": outside, "console": console_errors,
              "exceptions": exceptions, "failed": failed}
    return result


def _is_startup_probe(failure: str) -> bool:
    status, _, url = failure.partition(" ")
    path = urlsplit(url).path
    return status == "404" and path.endswith(("/_stcore/health", "/_stcore/host-config")) and path.count("/") == 3


VIEWS = [(entry, code) for entry in navigation.PAGES for code in ([c for c, _ in entry.views] or [None])]


@pytest.mark.parametrize(("entry", "view"), VIEWS, ids=lambda v: getattr(v, "url_path", v or "-"))
def test_page_renders_cleanly_offline(chromium, app_url, shots, entry, view):
    """Every view of every page, opened from its own link (`?sezione=<code>`)."""
    url = app_url + ("/" if entry is navigation.DEFAULT else f"/{entry.url_path}")
    if view is not None and view != entry.views[0][0]:
        url += f"?sezione={view}"
    result = visit(chromium, url, shots / f"{entry.url_path}{'-' + view if view else ''}.png")
    try:
        assert result["exceptions"] == [], result["exceptions"]
        assert result["outside"] == [], f"requests outside the machine: {result['outside']}"
        assert result["console"] == [], f"browser console errors: {result['console']}"
        assert result["failed"] == [], f"failed responses: {result['failed']}"
    finally:
        result["context"].close()


ENGLISH = [("panoramica", None, "Overview"), ("mercato-lavoro", None, "Labour market"),
           ("mercato-lavoro", "flussi", "Labour market"), ("imprese", None, "Businesses"),
           ("competenze", None, "Skills"),
           ("formazione", None, "Education"), ("formazione", "andamento", "Education"),
           ("fonti", "verifica", "Sources and method"), ("qualita-lavoro", None, "Job quality and policies"),
           ("qualita-lavoro", "cassa", "Job quality and policies"), ("parti-sociali", "imprese", "Social partners")]


@pytest.mark.parametrize(("path", "view", "title"), ENGLISH, ids=lambda v: v or "-")
def test_english_pages_render_cleanly(chromium, app_url, shots, path, view, title):
    """The pages the real and published data changed, opened in English (`?lang=en`)."""
    url = app_url + ("/" if path == navigation.DEFAULT.url_path else f"/{path}") + "?lang=en" + (
        f"&sezione={view}" if view else "")
    result = visit(chromium, url, shots / f"en-{path}{'-' + view if view else ''}.png")
    try:
        assert result["exceptions"] == [] and result["outside"] == [] and result["console"] == []
        assert result["page"].locator('[data-testid="stMain"] h1').first.inner_text().strip() == title
    finally:
        result["context"].close()


PHONE = (390, 844)
PHONE_VIEWS = [(entry, code) for entry in navigation.PAGES if entry.url_path in ("qualita-lavoro", "parti-sociali")
               for code, _ in entry.views]


@pytest.mark.parametrize(("entry", "view"), PHONE_VIEWS, ids=lambda v: getattr(v, "url_path", v))
def test_quality_and_lens_views_read_on_a_phone(chromium, app_url, shots, entry, view):
    """The job-quality page and the lenses at 390×844: clean, and nothing wider than the screen."""
    url = f"{app_url}/{entry.url_path}?sezione={view}"
    result = visit(chromium, url, shots / f"phone-{entry.url_path}-{view}.png", viewport=PHONE)
    try:
        assert result["exceptions"] == [] and result["outside"] == [] and result["console"] == []
        width = result["page"].evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE[0], f"the page scrolls sideways on a phone ({width} px)"
    finally:
        result["context"].close()


def test_population_map_is_drawn(chromium, app_url, shots):
    result = visit(chromium, app_url + "/?sezione=mappa", shots / "mappa-popolazione.png")
    try:
        page = result["page"]
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=30_000)
        # deck.gl draws into a WebGL canvas: read back its pixels and count those painted in the
        # map's own class colours (an empty or failed map is one flat background colour)
        palette = [style.hex_to_rgb(c)[:3] for c in style.SEQUENTIAL]
        page.wait_for_timeout(1500)
        coloured = page.evaluate("""(palette) => {
            const canvas = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
            const copy = document.createElement('canvas');
            copy.width = canvas.width; copy.height = canvas.height;
            const ctx = copy.getContext('2d');
            ctx.drawImage(canvas, 0, 0);
            const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
            const hits = new Set();
            let n = 0;
            for (let i = 0; i < data.length; i += 4 * 13) {
                palette.forEach((c, k) => {
                    if (Math.abs(data[i] - c[0]) + Math.abs(data[i + 1] - c[1]) + Math.abs(data[i + 2] - c[2]) < 30) {
                        n++; hits.add(k);
                    }
                });
            }
            return [n, hits.size];
        }""", palette)
        samples, classes = coloured
        assert classes >= 4, f"only {classes} map classes visible on the canvas"
        assert samples > 500, f"the map canvas looks empty ({samples} painted samples)"
    finally:
        result["context"].close()


def test_a_deep_link_as_the_first_request_gets_the_app_shell(chromium, tmp_path):
    """The first request of a fresh server is a shared link to a page, not the home page: it must
    still get the app's navigation, sidebar and URL filters (observatory.ui.shell)."""
    with browser.streamlit_server(browser.copy_snapshot(tmp_path)) as url:
        result = visit(chromium, url + "/imprese?settore=C", tmp_path / "deep-link.png")
        try:
            page = result["page"]
            links = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
            assert "Panoramica" in links and "app" not in links, links
            assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == "Imprese"
            assert "settore=C" in page.url
            assert result["exceptions"] == [] and result["console"] == []
        finally:
            result["context"].close()
