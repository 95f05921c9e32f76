"""What the machine's cores allow: the CPU-bound limit of a room's latencies, and percentiles.

Model: every session costs `cpu` CPU-seconds (server and load generator, measured on one session
alone) and cannot finish faster than one session alone (`single`). The machine works through the
sessions in order of arrival with all its cores at once (its work is spread over nginx, the
Streamlit processes and the client, so it can use every core), finishing a session's work every
cpu / cores seconds while there is a queue. A session's latency is then
max(single, its wait in that queue + cpu / cores), and the limit for a percentile is that
percentile of these latencies for the run's own arrivals. With that cost per session nothing on
these cores can do better: it is a lower bound, the measured figure can only be above it."""

from __future__ import annotations

import statistics


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of the values, as the browser bench reports them."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ideal_latencies(arrivals: list[float], cpu: float, single: float, cores: int) -> list[float]:
    """Each session's latency on `cores` cores when nothing but the CPU work delays it."""
    service = cpu / cores
    done = float("-inf")  # when the machine finished the previous session's work
    latencies = []
    for arrival in sorted(arrivals):
        done = max(arrival, done) + service
        latencies.append(max(single, done - arrival))
    return latencies


def limit(arrivals: list[float], cpu: float, single: float, cores: int, q: float = 0.95) -> float:
    return percentile(ideal_latencies(arrivals, cpu, single, cores), q)


def throughput(arrivals: list[float], finishes: list[float]) -> float:
    """Sessions completed per second, from the first arrival to the last completion."""
    if not finishes:
        return 0.0
    return len(finishes) / (max(finishes) - min(arrivals))


def best_throughput(streamlit_cpu: float, other_cpu: float, processes: int, cores: int) -> float:
    """Sessions per second these cores can complete at most: all the work shares the cores, and a
    Streamlit process, bound by its interpreter lock, uses at most one core. `other_cpu` is the
    rest of a session's work on the machine (nginx, the load generator)."""
    total = streamlit_cpu + other_cpu
    return 1 / max(total / cores, streamlit_cpu / min(processes, cores))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
