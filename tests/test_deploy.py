"""deploy/run.sh: several Streamlit processes behind nginx with sticky sessions, on loopback.
A real browser loads a page through nginx (websocket included) and every browser gets the
stickiness cookie."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

from tests import browser

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                                reason="Debian nginx not installed "
                                       "(scripts/install-system-deps.sh installs it as root)")


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    data_dir = browser.copy_snapshot(tmp_path_factory.mktemp("data"))
    port = browser.free_port()
    env = {**os.environ, "OSSERVATORIO_DATA_DIR": str(data_dir), "PATH": os.environ["PATH"] + ":/usr/sbin"}
    process = subprocess.Popen(["bash", str(REPO / "deploy" / "run.sh"), "2", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError(process.stdout.read1().decode(errors="replace") if process.stdout else "no output")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_nginx_sets_the_stickiness_cookie(deployment):
    with urlopen(deployment + "/") as response:
        cookie = response.headers.get("Set-Cookie", "")
    assert cookie.startswith("osservatorio_lb=") and "HttpOnly" in cookie


@pytest.mark.skipif(browser.chromium_missing_reason() is not None, reason=browser.chromium_missing_reason() or "")
def test_a_page_renders_through_nginx(deployment):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser.launch_browser(playwright)
        page = chromium.new_page()
        page.goto(deployment + "/fonti")
        browser.wait_rendered(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
        chromium.close()


@pytest.mark.skipif(browser.chromium_missing_reason() is not None, reason=browser.chromium_missing_reason() or "")
def test_the_qr_code_behind_nginx_carries_the_address_the_browser_used(deployment):
    """Through the proxy, on a free port, by a host name that is not loopback (mapped inside Chromium
    only): the title slide's QR code opens that same address, port included."""
    import base64
    import io

    import zxingcpp
    from PIL import Image
    from playwright.sync_api import sync_playwright

    public = deployment.replace("127.0.0.1", "osservatorio.test")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=browser.CHROMIUM, headless=True,
            args=[*browser.CHROMIUM_ARGS, "--host-resolver-rules=MAP osservatorio.test 127.0.0.1"])
        page = chromium.new_page(viewport={"width": 1280, "height": 720})
        page.goto(public + "/presenta?slide=1")
        browser.wait_rendered(page)
        src = page.locator(".st-key-slide img").first.get_attribute("src")
        chromium.close()
    image = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [public]


def test_nginx_serves_the_frontend_files_itself_precompressed(deployment):
    """A room of first visits fetches ~130 files each: nginx sends them from its own gzipped copy
    (a strong ETag of its own; Streamlit's are weak), with the type a module script needs."""
    with urlopen(deployment + "/") as response:
        html = response.read().decode()
    entry = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', html).group(1)
    request = Request(f"{deployment}/{entry}", headers={"Accept-Encoding": "gzip"})
    with urlopen(request) as response:
        headers, body = response.headers, response.read()
    assert headers["Content-Type"] == "application/javascript"
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body)
    assert not headers["ETag"].startswith("W/")
    assert "immutable" in headers["Cache-Control"]
