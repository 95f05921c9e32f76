"""A room of visitors: N sessions arrive within a window, each opens a page and then a second one.

Returns what happened to every visit and what the server processes spent meanwhile (CPU-seconds
from /proc, RSS before and with every session still open), plus the load generator's own CPU."""

from __future__ import annotations

import asyncio
import dataclasses
import random
import resource
import time

import load_procs
from load_assets import Assets
from load_session import Visitor

MAX_SESSIONS = 1000  # bounded: this is a benchmark of our own server, not a flood


@dataclasses.dataclass
class Visit:
    arrival: float  # scheduled, seconds after the room opened
    start: float = 0.0  # actual first request
    first: float = 0.0  # first page: first request → its script_finished
    second: float = 0.0  # navigation click → the second page's script_finished
    finish: float = 0.0
    bytes: int = 0  # websocket messages
    http_bytes: int = 0  # the page's HTML, the frontend's files, health and host config, the charts' files
    requests: int = 0  # HTTP requests
    file_bytes: int = 0  # of those, the data files charts read by URL (a map's geometry)
    exceptions: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.exceptions

    @property
    def seconds(self) -> float:
        return self.finish - self.start


@dataclasses.dataclass
class Room:
    sessions: int
    window: float  # seconds within which they arrived (0: all at once)
    visits: list[Visit]
    wall: float
    server_cpu: float  # Streamlit processes, CPU-seconds
    nginx_cpu: float
    client_cpu: float  # this load generator
    machine_cpu: float  # every process on the machine, over the same span (others = the rest)
    span: float  # seconds over which the CPU-seconds were counted (the room, then its teardown)
    rss_before: dict[int, float]  # per Streamlit process, MB
    rss_open: dict[int, float]  # the same, with every session of the room still open

    @property
    def completed(self) -> list[Visit]:
        return [v for v in self.visits if v.ok]

    @property
    def others_cores(self) -> float:
        """Cores kept busy meanwhile by processes that are neither the server nor the generator."""
        return max(0.0, self.machine_cpu - self.server_cpu - self.nginx_cpu - self.client_cpu) / self.span

    @property
    def growth_per_session(self) -> float:
        return (sum(self.rss_open.values()) - sum(self.rss_before.values())) / self.sessions


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _visit(base_url: str, visit: Visit, opened: float, first: str, second: str, timeout: float,
                 assets: Assets, visitors: list[Visitor]) -> None:
    await asyncio.sleep(max(0.0, visit.arrival - (time.perf_counter() - opened)))
    visitor = Visitor(base_url, timeout, assets)
    visitors.append(visitor)
    visit.start = time.perf_counter() - opened
    try:
        page = await visitor.open(first)
        visit.first, visit.bytes, visit.exceptions = page.seconds, page.bytes, page.exceptions
        page = await visitor.navigate(second)
        visit.second = page.seconds
        visit.bytes += page.bytes
        visit.http_bytes, visit.requests = visitor.http_bytes, visitor.http_requests
        visit.file_bytes = visitor.file_bytes
        visit.exceptions += page.exceptions
    except Exception as exc:  # noqa: BLE001 — a failed visit is a result, counted as an error
        visit.error = f"{type(exc).__name__}: {exc}"[:200]
    visit.finish = time.perf_counter() - opened


async def room(base_url: str, sessions: int, servers: load_procs.Servers, *, window: float = 10.0,
               first: str = "/?sezione=mappa", second: str = "mercato-lavoro", timeout: float = 600.0,
               seed: int = 17, assets: Assets | None = None) -> Room:
    """Run one room against `base_url`, measuring the processes in `servers`."""
    if not 1 <= sessions <= MAX_SESSIONS:
        raise SystemExit(f"sessions must be between 1 and {MAX_SESSIONS}")
    rng = random.Random(seed + sessions)
    arrivals = sorted(rng.uniform(0, window) for _ in range(sessions)) if sessions > 1 and window else [0.0] * sessions
    visits = [Visit(a) for a in arrivals]
    visitors: list[Visitor] = []
    rss_before = {pid: load_procs.rss_mb(pid) for pid in servers.streamlit}
    cpu = [sum(load_procs.cpu_seconds(p) for p in servers.streamlit),
           sum(load_procs.cpu_seconds(p) for p in servers.nginx), _client_cpu(), load_procs.machine_cpu_seconds()]
    assets = assets or Assets()
    opened = time.perf_counter()
    async with asyncio.timeout(timeout + window + 60):
        await asyncio.gather(*[_visit(base_url, v, opened, first, second, timeout, assets, visitors) for v in visits])
    wall = time.perf_counter() - opened
    rss_open = {pid: load_procs.rss_mb(pid) for pid in servers.streamlit}
    await asyncio.gather(*[v.close() for v in visitors], return_exceptions=True)
    await asyncio.sleep(0.5)  # let the server tear the sessions down: that work is theirs too
    spent = [sum(load_procs.cpu_seconds(p) for p in servers.streamlit),
             sum(load_procs.cpu_seconds(p) for p in servers.nginx), _client_cpu(), load_procs.machine_cpu_seconds()]
    span = time.perf_counter() - opened
    server, nginx, client, machine = (after - before for after, before in zip(spent, cpu))
    return Room(sessions, window, visits, wall, server, nginx, client, machine, span, rss_before, rss_open)


async def warm(ports: list[int], first: str, second: str) -> None:
    """One visit straight to every Streamlit process (past nginx), so each has its caches filled:
    a room measures sessions on a running server; cold start is measured on its own."""
    for port in ports:
        visitor = Visitor(f"http://127.0.0.1:{port}")
        await visitor.open(first)
        await visitor.navigate(second)
        await visitor.close()
