"""The dashboard address the audience is given (QR code, shared link, notes): the configured public
address (OSSERVATORIO_PUBLIC_URL) or, when none is set, the one the presenter's own browser used.

A loopback address (localhost, 127.x, ::1) opens on the presenter's computer only: the setup view
says so before anything is exported, and no QR code carries it unless the presenter chooses to."""

from __future__ import annotations

import dataclasses
import ipaddress
from urllib.parse import urlsplit

CONFIGURED, BROWSER, NONE = "configurata", "browser", "nessuna"
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


@dataclasses.dataclass(frozen=True)
class PublicLink:
    """The dashboard's base address (no page, no query), where it came from, and whether only this
    computer can open it."""

    url: str
    origin: str  # CONFIGURED, BROWSER or NONE

    @property
    def loopback(self) -> bool:
        return not self.url or is_loopback(self.url)


def is_loopback(url: str) -> bool:
    """Whether `url` names this computer only (localhost, 127.0.0.0/8, ::1, 0.0.0.0)."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def app_base(browser_url: str, page_path: str = "") -> str:
    """The dashboard's base address from the URL a page was opened at ('http://h:8611/presenta' →
    'http://h:8611'; behind a proxy at a sub-path the sub-path stays)."""
    parts = urlsplit(browser_url)
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path.strip("/")):
        path = path[: -len(page_path.strip("/")) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


def choose(configured: str, browser_url: str | None, page_path: str = "") -> PublicLink:
    """The configured address when there is one, else the browser's (without the page's path)."""
    if configured.strip():
        return PublicLink(configured.strip().rstrip("/"), CONFIGURED)
    if browser_url:
        return PublicLink(app_base(browser_url, page_path), BROWSER)
    return PublicLink("", NONE)


def qr_target(link: PublicLink, loopback_ok: bool) -> str:
    """The address a QR code may carry: the link, unless it is a loopback one nobody chose to print."""
    return link.url if link.url and (not link.loopback or loopback_ok) else ""
