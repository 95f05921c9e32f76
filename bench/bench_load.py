"""Issue 17, items 2–3: what the server can serve when a room opens the link at once, without a
browser (Streamlit's own websocket protocol, bench/load_session.py).

For each deployment (`deploy/run.sh P`: P Streamlit processes behind nginx with sticky sessions,
or `--direct`: one bare Streamlit process) on a private copy of the shipped snapshot, all started
side by side: every process is warmed with one visit, then rooms of N sessions arrive within
`--window` seconds (or all at once, `--burst`), open `--first` and click `--second` in the
navigation, the deployments taking turns room by room. Reported: p50/p95/max, sessions completed,
errors, bytes, server CPU-seconds per session from /proc, memory per process and growth per
session, the CPU-bound limit computed from the single-session cost (bench/load_limit.py) and the
throughput ratio between deployments. Loopback only. Usage:
  python bench/bench_load.py --processes 1 4 --sessions 1 50 200 --burst 200 [--runs 5] [--big-runs 3]
  python bench/bench_load.py --url http://127.0.0.1:8500 --sessions 1 50   (a running deployment)"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import load_assets
import load_procs
from common import REPO, private_snapshot
from load_report import Deployment, key_label, report
from load_room import room, warm
from load_session import require_loopback

sys.path.insert(0, str(REPO))
from observatory import labels, navigation  # noqa: E402
from tests import browser  # noqa: E402

BIG = 100  # rooms of at least this many sessions are run --big-runs times (they are long)


def nginx_available() -> bool:
    return shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists()


def free_ports(count: int) -> int:
    """A port such that it and the `count` after it are free (run.sh puts its processes there)."""
    for _ in range(50):
        port = browser.free_port()
        if port + count > 65535:
            continue
        try:
            for offset in range(count + 1):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port + offset))
            return port
        except OSError:
            continue
    raise RuntimeError("no block of free ports on loopback")


def _wait_healthy(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the deployment exited with {process.returncode}")
        try:
            with urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy in {seconds:.0f} s")


@contextlib.contextmanager
def deployment(processes: int, direct: bool):
    """Start the app as deployed and yield its URL; stopped (with its process group) on exit."""
    data_dir = private_snapshot()
    if direct:
        with browser.streamlit_server(data_dir) as url:
            yield url
        shutil.rmtree(data_dir, ignore_errors=True)
        return
    port = free_ports(processes)
    env = {**os.environ, "OSSERVATORIO_DATA_DIR": str(data_dir), "PYTHON": sys.executable,
           "PATH": os.environ["PATH"] + ":/usr/sbin"}
    log = data_dir / "deploy.log"
    with log.open("wb") as output:
        process = subprocess.Popen(["bash", str(REPO / "deploy" / "run.sh"), str(processes), str(port)], env=env,
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            _wait_healthy(url, process)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}\n{log.read_text(errors='replace')[-2000:]}") from exc
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


def first_visit_assets(url: str, args) -> load_assets.Assets:
    if args.assets == "none":
        return load_assets.Assets()
    if args.assets == "index":
        return load_assets.from_index(url)
    entry = next(e for e in navigation.PAGES if e.url_path == args.second)
    return load_assets.record(url, args.first, labels.t(entry.title_key, "it"))


def prepare(url: str, label: str, command: str, args) -> tuple[Deployment, str, load_assets.Assets]:
    """Find the deployment's processes, record a first visit's files, warm every process."""
    require_loopback(url)
    servers = load_procs.server_processes(urlsplit(url).port or 80)
    assets = first_visit_assets(url, args)
    asyncio.run(warm([load_procs.streamlit_port(p) for p in servers.streamlit], args.first, args.second))
    return Deployment(label, command, servers, args.window, os.sched_getaffinity(0), assets), url, assets


def measure(targets: list[tuple[Deployment, str, load_assets.Assets]], args) -> list[Deployment]:
    """Run each room size `--runs` (or `--big-runs`) times on every deployment, the deployments
    taking turns room by room (in alternating order), so a noisy spell on this shared machine hits
    all of them rather than the one that happened to be measured then."""
    plan = [(n, args.window if n > 1 else 0.0) for n in args.sessions] + [(n, 0.0) for n in args.burst]
    turn = 0
    for sessions, window in plan:
        for run in range(args.big_runs if sessions >= BIG else args.runs):
            for result, url, assets in targets if turn % 2 == 0 else targets[::-1]:
                print(f"{result.label}: {key_label((sessions, window))}, run {run + 1}", file=sys.stderr, flush=True)
                result.rooms.setdefault((sessions, window), []).append(asyncio.run(
                    room(url, sessions, result.servers, window=window, first=args.first, second=args.second,
                         timeout=args.timeout, seed=args.seed + run, assets=assets)))
                time.sleep(args.pause)
            turn += 1
    return [result for result, _, _ in targets]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--direct", action="store_true", help="one bare Streamlit process, no nginx")
    parser.add_argument("--url", help="measure a deployment that is already running (loopback)")
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 50, 200])
    parser.add_argument("--burst", type=int, nargs="*", default=[200],
                        help="rooms arriving all at once (the server saturated), for the throughput ratio")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument("--window", type=float, default=10.0, help="seconds in which a room arrives")
    parser.add_argument("--first", default="/?sezione=mappa", help="the page the link opens")
    parser.add_argument("--second", default="mercato-lavoro", help="the page clicked next in the navigation")
    parser.add_argument("--assets", choices=["none", "browser", "index"], default="none",
                        help="the frontend's files each visitor also fetches: none (default: the page, health, "
                             "host config and the websocket, as issue 17 asks), a first visit's as recorded "
                             "from Chromium (~130 files: on 2 cores the generator then costs more CPU than the "
                             "server), or index.html's references only")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds a visit may take at most")
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between rooms")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # up to seven sockets per visitor
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 65536)), hard))
    if 1 not in args.sessions:
        parser.error("--sessions must include 1: the single-session cost is the limit's reference")
    args.sessions, args.burst = sorted(set(args.sessions)), sorted(set(args.burst))
    shown = " ".join(argv if argv is not None else sys.argv[1:])
    command = f"python bench/bench_load.py {shown}"
    with contextlib.ExitStack() as running:  # every deployment up at once: they take turns
        if args.url:
            targets = [prepare(args.url, args.url, command, args)]
        else:
            if not args.direct and not nginx_available():
                raise SystemExit("nginx is not installed (scripts/install-system-deps.sh); use --direct")
            started = [(("1 process, no nginx" if args.direct else f"deploy/run.sh {n}"),
                        running.enter_context(deployment(n, args.direct)))
                       for n in ([1] if args.direct else args.processes)]
            targets = [prepare(url, label, command, args) for label, url in started]
        results = measure(targets, args)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps([r.summary() for r in results], indent=1), encoding="utf-8")
    return 0 if all(r.all_completed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
