"""How a number reached us, per dataset and per row: the values of store.PROVENANCES, ordered from
the most to the least faithful to the publisher, and the rule for a dataset that mixes them.

A dataset whose rows come from several kinds of source (e.g. ISTAT values copied unchanged beside
values the copy rounded) carries a `provenienza` column; its manifest record takes the least
faithful kind, so a caption never claims more than the weakest row allows."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from observatory import labels, store

#: Most faithful first: a dataset is as good as its weakest row.
ORDER = ("ufficiale", "caricato", "copia_verbatim", "copia_aggregata", "copia_arrotondata", "trascritto",
         "dimostrativo")
COLUMN = "provenienza"
#: Values that come from a public copy of the publisher's own values.
COPIES = ("copia_verbatim", "copia_aggregata", "copia_arrotondata")

assert set(ORDER) == set(store.PROVENANCES), "observatory.provenance.ORDER must list every store.PROVENANCES"


def least_faithful(values: Iterable[str]) -> str:
    """The weakest of several provenances ('dimostrativo' when any value is unknown)."""
    seen = [v for v in values if v is not None and not pd.isna(v)]
    if not seen:
        raise ValueError("no provenance given")
    return max(seen, key=lambda v: ORDER.index(v) if v in ORDER else len(ORDER))


def of_frame(frame: pd.DataFrame, default: str) -> str:
    """The dataset-level provenance of a frame: its rows' weakest, or `default` without the column."""
    if COLUMN not in frame or frame.empty:
        return default
    return least_faithful(frame[COLUMN].unique())


def row_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Rows per provenance, most faithful first (empty without the column)."""
    if COLUMN not in frame:
        return {}
    counts = frame[COLUMN].value_counts()
    return {kind: int(counts[kind]) for kind in ORDER if kind in counts}


def mix_note(frame: pd.DataFrame) -> str:
    """'provenienza per riga: copia_verbatim 36, copia_arrotondata 72' for a dataset that mixes kinds."""
    counts = row_counts(frame)
    if len(counts) < 2:
        return ""
    return "provenienza per riga: " + ", ".join(f"{kind} {n}" for kind, n in counts.items())


def phrase(kind: str, frame: pd.DataFrame | None, lang: str) -> str:
    """How the numbers drawn reached us, for a dataset not downloaded from its publisher (public copy,
    transcribed, uploaded): the kinds of the rows drawn when the frame says (`provenienza`), else the
    dataset's `kind`, and how derived values are computed (`derivazione`). '' for official and demo
    data (the demo badge says it)."""
    kinds = [kind]
    if frame is not None and COLUMN in frame and not frame.empty:
        present = set(frame[COLUMN].unique())  # once: in the comprehension it was rebuilt for every kind
        kinds = [k for k in ORDER if k in present]
    kinds = [k for k in kinds if k not in ("ufficiale", "dimostrativo")]
    copied = [k for k in kinds if k in COPIES]
    if len(copied) > 1:  # one phrase: "public copy, the publisher's values unchanged / summed by the copy"
        how = " / ".join(labels.t(f"provenance.how.{k}", lang) for k in copied)
        kinds = [labels.t("provenance.copies", lang, how=how)] + [k for k in kinds if k not in COPIES]
    parts = [k if k not in ORDER else labels.t(f"provenance.{k}", lang) for k in kinds]
    if frame is not None and "derivazione" in frame:
        derived = [str(d) for d in frame["derivazione"].dropna().unique()]
        parts += [labels.t("provenance.derived", lang, how="; ".join(derived))] if derived else []
    return "; ".join(parts)
