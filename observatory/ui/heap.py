"""Keep full garbage collections cheap: the libraries and first caches are frozen once.

A full cycle collection walks every object the collector tracks, on whatever thread triggers it
and holding the interpreter lock: with pandas, Altair, geopandas and pyarrow imported that is about
180,000 objects and 70–120 ms on our machines. Those objects live as long as the process, so after
the process's first run they are moved out of the collector's sight (`gc.freeze`): later
collections walk only what came after. Frozen objects are still freed by reference counting; only
cycles among them would stay.

Streamlit's own full collection after every script run (`runner.postScriptGC`) is turned off in
.streamlit/config.toml: it also walks every open session's objects, so with a room connected each
run paid for the whole room (server CPU per session doubled from 60 to 100 open sessions). Python's
generational collector still collects the runs' garbage, a full pass only when the objects that
survived have grown by a quarter."""

from __future__ import annotations

import gc
import threading

_LOCK = threading.Lock()
_done = False


def freeze_once() -> bool:
    """Collect the young generations' garbage, then freeze everything — once per process. Returns
    whether this call did it. No full collection first: after the imports it finds a few dozen
    objects and takes 0.1–0.25 s of the process's first request."""
    global _done
    with _LOCK:
        if _done:
            return False
        gc.collect(1)
        gc.freeze()
        _done = True
        return True
