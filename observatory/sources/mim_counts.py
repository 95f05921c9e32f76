"""Students per school in the Ministry of Education's layouts, read into one shape:
anno_scolastico ('2024/25'), codice_scuola, totale (Int64; NA where the Ministry suppresses a count).

Layouts: the per-site counts the Ministry sent in reply to an access request, with two headers
(`Codice Scuola,Alunni frequentanti totali - a.s. 2021/22,…` and `sigla prov.,Codice Sede
scolastica,n° Alunni,…`, school year only in the file name); onData's sum per school of the
open-data file ALUCORSOETASTA (`ANNOSCOLASTICO,CODICESCUOLA,ALUNNI`); and the open-data files a
refresh downloads, one row per school × course year (× age band): ALUCORSOETASTA/PAR
(`…,ANNOCORSO,FASCIAETA,ALUNNI`) and INFANZIACLASTA/PAR (`…,CLASSI,BAMBINIMASCHI,BAMBINIFEMMINE`)."""

from __future__ import annotations

import io
import re

import pandas as pd

from observatory.errors import ObservatoryError

SUPPRESSED = "<=3"  # the Ministry's mark for a count of three or fewer
_YEAR_IN_NAME = re.compile(r"(20\d\d)[-_](\d\d)(?!\d)")
_YEAR_IN_HEADER = re.compile(r"a\.s\.\s*(20\d\d)/(\d\d)")


def school_year(code: str) -> str:
    """'202425' → '2024/25'."""
    return f"{code[:4]}/{code[4:]}"


def _table(content: bytes, name: str) -> pd.DataFrame:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ObservatoryError(f"«{name}» non è un testo UTF-8: il formato del file è cambiato.") from exc
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ObservatoryError(f"«{name}» non è un CSV leggibile: {exc}.") from exc
    frame.columns = [" ".join(str(c).split()) for c in frame.columns]
    return frame.apply(lambda s: s.str.strip())


def _counts(values: pd.Series, name: str) -> pd.Series:
    """Counts as Int64; '<=3' is NA (suppressed, never 0); anything else non-numeric is an error."""
    suppressed = values.eq(SUPPRESSED)
    bad = ~values.str.fullmatch(r"\d+") & ~suppressed
    if bad.any():
        raise ObservatoryError(f"«{name}»: numero di alunni non leggibile «{values[bad].iloc[0]}» "
                               f"(riga {bad.idxmax() + 2}).")
    return pd.to_numeric(values.where(~suppressed, None)).astype("Int64")


def _shape(year: pd.Series | str, codes: pd.Series, totals: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"anno_scolastico": year, "codice_scuola": codes, "totale": totals}).reset_index(drop=True)


def layout(header: str) -> str | None:
    """Which layout a header line is ('foia', 'ondata', 'corsoeta', 'infanzia'), None if unknown."""
    columns = [" ".join(c.strip().strip('"').split()) for c in header.lstrip("\ufeff").split(",")]
    if "Codice Scuola" in columns or "Codice Sede scolastica" in columns:
        return "foia"
    if {"BAMBINIMASCHI", "BAMBINIFEMMINE"} <= set(columns):
        return "infanzia"
    if {"ANNOSCOLASTICO", "CODICESCUOLA", "ALUNNI"} <= set(columns):
        return "ondata" if len(columns) == 3 else "corsoeta"
    return None


def parse_foia(content: bytes, name: str) -> pd.DataFrame:
    """Per-site counts sent by the Ministry (either header); the school year from the header or the
    file name, which must agree when both give it."""
    frame = _table(content, name)
    code = next((c for c in ("Codice Scuola", "Codice Sede scolastica") if c in frame.columns), None)
    students = next((c for c in frame.columns if c.startswith(("Alunni frequentanti totali", "n° Alunni"))
                     and "religione" not in c.lower()), None)
    if code is None or students is None:
        raise ObservatoryError(f"«{name}»: mancano le colonne del codice scuola o del numero di alunni "
                               f"(intestazione: {', '.join(frame.columns[:4])}).")
    in_header, in_name = _YEAR_IN_HEADER.search(students), _YEAR_IN_NAME.search(name)
    years = {f"{m.group(1)}/{m.group(2)}" for m in (in_header, in_name) if m}
    if len(years) != 1:
        raise ObservatoryError(f"«{name}»: anno scolastico " + ("ambiguo (intestazione e nome del file diversi)."
                                                                if years else "assente dal nome e dall'intestazione."))
    return _shape(years.pop(), frame[code], _counts(frame[students], name))


def parse_per_school(content: bytes, name: str) -> pd.DataFrame:
    """Open-data student files (onData's per-school sums, ALUCORSOETA*, INFANZIACLA*) summed per
    school and year; a school with every row suppressed stays NA."""
    frame = _table(content, name)
    if {"BAMBINIMASCHI", "BAMBINIFEMMINE"} <= set(frame.columns):
        males, females = _counts(frame["BAMBINIMASCHI"], name), _counts(frame["BAMBINIFEMMINE"], name)
        frame["_n"] = males.fillna(0) + females.fillna(0)
        frame["_n"] = frame["_n"].where(males.notna() | females.notna())
    elif "ALUNNI" in frame.columns:
        frame["_n"] = _counts(frame["ALUNNI"], name)
    else:
        raise ObservatoryError(f"«{name}»: manca la colonna ALUNNI (o BAMBINIMASCHI/BAMBINIFEMMINE).")
    missing = [c for c in ("ANNOSCOLASTICO", "CODICESCUOLA") if c not in frame.columns]
    if missing:
        raise ObservatoryError(f"Nel file «{name}» mancano le colonne {', '.join(missing)}.")
    if not frame["ANNOSCOLASTICO"].str.fullmatch(r"20\d{4}").all():
        odd = frame.loc[~frame["ANNOSCOLASTICO"].str.fullmatch(r"20\d{4}"), "ANNOSCOLASTICO"].iloc[0]
        raise ObservatoryError(f"«{name}»: anno scolastico non leggibile «{odd}».")
    sums = frame.groupby(["ANNOSCOLASTICO", "CODICESCUOLA"], sort=True)["_n"].sum(min_count=1).reset_index()
    return _shape(sums["ANNOSCOLASTICO"].map(school_year), sums["CODICESCUOLA"], sums["_n"].astype("Int64"))
