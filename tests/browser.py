"""Start the app with `streamlit run` on a free loopback port and drive Debian's Chromium with
Playwright (executable_path, never `playwright install`). Shared by the browser tests and bench/."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("OSSERVATORIO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Debian chromium not found at {CHROMIUM} (make test installs it when run as root)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright (Python package) is not installed"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(data_dir: Path, extra_env: dict[str, str] | None = None, port: int | None = None):
    """Run the app on 127.0.0.1 against `data_dir`; yields the base URL."""
    port = port or free_port()
    env = {**os.environ, "OSSERVATORIO_DATA_DIR": str(data_dir), **(extra_env or {})}
    # as deployed: `streamlit run` with TCP_NODELAY on the server's connections (observatory/ui/launch.py)
    command = [sys.executable, "-m", "observatory.ui.launch", "run", str(REPO / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except (URLError, ConnectionError, OSError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{output[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def copy_snapshot(target: Path) -> Path:
    shutil.copytree(REPO / "data" / "snapshot", target / "snapshot", ignore=shutil.ignore_patterns(".lock", "*.tmp"))
    return target


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def wait_rendered(page, timeout_ms: int = 60_000, quiet_ms: int = 1500) -> None:
    """Wait until Streamlit has finished the script run and drawn the main block.

    Streamlit shows its running indicator only ~0.5 s into a run, so "no indicator" alone can be
    seen before a run starts: require a title and a quiet window with no indicator or skeleton."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_ms)
    page.wait_for_function(
        """(quiet) => {
            const busy = document.querySelector('[data-testid="stStatusWidget"]')
                      || document.querySelector('[data-testid="stSkeleton"]');
            const now = performance.now();
            if (busy || window.__osservatorioQuietSince === undefined) {
                window.__osservatorioQuietSince = busy ? undefined : now;
                return false;
            }
            return now - window.__osservatorioQuietSince >= quiet;
        }""",
        arg=quiet_ms, timeout=timeout_ms, polling=100,
    )
