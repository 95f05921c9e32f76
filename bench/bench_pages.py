"""Target 1 — warm rerun of each page (AppTest, data cached) ≤ 3× a minimal one-line page,
measured in the same process. Pages draw one view at a time (navigation.PageEntry.views), so every
view of every page is measured and the page's figure is its slowest view.

Every rerun goes through app.py (page config, navigation, sidebar) and then the page, as in a
browser session. AppTest on its own would not do that: it resets Streamlit's "is this a v1 pages/
folder app?" flag before every run, finds our pages/ folder and runs a switched-to page script
alone, without app.py. `through_app_shell` settles the flag the way the app's own st.navigation
does in a real server (observatory/ui/shell.py), so the measured run is the real one.

The machine is shared and a one-line rerun takes a few milliseconds, so the reference and the page
are timed alternately (A B A B …) with a garbage collection before each sample: a burst of noise
then lands on both sides of the ratio, and every view is visited in several rounds spread over the
run, so a longer burst touches only part of its samples. Prints Markdown tables of medians."""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from pathlib import Path

from common import REPO, private_snapshot, table, verdict

TARGET = 3.0


def _sample(action) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def through_app_shell() -> None:
    """Make every AppTest run execute app.py, as a real server does once app.py has run once."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class AppShellPages(PagesManager):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False  # what st.navigation in app.py settles

    app_test.PagesManager = AppShellPages


def paired(reference, page, runs: int) -> tuple[list[float], list[float]]:
    """`runs` alternating samples (seconds) of the reference rerun and the page rerun."""
    ref, own = [], []
    for _ in range(runs):
        ref.append(_sample(reference))
        own.append(_sample(page))
    return ref, own


def figures(ref: list[float], own: list[float]) -> tuple[list[str], float]:
    """Table cells (page median, reference median, ratio) and the ratio of the medians."""
    reference, seconds = statistics.median(ref), statistics.median(own)
    ratio = seconds / reference
    return [f"{seconds * 1000:.1f} ms", f"{reference * 1000:.1f} ms", f"{ratio:.1f}×"], ratio


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5, help="passes over every view, spread in time")
    parser.add_argument("--runs", type=int, default=9, help="paired samples per view in each round")
    args = parser.parse_args()
    os.environ["OSSERVATORIO_DATA_DIR"] = str(private_snapshot())
    from streamlit.testing.v1 import AppTest

    from observatory import navigation
    from observatory.ui import widgets

    through_app_shell()
    minimal = Path(tempfile.mkdtemp()) / "minimal.py"
    minimal.write_text('import streamlit as st\nst.write("ok")\n', encoding="utf-8")
    reference_app = AppTest.from_file(str(minimal), default_timeout=60).run()
    reference_app.run()

    apps = {}
    for entry in navigation.PAGES:
        apps[entry.url_path] = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
        if entry is not navigation.DEFAULT:
            apps[entry.url_path].switch_page(entry.path).run()
    views = [(entry, code) for entry in navigation.PAGES for code in [c for c, _ in entry.views] or [None]]
    samples: dict[tuple, tuple[list[float], list[float]]] = {(e.url_path, c): ([], []) for e, c in views}
    # A burst of noise on a shared machine lasts longer than one view's samples: every round visits
    # every view, and each view's figure pools its samples from all rounds.
    for _ in range(args.rounds):
        for entry, code in views:
            at = apps[entry.url_path]
            if code is not None:
                at.session_state[widgets.view_key(entry.url_path)] = code
            at.run()
            at.run()  # warm: caches filled
            assert not at.exception, f"{entry.path} {code}: {[e.value for e in at.exception]}"
            assert at.sidebar.children, f"{entry.path} {code}: app.py did not run"
            ref, own = paired(reference_app.run, at.run, args.runs)
            samples[(entry.url_path, code)][0].extend(ref)
            samples[(entry.url_path, code)][1].extend(own)

    rows, worst = [], {}
    for (url_path, code), (ref, own) in samples.items():
        cells, ratio = figures(ref, own)
        worst[url_path] = max(worst.get(url_path, 0.0), ratio)
        rows.append([url_path, code or "—", *cells, verdict(ratio, TARGET)])
    met = sum(1 for r in worst.values() if r <= TARGET)
    print(f"### Page rerun (AppTest, warm, through app.py): {met} of {len(worst)} pages within {TARGET:.0f}× "
          f"in every view (medians of {args.rounds} rounds × {args.runs} paired samples)\n")
    print(table(["page", "view", "median rerun", "one-line page (paired)", "ratio", f"≤ {TARGET:.0f}×"], rows))
    print("\n### Beyond the target: each slide of the default deck in presentation mode (presenta?slide=N)\n")
    print(table(["slide", "median rerun", "one-line page (paired)", "ratio"],
                slide_rows(reference_app, args.rounds * args.runs)))


def slide_rows(reference_app, runs: int) -> list[list[str]]:
    """The Presenta page shows one slide per rerun in presentation mode; each is timed like a view."""
    from streamlit.testing.v1 import AppTest

    from observatory.present import decks

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    at.switch_page("pages/presenta.py").run()
    rows = []
    for number, slide_id in enumerate(decks.SLIDE_IDS, start=1):
        at.query_params["slide"] = str(number)
        at.run()
        at.run()
        assert not at.exception, f"slide {slide_id}: {[e.value for e in at.exception]}"
        rows.append([f"{number} {slide_id}", *figures(*paired(reference_app.run, at.run, runs))[0]])
    return rows


if __name__ == "__main__":
    main()
