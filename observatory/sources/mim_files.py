"""The Ministry of Education's open-data files: their names (`{PREFIX}{AAAABB}{YYYYMMDD}.csv`, found
on the catalogue pages because the date part changes every year) and the school registries
(SCUANAGRAFESTAT / SCUANAGRAFEPAR, parsed by header name: state and non-state differ)."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from observatory import crosswalk
from observatory.errors import ObservatoryError
from observatory.sources import mim_counts

KEEP_YEARS = 5
PLACEHOLDER = "Non Disponibile"
#: gestione → (primaria and secondarie students, infanzia children, registry) file prefixes
PREFIXES = {"statale": ("ALUCORSOETASTA", "INFANZIACLASTA", "SCUANAGRAFESTAT"),
            "paritaria": ("ALUCORSOETAPAR", "INFANZIACLAPAR", "SCUANAGRAFEPAR")}
_ALL = "|".join(prefix for prefixes in PREFIXES.values() for prefix in prefixes)
_FILE = re.compile(rf"(?<![A-Z])({_ALL})(\d{{6}})(\d{{8}})\.csv")
REGISTRY_COLUMNS = {"ANNOSCOLASTICO": "anno", "CODICESCUOLA": "codice_scuola", "PROVINCIA": "provincia",
                    "CODICECOMUNESCUOLA": "codice_catastale", "DESCRIZIONECOMUNE": "comune",
                    "DENOMINAZIONESCUOLA": "denominazione", "CAPSCUOLA": "cap",
                    "DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA": "tipologia"}
school_year = mim_counts.school_year


def split_name(name: str) -> tuple[str, str, str]:
    """'SCUANAGRAFEPAR20232420230901.csv' → ('SCUANAGRAFEPAR', '202324', '20230901')."""
    match = _FILE.fullmatch(name)
    if match is None:
        raise ObservatoryError(f"«{name}» non è un nome di file del portale del Ministero.")
    return match.group(1), match.group(2), match.group(3)


def discover(html: str) -> dict[str, dict[str, str]]:
    """Prefix → {school year 'AAAABB' → file name}, the newest reference date winning per year."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for prefix, year, date, in (m.groups() for m in _FILE.finditer(html)):
        if int(year[4:]) != (int(year[:4]) + 1) % 100:
            continue  # not a school year (e.g. a stray number)
        best = found.setdefault(prefix, {}).get(year)
        if best is None or date > best[0]:
            found[prefix][year] = (date, f"{prefix}{year}{date}.csv")
    return {prefix: {year: name for year, (_, name) in years.items()} for prefix, years in found.items()}


def choose_years(found: dict[str, dict[str, str]], keep: int = KEEP_YEARS) -> list[str]:
    """School years, newest first, with the state schools' student file (at most `keep`), provided
    a state registry of some year is published to place them."""
    students, _, registry = PREFIXES["statale"]
    if not found.get(registry):
        return []
    return sorted(found.get(students, {}), reverse=True)[:keep]


def nearest_year(wanted: str, available) -> str | None:
    """The available school year closest to `wanted` (itself first, then the later one on a tie)."""
    return min(available, key=lambda y: (abs(int(y[:4]) - int(wanted[:4])), y < wanted), default=None)


def read_table(content: bytes, name: str, required: dict[str, str]) -> pd.DataFrame:
    """A MIM CSV by header name → the `required` columns renamed, text stripped, placeholders NA."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ObservatoryError(f"«{name}» non è un testo UTF-8: il formato del file è cambiato.") from exc
    try:
        raw = pd.read_csv(io.StringIO(text), sep=",", dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ObservatoryError(f"«{name}» non è un CSV leggibile: {exc}.") from exc
    raw.columns = [str(c).strip().upper() for c in raw.columns]
    missing = [c for c in required if c not in raw.columns]
    if missing:
        raise ObservatoryError(f"Nel file «{name}» mancano le colonne {', '.join(missing)} "
                               f"(intestazione: {', '.join(raw.columns[:6])}…).")
    frame = raw[list(required)].rename(columns=required)
    for column in frame.columns:
        frame[column] = frame[column].str.strip()
        frame[column] = frame[column].mask(frame[column].isin([PLACEHOLDER, ""]))
    return frame


def parse_registry(content: bytes, name: str = "anagrafe") -> pd.DataFrame:
    """School registry (state or non-state) → anno, codice_scuola, provincia, codice_catastale, comune, …"""
    return read_table(content, name, REGISTRY_COLUMNS)


def add_comune_istat(registry: pd.DataFrame) -> pd.DataFrame:
    """Cadastral code → current ISTAT code (codes of merged municipalities included)."""
    return registry.assign(comune_istat=registry["codice_catastale"].map(crosswalk.cadastral_to_current()))
