"""The published figures the demo generators are calibrated on, and monthly totals that meet them.

A generator names rows of data/raw/published_figures/published_figures_Como_Lecco.csv (row n is `riga`
n of the dataset numeri_pubblicati) and reads their values here, so what it matches is written once,
in the file the figures came from. `monthly_totals` turns sums over periods ('2019', '2019-H1',
'2019-Q2', '2020-M1-9', '2022-12-31') into integer monthly totals meeting each one exactly, following
a prior (level × seasonality) wherever nothing is published."""

from __future__ import annotations

import csv
import dataclasses
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

FIGURES = Path(__file__).resolve().parent / "published_figures" / "published_figures_Como_Lecco.csv"
FILE = FIGURES.name
_PARTS = {"": (1, 12), "-Q1": (1, 3), "-Q2": (4, 6), "-Q3": (7, 9), "-Q4": (10, 12), "-H1": (1, 6),
          "-H2": (7, 12), "-M1-9": (1, 9)}


@lru_cache(maxsize=1)
def rows() -> tuple[dict[str, str], ...]:
    with FIGURES.open(encoding="utf-8-sig", newline="") as handle:
        return tuple(csv.DictReader(handle))


def row(number: int) -> dict[str, str]:
    return rows()[number - 1]


def figure(number: int) -> float:
    """The value of row `number` as published."""
    return float(row(number)["value"])


def note_figure(number: int, phrase: str) -> float:
    """A figure the note of row `number` quotes (`phrase` must appear in it, e.g. 'Como 14,700')."""
    note = row(number)["note"]
    if phrase not in note:
        raise ValueError(f"{FILE} riga {number}: la nota non contiene «{phrase}»: {note}")
    return float(re.findall(r"\d[\d,]*(?:\.\d+)?", phrase)[-1].replace(",", ""))


def rounding_unit(value: float) -> int:
    """10 for 17070, 1000 for 84000: how coarsely a published count looks rounded (1 when not)."""
    unit, number = 1, int(abs(value))
    while number and number % 10 == 0:
        unit, number = unit * 10, number // 10
    return unit


def chosen(published: float, value: int, what: str) -> int:
    """An exact value picked for an approximate published one ('≈ 84.000'): it must round to it."""
    unit = rounding_unit(published)
    if abs(value - published) > unit / 2:
        raise ValueError(f"{what}: {value} non si arrotonda a {published:.0f}")
    return value


def months_of(period: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """First and last (year, month) of '2019', '2019-Q2', '2019-H1', '2020-M1-9', or a date '2022-12-31'."""
    date = re.fullmatch(r"(\d{4})-(\d{2})-\d{2}", period)
    if date:
        month = (int(date.group(1)), int(date.group(2)))
        return month, month
    year, part = int(period[:4]), period[4:]
    low, high = _PARTS[part]
    return (year, low), (year, high)


@dataclasses.dataclass(frozen=True)
class Target:
    """A sum over a period that the demo must equal, and where it comes from (written in the sidecar)."""

    period: str
    value: int
    source: str
    rows: tuple[int, ...] = ()  # the rows of FILE it is read from

    def record(self, **extra) -> dict:
        return {**extra, "periodo": self.period, "valore": self.value, "fonte": self.source, "righe": list(self.rows)}


def rows_of(targets) -> str:
    """'11, 12, 29': the rows of FILE a list of targets was read from, for a note."""
    return ", ".join(str(n) for n in sorted({n for t in targets for n in t.rows}))


def published(number: int) -> Target:
    return Target(row(number)["period"], int(figure(number)), f"{FILE} riga {number}", (number,))


def approximate(number: int, value: int, period: str | None = None) -> Target:
    """Row `number` is approximate (its note says so): `value` is an exact count that rounds to it."""
    pick = chosen(figure(number), value, f"{FILE} riga {number}")
    return Target(period or row(number)["period"], pick,
                  f"{FILE} riga {number} (≈ {figure(number):,.0f}, scelto {value:,})".replace(",", "."), (number,))


def quoted(number: int, phrase: str, period: str, value: int | None = None) -> Target:
    """A figure quoted in the note of row `number`; `value` picks an exact count when the note is '~'."""
    number_in_note = note_figure(number, phrase)
    pick = int(number_in_note) if value is None else chosen(number_in_note, value, f"{FILE} riga {number}")
    how = "" if value is None else f", scelto {value:,}".replace(",", ".")
    return Target(period, pick, f"{FILE} riga {number}, nota «{phrase}»{how}", (number,))


def month_index(months: list[tuple[int, int]], period: str) -> tuple[int, int]:
    first, last = months_of(period)
    return months.index(first), months.index(last) + 1


def monthly_totals(months: list[tuple[int, int]], prior: np.ndarray, targets: list[Target]) -> np.ndarray:
    """Integer monthly totals meeting every target exactly; months inside one target (or none) follow the prior.

    The months are cut into atoms at every target's boundaries; the targets must fix each atom they
    cover (e.g. 2019 and 2019-H1 fix H2; 2019-H1 and 2019-Q2 fix Q1), else this fails loudly."""
    spans = [month_index(months, t.period) for t in targets]
    cuts = sorted({0, len(months), *(s for span in spans for s in span)})
    atoms = list(zip(cuts[:-1], cuts[1:]))
    matrix = np.array([[1.0 if lo <= a and b <= hi else 0.0 for a, b in atoms] for lo, hi in spans])
    values = np.array([t.value for t in targets], dtype=float)
    totals = np.array([prior[a:b].sum() for a, b in atoms])
    covered = matrix.any(axis=0) if targets else np.zeros(len(atoms), dtype=bool)
    if covered.any():
        sub = matrix[:, covered]
        solved, *_ = np.linalg.lstsq(sub, values, rcond=None)
        if not np.allclose(sub @ solved, values, atol=1e-6):
            raise ValueError(f"obiettivi incoerenti: {[t.period for t in targets]}")
        null = np.linalg.svd(sub)[2][np.linalg.matrix_rank(sub):]
        loose = [atoms[i] for i, c in zip(np.flatnonzero(covered), np.abs(null).sum(axis=0) > 1e-9) if c]
        if loose or (solved < 0).any():
            raise ValueError(f"gli obiettivi non fissano i mesi {loose} (o danno un totale negativo)")
        totals[covered] = np.round(solved)
    out = np.zeros(len(months), dtype=np.int64)
    for (a, b), total in zip(atoms, totals):
        out[a:b] = split(int(round(total)), prior[a:b])
    return out


def split(total: int, weights: np.ndarray) -> np.ndarray:
    """`total` in integer parts proportional to `weights` (largest remainder: the parts add up to it)."""
    exact = total * np.asarray(weights, dtype=float) / float(np.sum(weights))
    parts = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - parts), kind="stable")
    parts[order[: total - int(parts.sum())]] += 1
    return parts
