"""Municipal indicators for the Comuni and Imprese pages: population pyramid in five-year bands,
local units and employees per 1,000 residents (real ISTAT population), ranks and comparisons.

Per-capita rates always use the latest year of the `popolazione` dataset; a municipality with no
figure stays missing (NA) and is never counted as zero."""

from __future__ import annotations

import pandas as pd

from observatory import labels
from observatory.ateco import TOTAL

BAND_WIDTH = 5
TOP_BAND = 95  # 95 and over: the single ages end at 100 = "100 and over"

#: metric id (registry) → column of `unita_locali` it divides by residents.
PER_THOUSAND = {"unita_locali_1000ab": "unita_locali", "addetti_1000ab": "addetti"}


def age_band(age: int) -> str:
    """7 → '5-9'; 97 and 100 → '95+'."""
    if age >= TOP_BAND:
        return f"{TOP_BAND}+"
    low = age // BAND_WIDTH * BAND_WIDTH
    return f"{low}-{low + BAND_WIDTH - 1}"


def band_order() -> list[str]:
    return [age_band(a) for a in range(0, TOP_BAND + 1, BAND_WIDTH)]


def pyramid(popolazione: pd.DataFrame, code: str) -> pd.DataFrame:
    """Residents of one municipality (latest year) by five-year band and sex.

    Columns: classe_eta, sesso ('maschi'/'femmine'), persone; bands from youngest to oldest."""
    rows = popolazione[(popolazione["comune_istat"] == code) & (popolazione["anno"] == popolazione["anno"].max())]
    banded = rows.assign(classe_eta=rows["eta"].map(age_band))
    sums = banded.groupby("classe_eta")[["maschi", "femmine"]].sum().reindex(band_order()).fillna(0)
    out = sums.reset_index().melt(id_vars="classe_eta", var_name="sesso", value_name="persone")
    out["persone"] = out["persone"].astype("int64")
    return out


def residents(popolazione: pd.DataFrame) -> pd.DataFrame:
    """Latest-year residents per municipality with the shares under 15 and 65 and over (%).

    Columns: comune_istat, anno, popolazione, quota_0_14, quota_65_piu."""
    latest = popolazione[popolazione["anno"] == popolazione["anno"].max()]
    young = latest[latest["eta"] < 15].groupby("comune_istat")["totale"].sum()
    old = latest[latest["eta"] >= 65].groupby("comune_istat")["totale"].sum()
    total = latest.groupby("comune_istat")["totale"].sum()
    out = pd.DataFrame({"popolazione": total, "giovani": young, "anziani": old}).fillna(0)
    out["quota_0_14"] = out["giovani"] / out["popolazione"] * 100
    out["quota_65_piu"] = out["anziani"] / out["popolazione"] * 100
    out["anno"] = int(latest["anno"].max())
    return out.drop(columns=["giovani", "anziani"]).reset_index()


def per_thousand(unita_locali: pd.DataFrame, popolazione: pd.DataFrame, comuni: pd.DataFrame,
                 provinces: tuple[str, ...], sector: str, metric: str) -> pd.DataFrame:
    """Local units or employees (`metric`, see PER_THOUSAND) per 1,000 residents, latest year.

    Columns: comune_istat, comune, provincia, anno, <count column>, popolazione, valore."""
    column = PER_THOUSAND[metric]
    latest = unita_locali[(unita_locali["anno"] == unita_locali["anno"].max())
                          & (unita_locali["settore_ateco"] == sector)]
    counts = latest[["comune_istat", "anno", column]]
    scope = comuni[comuni["provincia_istat"].isin(provinces)][["comune_istat", "comune", "provincia"]]
    out = scope.merge(counts, on="comune_istat", how="left", validate="one_to_one")
    out = out.merge(residents(popolazione)[["comune_istat", "popolazione"]], on="comune_istat", how="left",
                    validate="one_to_one")
    out["valore"] = (out[column].astype("Float64") / out["popolazione"].astype("Float64") * 1000).round(6)
    return out.sort_values("valore", ascending=False, na_position="last").reset_index(drop=True)


