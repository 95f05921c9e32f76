"""The protocol-level load generator (bench/bench_load.py) keeps working against the real app: a
room of 3 sessions on a test server completes both pages with no error, counts bytes and server
CPU, and the CPU-bound limit is computed as documented. Nothing here is timed."""

from __future__ import annotations

import asyncio
import sys

import pytest

from tests import browser

BENCH = str(browser.REPO / "bench")


@pytest.fixture
def bench_modules(monkeypatch):
    monkeypatch.syspath_prepend(BENCH)
    import load_assets
    import load_limit
    import load_procs
    import load_report
    import load_room
    import load_session

    yield load_assets, load_limit, load_procs, load_report, load_room, load_session
    for name in ("common", "load_assets", "load_limit", "load_procs", "load_report", "load_room", "load_session"):
        sys.modules.pop(name, None)


def test_the_limit_is_the_queue_of_cpu_work_on_every_core(bench_modules):
    _, load_limit, *_ = bench_modules
    # four sessions at once, 1 CPU-s each, 2 cores: one is done every 0.5 s, none under 0.6 s alone
    assert load_limit.ideal_latencies([0, 0, 0, 0], cpu=1.0, single=0.6, cores=2) == [0.6, 1.0, 1.5, 2.0]
    assert load_limit.limit([0, 0, 0, 0], cpu=1.0, single=0.6, cores=2) == 2.0
    # far apart, nobody waits: the limit is one session alone
    assert load_limit.ideal_latencies([0, 10], cpu=1.0, single=0.6, cores=2) == [0.6, 0.6]
    assert load_limit.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert load_limit.throughput([0.0, 1.0], [2.0, 4.0]) == 0.5
    # one process uses one core at most; with the rest of the work on the other core, four help twice
    assert load_limit.best_throughput(0.2, 0.0, processes=1, cores=2) == 5.0
    assert load_limit.best_throughput(0.2, 0.0, processes=4, cores=2) == 10.0
    # when nginx and the load generator cost as much as Streamlit, the cores are full either way
    assert load_limit.best_throughput(0.2, 0.2, processes=1, cores=2) == load_limit.best_throughput(
        0.2, 0.2, processes=4, cores=2) == 5.0


@pytest.mark.parametrize("url", ["http://10.0.0.1:8501", "http://192.168.1.20", "http://[2001:db8::1]:80"])
def test_the_generator_refuses_anything_but_loopback(bench_modules, url):
    *_, load_session = bench_modules
    with pytest.raises(SystemExit, match="loopback"):
        load_session.require_loopback(url)
    load_session.require_loopback("http://127.0.0.1:8501")
    load_session.require_loopback("http://localhost:8501")


def test_a_room_of_three_completes_both_pages_against_the_app(bench_modules, tmp_path):
    load_assets, load_limit, load_procs, load_report, load_room, _ = bench_modules
    with browser.streamlit_server(browser.copy_snapshot(tmp_path)) as url:
        port = int(url.rsplit(":", 1)[1])
        servers = load_procs.server_processes(port)
        assert servers.streamlit and load_procs.streamlit_port(servers.streamlit[0]) == port
        assert load_procs.is_streamlit(servers.streamlit[0])  # started as deployed (observatory.ui.launch)
        assets = load_assets.from_index(url)  # the frontend's files, as a first visit fetches them
        assert assets.before_socket
        asyncio.run(load_room.warm([port], "/?sezione=mappa", "mercato-lavoro"))
        deployment = load_report.Deployment("test", "pytest", servers, 1.0, {0, 1}, assets)
        for sessions in (1, 3):
            deployment.rooms[(sessions, 1.0)] = [asyncio.run(load_room.room(url, sessions, servers, window=1.0,
                                                                            timeout=120, assets=assets))]
    room = deployment.rooms[(3, 1.0)][0]
    assert [v.error for v in room.visits] == [None] * 3
    assert len(room.completed) == 3 and all(v.exceptions == 0 for v in room.visits)
    assert all(v.bytes > 10_000 for v in room.visits)  # two pages of cards, charts and the map's fills
    # the overview map's geometry: its municipalities and province outlines, fetched as a browser does
    assert all(v.file_bytes > 30_000 for v in room.visits)  # as sent, gzip-compressed (about 41 KB)
    assert all(v.requests == len(assets.before_socket) + 3 + 2 and v.http_bytes > v.file_bytes for v in room.visits)
    assert room.server_cpu > 0 and room.client_cpu > 0 and room.rss_open
    assert room.machine_cpu > 0 and room.span >= room.wall and room.others_cores >= 0
    figures = deployment.figures(room)
    single, server, client = deployment.single()
    assert server > 0 and single > 0
    expected = load_limit.limit([v.start for v in room.visits], server + client, single, 2)
    assert figures["limit"] == expected >= single
    assert figures["ratio"] == figures["p95"] / expected
    left = max(2 - room.others_cores, load_report.MIN_CORES_LEFT)  # the same limit on the cores left to us
    assert figures["limit_left"] == load_limit.limit([v.start for v in room.visits], server + client, single, left)
    assert figures["completed"] == 3 and figures["errors"] == 0
    text = load_report.report([deployment])
    assert "| 3 in 1 s | 1 | 3/3 | 0 |" in text and "p95 / limit" in text and "cores busy with other" in text


def test_the_machines_cpu_counter_includes_this_process(bench_modules):
    """What the room reports as other processes' work is the machine's counter minus its own."""
    *_, load_procs, _, _, _ = bench_modules
    import resource

    def own() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    machine, mine = load_procs.machine_cpu_seconds(), own()
    while own() - mine < 0.3:
        pass
    assert load_procs.machine_cpu_seconds() - machine >= own() - mine - 0.05  # /proc/stat counts in ticks
