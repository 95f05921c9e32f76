"""A human-readable account of what a refresh changed: rows, periods added, largest moves.

Written beside every new snapshot version (changelog.md), after the ONS Explore Local Statistics
practice of a changelog per data update."""

from __future__ import annotations

import pandas as pd

from observatory import labels

TOP_MOVES = 5


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
    keys = [c for c in new.columns if c not in values and c in old and new[c].map(type).ne(bytes).all()]
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
