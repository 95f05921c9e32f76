"""Issue 16, item 7: a slide change (the clicker's PageDown / the Right key) → the next slide drawn,
in Chromium at 1280×720 on the default deck, to the last change drawn (DOM changes, canvas painting,
pictures decoded). Target: ≤ 0.5 s after the first pass through the deck;
also given as a ratio to a minimal page's click → drawn in the same browser run (bench_browser's
two-page app), because this machine is shared and noisy."""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_browser import LAST_DRAWN, MINIMAL_APP, minimal_reference
from common import REPO, private_snapshot, table

sys.path.insert(0, str(REPO))
from tests import browser  # noqa: E402

TARGET_SECONDS = 0.5
VIEWPORT = {"width": 1280, "height": 720}

#: the slide is drawn once its title is not the previous one, the run is over, its chart (if any)
#: has its SVG or canvas and nothing has changed for `quiet` ms
SLIDE_SETTLED = """([previous, quiet]) => {
    const h = document.querySelector('[data-testid="stMain"] h1');
    if (!h || h.innerText.trim() === previous) return false;
    if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]'))
        return false;
    const charts = [...document.querySelectorAll('.st-key-slide [data-testid="stVegaLiteChart"]')];
    if (charts.some((c) => !c.querySelector('svg, canvas'))) return false;
    const images = [...document.querySelectorAll('.st-key-slide img')];
    if (images.some((i) => !i.complete)) return false;
    return performance.now() - window.__osservatorioLastDrawn >= quiet;
}"""


#: what the MutationObserver cannot see, counted as drawing too: Vega paints its charts into a
#: <canvas> after inserting it (every 2D drawing call stamps the time), and a picture is drawn once
#: its image has loaded and decoded
PAINTS = """(() => {
    const stamp = () => { window.__osservatorioLastDrawn = performance.now(); };
    const context = CanvasRenderingContext2D.prototype;
    for (const name of ['fill', 'stroke', 'fillText', 'strokeText', 'drawImage', 'fillRect', 'putImageData']) {
        const original = context[name];
        context[name] = function (...args) { stamp(); return original.apply(this, args); };
    }
    document.addEventListener('load', (event) => {
        if (event.target.tagName === 'IMG') event.target.decode().then(stamp, stamp);
    }, true);
})();"""


def title(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text().strip()


def change(page, key: str, quiet_ms: int = 800) -> tuple[float, str]:
    """Seconds from the key press to the last change drawn, and the new slide's title."""
    previous = title(page)
    page.evaluate(LAST_DRAWN)
    started = page.evaluate("performance.now()")
    page.keyboard.press(key)
    page.wait_for_function(SLIDE_SETTLED, arg=[previous, quiet_ms], timeout=60_000, polling=100)
    finished = page.evaluate("window.__osservatorioLastDrawn")
    return max(finished - started, 0) / 1000, title(page)


def open_deck(chromium, url: str):
    """A projector-sized page on slide 1; the seconds it took and the deck's length."""
    context = chromium.new_context(viewport=VIEWPORT)
    context.add_init_script(PAINTS)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url + "/presenta?slide=1")
    browser.wait_rendered(page)
    count = int(page.locator(".slide-line").last.inner_text().rsplit("/", 1)[1].strip().split()[0])
    return page, time.perf_counter() - started, count


def one_pass(page, count: int) -> tuple[list[float], list[str], list[float]]:
    """Forward through the deck (PageDown) and back (PageUp): per-slide seconds (slide 1 = its PageUp
    from slide 2), titles, and every change."""
    per_slide, titles, every = [0.0] * count, [title(page)] + [""] * (count - 1), []
    for index in range(1, count):
        per_slide[index], titles[index] = change(page, "PageDown")
        every.append(per_slide[index])
    for index in range(count - 1, 0, -1):
        seconds, _name = change(page, "PageUp")
        every.append(seconds)
        if index == 1:
            per_slide[0] = seconds
    return per_slide, titles, every


