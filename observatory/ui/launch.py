"""Start Streamlit with TCP_NODELAY on its connections: `python -m observatory.ui.launch run app.py …`
takes the same arguments as `streamlit run` (deploy/run.sh, the Dockerfile, make run and the tests
use it).

Streamlit 1.67 binds its listening socket as `socket.socket(family=…)`, protocol 0, and asyncio
turns Nagle's algorithm off only for sockets whose protocol reads IPPROTO_TCP: every connection
the server accepts keeps Nagle on. A response written in two pieces then waits for the client's
delayed acknowledgement, about 40 ms on Linux, on every request of a kept-alive connection after
the first (a browser fetches the frontend's ~60 files over six of them) and in the websocket
whenever Streamlit sends a message while the previous one is unacknowledged. Measured with
http.client on one connection: 42–44 ms per request after the first, 0.5–0.7 ms with this.
Setting the option on the listening socket is enough: Linux copies it to every accepted one.

Once the socket is bound the app's own modules are imported on a thread (observatory/ui/preload.py),
while the first browser is still loading the frontend."""

from __future__ import annotations

import functools
import socket
import sys
from collections.abc import Callable
from pathlib import Path


def with_nodelay(bind, on_listen: Callable[[], object] | None = None):
    """Wrap Streamlit's socket binding so the listening socket (hence every accepted connection)
    has TCP_NODELAY; `on_listen` is called once, after the first socket is bound."""
    pending = [on_listen] if on_listen else []

    @functools.wraps(bind)
    def bind_with_nodelay(*args, **kwargs) -> socket.socket:
        sock = bind(*args, **kwargs)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while pending:
            pending.pop()()
        return sock

    bind_with_nodelay.osservatorio_nodelay = True
    return bind_with_nodelay


def install(on_listen: Callable[[], object] | None = None) -> bool:
    """Patch Streamlit's binding function once; False if this Streamlit has none to patch (a later
    release may bind differently: then it runs unpatched, as `streamlit run` would)."""
    from streamlit.web.server.starlette import starlette_server

    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None or getattr(bind, "osservatorio_nodelay", False):
        return False
    starlette_server._bind_socket = with_nodelay(bind, on_listen)
    return True


def app_script(argv: list[str]) -> Path | None:
    """The script of `run SCRIPT …`, if that is the command."""
    if len(argv) >= 2 and argv[0] == "run" and argv[1].endswith(".py"):
        return Path(argv[1]).resolve()
    return None


def main(argv: list[str]) -> None:
    script = app_script(argv)
    if script is not None:
        from observatory.ui import preload

        install(functools.partial(preload.start, script))
    else:
        install()
    from streamlit.web import cli

    sys.argv = ["streamlit", *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
