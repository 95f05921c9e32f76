"""Import the app's own modules on a thread as soon as the server listens (observatory/ui/launch.py),
so the first visitor's run does not pay for them: a phone that scanned the QR code spends a second
or more loading the frontend before it opens the websocket, and the imports (pandas, Altair, pydeck,
pyarrow, our views) take about a second of the first run otherwise.

The modules are read from the scripts' own import statements: app.py, then the entry page (what the
QR code's link runs; the other pages' extra modules, python-pptx for the slides, are left to whoever
opens them), in the order the first run imports them: a run that starts while this thread is still
importing waits on the module it would import first, so the two never hold each other's locks."""

from __future__ import annotations

import ast
import importlib
import logging
import threading
from pathlib import Path

from observatory import navigation

PACKAGE = "observatory"
#: what app.py's st.set_page_config(page_icon="📊") imports on the first run: Streamlit's emoji
#: catalogue, whose module compiles one regular expression of every emoji (0.3–0.75 s here)
AFTER_APP = (("streamlit.emojis", ()),)
_log = logging.getLogger(__name__)


def scripts(app: Path) -> list[Path]:
    """app.py and the entry page, in the order the first visit runs them."""
    return [app, app.parent / navigation.DEFAULT.path]


def imports(script: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The script's top-level imports of our package, as (module, names) in the file's order."""
    found = []
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith(PACKAGE):
            found.append((node.module, tuple(alias.name for alias in node.names)))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, ()) for alias in node.names if alias.name.startswith(PACKAGE))
    return found


def plan(app: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Every import to run, in the first run's order: app.py's, what its page config loads, then the
    entry page's."""
    first, *pages = [imports(script) if script.exists() else [] for script in scripts(app)]
    return [*first, *AFTER_APP, *[statement for page in pages for statement in page]]


def preload(app: Path) -> int:
    """Run every such import (as the statement would: `from m import a, b` loads submodules a and b);
    returns how many statements ran. A failure is logged and left for the page to report."""
    done = 0
    for module, names in plan(app):
        try:
            __import__(module, fromlist=list(names)) if names else importlib.import_module(module)
            done += 1
        except Exception:  # noqa: BLE001 — the run that imports it shows the error to the visitor
            _log.warning("preload of %s failed", module, exc_info=True)
    return done


def start(app: Path) -> threading.Thread:
    """Preload on a daemon thread (it never keeps the server from stopping)."""
    thread = threading.Thread(target=preload, args=(app,), name="osservatorio-preload", daemon=True)
    thread.start()
    return thread
