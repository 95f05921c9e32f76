"""Cached loaders: data is read from the columnar snapshot once per process and version.

Frames are held with `st.cache_resource`: every session shares the same read-only objects, so a
rerun neither copies nor unpickles them (pandas 3 copy-on-write keeps a page's derived frames from
touching the cached ones).

Every loader takes the snapshot version as an argument, so a refresh (which switches the version)
is picked up by every session at once without serving a stale cache."""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
import pickle
import threading
from collections import OrderedDict
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from observatory import store
from observatory.errors import ObservatoryError


def frame_fingerprint(frame: pd.DataFrame) -> bytes:
    """A cache key for a small frame from its pickle: ten times cheaper than Streamlit's own frame
    hashing, which is most of a warm rerun on a page with several charts."""
    return hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=16).digest()


#: hash_funcs for caches keyed by frames (chart specs, maps)
FRAME_HASH = {pd.DataFrame: frame_fingerprint}


class _Recent:
    """The results asked for most recently, in front of the Streamlit caches. A page asks for
    several frames and views on every rerun; Streamlit hashes the arguments of each call (about
    half a millisecond), a hit here is a dict lookup. Keys carry the snapshot version, so a
    refresh is never served stale; `clear()` empties it with the caches behind it."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key, compute):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_RECENT = _Recent(256)
_RUN = threading.local()


def this_run() -> dict:
    """Values fixed for one script run (the language, the snapshot version), asked for many times
    per rerun. Streamlit gives every run a fresh cursor table (ScriptRunContext.reset), which marks
    the run; outside a run the dict is a throwaway."""
    ctx = get_script_run_ctx(suppress_warning=True)
    token = getattr(ctx, "cursors", None)
    if token is None:
        return {}
    if getattr(_RUN, "token", None) is not token:
        _RUN.token, _RUN.values = token, {}
    return _RUN.values


@functools.lru_cache(maxsize=8)
def _root(data_dir_setting: str | None) -> Path:
    return store.root()


def root() -> Path:
    """The snapshot folder (it only changes with OSSERVATORIO_DATA_DIR, which tests set)."""
    return _root(os.environ.get("OSSERVATORIO_DATA_DIR"))


_LAST_SEEN: dict[tuple, str] = {}  # pointer file identity → version, a single entry
_LAST_SEEN_LOCK = threading.Lock()


def version() -> str:
    """The live snapshot version. The pointer file is checked on every call on purpose (a refresh,
    even by another process, swaps it atomically); it is read again only when its inode, size or
    mtime changed, since pages ask many times per rerun."""
    run = this_run()
    if "version" in run:
        return run["version"]
    pointer = root() / store.POINTER
    try:
        stat = os.stat(pointer)
    except FileNotFoundError:
        return store.current_version()  # raises the Italian "no snapshot" message
    key = (str(pointer), stat.st_ino, stat.st_mtime_ns, stat.st_size)
    with _LAST_SEEN_LOCK:
        known = _LAST_SEEN.get(key)
    if known is None:
        known = store.current_version()
        with _LAST_SEEN_LOCK:
            _LAST_SEEN.clear()
            _LAST_SEEN[key] = known
    run["version"] = known
    return known


@st.cache_resource(ttl=3600, show_spinner=False, max_entries=64)
def _dataset(dataset_id: str, snapshot_version: str, data_root: str) -> pd.DataFrame:
    """One dataset of one snapshot version, from Parquet."""
    return store.read_dataset(dataset_id, snapshot_version)


@st.cache_resource(ttl=3600, show_spinner=False, max_entries=16)
def _manifest(snapshot_version: str, data_root: str) -> dict[str, store.DatasetRecord]:
    """The manifest of one snapshot version."""
    return store.read_manifest(snapshot_version)


def dataset(dataset_id: str) -> pd.DataFrame:
    """The live version of a dataset (raises ObservatoryError with an Italian message)."""
    key = ("dataset", dataset_id, version(), str(root()))
    return _RECENT.get(key, lambda: _dataset(*key[1:]))


_MANIFESTS: dict[tuple[str, str], dict] = {}  # the live version's manifest, a single entry


def manifest() -> dict[str, store.DatasetRecord]:
    """The live manifest; remembered for its version, since every chart block asks for it."""
    key = (version(), str(root()))
    found = _MANIFESTS.get(key)
    if found is None:
        found = _manifest(*key)
        _MANIFESTS.clear()
        _MANIFESTS[key] = found
    return found


def reliable_ids() -> frozenset[str]:
    """The datasets of the live snapshot that are not constructed samples (none when it has no manifest)."""
    try:
        records = manifest()
    except ObservatoryError:
        return frozenset()
    return frozenset(dataset_id for dataset_id, record in records.items() if not record.is_demo)


def try_dataset(dataset_id: str) -> tuple[pd.DataFrame | None, str | None]:
    """(frame, None) or (None, Italian message): pages show the message and keep going."""
    try:
        return dataset(dataset_id), None
    except ObservatoryError as exc:
        return None, str(exc)


def try_derived(function, *dataset_ids: str, **options) -> tuple[object | None, str | None]:
    """(`derived(...)`, None) or (None, Italian message) when one of the datasets cannot be read."""
    try:
        return derived(function, *dataset_ids, **options), None
    except ObservatoryError as exc:
        return None, str(exc)


def clear() -> None:
    """Forget every cached frame (after a refresh or an upload)."""
    _dataset.clear()
    _manifest.clear()
    _MANIFESTS.clear()
    with _LAST_SEEN_LOCK:
        _LAST_SEEN.clear()
    _derived.clear()
    _RECENT.clear()
    _root.cache_clear()
    this_run().clear()


@st.cache_resource(ttl=3600, show_spinner=False, max_entries=512)
def _derived(function_path: str, snapshot_version: str, data_root: str, dataset_ids: tuple[str, ...],
             options: tuple) -> object:
    """The result of a pure indicator function on snapshot datasets, computed once per version."""
    module_name, _, name = function_path.rpartition(".")
    function = getattr(importlib.import_module(module_name), name)
    frames = [_dataset(dataset_id, snapshot_version, data_root) for dataset_id in dataset_ids]
    return function(*frames, **dict(options))


def derived(function, *dataset_ids: str, **options) -> object:
    """Call `function(*frames, **options)` on the live datasets, cached per snapshot version.

    Pages use it for every aggregation heavier than a lookup, so a rerun (a widget click, another
    session) reuses the result instead of recomputing it. Options must be hashable values."""
    key = (f"{function.__module__}.{function.__qualname__}", version(), str(root()), tuple(dataset_ids),
           tuple(sorted(options.items())))
    try:
        hash(key)
    except TypeError:  # an option such as a dict: Streamlit's own hashing still caches it
        return _derived(*key)
    return _RECENT.get(key, lambda: _derived(*key))


def public_copies() -> tuple[tuple[str, str, str, str, str, str], ...]:
    """The public copies the shipped raw files were taken from (sidecars of data/raw), for the sources
    page; read once per process, since they change only with `make snapshot`."""
    from observatory.pipeline import mirror

    return mirror.public_copies(mirror.shipped_raw_dir())
