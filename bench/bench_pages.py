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
then lands on both sides of the ratio. Prints a Markdown table; medians of --runs samples."""

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


def paired(reference, page, runs: int) -> tuple[float, float]:
    """Medians of `runs` alternating samples of the reference rerun and the page rerun."""
    ref, own = [], []
    for _ in range(runs):
        ref.append(_sample(reference))
        own.append(_sample(page))
    return statistics.median(ref), statistics.median(own)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
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

    rows, worst = [], {}
    for entry in navigation.PAGES:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
        if entry is not navigation.DEFAULT:
            at.switch_page(entry.path).run()
        for label in [code for code, _ in entry.views] or [None]:
            if label is not None:
                at.session_state[widgets.view_key(entry.url_path)] = label
            at.run()
            at.run()  # warm: caches filled
            assert not at.exception, f"{entry.path} {label}: {[e.value for e in at.exception]}"
            assert at.sidebar.children, f"{entry.path} {label}: app.py did not run"
            reference, seconds = paired(reference_app.run, at.run, args.runs)
            ratio = seconds / reference
            worst[entry.url_path] = max(worst.get(entry.url_path, 0.0), ratio)
            rows.append([entry.url_path, label or "—", f"{seconds * 1000:.1f} ms", f"{reference * 1000:.1f} ms",
                         f"{ratio:.1f}×", verdict(ratio, TARGET)])
    met = sum(1 for r in worst.values() if r <= TARGET)
    print(f"### Page rerun (AppTest, warm): {met} of {len(worst)} pages within {TARGET:.0f}× "
          f"in every view\n")
    print(table(["page", "view", "median rerun", "one-line page (paired)", "ratio", f"≤ {TARGET:.0f}×"], rows))


if __name__ == "__main__":
    main()
