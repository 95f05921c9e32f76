"""Benchmark the Lombardy bulk path (DuckDB, bounded memory) against plain pandas on the same rows.csv.

Generates N synthetic events in the export layout, then runs each method in a fresh subprocess
(so peak memory is that method's alone: the worker reports its own ru_maxrss at exit, which for a
subprocess is what RUSAGE_CHILDREN would give without mixing runs) and prints a Markdown table of
medians. Not part of the pytest suite. Usage: python bench/bench_ingest.py [--rows N] [--runs K]"""

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

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

HEADER = ["DATA", "GENERE", "ETA", "SETTOREECONOMICODETTAGLIO", "TITOLOSTUDIO", "CONTRATTO", "MODALITALAVORO",
          "PROVINCIAIMPRESA", "ITALIANO"]
VALUES = {
    "GENERE": ["M", "F"],
    "ETA": [str(a) for a in range(15, 76)] + ["221"],
    "SETTOREECONOMICODETTAGLIO": ["Ristorazione con somministrazione", "Alberghi", "Lavori di meccanica generale",
                                  "Finissaggio dei tessili", "Trasporto di merci su strada", "Servizi ospedalieri",
                                  "Attività di famiglie e convivenze come datori di lavoro per personale domestico",
                                  "Costruzione di edifici residenziali e non residenziali", "Attività misteriosa", ""],
    "TITOLOSTUDIO": ["LICENZA MEDIA", "DIPLOMA DI ISTRUZIONE SECONDARIA SUPERIORE", "LAUREA", "NESSUN TITOLO DI STUDIO",
                     ""],
    "CONTRATTO": ["LAVORO A TEMPO DETERMINATO", "LAVORO A TEMPO INDETERMINATO", "LAVORO INTERMITTENTE", "TIROCINIO",
                  "APPRENDISTATO PROFESSIONALIZZANTE O CONTRATTO DI MESTIERE", "LAVORO DOMESTICO"],
    "MODALITALAVORO": ["TEMPO PIENO", "TEMPO PARZIALE ORIZZONTALE", "NON DEFINITO", ""],
    "PROVINCIAIMPRESA": ["MILANO", "BERGAMO", "BRESCIA", "COMO", "LECCO", "VARESE", "MONZA E DELLA BRIANZA", "PAVIA"],
    "ITALIANO": ["ITALIA", "ROMANIA", "MAROCCO", "ALBANIA", "EGITTO", "CINA", ""],
}


def generate(path: Path, rows: int, seed: int = 1, chunk: int = 500_000) -> None:
    """Write `rows` random events in the rows.csv layout (dd/mm/yyyy dates, 2019–2025).

    Categories are skewed as in the real register (most hires are fixed-term, full-time, in a few
    sectors): each column's values get weights falling by 0.6 per rank. Uniform draws would make
    nearly every event its own group, a shape no real extract has."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2019-01-01", "2025-12-31", freq="D").strftime("%d/%m/%Y").to_numpy(dtype=object)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(HEADER) + "\n")
        for start in range(0, rows, chunk):
            size = min(chunk, rows - start)
            frame = pd.DataFrame({"DATA": days[rng.integers(0, len(days), size)]})
            for column in HEADER[1:]:
                labels = np.array(VALUES[column], dtype=object)
                weights = 0.6 ** np.arange(len(labels))
                frame[column] = labels[rng.choice(len(labels), size, p=weights / weights.sum())]
            frame.to_csv(handle, header=False, index=False)


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
    parser.add_argument("--rows", type=int, default=5_000_000)
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
        print(f"{args.rows:,} righe generate in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1024 ** 2:.0f} MB)", file=sys.stderr)
        results = {method: [measure(method, path) for _ in range(args.runs)] for method in METHODS}
    totals = {r["eventi"] for runs in results.values() for r in runs}
    assert len(totals) == 1, f"the two methods disagree: {totals}"
    medians = {method: (statistics.median(r["seconds"] for r in runs), statistics.median(r["peak_mb"] for r in runs))
               for method, runs in results.items()}
    print(f"\n{args.rows:,} rows, median of {args.runs} runs, one subprocess per run\n")
    print("| method | seconds | rows/s | peak memory (MB) |")
    print("|---|---:|---:|---:|")
    for method, (seconds, peak) in medians.items():
        print(f"| {method} | {seconds:.2f} | {args.rows / seconds:,.0f} | {peak:,.0f} |")
    (d_s, d_mb), (p_s, p_mb) = medians["duckdb"], medians["pandas"]
    print(f"| ratio pandas / duckdb | {p_s / d_s:.2f}× | | {p_mb / d_mb:.2f}× |")


if __name__ == "__main__":
    main()
