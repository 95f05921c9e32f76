"""The benchmark scripts still run against the current app (they are not timed here: bench/
reports ratios, never assertions on time). The map payload is a size, so its target is checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_map_payload_bench_runs_and_the_map_is_under_half_the_raw_geojson():
    out = subprocess.run([sys.executable, str(REPO / "bench" / "bench_map_payload.py")], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    ratio = float(out.stdout.split("ratio sent / unsimplified: ")[1].split()[0])
    assert 0 < ratio <= 0.5, out.stdout


def test_the_rerun_bench_measures_pages_through_app_py(monkeypatch):
    """AppTest alone runs a switched-to page without app.py (it finds the pages/ folder); the bench
    makes it run app.py first, as a browser session does, and this checks that it does."""
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import bench_pages
    from streamlit.testing.v1 import AppTest, app_test

    monkeypatch.setattr(app_test, "PagesManager", app_test.PagesManager)  # undone after the test
    bench_pages.through_app_shell()
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    at.switch_page("pages/imprese.py").run()
    assert not at.exception
    assert at.title[0].value == "Imprese"
    assert [r.label for r in at.sidebar.radio] == ["Lingua", "Territorio"]