@dataclasses.dataclass
class Timings:
    opened: float
    titles: list[str]
    first: list[float]  # every change of the first pass
    samples: list[list[float]]  # per slide, passes after the first
    every: list[float]  # every change after the first pass


def measure(pages: list[tuple], passes: int) -> list[Timings]:
    """Passes through each deck, alternating between them (a paired comparison on a noisy machine)."""
    results = [Timings(opened, [], [], [[] for _ in range(count)], []) for _page, opened, count in pages]
    for number in range(passes + 1):
        for (page, _opened, count), result in zip(pages, results):
            per_slide, titles, every = one_pass(page, count)
            if number == 0:
                result.titles, result.first = titles, every
                continue
            for index, seconds in enumerate(per_slide):
                result.samples[index].append(seconds)
            result.every += every
    return results


def other_server(checkout: Path, data_dir: Path):
    """The same app from another checkout (e.g. the commit before a change), on its own port."""
    import subprocess

    port = browser.free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(checkout / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    env = {**os.environ, "OSSERVATORIO_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    return process, url


def report(label: str, result: Timings, reference: float, passes: int) -> None:
    print(f"### Slide change → slide drawn ({label}), Chromium 1280×720, default deck ({len(result.titles)} "
          f"slides), median of {passes} passes after the first\n")
    print(f"reference (minimal page click → drawn, same browser): {reference * 1000:.0f} ms; "
          f"opening slide 1: {result.opened:.1f} s; first pass through the deck: median change "
          f"{statistics.median(result.first) * 1000:.0f} ms, max {max(result.first) * 1000:.0f} ms\n")
    rows = []
    for index, name in enumerate(result.titles):
        median = statistics.median(result.samples[index])
        how = "PageUp from slide 2" if index == 0 else "PageDown"
        rows.append([f"{index + 1}", name[:60], how, f"{median * 1000:.0f} ms", f"{median / reference:.1f}×",
                     "✅" if median <= TARGET_SECONDS else "❌"])
    print(table(["slide", "title", "key", "median change", "ratio to reference", f"≤ {TARGET_SECONDS} s"], rows))
    every = sorted(result.every)
    print(f"\nall {len(every)} changes after the first pass: median {statistics.median(every) * 1000:.0f} ms, "
          f"p90 {every[int(0.9 * (len(every) - 1))] * 1000:.0f} ms, max {every[-1] * 1000:.0f} ms "
          f"({sum(s <= TARGET_SECONDS for s in every)} of {len(every)} ≤ {TARGET_SECONDS} s)\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=5, help="timed passes after the first")
    parser.add_argument("--compare", type=Path, help="another checkout of the app, measured in alternation")
    args = parser.parse_args()
    reason = browser.chromium_missing_reason()
    if reason:
        raise SystemExit(reason)
    from playwright.sync_api import sync_playwright

    minimal_dir = Path(tempfile.mkdtemp())
    (minimal_dir / "app.py").write_text(MINIMAL_APP, encoding="utf-8")
    data_dir = private_snapshot()
    other = other_server(args.compare.resolve(), data_dir) if args.compare else None
    try:
        with browser.streamlit_server(data_dir) as url, sync_playwright() as playwright:
            chromium = browser.launch_browser(playwright)
            pages = [open_deck(chromium, url)] + ([open_deck(chromium, other[1])] if other else [])
            results = measure(pages, args.passes)
            reference = minimal_reference(chromium, minimal_dir, args.passes)
            chromium.close()
    finally:
        if other:
            other[0].terminate()
            other[0].wait(timeout=10)
    report("this checkout", results[0], reference, args.passes)
    if other:
        report(f"{args.compare}", results[1], reference, args.passes)
        ratio = statistics.median(results[0].every) / statistics.median(results[1].every)
        print(f"this checkout / {args.compare}: {ratio:.2f}× (medians of every change, alternating passes)")


if __name__ == "__main__":
    main()
