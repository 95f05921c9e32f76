"""Run every benchmark and print one Markdown report (what `make bench` runs).

Each script measures its targets as ratios against a reference taken in the same run, as medians
of repeated runs, because these machines are shared and noisy. Copy the output into RESULTS.md.
`python bench/run_all.py bench_load.py` runs only the scripts named (here issue 17's load tables)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("bench_pages.py", []),
    ("bench_map_payload.py", []),
    ("bench_browser.py", []),
    ("bench_slides.py", []),
    ("bench_cold_start.py", ["--runs", "5"]),
    ("bench_load.py", ["--processes", "1", "4", "--sessions", "1", "50", "200", "--burst", "200",
                       "--runs", "5", "--big-runs", "3"]),
    ("bench_load.py", ["--processes", "1", "4", "--sessions", "1", "200", "--burst", "--assets", "browser",
                       "--runs", "5", "--big-runs", "3"]),
    ("bench_ingest.py", ["--rows", "10000000", "--runs", "5"]),
]


def main(only: list[str]) -> int:
    print(f"# Benchmarks — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    status = 0
    for script, arguments in SCRIPTS:
        if only and script not in only:
            continue  # (a script listed twice runs with each of its argument lists)
        print(f"\n## `python bench/{script} {' '.join(arguments)}`\n", flush=True)
        result = subprocess.run([sys.executable, str(HERE / script), *arguments], cwd=HERE.parent,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        print(result.stdout, flush=True)
        status |= result.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
