"""A human-readable account of what a refresh changed: rows, periods added, largest moves, and what
the answer lacked (carried over or accepted) or why a dataset was not updated.

Written beside every new snapshot version (changelog.md, and a dated copy in changelog/ that outlives
the version), after the ONS Explore Local Statistics practice of a changelog per data update."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from observatory import labels, store
from observatory.errors import ObservatoryError
from observatory.indicators import verification

TOP_MOVES = 5
TOP_STATUS_CHANGES = 10
_LOG = logging.getLogger(__name__)


def section(dataset_id: str, old: pd.DataFrame | None, new: pd.DataFrame, period_column: str | None, *,
            missing: str = "", accepted: bool = False) -> str:
    """The changelog section of one updated dataset; a description that fails is one line, never a crash."""
    try:
        lines = describe_change(dataset_id, old, new, period_column)
    except Exception:  # noqa: BLE001 — the changelog must never stop a refresh that already succeeded
        _LOG.warning("changelog of %s could not be described", dataset_id, exc_info=True)
        lines = [f"- righe: {labels.fmt_int(len(new))} (variazioni non descrivibili)"]
    if missing:
        lines.append(("- copertura ridotta, accettata: " if accepted else "- copertura incompleta: ") + missing)
    return f"### {dataset_id}\n" + "\n".join(lines)


def failed_section(outcomes) -> str:
    """Datasets of the run that were not updated, with the reason (what is missing, when that is why)."""
    lines = [f"- {o.id}: {o.reason}" for o in outcomes]
    return "### non aggiornati (resta la versione precedente)\n" + "\n".join(lines) if lines else ""


def describe_change(dataset_id: str, old: pd.DataFrame | None, new: pd.DataFrame,
                    period_column: str | None) -> list[str]:
    """Markdown bullet lines for one dataset (in Italian)."""
    lines = []
    if old is None:
        lines.append(f"- nuovo dataset: {labels.fmt_int(len(new))} righe")
        return lines
    lines.append(f"- righe: {labels.fmt_int(len(old))} → {labels.fmt_int(len(new))}")
    if period_column and period_column in old and period_column in new:
        added = sorted(set(new[period_column].dropna().astype(str)) - set(old[period_column].dropna().astype(str)))
        if added:
            lines.append(f"- periodi aggiunti: {', '.join(added[:12])}" + (" …" if len(added) > 12 else ""))
    lines.extend(_largest_moves(old, new))
    return lines


def _largest_moves(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    values = [c for c in new.columns if pd.api.types.is_numeric_dtype(new[c]) and c in old
              and c not in ("anno", "eta") and pd.api.types.is_numeric_dtype(old[c])]
    keys = [c for c in new.columns if c not in values and c in old and not _holds_bytes(new[c])]
    if not values or not keys:
        return []
    value = values[-1]
    try:
        merged = old[keys + [value]].merge(new[keys + [value]], on=keys, suffixes=("_prima", "_dopo"),
                                           validate="one_to_one")
    except (pd.errors.MergeError, ValueError, TypeError):
        return []
    merged["scarto"] = (merged[f"{value}_dopo"] - merged[f"{value}_prima"]).astype("Float64")
    moved = merged[merged["scarto"].fillna(0) != 0]
    if moved.empty:
        return ["- nessun valore già presente è cambiato"]
    top = moved.reindex(moved["scarto"].abs().sort_values(ascending=False).index).head(TOP_MOVES)
    lines = [f"- valori rivisti: {labels.fmt_int(len(moved))}; le variazioni maggiori di «{value}»:"]
    for row in top.itertuples(index=False):
        key = ", ".join(str(getattr(row, k)) for k in keys)
        before, after = getattr(row, f"{value}_prima"), getattr(row, f"{value}_dopo")
        lines.append(f"  - {key}: {labels.fmt_number(before)} → {labels.fmt_number(after)}")
    return lines


def _verification_inputs(base: Path | None) -> tuple[dict[str, pd.DataFrame], set[str]]:
    """The live snapshot's frames that the verification reads, and which of them are demo."""
    try:
        manifest = store.read_manifest(base=base)
    except ObservatoryError:
        return {}, set()
    frames = {}
    for dataset_id in verification.NEEDS:
        if dataset_id in manifest:
            try:
                frames[dataset_id] = store.read_dataset(dataset_id, base=base)
            except ObservatoryError:
                continue
    return frames, {i for i, record in manifest.items() if record.is_demo}


def verification_section(base: Path | None, fresh: Iterable[store.NewDataset]) -> list[str]:
    """The changelog's "Verifica dei numeri" block for a write of `fresh` over the live snapshot:
    which published figures change status (empty list when the snapshot has no published figures)."""
    before, demo_before = _verification_inputs(base)
    after, demo_after = dict(before), set(demo_before)
    for item in fresh:
        if item.id in verification.NEEDS:
            after[item.id] = item.frame
        (demo_after.add if item.provenance == "dimostrativo" else demo_after.discard)(item.id)
    if "numeri_pubblicati" not in after:
        return []
    try:
        new = verification.verify(after, frozenset(demo_after))
        old = verification.verify(before, frozenset(demo_before)) if "numeri_pubblicati" in before else None
    except (KeyError, ValueError, TypeError) as exc:  # a report line must never stop the write
        return [f"### Verifica dei numeri\n- non eseguita ({exc.__class__.__name__}: {exc})"]
    tally = ", ".join(f"{status} {n}" for status, n in verification.counts(new).items() if n)
    lines = ["### Verifica dei numeri", f"- {labels.fmt_int(len(new))} numeri pubblicati: {tally}"]
    changes = verification.status_changes(old, new) if old is not None else pd.DataFrame()
    if old is not None and changes.empty:
        lines.append("- nessun numero pubblicato cambia stato")
    elif not changes.empty:
        lines.append(f"- numeri che cambiano stato: {labels.fmt_int(len(changes))}")
        for row in changes.head(TOP_STATUS_CHANGES).itertuples(index=False):
            lines.append(f"  - {row.territorio}, {row.indicatore} {row.periodo}: {row.prima} → {row.dopo}")
    return ["\n".join(lines)]
def _holds_bytes(column: pd.Series) -> bool:
    """True for binary columns (geometries), which cannot be merge keys."""
    return column.dtype == object and any(isinstance(v, (bytes, bytearray)) for v in column)
