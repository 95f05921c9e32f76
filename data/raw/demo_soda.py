"""Aggregated SODA answers for the constructed Comunicazioni Obbligatorie: groups of raw values with a count.

A month's events (a calibrated total) are spread over a few groups, each one combination of raw values
(day, sector title, contract, working time, sex, age, education, country) with its count `n`, as
`$select …, count(*) AS n … $group …` returns them. Each field is assigned systematically along the
counts, so a month's counts by category follow the target shares closely even with few groups."""

from __future__ import annotations

import calendar
import json

import numpy as np

FIELDS = ("settoreeconomicodettaglio", "contratto", "modalitalavoro", "genere", "eta", "titolostudio", "italiano")
DOMESTIC_SECTOR = "Attività di famiglie e convivenze come datori di lavoro per personale domestico"
DOMESTIC_CONTRACT = "LAVORO DOMESTICO"
#: ages as the raw field holds them: 15–75 with the usual skew to the young, and the impossible
#: values the real export carries (221, 0, 9, 120), which the connector counts as "non valido"
AGES = {str(a): max(a - 15.5, 0.4) ** 1.3 * np.exp(-(a - 15.5) / 10) for a in range(15, 76)}
AGES = {**{k: v / sum(AGES.values()) * 0.998 for k, v in AGES.items()},
        "221": 0.001, "0": 0.0005, "9": 0.0003, "120": 0.0002}


def systematic(rng: np.random.Generator, sizes: np.ndarray, weights: dict[str, float]) -> np.ndarray:
    """One category per group such that the categories' summed counts follow `weights` (within one group)."""
    labels = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    shuffle = rng.permutation(len(labels))
    cdf = np.cumsum(p[shuffle] / p.sum())
    order = rng.permutation(len(sizes))
    ends = np.cumsum(sizes[order])
    position = ((ends - sizes[order] / 2) / ends[-1] + rng.random()) % 1.0
    picked = np.empty(len(sizes), dtype=object)
    picked[order] = labels[shuffle][np.minimum(np.searchsorted(cdf, position, side="right"), len(labels) - 1)]
    return picked


def _days(year: int, month: int, first_day_weight: float) -> tuple[np.ndarray, np.ndarray]:
    """Days of the month as dd/mm/yyyy text, weighted: weekdays, few weekend events, many on the 1st."""
    days = np.arange(1, calendar.monthrange(year, month)[1] + 1)
    weekday = np.array([calendar.weekday(year, month, d) for d in days])
    weight = np.where(weekday < 5, 1.0, np.where(weekday == 5, 0.25, 0.08))
    weight[0] *= first_day_weight
    return np.array([f"{d:02d}/{month:02d}/{year}" for d in days], dtype=object), weight / weight.sum()


def month_groups(rng: np.random.Generator, year: int, month: int, total: int, groups: int,
                 shares: dict[str, dict[str, float]], first_day_weight: float = 1.0) -> list[dict[str, object]]:
    """`total` events of one month as at most `groups` aggregated groups (fields → raw value, 'n' → count)."""
    if total <= 0:
        return []
    k = min(groups, total)
    sizes = 1 + rng.multinomial(total - k, rng.dirichlet(np.full(k, 4.0)))
    days, weight = _days(year, month, first_day_weight)
    columns = {"data": rng.choice(days, size=k, p=weight)}
    for field in FIELDS:
        columns[field] = systematic(rng, sizes, shares[field])
    domestic = columns["settoreeconomicodettaglio"] == DOMESTIC_SECTOR
    columns["contratto"][domestic] = DOMESTIC_CONTRACT  # domestic work has its own contract
    merged: dict[tuple, int] = {}
    for i in range(k):
        key = tuple(columns[name][i] for name in ("data", *FIELDS))
        merged[key] = merged.get(key, 0) + int(sizes[i])
    return [{**dict(zip(("data", *FIELDS), key)), "n": n} for key, n in merged.items()]


def answer_rows(groups: list[dict[str, object]], names: list[str], order: list[str]) -> list[dict[str, str]]:
    """Groups with the same values summed, as SODA returns them: the `$select` names in order, every value
    a string, a null (empty) field left out of its row, sorted by the `$order` columns."""
    merged: dict[tuple, int] = {}
    keys = [name for name in names if name != "n"]
    for group in groups:
        key = tuple(str(group.get(name) or "") for name in keys)
        merged[key] = merged.get(key, 0) + int(group["n"])
    ranked = sorted(merged.items(), key=lambda item: tuple(item[0][keys.index(o)] for o in order))
    return [{**{name: value for name, value in zip(keys, key) if value}, "n": str(n)} for key, n in ranked]


def soda_json(rows: list[dict[str, str]]) -> bytes:
    """A SODA JSON page: an array, one compact object per line (as the portal streams it)."""
    return ("[" + "\n,".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows) + "]").encode()
