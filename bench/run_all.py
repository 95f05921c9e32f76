"""Run every benchmark and print one Markdown report (what `make bench` runs).

Each script measures its targets as ratios against a reference taken in the same run, as medians
of repeated runs, because these machines are shared and noisy. Copy the output into RESULTS.md."""

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
    ("bench_ingest.py", []),
]


def main() -> int:
    print(f"# Benchmarks — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    status = 0
    for script, arguments in SCRIPTS:
        print(f"\n## `python bench/{script} {' '.join(arguments)}`\n", flush=True)
        result = subprocess.run([sys.executable, str(HERE / script), *arguments], cwd=HERE.parent,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        print(result.stdout, flush=True)
        status |= result.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
