"""Helpers shared by the benchmarks: medians, ratios, Markdown tables, a private snapshot copy."""

from __future__ import annotations

import atexit
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def median_seconds(action: Callable[[], object], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def private_snapshot() -> Path:
    """A copy of the shipped snapshot, so benchmarks never touch data/; removed when the bench exits."""
    target = Path(tempfile.mkdtemp(prefix="bench-data-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    shutil.copytree(REPO / "data" / "snapshot", target / "snapshot", ignore=shutil.ignore_patterns(".lock"))
    return target


def verdict(ratio: float, target: float) -> str:
    return "✅" if ratio <= target else "❌"
