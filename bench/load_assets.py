"""The files a browser fetches from the server on a first visit, so simulated visitors fetch them too.

A phone that scans the QR code has nothing cached: before the app can open its websocket it loads
the frontend (index.html's scripts, styles and fonts, ~60 files), then while the page is drawn the
code for its elements (the map's deck.gl bundle alone is 3 MB), then more for the second page.
The list is recorded once per benchmark from Debian's Chromium (Playwright), in three phases; the
names carry content hashes and change with every Streamlit release, so they are never stored.
Without Chromium, index.html's own references stand in for the first phase."""

from __future__ import annotations

import dataclasses
import re
import sys
from urllib.parse import urlsplit
from urllib.request import urlopen

from common import REPO

sys.path.insert(0, str(REPO))
from tests import browser  # noqa: E402


@dataclasses.dataclass(frozen=True)
class Assets:
    before_socket: tuple[str, ...] = ()  # the frontend: loaded before the websocket opens
    first_page: tuple[str, ...] = ()  # element code fetched while the first page is drawn
    second_page: tuple[str, ...] = ()  # the same for the page clicked next
    source: str = "none"

    @property
    def count(self) -> int:
        return len(self.before_socket) + len(self.first_page) + len(self.second_page)


def _static(url: str, base: str) -> str | None:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base or parts.path.startswith("/_stcore") or parts.path == "/":
        return None
    return parts.path


def record(base_url: str, first: str, second_title: str) -> Assets:
    """Visit `first`, then click `second_title` in the navigation, in a fresh Chromium profile."""
    if browser.chromium_missing_reason():
        return from_index(base_url)
    from playwright.sync_api import sync_playwright

    base = base_url.rstrip("/")
    seen: list[str | None] = []
    with sync_playwright() as playwright:
        chromium = browser.launch_browser(playwright)
        page = chromium.new_context().new_page()
        page.on("request", lambda r: seen.append("/_stcore/health" if "/_stcore/health" in r.url
                                                 else _static(r.url, base)))
        page.goto(base + first)
        browser.wait_rendered(page)
        page.wait_for_timeout(1000)  # the map's bundle may still be arriving
        mark = len(seen)
        page.locator('[data-testid="stSidebarNav"] a', has_text=second_title).first.click()
        browser.wait_rendered(page)
        page.wait_for_timeout(1000)
        chromium.close()
    health = seen.index("/_stcore/health") if "/_stcore/health" in seen else mark
    unique = lambda items: tuple(dict.fromkeys(p for p in items if p and p != "/_stcore/health"))  # noqa: E731
    before = unique(seen[:health])
    during = tuple(p for p in unique(seen[health:mark]) if p not in before)
    after = tuple(p for p in unique(seen[mark:]) if p not in before and p not in during)
    return Assets(before, during, after, "recorded from Chromium")


def from_index(base_url: str) -> Assets:
    """index.html's scripts, module preloads, styles and fonts (what a browser needs to start)."""
    with urlopen(base_url.rstrip("/") + "/", timeout=30) as response:
        html = response.read().decode()
    paths = re.findall(r'(?:src|href)="\./(static/[^"]+|favicon\.png)"', html)
    return Assets(tuple("/" + p for p in dict.fromkeys(paths)), source="index.html references")