def indicators(comuni: pd.DataFrame, popolazione: pd.DataFrame, unita_locali: pd.DataFrame | None,
               studenti: pd.DataFrame | None) -> pd.DataFrame:
    """One row per municipality: residents, age shares, local units, employees, their rates per
    1,000 residents and students enrolled in its schools, every order (latest year of each)."""
    out = comuni[["comune_istat", "comune", "provincia_istat", "provincia"]].merge(
        residents(popolazione), on="comune_istat", how="left", validate="one_to_one")
    if unita_locali is not None:
        latest = unita_locali[(unita_locali["anno"] == unita_locali["anno"].max())
                              & (unita_locali["settore_ateco"] == TOTAL)]
        out = out.merge(latest[["comune_istat", "unita_locali", "addetti"]], on="comune_istat", how="left",
                        validate="one_to_one")
    else:
        out["unita_locali"] = out["addetti"] = pd.NA
    for metric, column in PER_THOUSAND.items():
        out[metric] = out[column].astype("Float64") / out["popolazione"].astype("Float64") * 1000
    if studenti is not None:
        year = studenti["anno_scolastico"].max()
        enrolled = studenti[studenti["anno_scolastico"] == year].groupby("comune_istat")["totale"].sum()
        out["studenti"] = out["comune_istat"].map(enrolled).fillna(0).astype("int64")
    else:
        out["studenti"] = pd.NA
    return out


def rank(table: pd.DataFrame, column: str, code: str) -> tuple[int | None, int]:
    """(position of `code` from the highest value, municipalities with a value); ties share a rank."""
    values = pd.to_numeric(table[column], errors="coerce")
    ranks = values.rank(ascending=False, method="min")
    counted = int(values.notna().sum())
    hit = ranks[table["comune_istat"] == code]
    if hit.empty or pd.isna(hit.iloc[0]):
        return None, counted
    return int(hit.iloc[0]), counted


def province_row(table: pd.DataFrame, province: str) -> pd.Series:
    """The sums of a province's municipalities, with rates recomputed on the sums (not averaged)."""
    part = table[table["provincia_istat"] == province]
    row = pd.Series({"comune_istat": province, "comune": part["provincia"].iloc[0] if len(part) else province})
    for column in ("popolazione", "unita_locali", "addetti", "studenti"):
        row[column] = pd.to_numeric(part[column], errors="coerce").sum(min_count=1)
    pop = row["popolazione"]
    for metric, column in PER_THOUSAND.items():
        row[metric] = row[column] / pop * 1000 if pd.notna(row[column]) and pop else pd.NA
    weights = pd.to_numeric(part["popolazione"], errors="coerce")
    for share in ("quota_0_14", "quota_65_piu"):
        row[share] = (part[share] * weights).sum() / weights.sum() if weights.sum() else pd.NA
    return row


COMPARED = ["popolazione", "quota_0_14", "quota_65_piu", "unita_locali", "addetti",
            "unita_locali_1000ab", "addetti_1000ab", "studenti"]


def comparison(table: pd.DataFrame, code: str, other: str | None,
               province_label: str = "Provincia di {name}") -> pd.DataFrame:
    """Indicators of a municipality beside its province and, optionally, a second municipality.

    Columns: indicatore, then one column per compared unit named by its display name."""
    chosen = table[table["comune_istat"] == code].iloc[0]
    units = [chosen]
    if other and other != code and (table["comune_istat"] == other).any():
        units.append(table[table["comune_istat"] == other].iloc[0])
    units.append(province_row(table, chosen["provincia_istat"]))
    data = {"indicatore": COMPARED}
    for unit in units:
        name = unit["comune"] if unit is not units[-1] else province_label.format(name=unit["comune"])
        data[name] = [unit[c] for c in COMPARED]
    return pd.DataFrame(data)


def sectors(unita_locali: pd.DataFrame, code: str) -> pd.DataFrame:
    """Local units and employees of one municipality by ATECO section (latest year, no total)."""
    rows = unita_locali[(unita_locali["comune_istat"] == code) & (unita_locali["anno"] == unita_locali["anno"].max())
                        & (unita_locali["settore_ateco"] != TOTAL)]
    return rows[["settore_ateco", "anno", "unita_locali", "addetti"]].sort_values(
        "addetti", ascending=False).reset_index(drop=True)


#: decimals and kind of each compared indicator, for display.
_FORMATS = {"popolazione": (0, "n"), "quota_0_14": (1, "%"), "quota_65_piu": (1, "%"), "unita_locali": (0, "n"),
            "addetti": (0, "n"), "unita_locali_1000ab": (1, "n"), "addetti_1000ab": (1, "n"), "studenti": (0, "n")}


def formatted(table: pd.DataFrame, row_names: dict[str, str], lang: str = "it",
              header: str = "indicatore") -> pd.DataFrame:
    """The comparison table as text in the reader's format (1.234,5 · 26,4 %); missing → '–'."""
    out = table.copy().astype(object)
    for i, key in enumerate(table["indicatore"]):
        decimals, kind = _FORMATS[key]
        for column in table.columns[1:]:
            value = table.at[i, column]
            out.at[i, column] = (labels.fmt_pct(value, decimals, lang) if kind == "%"
                                 else labels.fmt_number(value, decimals, lang))
        out.at[i, "indicatore"] = row_names.get(key, key)
    return out.rename(columns={"indicatore": header})
