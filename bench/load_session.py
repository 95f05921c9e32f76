"""One simulated visitor speaking Streamlit's own protocol, as the 1.67 frontend does (no browser).

The visit follows the frontend's order: the page's HTML, the frontend's files (bench/load_assets.py,
over six kept-alive connections), `_stcore/health` (which sets the `_streamlit_xsrf` cookie),
`_stcore/host-config`, then the websocket `_stcore/stream` with the subprotocols
`["streamlit", <xsrf cookie>]`, the cookies of this visitor only (nginx's stickiness cookie
included) and an Origin header; the code for the page's elements is fetched while it is drawn.
Each page is a `BackMsg.rerun_script` built with Streamlit's protobuf classes, with the query
string, page name or page hash, the frontend's context info and the hashes of the messages this
visitor has cached; a page is done at its run's `script_finished`. Every ForwardMsg is parsed:
bytes, exception elements and cache references are counted. Widget values are not echoed back
(keyed widgets keep theirs in the session)."""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import re
import socket
import time
from urllib.parse import urlsplit

import aiohttp
from load_assets import Assets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from yarl import URL

STREAM = "_stcore/stream"
FINISHED = ForwardMsg.ScriptFinishedStatus
MAX_MESSAGE = 200 * 1024 * 1024  # Streamlit's own default server.maxMessageSize
CONNECTIONS = 6  # a browser's kept-alive HTTP/1.1 connections to one host
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br, zstd", "User-Agent": "osservatorio-bench-load"}


class LoadError(RuntimeError):
    """A page did not finish cleanly (compile error, page not found, missing cached message)."""


