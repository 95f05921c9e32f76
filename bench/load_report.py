"""Markdown tables for the load benchmark: rooms per deployment, the limit, memory, the targets."""

from __future__ import annotations

import dataclasses
from collections import Counter

import load_limit
from common import table
from load_assets import Assets
from load_procs import Servers
from load_room import Room

TARGET_P95 = 1.5  # p95 within 1.5× the CPU-bound limit
TARGET_THROUGHPUT = 1.6  # 4 processes vs 1
TARGET_GROWTH_MB = 5.0
MIN_CORES_LEFT = 0.25  # the limit on the cores other work left us is computed with at least this many

Key = tuple[int, float]  # a room: (sessions, seconds within which they arrive)


def key_label(key: Key) -> str:
    if key[0] == 1:
        return "1 alone"
    return f"{key[0]} at once" if key[1] == 0 else f"{key[0]} in {key[1]:g} s"


@dataclasses.dataclass
class Deployment:
    label: str
    command: str
    servers: Servers
    window: float
    cores: set[int]
    assets: Assets
    rooms: dict[Key, list[Room]] = dataclasses.field(default_factory=dict)

    @property
    def processes(self) -> int:
        return len(self.servers.streamlit)

    @property
    def all_completed(self) -> bool:
        return all(len(r.completed) == r.sessions for rooms in self.rooms.values() for r in rooms)

    def single(self) -> tuple[float, float, float]:
        """(session seconds, server CPU-s, load generator CPU-s) of one session alone, medians."""
        alone = [r for key, rooms in self.rooms.items() if key[0] == 1 for r in rooms if r.completed]
        return (load_limit.median([r.completed[0].seconds for r in alone]),
                load_limit.median([r.server_cpu + r.nginx_cpu for r in alone]),
                load_limit.median([r.client_cpu for r in alone]))

    def figures(self, room: Room) -> dict:
        """One room's figures, with the limit computed from this deployment's single session."""
        single, server, client = self.single()
        done = room.completed
        times = [v.seconds for v in done] or [float("nan")]
        starts = [v.start for v in room.visits]
        limit = load_limit.limit(starts, server + client, single, len(self.cores))
        left = max(len(self.cores) - room.others_cores, MIN_CORES_LEFT)  # what other work left us
        limit_left = load_limit.limit(starts, server + client, single, left)
        p95 = load_limit.percentile(times, 0.95)
        return {"completed": len(done), "errors": room.sessions - len(done),
                "first_p50": load_limit.percentile([v.first for v in done] or [float("nan")], 0.5),
                "p50": load_limit.percentile(times, 0.5), "p95": p95, "max": max(times), "limit": limit,
                "ratio": p95 / limit, "kb": sum(v.bytes for v in done) / max(len(done), 1) / 1024,
                "http_kb": sum(v.http_bytes for v in done) / max(len(done), 1) / 1024,
                "requests": sum(v.requests for v in done) / max(len(done), 1),
                "server_cpu": (room.server_cpu + room.nginx_cpu) / room.sessions,
                "streamlit_cpu": room.server_cpu / room.sessions, "nginx_cpu": room.nginx_cpu / room.sessions,
                "client_cpu": room.client_cpu / room.sessions,
                "throughput": load_limit.throughput(starts, [v.finish for v in done]),
                "growth": room.growth_per_session, "others": room.others_cores, "limit_left": limit_left,
                "ratio_left": p95 / limit_left}

    def medians(self, key: Key) -> dict:
        runs = [self.figures(r) for r in self.rooms[key]]
        return {key: load_limit.median([f[key] for f in runs]) for key in runs[0]}

    def summary(self) -> dict:
        return {"label": self.label, "command": self.command, "processes": self.processes,
                "single": self.single(), "cores": len(self.cores),
                "rooms": {key_label(k): [self.figures(r) for r in rooms] for k, rooms in self.rooms.items()}}


