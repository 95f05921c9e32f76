"""Benchmark the Lombardy bulk path (DuckDB, bounded memory) against plain pandas on the same rows.csv.

Generates N events in the layout of the real "Rapporti di lavoro attivati" export, with its
variety of values (bench/ingest_layout.py; the real file has 9,579,794 rows), into a temporary
folder, then runs each method in a fresh subprocess (so peak memory is that method's alone: the
worker reports its own ru_maxrss at exit, which for a subprocess is what RUSAGE_CHILDREN would give
without mixing runs) and prints a Markdown table of medians. Targets: ≥ 3× faster than pandas,
≤ 1 GB peak. Not part of the pytest suite. Usage: python bench/bench_ingest.py [--rows N] [--runs K]"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from ingest_layout import HEADER, generate  # noqa: E402

TARGET_SPEEDUP, TARGET_PEAK_MB = 3.0, 1024


def run_duckdb(path: Path) -> int:
    from observatory.sources import lombardia_bulk

    with tempfile.TemporaryDirectory() as tmp:
        frame = lombardia_bulk.aggregate_csv(path, notes=[], label="bench", since=2019, workdir=Path(tmp))
    return int(frame["eventi"].sum())


def run_pandas(path: Path) -> int:
    from observatory import territory
    from observatory.sources import lombardia_mappings as m

    raw = pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns=str.lower)
    fields = [m.DATE_FIELD, *m.CATEGORY_FIELDS]
    by_name = {p.name.upper(): p.nuts for p in territory.provinces()}
    grouped = raw.groupby([m.PROVINCE_FIELD, *fields], as_index=False).size().rename(columns={"size": "n"})
    provinces = grouped[grouped[m.PROVINCE_FIELD].isin(by_name)].assign(
        territorio=lambda f: f[m.PROVINCE_FIELD].map(by_name))
    region = grouped.groupby(fields, as_index=False)["n"].sum().assign(territorio=territory.region()[0])
    frame = m.aggregate_events(pd.concat([provinces, region], ignore_index=True), [], "bench",
                               pd.Timestamp("2019-01-01"))
    return int(frame["eventi"].sum())


METHODS = {"duckdb": run_duckdb, "pandas": run_pandas}


def worker(method: str, path: Path) -> None:
    started = time.perf_counter()
    total = METHODS[method](path)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_kb / 1024, "eventi": total}))


def measure(method: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--worker", method, "--file", str(path)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--worker", choices=list(METHODS), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.file)
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp:
        path = Path(tmp) / "rows.csv"
        started = time.perf_counter()
        generate(path, args.rows)
        size_mb = path.stat().st_size / 1024 ** 2
        print(f"{args.rows:,} righe generate in {time.perf_counter() - started:.1f} s ({size_mb:.0f} MB)",
              file=sys.stderr)
        variety = distinct_values(path)
        results = {method: [] for method in METHODS}
        for _ in range(args.runs):  # alternating, so a noisy spell hits both methods
            for method in METHODS:
                results[method].append(measure(method, path))
    totals = {r["eventi"] for runs in results.values() for r in runs}
    assert len(totals) == 1, f"the two methods disagree: {totals}"
    medians = {method: (statistics.median(r["seconds"] for r in runs), statistics.median(r["peak_mb"] for r in runs))
               for method, runs in results.items()}
    print(f"\n{args.rows:,} rows in the real export's layout ({size_mb:,.0f} MB), median of {args.runs} runs, "
          "one subprocess per run, alternating\n")
    print("distinct values: " + ", ".join(f"{column} {count:,}" for column, count in variety.items()) + "\n")
    print("| method | seconds | rows/s | peak memory (MB) |")
    print("|---|---:|---:|---:|")
    for method, (seconds, peak) in medians.items():
        print(f"| {method} | {seconds:.2f} | {args.rows / seconds:,.0f} | {peak:,.0f} |")
    (d_s, d_mb), (p_s, p_mb) = medians["duckdb"], medians["pandas"]
    print(f"| ratio pandas / duckdb | {p_s / d_s:.2f}× | | {p_mb / d_mb:.2f}× |")
    print(f"\nDuckDB {p_s / d_s:.1f}× faster than pandas (target ≥ {TARGET_SPEEDUP:.0f}×) "
          f"{'✅' if p_s / d_s >= TARGET_SPEEDUP else '❌'}, peak {d_mb:,.0f} MB (target ≤ {TARGET_PEAK_MB:,} MB) "
          f"{'✅' if d_mb <= TARGET_PEAK_MB else '❌'}, {args.rows / d_s:,.0f} rows/s")


def distinct_values(path: Path) -> dict[str, int]:
    """How many distinct values each column holds (DuckDB, on disk): the variety being parsed."""
    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "count.duckdb"))
        con.execute("SET memory_limit='512MB'")
        counts = ", ".join(f'count(DISTINCT "{c}")' for c in HEADER)
        row = con.execute(f"SELECT {counts} FROM read_csv(?, header=true, all_varchar=true)", [str(path)]).fetchone()
        con.close()
    return dict(zip(HEADER, row))


if __name__ == "__main__":
    main()
