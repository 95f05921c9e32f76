"""observatory/ui/launch.py: the server's connections have TCP_NODELAY (Streamlit 1.67 binds its
socket with protocol 0, so asyncio leaves Nagle's algorithm on and every kept-alive request after
the first waited ~40 ms for a delayed acknowledgement). Checked on real sockets, not timed."""

from __future__ import annotations

import socket
import subprocess
import sys

from streamlit.web.server.starlette import starlette_server

from observatory import navigation
from observatory.ui import launch, preload
from tests import browser


def _nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_streamlits_own_socket_leaves_nagle_on_for_the_connections_it_accepts():
    """The defect being worked around: what Streamlit binds, asyncio's check skips."""
    listener = starlette_server._bind_socket("127.0.0.1", 0, 8)
    try:
        assert listener.proto != socket.IPPROTO_TCP and not _nodelay(listener)
    finally:
        listener.close()


def test_the_wrapped_binding_gives_every_accepted_connection_nodelay():
    listener = launch.with_nodelay(starlette_server._bind_socket)("127.0.0.1", 0, 8)
    listener.setblocking(True)
    client = socket.create_connection(listener.getsockname(), timeout=10)
    try:
        accepted, _ = listener.accept()
        with accepted:
            assert _nodelay(listener) and _nodelay(accepted)  # Linux copies it from the listener
    finally:
        client.close()
        listener.close()


def test_install_patches_streamlit_once(monkeypatch):
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # undone after
    assert launch.install() is True
    assert launch.install() is False
    assert starlette_server._bind_socket.osservatorio_nodelay


def test_the_launcher_takes_streamlit_runs_arguments():
    out = subprocess.run([sys.executable, "-m", "observatory.ui.launch", "run", "--help"], cwd=browser.REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "--server.port" in out.stdout


def test_on_listen_runs_once_after_the_first_bind():
    calls = []
    bind = launch.with_nodelay(starlette_server._bind_socket, lambda: calls.append(len(calls)))
    first, second = bind("127.0.0.1", 0, 8), bind("127.0.0.1", 0, 8)
    first.close()
    second.close()
    assert calls == [0]


def test_the_launcher_finds_the_app_script_of_a_run_command():
    assert launch.app_script(["run", str(browser.REPO / "app.py"), "--server.port", "1"]) == browser.REPO / "app.py"
    assert launch.app_script(["run", "--help"]) is None and launch.app_script(["version"]) is None


def test_preload_reads_the_first_visits_imports_from_the_scripts():
    app = browser.REPO / "app.py"
    scripts = preload.scripts(app)
    assert scripts[0] == app and scripts[1] == browser.REPO / navigation.DEFAULT.path
    assert preload.imports(app) == [("observatory.ui", ("heap", "shell", "sidebar", "state"))]
    assert all(module.startswith("observatory") for script in scripts for module, _ in preload.imports(script))
    steps = preload.plan(app)
    assert steps[0] == ("observatory.ui", ("heap", "shell", "sidebar", "state"))
    assert steps[1] == ("streamlit.emojis", ())  # app.py's emoji page icon
    assert steps[2:] == preload.imports(scripts[1])


def test_preload_imports_the_entry_pages_modules_in_a_fresh_interpreter():
    code = ("import sys; from pathlib import Path; from observatory.ui import preload; "
            "done = preload.start(Path('app.py').resolve()); done.join(); "
            "print(sorted(m for m in ('observatory.ui.sidebar', 'observatory.views.panoramica', 'pandas', "
            "'observatory.ui.slides', 'streamlit.emojis') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=browser.REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    # the entry page's modules, not the slides' (python-pptx is for whoever opens presenta)
    assert out.stdout.split() == ["['observatory.ui.sidebar',", "'observatory.views.panoramica',", "'pandas',",
                                  "'streamlit.emojis']"]
