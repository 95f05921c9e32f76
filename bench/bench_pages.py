"""Target 1 — warm rerun of each page (AppTest, data cached) ≤ 3× a minimal one-line page,
measured in the same process. Prints a Markdown table; median of --runs reruns (default 7)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from common import REPO, median_seconds, private_snapshot, table, verdict

TARGET = 3.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ["OSSERVATORIO_DATA_DIR"] = str(private_snapshot())
    from streamlit.testing.v1 import AppTest

    from observatory import navigation

    minimal = Path(tempfile.mkdtemp()) / "minimal.py"
    minimal.write_text('import streamlit as st\nst.write("ok")\n', encoding="utf-8")
    reference_app = AppTest.from_file(str(minimal), default_timeout=60).run()
    reference = median_seconds(reference_app.run, args.runs)

    rows = []
    for entry in navigation.PAGES:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
        if entry is not navigation.DEFAULT:
            at.switch_page(entry.path).run()
        at.run()  # warm: caches filled
        assert not at.exception, f"{entry.path}: {[e.value for e in at.exception]}"
        seconds = median_seconds(at.run, args.runs)
        ratio = seconds / reference
        rows.append([entry.url_path, f"{seconds * 1000:.0f} ms", f"{ratio:.1f}×", verdict(ratio, TARGET)])
    print(f"### Page rerun (AppTest, warm), reference one-line page: {reference * 1000:.0f} ms\n")
    print(table(["page", "median rerun", "ratio to minimal", f"≤ {TARGET:.0f}×"], rows))


if __name__ == "__main__":
    main()
