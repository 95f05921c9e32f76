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
