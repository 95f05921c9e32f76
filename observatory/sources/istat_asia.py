"""ISTAT ASIA local units and their employees by municipality and ATECO section (SDMX REST).

The flow publishes ATECO 2007 groups (3 digits) by municipality; we add them up to sections A–U
plus TOTALE. Municipalities go in batches so the key stays short: ISTAT refuses long URLs (414, or
400 past ~35 territories) and the key is also a file name in the shipped raw mirror (≤ 255 bytes).
Every batch waits on the shared ISTAT throttle.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from observatory import config, territory
from observatory.errors import ObservatoryError
from observatory.sources import istat_sdmx
from observatory.sources.types import CARRY_OVER, Coverage, Dataset, FetchContext

FLOW = "183_285_DF_DICA_ASIAULP_3"
SOURCE_URL = "https://esploradati.istat.it/databrowser/#/it"
#: DSD DICA_ASIAULP as described by public code that read it live in 2026 [VERIFY on the first real call].
DIMS = ("FREQ", "REF_AREA", "DATA_TYPE", "ECON_ACTIVITY_NACE_2007", "PERS_EMPL_SIZE_CLASS")
DATA_TYPES = {"LU": "unita_locali", "LUEMPDAA": "addetti"}  # local units; employees, yearly average
ALL_SIZES = "TOTAL"
FIRST_YEAR = 2012
MAX_CODES_PER_CALL = 30
MAX_KEY_CHARS = 240
TOTAL = "TOTALE"

#: ATECO 2007 division (first two digits) → section.
_SECTION_RANGES = [("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
                   ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
                   ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
                   ("S", 94, 96), ("T", 97, 98), ("U", 99, 99)]
SECTIONS = tuple(letter for letter, _, _ in _SECTION_RANGES)

UNITA_LOCALI_SCHEMA = pa.DataFrameSchema(
    {
        "comune_istat": pa.Column(str, pa.Check.str_matches(r"^\d{6}$")),
        "anno": pa.Column("int64", pa.Check.in_range(2000, 2100)),
        "settore_ateco": pa.Column(str, pa.Check.isin((*SECTIONS, TOTAL))),
        "unita_locali": pa.Column("Float64", pa.Check.ge(0), nullable=True),
        "addetti": pa.Column("Float64", pa.Check.ge(0), nullable=True),
    },
    unique=["comune_istat", "anno", "settore_ateco"],
    strict=True,
)


def section_of(group: str) -> str | None:
    """ATECO section letter of a 3-digit group code ('471' → 'G'), None when it maps to none."""
    division = int(group[:2])
    return next((letter for letter, low, high in _SECTION_RANGES if low <= division <= high), None)


def municipalities() -> list[str]:
    """Current ISTAT codes of the municipalities of the configured provinces."""
    elenco = territory.elenco_comuni()
    codes = elenco.loc[elenco["provincia_istat"].isin(config.provinces()), "comune_istat"]
    return sorted(codes.astype("str"))


def batches(codes: list[str]) -> list[list[str]]:
    return [codes[i:i + MAX_CODES_PER_CALL] for i in range(0, len(codes), MAX_CODES_PER_CALL)]


def batch_key(dims: list[str], codes: list[str]) -> str:
    """Key for a batch of municipalities: both measures, every ATECO code, all size classes."""
    key = istat_sdmx.build_key(dims, {"FREQ": "A", "REF_AREA": codes, "DATA_TYPE": list(DATA_TYPES),
                                      "PERS_EMPL_SIZE_CLASS": ALL_SIZES})
    if len(key) > MAX_KEY_CHARS:
        raise ObservatoryError(f"Chiave ISTAT troppo lunga ({len(key)} caratteri): ridurre i comuni per chiamata.")
    return key


def fetch_unita_locali(ctx: FetchContext) -> pd.DataFrame:
    base = ctx.base_url("istat")
    sess = istat_sdmx.session()
    dims = istat_sdmx.dimensions(sess, base, FLOW)
    istat_sdmx.check_dimensions(FLOW, dims, DIMS)
    codes = municipalities()
    frames = []
    for number, batch in enumerate(batches(codes), start=1):
        frames.append(istat_sdmx.get_data(sess, base, FLOW, batch_key(dims, batch), dims, FIRST_YEAR))
        ctx.progress(f"ISTAT unità locali: gruppo {number} di {len(batches(codes))} ({len(frames[-1])} righe)")
    return to_sections(pd.concat(frames, ignore_index=True), set(codes), ctx)


def to_sections(raw: pd.DataFrame, codes: set[str], ctx: FetchContext) -> pd.DataFrame:
    """3-digit groups → sections + TOTALE; a suppressed (blank) group makes its sums NA, not smaller."""
    raw = raw[(raw["FREQ"] == "A") & raw["REF_AREA"].isin(codes) & raw["DATA_TYPE"].isin(list(DATA_TYPES))
              & (raw["PERS_EMPL_SIZE_CLASS"] == ALL_SIZES)
              & raw["ECON_ACTIVITY_NACE_2007"].str.fullmatch(r"\d{3}")
              & raw["TIME_PERIOD"].str.fullmatch(r"\d{4}")].copy()
    if raw.empty:
        raise ObservatoryError("ISTAT non ha restituito unità locali per i comuni del territorio.")
    raw["settore_ateco"] = raw["ECON_ACTIVITY_NACE_2007"].map(section_of)
    unmapped = raw["settore_ateco"].isna()
    if unmapped.any():
        ctx.notes.append(f"{int(unmapped.sum())} righe ASIA con codice ATECO senza sezione, escluse "
                         f"(es. {raw.loc[unmapped, 'ECON_ACTIVITY_NACE_2007'].iloc[0]}).")
        raw = raw[~unmapped]
    if raw["OBS_VALUE"].isna().any():
        ctx.notes.append(f"{int(raw['OBS_VALUE'].isna().sum())} valori ASIA non pubblicati: le somme che li "
                         "includono sono lasciate vuote.")
    raw["anno"] = raw["TIME_PERIOD"].astype("int64")
    raw["misura"] = raw["DATA_TYPE"].map(DATA_TYPES)
    keys = ["REF_AREA", "anno", "misura"]
    by_section = _sum_na(raw, [*keys, "settore_ateco"])
    totals = _sum_na(raw, keys).assign(settore_ateco=TOTAL)
    long = pd.concat([by_section, totals], ignore_index=True)
    wide = long.pivot_table(index=["REF_AREA", "anno", "settore_ateco"], columns="misura", values="valore",
                            aggfunc="first", dropna=False).reset_index()
    frame = pd.DataFrame({
        "comune_istat": wide["REF_AREA"].astype("str"),
        "anno": wide["anno"].astype("int64"),
        "settore_ateco": wide["settore_ateco"].astype("str"),
        "unita_locali": _column(wide, "unita_locali"),
        "addetti": _column(wide, "addetti"),
    })
    frame = frame.dropna(subset=["unita_locali", "addetti"], how="all")
    return frame.sort_values(["comune_istat", "anno", "settore_ateco"]).reset_index(drop=True)


def _sum_na(raw: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum OBS_VALUE by keys; NA when any value in the group is NA (min_count keeps empty groups NA)."""
    grouped = raw.groupby(keys, sort=False)["OBS_VALUE"]
    sums = grouped.sum(min_count=1)
    has_na = grouped.apply(lambda s: s.isna().any())
    return sums.mask(has_na).rename("valore").reset_index()


def _column(wide: pd.DataFrame, name: str) -> pd.Series:
    if name not in wide:
        return pd.Series(pd.NA, index=wide.index, dtype="Float64")
    return wide[name].astype("Float64")


DATASET = Dataset(
    id="unita_locali", title_it="Unità locali delle imprese e addetti per comune e settore ATECO",
    title_en="Local units of enterprises and persons employed by municipality and sector",
    publisher="ISTAT", source_url=SOURCE_URL, licence="CC BY 4.0", schema=UNITA_LOCALI_SCHEMA,
    fetch=fetch_unita_locali, period_column="anno", source="istat",
    coverage=Coverage(("comune_istat", "anno"), CARRY_OVER,
                      "ISTAT risponde a gruppi di 30 comuni: un gruppo vuoto (NoRecordsFound) toglierebbe quei "
                      "comuni, i cui valori già pubblicati restano validi"),
)
