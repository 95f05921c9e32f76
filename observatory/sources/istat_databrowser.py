"""The ISTAT databrowser export "SDMX-CSV with labels" (esploradati.istat.it, Download → CSV), read
into the `forze_lavoro` columns: as the public copy of the employment rates and as a staff upload.

The export is not the REST API's SDMX-CSV: UTF-8 with BOM, CRLF, a label column after every code
column (`REF_AREA,Territory,…`; labels in the language of the download), the value in `Observation`
(`Osservazione` in Italian), dimensions held fixed by the query dropped, and no DATAFLOW column
(the flow is only in the file name ISTAT proposes, e.g. `Provincial data (IT1,150_915_…,1.0).csv`)."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from observatory.errors import ObservatoryError
from observatory.sources.lfs_codes import CURRENT, DATA_TYPES, KEY_COLUMNS, PREVIOUS, SEXES, age_band

CODES = ("FREQ", "REF_AREA", "DATA_TYPE", "SEX", "AGE", "TIME_PERIOD")
VALUE_COLUMNS = ("Observation", "Osservazione", "OBS_VALUE")
#: codes of the dimensions that must be at their total when the export keeps them
TOTALS = {"EDU_LEV_HIGHEST": "99", "CITIZENSHIP": "TOTAL", "DURATION_UNEMPLOYMENT": "TOTAL"}
#: LFS flows of the previous regulation (until 2020); any other flow follows the 2021 regulation
PREVIOUS_FLOWS = ("150_1189", "151_1193", "150_1191", "152_1196")
_FLOW_IN_NAME = re.compile(r"(?<![\d_])(\d{3}_\d{3,4})(?:_DF_[A-Z0-9_]+)?")


def is_export(text: str) -> bool:
    """Whether the start of a file looks like a databrowser export (code and label columns)."""
    first = text.lstrip("\ufeff").splitlines()[0] if text else ""
    columns = [c.strip() for c in first.split(",")]
    return all(c in columns for c in CODES) and any(v in columns for v in VALUE_COLUMNS)


def series_of(filename: str) -> str:
    """The regulation the export's flow follows, from the flow id in ISTAT's file name (current if none)."""
    match = _FLOW_IN_NAME.search(filename or "")
    return PREVIOUS if match and match.group(1) in PREVIOUS_FLOWS else CURRENT


def parse(content: bytes, filename: str, territories: list[str], provenienza: str) -> pd.DataFrame:
    """The export's observations for `territories` (NUTS codes) as `forze_lavoro` rows.

    A blank Observation is NA (never 0); an unknown indicator, a non-annual period, a dimension not
    at its total or a repeated observation is an Italian ObservatoryError naming the row."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ObservatoryError(f"«{filename}» non è un testo UTF-8: non sembra un'esportazione del databrowser "
                               "ISTAT.") from exc
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in rows[0]] if rows else []
    value_column = next((v for v in VALUE_COLUMNS if v in header), None)
    missing = [c for c in CODES if c not in header]
    if missing or value_column is None:
        raise ObservatoryError(f"«{filename}» non è un'esportazione «SDMX-CSV with labels» del databrowser ISTAT: "
                               f"mancano le colonne {', '.join(missing or ['Observation'])}.")
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    short = next((i for i, r in enumerate(body, start=2) if len(r) != len(header)), None)
    if short is not None:
        raise ObservatoryError(f"«{filename}»: la riga {short} ha {len(body[short - 2])} colonne invece di "
                               f"{len(header)} (file incompleto o modificato).")
    raw = pd.DataFrame(body, columns=header, dtype="str").apply(lambda s: s.str.strip())
    _check(raw, filename)
    raw = raw[raw["REF_AREA"].isin(territories)]
    years = raw["TIME_PERIOD"].str.fullmatch(r"\d{4}")
    if not years.all():
        odd = raw.loc[~years, "TIME_PERIOD"].iloc[0]
        raise ObservatoryError(f"«{filename}»: periodo non annuale «{odd}» (i tassi provinciali sono annuali).")
    status = raw["OBS_STATUS"] if "OBS_STATUS" in raw else pd.Series("", index=raw.index)
    frame = pd.DataFrame({
        "territorio": raw["REF_AREA"],
        "indicatore": raw["DATA_TYPE"].map(DATA_TYPES),
        "sesso": raw["SEX"].map(SEXES),
        "classe_eta": raw["AGE"].map(age_band),
        "anno": raw["TIME_PERIOD"].astype("int64"),
        "valore": _numbers(raw[value_column], filename),
        "stato_osservazione": status.where(status != "", None),
        "serie": series_of(filename),
        "provenienza": provenienza,
        "derivazione": None,
    }).astype({"stato_osservazione": "str", "derivazione": "str"}).reset_index(drop=True)
    if frame.duplicated(KEY_COLUMNS).any():
        first = frame[frame.duplicated(KEY_COLUMNS)].iloc[0]
        raise ObservatoryError(f"«{filename}»: osservazione ripetuta ({first['territorio']}, {first['indicatore']}, "
                               f"{first['sesso']}, {first['anno']}).")
    return frame


def _check(raw: pd.DataFrame, filename: str) -> None:
    """Codes the observatory can read: annual, a known indicator and sex, other dimensions at total."""
    for column, known in (("DATA_TYPE", DATA_TYPES), ("SEX", SEXES)):
        odd = raw.loc[~raw[column].isin(list(known)), column]
        if not odd.empty:
            raise ObservatoryError(f"«{filename}»: codice {column} sconosciuto «{odd.iloc[0]}».")
    if not raw["FREQ"].eq("A").all():
        raise ObservatoryError(f"«{filename}»: dati non annuali (FREQ {raw.loc[raw['FREQ'] != 'A', 'FREQ'].iloc[0]}).")
    for column, total in TOTALS.items():
        if column in raw and not raw[column].eq(total).all():
            raise ObservatoryError(f"«{filename}»: la colonna {column} non è al totale ({total}); scaricare "
                                   "l'esportazione con il totale selezionato.")


def _numbers(values: pd.Series, filename: str) -> pd.Series:
    blank = values.eq("")
    numbers = pd.to_numeric(values.str.replace(",", ".", regex=False).where(~blank, None), errors="coerce")
    bad = numbers.isna() & ~blank
    if bad.any():
        raise ObservatoryError(f"«{filename}»: valore non numerico «{values[bad].iloc[0]}».")
    return numbers.astype("Float64")
