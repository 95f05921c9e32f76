"""Cached loaders: data is read from the columnar snapshot once per process and version.

Every loader takes the snapshot version as an argument, so a refresh (which switches the version)
is picked up by every session at once without serving a stale cache."""

from __future__ import annotations

import importlib

import pandas as pd
import streamlit as st

from observatory import store
from observatory.errors import ObservatoryError


def version() -> str:
    """The live snapshot version (a tiny pointer file, read on every rerun on purpose)."""
    return store.current_version()


@st.cache_data(ttl=3600, show_spinner=False, max_entries=64)
def _dataset(dataset_id: str, snapshot_version: str, data_root: str) -> pd.DataFrame:
    """One dataset of one snapshot version, from Parquet."""
    return store.read_dataset(dataset_id, snapshot_version)


@st.cache_data(ttl=3600, show_spinner=False, max_entries=16)
def _manifest(snapshot_version: str, data_root: str) -> dict[str, store.DatasetRecord]:
    """The manifest of one snapshot version."""
    return store.read_manifest(snapshot_version)


def dataset(dataset_id: str) -> pd.DataFrame:
    """The live version of a dataset (raises ObservatoryError with an Italian message)."""
    return _dataset(dataset_id, version(), str(store.root()))


def manifest() -> dict[str, store.DatasetRecord]:
    return _manifest(version(), str(store.root()))


def try_dataset(dataset_id: str) -> tuple[pd.DataFrame | None, str | None]:
    """(frame, None) or (None, Italian message): pages show the message and keep going."""
    try:
        return dataset(dataset_id), None
    except ObservatoryError as exc:
        return None, str(exc)


def clear() -> None:
    """Forget every cached frame (after a refresh or an upload)."""
    _dataset.clear()
    _manifest.clear()
    _map_shapes.clear()
    _derived.clear()


@st.cache_resource(ttl=3600, show_spinner=False, max_entries=4)
def _map_shapes(snapshot_version: str, data_root: str) -> tuple[list[dict], list[dict]]:
    """GeoJSON features of municipalities and province outlines, shared read-only by every session."""
    from observatory import maps

    comuni = _dataset("comuni", snapshot_version, data_root)
    return maps.base_features(comuni), maps.outline_features(comuni)


def map_shapes() -> tuple[list[dict], list[dict]]:
    return _map_shapes(version(), str(store.root()))


@st.cache_data(ttl=3600, show_spinner=False, max_entries=512)
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
    path = f"{function.__module__}.{function.__qualname__}"
    return _derived(path, version(), str(store.root()), tuple(dataset_ids), tuple(sorted(options.items())))
