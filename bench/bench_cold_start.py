"""Issue 17, item 4: server start → first page fully drawn in Chromium, the app against a minimal
app with one pydeck map, measured in the same run (alternating, median of `--runs`).

Each run starts a fresh server process for each app, as deployed (observatory/ui/launch.py) and
with `streamlit run` (from the repo root, so the same config applies), and a fresh browser context
(nothing cached, as a phone scanning the QR code); it opens the page as soon as the server answers
its health check and takes the time of the last change drawn (bench_browser's MutationObserver,
installed before the page's first script) once the page has settled: title up, run over, every
chart and map with its canvas, nothing changed for 0.8 s.
Usage: python bench/bench_cold_start.py [--runs 5] [--page "/?sezione=mappa"]"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

from bench_browser import LAST_DRAWN, SETTLED
from common import REPO, private_snapshot, table

sys.path.insert(0, str(REPO))
from tests import browser  # noqa: E402

TARGET_RATIO = 1.5
MINIMAL_MAP_APP = '''
import pydeck as pdk
import streamlit as st

st.title("Mappa")
points = [{"lon": 9.39, "lat": 45.85}, {"lon": 9.08, "lat": 45.81}]
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", data=points, get_position="[lon, lat]",
                                           get_radius=2000, get_fill_color=[31, 95, 139])],
                         initial_view_state=pdk.ViewState(latitude=45.8, longitude=9.25, zoom=8), map_style=None))
'''
OBSERVE_FROM_THE_START = f"document.addEventListener('DOMContentLoaded', () => ({LAST_DRAWN})());"


#: how a server is started: as the app is deployed (observatory/ui/launch.py: TCP_NODELAY on its
#: connections) or with Streamlit's own command
LAUNCHERS = {"deployed": "observatory.ui.launch", "streamlit run": "streamlit"}


def _serve(script: Path, env: dict[str, str], launcher: str = "streamlit") -> tuple[subprocess.Popen, str, float]:
    port = browser.free_port()
    started = time.time()
    process = subprocess.Popen([sys.executable, "-m", launcher, "run", str(script), "--server.port", str(port),
                                "--server.address", "127.0.0.1", "--server.headless", "true",
                                "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urlopen(url + "/_stcore/health", timeout=1):
                return process, url, started
        except OSError:
            time.sleep(0.02)
    process.kill()
    raise RuntimeError(f"{script} did not start")


def cold_start(chromium, script: Path, path: str, title: str, env: dict[str, str],
               launcher: str = "streamlit") -> tuple[float, float]:
    """(server start → health answered, server start → page drawn), in seconds."""
    process, url, started = _serve(script, env, launcher)
    healthy = time.time() - started
    try:
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        context.add_init_script(OBSERVE_FROM_THE_START)
        page = context.new_page()
        page.goto(url + path)
        page.wait_for_function(SETTLED, arg=[title, 800], timeout=180_000, polling=100)
        drawn = page.evaluate("performance.timeOrigin + window.__osservatorioLastDrawn") / 1000
        if page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"{script}: the page shows an exception")
        context.close()
        return healthy, drawn - started
    finally:
        process.terminate()
        process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="/?sezione=mappa", help="the app's page opened first")
    parser.add_argument("--title", default="Panoramica", help="its title, to know it is the page drawn")
    args = parser.parse_args()
    reason = browser.chromium_missing_reason()
    if reason:
        raise SystemExit(reason)
    from playwright.sync_api import sync_playwright

    data_dir, minimal_dir = private_snapshot(), Path(tempfile.mkdtemp(prefix="bench-minimal-"))
    (minimal_dir / "minimal_map.py").write_text(MINIMAL_MAP_APP, encoding="utf-8")
    env = {**os.environ, "OSSERVATORIO_DATA_DIR": str(data_dir)}
    order = [(APP, how, REPO / "app.py", args.page, args.title) for how in LAUNCHERS]
    order += [(MINIMAL, how, minimal_dir / "minimal_map.py", "/", "Mappa") for how in LAUNCHERS]
    samples: dict[tuple[str, str], list[tuple[float, float]]] = {(app, how): [] for app, how, *_ in order}
    try:
        with sync_playwright() as playwright:
            chromium = browser.launch_browser(playwright)
            for run in range(args.runs):
                for app, how, script, path, title in order if run % 2 == 0 else order[::-1]:
                    samples[app, how].append(cold_start(chromium, script, path, title, env, LAUNCHERS[how]))
                    print(f"{app}, {how}, run {run + 1}: {samples[app, how][-1][1]:.2f} s", file=sys.stderr,
                          flush=True)
            chromium.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(minimal_dir, ignore_errors=True)
    report(samples, args)


APP, MINIMAL = "Osservatorio", "minimal app, one pydeck map"


def report(samples: dict[tuple[str, str], list[tuple[float, float]]], args) -> None:
    healthy = {k: statistics.median(h for h, _ in v) for k, v in samples.items()}
    drawn = {k: statistics.median(d for _, d in v) for k, v in samples.items()}
    print(f"### Cold start: server start → first page drawn in Chromium (median of {args.runs}, alternating)\n")
    print("`deployed` = `python -m observatory.ui.launch run …` (deploy/run.sh, Dockerfile, make run): "
          "`streamlit run` with TCP_NODELAY on the server's connections.\n")
    print(table(["app", "started with", "page", "server answers", "page drawn", "ratio to the minimal app started "
                 "the same way", "every run"],
                [[app, f"`{how}`", f"`{args.page}`" if app == APP else "`/`", f"{healthy[app, how]:.2f} s",
                  f"{drawn[app, how]:.2f} s", f"{drawn[app, how] / drawn[MINIMAL, how]:.2f}×",
                  ", ".join(f"{d:.2f}" for _, d in runs)] for (app, how), runs in samples.items()]))
    for how in LAUNCHERS:
        ratio = drawn[APP, how] / drawn[MINIMAL, how]
        print(f"\n{APP} ({how}): {ratio:.2f}× the minimal app started the same way (target ≤ {TARGET_RATIO}×) "
              f"{'✅' if ratio <= TARGET_RATIO else '❌'}")
    print(f"\n{APP} as deployed against the minimal app with Streamlit's own command: "
          f"{drawn[APP, 'deployed'] / drawn[MINIMAL, 'streamlit run']:.2f}×")


if __name__ == "__main__":
    main()
