"""Coverage, not row counts: which combinations of a dataset's coverage columns (indicator × territory ×
year, municipality × year, month…) a new answer lacks compared with the live version, and what to do.

A refresh or an upload calls `compare`; a part that is missing is either carried over from the live
version (its groups and the date they were last fetched go in the manifest) or refuses the dataset,
as the dataset's `Coverage` declares. Nothing here reads or writes files."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import labels
from observatory.errors import ObservatoryError
from observatory.sources.types import CARRY_OVER, REFUSE, Dataset

SEPARATOR = "\x1f"
MAX_VALUES = 6


class CoverageRefused(ObservatoryError):
    """A new answer covers less than the live version and the dataset refuses to shrink."""


def columns_of(dataset: Dataset) -> tuple[str, ...]:
    """The declared coverage columns, else the schema's unique key (uploads of datasets without one)."""
    if dataset.coverage is not None:
        return dataset.coverage.columns
    unique = dataset.schema.unique
    return tuple(unique if isinstance(unique, list) else [unique] if unique else [])


def policy_of(dataset: Dataset) -> str:
    return dataset.coverage.on_missing if dataset.coverage is not None else REFUSE


def keys(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """One text key per row ("tasso_attivita␟ITC42␟2024"), so old and new frames compare whatever
    their dtypes (a year read back from Parquet, a month as a timestamp)."""
    if not columns:
        return pd.Series("", index=frame.index, dtype=object)
    text = frame[list(columns)].astype(object).where(frame[list(columns)].notna(), "∅").astype(str)
    return text.agg(SEPARATOR.join, axis=1) if len(text) else pd.Series([], dtype=object)


def missing_groups(old: pd.DataFrame, new: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """The distinct combinations of `columns` in `old` that `new` does not have (empty when none)."""
    if not columns or any(c not in old or c not in new for c in columns):
        return pd.DataFrame(columns=list(columns))
    old_groups = old[list(columns)].drop_duplicates()
    new_keys = set(keys(new[list(columns)].drop_duplicates(), columns))
    lost = old_groups[~keys(old_groups, columns).isin(new_keys)] if len(old_groups) else old_groups
    return lost.reset_index(drop=True)


def describe(missing: pd.DataFrame, columns: tuple[str, ...]) -> str:
    """In Italian: 'mancano 84 combinazioni di indicatore × territorio × anno (indicatore tasso_attivita;
    territorio IT, ITC4, ITC42, ITC43; anno 2004–2024)'."""
    what = " × ".join(columns)
    parts = [f"{column} {_values(missing[column])}" for column in columns]
    count = len(missing)
    noun = "combinazione" if count == 1 else "combinazioni"
    verb = "manca" if count == 1 else "mancano"
    return f"{verb} {labels.fmt_int(count)} {noun} di {what} (tra: {'; '.join(parts)})"


def _values(series: pd.Series) -> str:
    values = series.dropna().drop_duplicates().sort_values()
    if pd.api.types.is_datetime64_any_dtype(values):
        shown = [v.strftime("%m/%Y") for v in values]
    else:
        shown = [str(v) for v in values]
    numeric = pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values)
    if len(shown) > MAX_VALUES and numeric:
        return f"{shown[0]}–{shown[-1]}"
    if len(shown) > MAX_VALUES:
        return ", ".join(shown[:MAX_VALUES]) + f" … (altri {len(shown) - MAX_VALUES})"
    return ", ".join(shown) or "vuoto"


@dataclasses.dataclass
class Check:
    """The outcome of comparing a new answer with the live version."""

    frame: pd.DataFrame  # the frame to write: the new answer, plus what was carried over
    missing: str = ""  # Italian summary of what the answer lacks ("" when complete)
    carried_over: list[dict] = dataclasses.field(default_factory=list)  # manifest blocks, see carry_over
    accepted: bool = False  # missing, and staff confirmed the smaller coverage


def lost_groups(dataset: Dataset, old: pd.DataFrame | None, old_record, new: pd.DataFrame,
                provenance: str) -> pd.DataFrame:
    """The coverage groups the new frame lacks; none when there is no yardstick (no live version, or a
    demo one replaced by real data)."""
    columns = columns_of(dataset)
    if old is None or old_record is None or not columns:
        return pd.DataFrame()
    if old_record.provenance == "dimostrativo" and provenance != "dimostrativo":
        return pd.DataFrame()
    return missing_groups(old, new, columns)


def compare(dataset: Dataset, old: pd.DataFrame | None, old_record, new: pd.DataFrame, *,
            provenance: str, accept_shrink: bool = False) -> Check:
    """Compare a validated new answer with the live version and apply the dataset's policy.

    A demo live version is never a yardstick for real data; carrying over only mixes data of the same
    provenance (otherwise the shrink is refused). Raises CoverageRefused when the dataset refuses."""
    columns = columns_of(dataset)
    lost = lost_groups(dataset, old, old_record, new, provenance)
    if lost.empty:
        return Check(new)
    text = describe(lost, columns)
    if accept_shrink:
        return Check(new, missing=text, accepted=True)
    if policy_of(dataset) == CARRY_OVER and old_record.provenance == provenance:
        blocks = carried_blocks(lost, columns, old_record)
        kept = old[keys(old, columns).isin(set(keys(lost, columns)))]
        frame = _sorted(dataset, pd.concat([new, kept.astype(new.dtypes.to_dict(), errors="ignore")],
                                           ignore_index=True))
        since = ", ".join(sorted({labels.fmt_date(b["dal"]) for b in blocks}))
        kept_word = "tenuta" if len(lost) == 1 else "tenute"
        return Check(frame, missing=f"{text}: {kept_word} dalla versione del {since}", carried_over=blocks)
    raise CoverageRefused(f"la risposta copre meno della versione in linea: {text}. Resta la versione "
                          "precedente; se la riduzione è voluta va confermata (casella «Accetta una copertura "
                          "ridotta» nell'area staff, o `--accetta-riduzione` da riga di comando)")


def carried_blocks(lost: pd.DataFrame, columns: tuple[str, ...], old_record) -> list[dict]:
    """Manifest blocks {dal, colonne, gruppi}: a group already carried keeps the date it was last
    fetched, a newly missing one takes the live version's retrieval date."""
    dates = {}
    for block in getattr(old_record, "carried_over", ()) or ():
        if tuple(block.get("colonne", ())) == tuple(columns):
            for group in block.get("gruppi", []):
                dates[SEPARATOR.join(group)] = block["dal"]
    by_date: dict[str, list[list[str]]] = {}
    for key in keys(lost, columns):
        by_date.setdefault(dates.get(key, old_record.retrieved_at), []).append(key.split(SEPARATOR))
    return [{"dal": when, "colonne": list(columns), "gruppi": groups} for when, groups in sorted(by_date.items())]


def _sorted(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    unique = dataset.schema.unique
    by = unique if isinstance(unique, list) else [unique] if unique else None
    if not by or any(c not in frame for c in by):
        return frame.reset_index(drop=True)
    return frame.sort_values(by, kind="mergesort").reset_index(drop=True)


def carried_summary(blocks) -> str:
    """'84 gruppi tenuti dalla versione del 25/11/2026' for the staff area and the CLI ("" when none)."""
    parts = []
    for block in blocks or ():
        count = len(block.get("gruppi", []))
        parts.append(f"{labels.fmt_int(count)} {'gruppo tenuto' if count == 1 else 'gruppi tenuti'} "
                     f"dalla versione del {labels.fmt_date(block['dal'])}")
    return "; ".join(parts)