def require_loopback(url: str) -> None:
    """Refuse any target that is not this machine: the generator is for our own server only."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror as exc:
        raise SystemExit(f"cannot resolve {host!r}: {exc}") from exc
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        raise SystemExit(f"refusing {url}: the load generator only talks to loopback (127.0.0.1, ::1)")


@dataclasses.dataclass
class Page:
    """One page of a visit: seconds to its `script_finished`, messages and bytes it brought."""

    seconds: float = 0.0
    messages: int = 0
    bytes: int = 0
    exceptions: int = 0
    runs: int = 0  # script runs it took (a rerun the app asks for counts)


class Visitor:
    """A browser tab's worth of state: its own cookie jar and connections, the session's pages,
    the message cache."""

    def __init__(self, base_url: str, timeout: float = 300.0, assets: Assets | None = None) -> None:
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.assets = assets or Assets()
        self.pages: dict[str, str] = {}  # url path → page script hash, from the navigation message
        self.cached: set[str] = set()  # hashes of cacheable messages received (the frontend's cache)
        self.http_bytes = 0
        self.http_requests = 0
        self.files: set[str] = set()  # data files the charts named (the browser fetches each once)
        self.file_bytes = 0
        self._drawing: list[asyncio.Task] = []
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._http is None:  # created inside the event loop; one websocket beside the connections
            self._http = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit_per_host=CONNECTIONS + 1),
                cookie_jar=aiohttp.CookieJar(unsafe=True),  # unsafe = also for a bare IP such as 127.0.0.1
                headers=BROWSER_HEADERS, timeout=aiohttp.ClientTimeout(total=self.timeout),
                auto_decompress=False, trust_env=False)
        return self._http

    async def _get(self, path: str, chart_file: bool = False) -> None:
        async with self._client().get(self.base + path) as response:
            response.raise_for_status()
            received = len(await response.read())  # as sent: compressed when the server compresses
        self.http_bytes += received
        self.http_requests += 1
        self.file_bytes += received if chart_file else 0

    async def _fetch(self, paths: tuple[str, ...]) -> None:
        """Fetch files over at most CONNECTIONS kept-alive connections, as a browser tab does."""
        await asyncio.gather(*[self._get(p) for p in paths])

    def _xsrf(self) -> str:
        cookie = self._client().cookie_jar.filter_cookies(URL(self.base)).get("_streamlit_xsrf")
        return cookie.value if cookie else "PLACEHOLDER_AUTH_TOKEN"

    async def open(self, path_and_query: str) -> Page:
        """Arrive on `path_and_query` (e.g. `/?sezione=mappa`): HTML, the frontend's files, health,
        host config, websocket, first run. The time runs from the first request."""
        started = time.perf_counter()
        path, _, query = path_and_query.partition("?")
        await self._get(path_and_query)
        await self._fetch(self.assets.before_socket)
        for step in ("/_stcore/health", "/_stcore/host-config"):
            await self._get(step)
        self._ws = await self._client().ws_connect(
            self.base + "/" + STREAM, protocols=("streamlit", self._xsrf()), origin=self.base,
            max_msg_size=MAX_MESSAGE, autoping=True)
        drawing = asyncio.create_task(self._fetch(self.assets.first_page))
        page = await self._run(query=query, page_name=path.strip("/"), page_hash="")
        await self._charts_data()
        page.seconds = time.perf_counter() - started
        await drawing  # the page is drawn, and can be left, once its elements' code is in
        return page

    async def navigate(self, url_path: str) -> Page:
        """Click `url_path` in the sidebar navigation: a rerun with that page's script hash."""
        if url_path not in self.pages:
            raise LoadError(f"page {url_path!r} is not in the navigation ({sorted(self.pages)})")
        started = time.perf_counter()
        drawing = asyncio.create_task(self._fetch(self.assets.second_page))
        page = await self._run(query="", page_name="", page_hash=self.pages[url_path])
        await self._charts_data()
        page.seconds = time.perf_counter() - started
        await drawing
        return page

    async def _charts_data(self) -> None:
        """Wait for the data files the page's charts read by URL (a map's geometry): a chart is drawn
        once they are in."""
        tasks, self._drawing = self._drawing, []
        await asyncio.gather(*tasks)

    def _chart_files(self, spec: str) -> None:
        """Fetch, once per visitor as a browser cache would, each relative data URL a chart names."""
        for url in re.findall(r'"url":\s*"([^"]+)"', spec):
            if "://" not in url and url not in self.files:
                self.files.add(url)
                self._drawing.append(asyncio.get_running_loop().create_task(self._get("/" + url, chart_file=True)))

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._http is not None:
            await self._http.close()

    def _rerun_message(self, query: str, page_name: str, page_hash: str) -> bytes:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_script_hash = page_hash
        state.page_name = page_name
        state.widget_states.SetInParent()
        state.cached_message_hashes.extend(sorted(self.cached))
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "Europe/Rome", -60, "it-IT"
        info.url, info.is_embedded, info.color_scheme = self.base + "/" + page_name, False, "light"
        return msg.SerializeToString()

    async def _run(self, query: str, page_name: str, page_hash: str) -> Page:
        await self._ws.send_bytes(self._rerun_message(query, page_name, page_hash))
        page = Page()
        async with asyncio.timeout(self.timeout):
            while True:
                message = await self._ws.receive()
                if message.type != aiohttp.WSMsgType.BINARY:  # closed, an error, or a text frame
                    raise LoadError(f"websocket: {message.type.name} {message.data!r}"[:200])
                frame = message.data
                page.messages += 1
                page.bytes += len(frame)
                if self._read(ForwardMsg.FromString(frame), page):
                    return page

    def _read(self, msg: ForwardMsg, page: Page) -> bool:
        """Account for one message; True at the end of the run that draws the page."""
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable:
            self.cached.add(msg.hash)
        if kind == "ref_hash" and msg.ref_hash not in self.cached:
            raise LoadError("the server referred to a message this visitor never received")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element.WhichOneof("type")
            page.exceptions += element == "exception"
            if element == "vega_lite_chart":
                self._chart_files(msg.delta.new_element.vega_lite_chart.spec)
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
        elif kind == "page_not_found":
            raise LoadError(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            raise LoadError("the script did not compile")
        elif kind == "script_finished":
            page.runs += 1
            if msg.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                raise LoadError("the script did not compile")
            return msg.script_finished == FINISHED.FINISHED_SUCCESSFULLY
        return False