def _deployment(d: Deployment) -> str:
    single, server, client = d.single()
    cores = len(d.cores)
    alone = sum(len(rooms) for key, rooms in d.rooms.items() if key[0] == 1)
    lines = [f"### {d.label}: {d.processes} Streamlit process(es)\n",
             f"One session alone (median of {alone}): {single:.2f} s to the second page drawn; "
             f"{server:.3f} CPU-s in the server (Streamlit + nginx) and {client:.3f} CPU-s in the load "
             f"generator, together c = {server + client:.3f} CPU-s. Limit for a room: the machine's {cores} "
             f"cores work through the sessions in arrival order, one every c / {cores} = "
             f"{(server + client) / cores:.3f} s while there is a queue, and no session takes less than "
             f"{single:.2f} s; the limit is the p95 of those ideal latencies for the room's own arrivals "
             f"(bench/load_limit.py). " + (f"Each visitor also fetches the frontend's files of a first visit: "
                                           f"{d.assets.count} files, {d.assets.source}." if d.assets.count else
                                           "Visitors fetch the page, health and host config, then speak "
                                           "the websocket; not the frontend's files (`--assets browser`).")
             + "\n"]
    rows = []
    for key, rooms in d.rooms.items():
        runs = [d.figures(r) for r in rooms]
        m = d.medians(key)
        rows.append([key_label(key), len(rooms), ", ".join(f"{f['completed']}/{key[0]}" for f in runs),
                     sum(f["errors"] for f in runs), f"{m['first_p50']:.2f} s", f"{m['p50']:.2f} s",
                     f"{m['p95']:.2f} s", f"{m['max']:.2f} s", f"{m['limit']:.2f} s", f"{m['ratio']:.2f}×",
                     f"{m['kb']:.0f}", f"{m['http_kb']:.0f} ({m['requests']:.0f})",
                     f"{m['server_cpu']:.3f} ({m['streamlit_cpu']:.3f} + {m['nginx_cpu']:.3f})",
                     f"{m['client_cpu']:.3f}", f"{m['throughput']:.1f}", f"{m['others']:.2f}",
                     f"{m['limit_left']:.2f} s ({m['ratio_left']:.2f}×)"])
    lines.append(table(["sessions arriving", "runs", "completed", "errors", "first page p50", "p50", "p95", "max",
                        "p95 limit", "p95 / limit", "websocket KB / session", "HTTP KB (requests) / session",
                        "server CPU-s / session (Streamlit + nginx)", "generator CPU-s / session", "sessions/s",
                        "cores busy with other processes", "limit on the cores left (p95 / it)"], rows))
    lines.append("\nTimes are medians over the runs; a session's time runs from its first request to the "
                 "second page's `script_finished`. The last column is the machine's CPU-seconds (/proc/stat) "
                 "that neither the server nor the generator spent during the room, per second: other work on "
                 f"this shared machine, which the limit assumes away (it counts all {cores} cores as ours); "
                 f"the last one computes the same limit on {cores} cores minus that (at least {MIN_CORES_LEFT}), "
                 "to tell the shared machine's part from the server's.")
    errors = Counter(v.error or f"{v.exceptions} exception element(s)" for rooms in d.rooms.values()
                     for r in rooms for v in r.visits if not v.ok)
    if errors:
        lines.append("\nErrors: " + "; ".join(f"{n}× {e}" for e, n in errors.most_common(5)))
    largest = max(d.rooms, key=lambda k: (k[0], k[1]))
    last = d.rooms[largest][-1]
    lines.append(f"\nMemory per Streamlit process (RSS, last room of {key_label(largest)}; growth per session is "
                 f"the median over its runs: {d.medians(largest)['growth']:.2f} MB)\n")
    lines.append(table(["process", "warm, before the room", f"with {largest[0]} sessions open", "growth"],
                       [[pid, f"{last.rss_before[pid]:.0f} MB", f"{last.rss_open[pid]:.0f} MB",
                         f"{last.rss_open[pid] - last.rss_before[pid]:+.0f} MB"] for pid in last.rss_before]))
    return "\n".join(lines)


def targets(results: list[Deployment]) -> str:
    """Issue 17's targets (item 3): the largest room that arrives over a window on the deployment
    with the most processes, and for throughput the largest room arriving at once (the server
    saturated: a room spread over 10 s is served as fast as it arrives), 1 process against many."""
    by_processes = {d.processes: d for d in results}
    many = by_processes[max(by_processes)]
    spread = [k for k in many.rooms if k[1] > 0 or k[0] == 1]
    key = max(spread, key=lambda k: k[0])
    n, m = key[0], many.medians(key)
    runs = [many.figures(r) for r in many.rooms[key]]
    done = all(f["completed"] == n for f in runs)
    rows = [[f"{n} of {n} sessions complete both pages without error ({many.label}, {key_label(key)})",
             ", ".join(f"{f['completed']}/{n}" for f in runs), "✅" if done else "❌"],
            [f"p95 ≤ {TARGET_P95}× the CPU-bound limit ({many.label}, {key_label(key)})",
             f"{m['p95']:.2f} s vs {m['limit']:.2f} s = {m['ratio']:.2f}× (on the cores other work left, "
             f"{m['others']:.2f} busy elsewhere: {m['limit_left']:.2f} s, {m['ratio_left']:.2f}×)",
             "✅" if m["ratio"] <= TARGET_P95 else "❌"],
            [f"memory growth per session < {TARGET_GROWTH_MB:.0f} MB ({many.label}, {key_label(key)})",
             f"{m['growth']:.2f} MB", "✅" if m["growth"] < TARGET_GROWTH_MB else "❌"]]
    few = by_processes.get(1)
    shared = [k for k in many.rooms if few is not None and few is not many and k in few.rooms and k[0] > 1]
    if shared:
        burst = max(shared, key=lambda k: (k[1] == 0, k[0]))
        fast, slow = many.medians(burst)["throughput"], few.medians(burst)["throughput"]
        bound = _best_ratio(many, few, burst)
        rows.append([f"{many.processes} processes ≥ {TARGET_THROUGHPUT}× the throughput of 1 ({key_label(burst)})",
                     f"{fast:.1f} vs {slow:.1f} sessions/s = {fast / slow:.2f}×; the most these costs allow on "
                     f"{len(many.cores)} cores is {bound:.2f}× (bench/load_limit.best_throughput)",
                     "✅" if fast / slow >= TARGET_THROUGHPUT else "❌"])
    return table(["target (issue 17, item 3)", "result", "met?"], rows)


def _best_ratio(many: Deployment, few: Deployment, key: Key) -> float:
    """The highest throughput ratio the measured per-session costs allow: each deployment's
    Streamlit CPU and the rest (nginx, the load generator, sharing the same cores)."""
    def best(d: Deployment) -> float:
        m = d.medians(key)
        return load_limit.best_throughput(m["streamlit_cpu"], m["nginx_cpu"] + m["client_cpu"], d.processes,
                                          len(d.cores))
    return best(many) / best(few)


def report(results: list[Deployment]) -> str:
    command = results[0].command if results else ""
    parts = [f"Produced by `{command}` on {len(results[0].cores) if results else 0} cores"
             + (", the deployments running side by side and taking turns room by room" if len(results) > 1 else "")
             + ".\n"]
    parts += [_deployment(d) + "\n" for d in results]
    if results:
        parts.append("### Targets\n\n" + targets(results))
    return "\n".join(parts)
