"""A real HTTP server on 127.0.0.1 that serves recorded publisher bodies, with injectable faults.

Connectors are tested against it exactly as they talk to the publisher: same paths, query strings,
headers and bodies. Responses come from a folder (path → file) or from routes registered by a test;
faults (status codes, delays, truncated bodies, a body dripped a byte at a time) can be queued for a
path prefix."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit


@dataclasses.dataclass
class Request:
    method: str
    path: str  # decoded path, without the query string
    query: dict[str, list[str]]
    headers: dict[str, str]

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default


@dataclasses.dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    delay: float = 0.0
    truncate: bool = False  # announce the full length, send half the body, then close
    drip: float = 0.0  # seconds between two bytes of the body (a server that never trips a read timeout)


@dataclasses.dataclass
class _Fault:
    prefix: str
    reply: Reply
    times: int


class FixtureServer:
    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root else None
        self.routes: dict[str, Callable[[Request], Reply] | Reply] = {}
        self.faults: list[_Fault] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        # a short poll interval: stop() waits for the serving loop to notice, 0.5 s by default, on every test
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def route(self, path: str, reply: Reply | Callable[[Request], Reply] | None = None, *,
              body: bytes | str = b"", status: int = 200, content_type: str = "text/plain; charset=utf-8") -> None:
        """Answer requests whose path equals `path` (a trailing '*' matches a prefix)."""
        if reply is None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            reply = Reply(status=status, body=data, headers={"Content-Type": content_type})
        self.routes[path] = reply

    def fail(self, prefix: str, *, status: int = 500, body: bytes | str = b"", delay: float = 0.0,
             truncate: bool = False, times: int = 1, headers: dict[str, str] | None = None,
             drip: float = 0.0) -> None:
        """Queue a fault for the next `times` requests whose path starts with `prefix`; a 200 fault with
        `delay`, `truncate` or `drip` serves the normal body late, cut or a byte at a time."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.faults.append(_Fault(prefix, Reply(status, data, dict(headers or {}), delay, truncate, drip), times))

    def _answer(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            for fault in self.faults:
                if fault.times > 0 and request.path.startswith(fault.prefix):
                    fault.times -= 1
                    if fault.reply.status == 200 and fault.reply.truncate:
                        real = self._normal(request)
                        return dataclasses.replace(real, truncate=True, delay=fault.reply.delay)
                    if fault.reply.status == 200 and fault.reply.drip:
                        return dataclasses.replace(self._normal(request), drip=fault.reply.drip)
                    if fault.reply.delay and fault.reply.status == 200:
                        return dataclasses.replace(self._normal(request), delay=fault.reply.delay)
                    return fault.reply
        return self._normal(request)

    def _normal(self, request: Request) -> Reply:
        route = self.routes.get(request.path)
        if route is None:
            prefixes = [p for p in self.routes if p.endswith("*") and request.path.startswith(p[:-1])]
            route = self.routes[max(prefixes, key=len)] if prefixes else None
        if route is not None:
            return route(request) if callable(route) else route
        if self.root is not None:
            candidate = (self.root / request.path.lstrip("/")).resolve()
            if candidate.is_file() and self.root.resolve() in candidate.parents:
                return Reply(200, candidate.read_bytes(), {"Content-Type": "application/octet-stream"})
        return Reply(404, b"Not found", {"Content-Type": "text/plain"})

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server naming)
                parts = urlsplit(self.path)
                request = Request("GET", unquote(parts.path), parse_qs(parts.query, keep_blank_values=True),
                                  {k: v for k, v in self.headers.items()})
                reply = server._answer(request)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    if reply.truncate:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    if reply.drip:
                        for index in range(len(reply.body)):
                            self.wfile.write(reply.body[index:index + 1])
                            self.wfile.flush()
                            time.sleep(reply.drip)
                        return
                    self.wfile.write(reply.body[: len(reply.body) // 2] if reply.truncate else reply.body)
                    if reply.truncate:
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_HEAD = do_GET

            def log_message(self, *args):  # keep pytest output clean
                pass

        return Handler
