"""Targets 2–4 in a real browser (Debian Chromium via Playwright):
2. click a page in the navigation → its last element drawn: each page's median ≤ 3× a minimal
   page's in the same browser run (a throwaway two-page app); server start → first page drawn.
3. server RSS after visiting every page once, and growth per extra browser session (10 sessions).
4. N concurrent sessions (default 30, one Chromium) open the overview and the map page:
   all render without error; p50/p95 and the ratio to a single session. A client-side figure:
   one Chromium draws every session's map on software WebGL, on the server's cores; what the
   server itself can serve is bench/bench_load.py's (no browser), and the cold start against a
   minimal pydeck app is bench/bench_cold_start.py's."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, private_snapshot, table, verdict

sys.path.insert(0, str(REPO))
from observatory import labels, navigation  # noqa: E402
from observatory.ui import widgets  # noqa: E402
from tests import browser  # noqa: E402

TARGET_RATIO = 3.0
MAP_VIEW = "/?sezione=mappa"  # the overview's population map (Panoramica draws one view at a time)
MINIMAL_APP = '''
import streamlit as st
pages = [st.Page(lambda: st.title("Uno"), title="Uno", url_path="uno", default=True),
         st.Page(lambda: st.title("Due"), title="Due", url_path="due")]
st.navigation(pages).run()
'''


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the streamlit server), in MB."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if int(fields.get("Pid", "0")) == pid or int(fields.get("PPid", "0").strip() or 0) == pid:
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total / 1024


LAST_DRAWN = """() => {
    // Time of the last change anywhere in the app (elements added, removed or restyled, the old
    // page's stale elements cleared, a chart's SVG or canvas inserted): the moment it was drawn.
    // What is put inside a <canvas> is fallback content that is never drawn (the data grid adds a
    // screen-reader copy of its table there ~300 ms after drawing it), so it does not count.
    if (window.__osservatorioObserver) return;
    const drawn = (record) => {
        const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
        const canvas = node && node.closest('canvas');
        return !canvas || (canvas === node && record.type === 'attributes');
    };
    window.__osservatorioLastDrawn = performance.now();
    window.__osservatorioObserver = new MutationObserver((records) => {
        if (records.some(drawn)) window.__osservatorioLastDrawn = performance.now();
    });
    window.__osservatorioObserver.observe(document.body, {subtree: true, childList: true,
                                                          attributes: true, characterData: true});
}"""

SETTLED = """([title, quiet]) => {
    const h = document.querySelector('[data-testid="stMain"] h1');
    if (!h || !h.innerText.trim().startsWith(title)) return false;
    if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]'))
        return false;
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
    if (charts.some((c) => !c.querySelector('svg, canvas'))) return false;
    const maps = [...document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')];
    if (maps.some((m) => !m.querySelector('canvas'))) return false;
    return performance.now() - window.__osservatorioLastDrawn >= quiet;
}"""


def click_and_wait(page, url_path: str, title: str, quiet_ms: int = 800, view: str | None = None) -> float:
    """Seconds from the click to the last change drawn on the page.

    The page counts as finished once its title is up, the run is over (no running indicator, no
    stale element of the previous page left), every chart has its SVG or canvas, every map its
    canvas, and nothing has changed for `quiet_ms`. The time reported is that of the last change
    (a MutationObserver's timestamp), so the quiet window is not counted and there is no polling
    granularity in the figure."""
    page.evaluate(LAST_DRAWN)
    started = page.evaluate("performance.now()")
    if view is None:
        page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    else:  # a button of the page's view picker
        page.locator(f".st-key-{widgets.view_key(url_path)} button", has_text=view).first.click()
    page.wait_for_function(SETTLED, arg=[title, quiet_ms], timeout=60_000, polling=100)
    finished = page.evaluate("window.__osservatorioLastDrawn")
    return max(finished - started, 0) / 1000


def navigation_timings(chromium, url: str, entries, runs: int) -> dict[str, float]:
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(url)
    browser.wait_rendered(page)
    samples: dict[str, list[float]] = {e[0]: [] for e in entries}
    for _ in range(runs):
        for url_path, title in entries:
            samples[url_path].append(click_and_wait(page, url_path, title))
    context.close()
    return {k: statistics.median(v) for k, v in samples.items()}


def view_timings(chromium, url: str, runs: int) -> list[list]:
    """Beyond target 2: a click on each view button of each page (as a leader moves within a
    page) → the view drawn, median of `runs`. Each click leaves the previous view, in order."""
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    rows = []
    for entry in navigation.PAGES:
        if len(entry.views) < 2:
            continue
        title = labels.t(entry.title_key, "it")
        names = [(code, labels.t(key, "it")) for code, key in entry.views]
        page.goto(f"{url}/" + ("" if entry is navigation.DEFAULT else entry.url_path))  # the default is at /
        browser.wait_rendered(page)
        samples: dict[str, list[float]] = {code: [] for code, _ in names}
        for _ in range(runs):
            for code, name in names[1:] + names[:1]:
                samples[code].append(click_and_wait(page, entry.url_path, title, view=name))
        rows += [[entry.url_path, code, statistics.median(v)] for code, v in samples.items()]
    context.close()
    return rows


async def one_session(chromium, url: str) -> float:
    context = await chromium.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url + MAP_VIEW, timeout=300_000, wait_until="commit")
    await page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=600_000)
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=600_000)
    errors = await page.locator('[data-testid="stException"]').count()
    await page.goto(url + "/mercato-lavoro", timeout=300_000, wait_until="commit")
    await page.wait_for_selector('[data-testid="stMain"] h1', timeout=600_000)
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=600_000)
    errors += await page.locator('[data-testid="stException"]').count()
    elapsed = time.perf_counter() - start
    await context.close()
    if errors:
        raise RuntimeError("a session showed an exception")
    return elapsed


async def load(url: str, sessions: int) -> tuple[float, list[float]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=browser.CHROMIUM, headless=True,
                                                    args=browser.CHROMIUM_ARGS)
        single = statistics.median([await one_session(chromium, url) for _ in range(3)])
        results = await asyncio.gather(*[one_session(chromium, url) for _ in range(sessions)],
                                       return_exceptions=True)
        await chromium.close()
    failures = [r for r in results if isinstance(r, BaseException)]
    if failures:
        print(f"\n{len(failures)} of {sessions} sessions failed: {sorted({type(f).__name__ for f in failures})}")
    return single, sorted(r for r in results if not isinstance(r, BaseException))


def percentile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--url", help="measure only the load test against an already running deployment")
    args = parser.parse_args()
    reason = browser.chromium_missing_reason()
    if reason:
        raise SystemExit(reason)
    if args.url:
        single, times = asyncio.run(load(args.url, args.sessions))
        print_load(single, times, args.sessions, args.url)
        return
    minimal_dir = Path(tempfile.mkdtemp())
    (minimal_dir / "app.py").write_text(MINIMAL_APP, encoding="utf-8")
    entries = [(e.url_path, labels.t(e.title_key, "it")) for e in navigation.PAGES]
    started = time.perf_counter()
    with browser.streamlit_server(private_snapshot()) as url:
        report(args.runs, browse(url, started, entries, minimal_dir, args.runs))
        if args.sessions:
            single, times = asyncio.run(load(url, args.sessions))
            print_load(single, times, args.sessions, "one process")


@dataclasses.dataclass
class Browsing:
    first_drawn: float  # server start → first page with its map drawn, seconds
    timings: dict[str, float]  # page → median click → drawn, seconds
    views: list[list]  # [page, view, median seconds]
    rss_after_pages: float
    rss_after_sessions: float
    reference: float  # the minimal page's median click → drawn, seconds


def browse(url, started, entries, minimal_dir, runs) -> Browsing:
    """Sync-Playwright part: first draw, navigation and view timings, memory, minimal reference."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser.launch_browser(playwright)
        page = chromium.new_page()
        page.goto(url + MAP_VIEW)
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=120_000)
        browser.wait_rendered(page)
        first_drawn = time.perf_counter() - started
        page.close()
        timings = navigation_timings(chromium, url, entries, runs)
        views = view_timings(chromium, url, runs)
        pid = server_pid(url)
        rss_after_pages = rss_mb(pid)
        contexts = []
        for _ in range(10):
            context = chromium.new_context()
            extra = context.new_page()
            extra.goto(url + MAP_VIEW)
            extra.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=120_000)
            browser.wait_rendered(extra)
            contexts.append(context)
        rss_after_sessions = rss_mb(pid)
        for context in contexts:
            context.close()
        reference = minimal_reference(chromium, minimal_dir, runs)
        chromium.close()
    return Browsing(first_drawn, timings, views, rss_after_pages, rss_after_sessions, reference)


