"""observatory/ui/launch.py: the server's connections have TCP_NODELAY (Streamlit 1.67 binds its
socket with protocol 0, so asyncio leaves Nagle's algorithm on and every kept-alive request after
the first waited ~40 ms for a delayed acknowledgement). Checked on real sockets, not timed."""

from __future__ import annotations

import socket
import subprocess
import sys

from streamlit.web.server.starlette import starlette_server

from observatory.ui import launch
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