def report(runs: int, result: Browsing) -> None:
    reference = result.reference
    print(f"### Browser: navigation click → page drawn (median of {runs}), same Chromium\n")
    print(f"reference (minimal one-line page in a two-page app): {reference * 1000:.0f} ms; "
          f"server start → first page with map drawn: {result.first_drawn:.1f} s\n")
    rows = [[p, f"{s * 1000:.0f} ms", f"{s / reference:.1f}×", verdict(s / reference, TARGET_RATIO)]
            for p, s in result.timings.items()]
    print(table(["page", "median", "ratio", f"≤ {TARGET_RATIO:.0f}×"], rows), flush=True)
    print(f"\n### Beyond the target: view button → view drawn (median of {runs}), same reference\n")
    print("Maps are counted drawn when their canvas is in the page; deck.gl then paints it (software "
          "WebGL here).\n")
    print(table(["page", "view", "median", "ratio"],
                [[page, view, f"{s * 1000:.0f} ms", f"{s / reference:.1f}×"] for page, view, s in result.views]))
    growth = (result.rss_after_sessions - result.rss_after_pages) / 10
    print("\n### Memory (server RSS)\n")
    print(table(["after every page and view once", "after 10 more sessions", "growth per session", "< 15 MB"],
                [[f"{result.rss_after_pages:.0f} MB", f"{result.rss_after_sessions:.0f} MB", f"{growth:.1f} MB",
                  "✅" if growth < 15 else "❌"]]))


def print_load(single: float, times: list[float], sessions: int, label: str) -> None:
    if not times:
        print(f"\n### Load ({label}): no session completed")
        return
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    print(f"\n### Load, client-side figure: {sessions} concurrent sessions in one Chromium, overview map + "
          f"labour page ({label}): {len(times)} rendered without error\n")
    print("One browser draws every session (software WebGL, on the server's cores): this is bound by the "
          "client; the server's own figures are bench/bench_load.py's.\n")
    print(table(["single session (median of 3)", "p50", "p95", "p50 / single", "p95 / single"],
                [[f"{single:.1f} s", f"{p50:.1f} s", f"{p95:.1f} s", f"{p50 / single:.1f}×", f"{p95 / single:.1f}×"]]))


def server_pid(url: str) -> int:
    port = url.rsplit(":", 1)[1]
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if ("streamlit" in text or "observatory.ui.launch" in text) and f"--server.port {port}" in text:
            return int(cmdline.parent.name)
    raise RuntimeError("streamlit server process not found")


def minimal_reference(chromium, folder: Path, runs: int) -> float:
    import shutil
    import subprocess
    import urllib.request

    port = browser.free_port()
    process = subprocess.Popen([sys.executable, "-m", "observatory.ui.launch", "run", str(folder / "app.py"),
                                "--server.port", str(port), "--server.address", "127.0.0.1",
                                "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # started as the app is
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        timings = navigation_timings(chromium, f"http://127.0.0.1:{port}", [("due", "Due"), ("uno", "Uno")], runs)
        return statistics.median(timings.values())
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
