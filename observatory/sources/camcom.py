"""Firm registrations, closures and active firms by province × ATECO section × month (InfoCamere data
published as open data by CCIAA Marche, CC BY 4.0).

The three files are wide `;` CSVs: label columns (territory, sector, maybe a finer ATECO level) then
one `dd/mm/yyyy` month-end column each; label columns are told apart by their header, and a file
with no territory column (the national layout, `Settore Ateco 2025;Divisione Ateco 2025;…`) is
Italy. Sector rows are kept by ATECO section, the published TOTALE row as `TOTALE` (never summed
again). The register moved to ATECO 2025 in April 2025: `classificazione` records it and
ATECO 2007 sections are re-lettered to their 2025 equivalent where the mapping is one-to-one."""

from __future__ import annotations

import io
import re

import pandas as pd
import pandera.pandas as pa

from observatory import territory
from observatory.errors import ObservatoryError
from observatory.sources import http
from observatory.sources.types import CARRY_OVER, Coverage, Dataset, FetchContext

PUBLISHER = "CCIAA Marche su dati InfoCamere"  # as the snapshot's records and captions name it
#: whose register it is, and who republishes it as open data (the Fonti page names both)
REGISTER_OWNER = "InfoCamere — Registro delle imprese delle Camere di commercio"
REPUBLISHER = "CCIAA Marche (open data)"
SOURCE_URL = "https://opendata.marche.camcom.it/"
LICENCE = "CC BY 4.0"
FILES = {
    "iscrizioni": "Iscrizioni-Imprese-Italia.csv",
    "cessazioni": "Cancellazioni-Imprese-Italia.csv",
    "attive": "Stock-Imprese-Attive-Italia.csv",
}
MEASURES = list(FILES)
ATECO_2025_START = pd.Timestamp("2025-04-01")
TOTAL_LABELS = {"TOTALE", "TOTAL"}
#: ATECO 2007 section → ATECO 2025 section. 2007 J (information and communication) became 2025 J
#: (publishing, broadcasting) + K (telecommunications, IT): it cannot be split, so it is "J+K".
ATECO_2007_TO_2025 = {**{s: s for s in "ABCDEFGHI"}, "J": "J+K", "K": "L", "L": "M", "M": "N", "N": "O",
                      "O": "P", "P": "Q", "Q": "R", "R": "S", "S": "T", "T": "U", "U": "V", "X": "X"}
SECTORS = sorted(set("ABCDEFGHIJKLMNOPQRSTUVX") | {"J+K", "TOTALE"})
_DATE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
_SECTION = re.compile(r"^([A-Z])(?:\s|$)")
_SECTOR_HEADER = re.compile(r"settore|sezione", re.IGNORECASE)
_FINER_HEADER = re.compile(r"ateco|divisione|gruppo|classe|categoria", re.IGNORECASE)

SCHEMA = pa.DataFrameSchema(
    {
        "mese": pa.Column("datetime64[ns]", pa.Check(lambda s: (s.dt.day == 1).all(), error="primo del mese")),
        "territorio": pa.Column(str, pa.Check.str_matches(r"^(IT|IT[A-Z]\d[0-9A-Z]?)$")),
        "settore_ateco": pa.Column(str, pa.Check.isin(SECTORS)),
        "classificazione": pa.Column(str, pa.Check.isin(["ATECO 2007", "ATECO 2025"])),
        "iscrizioni": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "cessazioni": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "attive": pa.Column("Int64", pa.Check.ge(0), nullable=True),
    },
    unique=["mese", "territorio", "settore_ateco"],
    strict=True,
)


def parse_wide(content: bytes, name: str = "file") -> pd.DataFrame:
    """A wide registry CSV → long frame: one column per label column, then `data` and `valore` (Int64)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ObservatoryError(f"«{name}» non è un testo UTF-8: il formato del file è cambiato.") from exc
    try:
        raw = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f" (riga {line.group(1)}: numero di campi diverso dall'intestazione)" if line else ""
        raise ObservatoryError(f"«{name}» non è un CSV leggibile con separatore «;»{where}.") from exc
    columns = [str(c).strip() for c in raw.columns]
    raw.columns = columns
    dates = [c for c in columns if _DATE.match(c)]
    labels = [c for c in columns if c not in dates]
    if not dates:
        raise ObservatoryError(f"«{name}» non ha colonne mensili nel formato gg/mm/aaaa: intestazione {columns[:4]}…")
    if len(labels) < 1 or columns[: len(labels)] != labels:
        raise ObservatoryError(f"«{name}»: le colonne di etichetta devono precedere le colonne mensili.")
    long = raw.melt(id_vars=labels, value_vars=dates, var_name="data", value_name="valore")
    for column in labels:
        long[column] = long[column].str.strip()
    long["data"] = pd.to_datetime(long["data"], format="%d/%m/%Y")
    long["valore"] = _counts(long["valore"], name)
    return long


def _counts(values: pd.Series, name: str) -> pd.Series:
    """Published counts → Int64; blanks are NA, thousands dots tolerated, anything else is an error."""
    text = values.str.strip()
    text = text.where(~text.str.fullmatch(r"\d{1,3}(\.\d{3})+"), text.str.replace(".", "", regex=False))
    bad = text[(text != "") & ~text.str.fullmatch(r"\d+")]
    if not bad.empty:
        raise ObservatoryError(f"«{name}» contiene valori non numerici (es. «{bad.iloc[0]}»).")
    return pd.to_numeric(text.replace("", None)).astype("Int64")


def classification(label_columns: list[str], month: pd.Series) -> pd.Series:
    """ATECO version of each row: the one the sector header names, else by month (2025 from April 2025)."""
    header = " ".join(label_columns)
    for version in ("2025", "2007"):
        if re.search(rf"ateco\s*{version}", header, re.IGNORECASE):
            return pd.Series(f"ATECO {version}", index=month.index)
    return pd.Series("ATECO 2007", index=month.index).where(month < ATECO_2025_START, "ATECO 2025")


def sector_code(label: str) -> str | None:
    """'C Attivita' manifatturiere' → 'C'; 'TOTALE'/'TOTAL' → 'TOTALE'; anything else → None."""
    label = label.strip()
    if label.upper() in TOTAL_LABELS:
        return "TOTALE"
    match = _SECTION.match(label)
    return match.group(1) if match else None


def territory_codes() -> dict[str, str]:
    """Upper-case label used by the files → NUTS code: configured provinces, their region, Italy."""
    codes = {p.name.upper(): p.nuts for p in territory.provinces()}
    region_nuts, region_name = territory.region()
    codes[region_name.upper()] = region_nuts
    codes["ITALIA"] = territory.ITALIA
    return codes


def label_roles(labels: list[str], name: str) -> tuple[str | None, str, list[str]]:
    """(territory column or None for the national layout, sector column, finer ATECO columns) by header."""
    sector = next((c for c in labels if _SECTOR_HEADER.search(c)), None)
    if sector is None:
        raise ObservatoryError(f"«{name}» non ha una colonna del settore ATECO (intestazione: {'; '.join(labels)}).")
    finer = [c for c in labels if c != sector and _FINER_HEADER.search(c)]
    others = [c for c in labels if c != sector and c not in finer]
    if len(others) > 1:
        raise ObservatoryError(f"«{name}» ha colonne di etichetta non riconosciute: {', '.join(others)}.")
    return (others[0] if others else None), sector, finer


def tidy_measure(long: pd.DataFrame, measure: str, name: str) -> pd.DataFrame:
    """Long frame of one file → mese, territorio, settore_ateco, classificazione, <measure>."""
    labels = [c for c in long.columns if c not in ("data", "valore")]
    territory_col, sector_col, finer = label_roles(labels, name)
    frame = long
    for column in finer:  # e.g. a division column: keep only each section's TOTALE row
        frame = frame[frame[column].str.upper().isin(TOTAL_LABELS)]
    if territory_col is None:  # the national layout: every row is Italy
        frame = frame.assign(territorio=territory.ITALIA)
    else:
        wanted = territory_codes()
        frame = frame.assign(territorio=frame[territory_col].str.upper().map(wanted)).dropna(subset=["territorio"])
        missing = sorted(set(wanted) - set(frame[territory_col].str.upper()))
        if missing:
            raise ObservatoryError(f"«{name}» non contiene i territori {', '.join(missing)} "
                                   f"(colonna «{territory_col}»).")
    sector = frame[sector_col].map(sector_code)
    unknown = sorted(set(frame.loc[sector.isna(), sector_col]))
    if unknown:
        raise ObservatoryError(f"«{name}»: settori ATECO non riconosciuti, es. «{unknown[0]}».")
    mese = frame["data"].dt.to_period("M").dt.to_timestamp()
    out = pd.DataFrame({"mese": mese.astype("datetime64[ns]"), "territorio": frame["territorio"],
                        "settore_ateco": sector, "classificazione": classification(labels, mese),
                        measure: frame["valore"]})
    old = out["classificazione"] == "ATECO 2007"
    out.loc[old, "settore_ateco"] = out.loc[old, "settore_ateco"].map(lambda s: ATECO_2007_TO_2025.get(s, s))
    keys = ["mese", "territorio", "settore_ateco"]
    if out.duplicated(keys).any():
        raise ObservatoryError(f"«{name}» ha righe ripetute per lo stesso territorio, settore e mese.")
    return out.reset_index(drop=True)


def combine(parts: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Outer-join the three measures on month × territory × sector; a measure missing there is NA."""
    keys = ["mese", "territorio", "settore_ateco", "classificazione"]
    frame = None
    for measure in MEASURES:
        part = parts[measure][keys + [measure]]
        frame = part if frame is None else frame.merge(part, on=keys, how="outer")
    for measure in MEASURES:
        frame[measure] = frame[measure].astype("Int64")
    for column in ("territorio", "settore_ateco", "classificazione"):
        frame[column] = frame[column].astype(str)
    return frame.sort_values(keys[:3]).reset_index(drop=True)[keys + MEASURES]


def fetch_imprese(ctx: FetchContext) -> pd.DataFrame:
    base = ctx.base_url("camcom")
    session = http.make_session()
    parts = {}
    for measure, file_name in FILES.items():
        ctx.progress(f"InfoCamere: scarico {file_name}")
        response = http.get(session, f"{base}/{file_name}", publisher=PUBLISHER)
        parts[measure] = tidy_measure(parse_wide(response.content, file_name), measure, file_name)
    frame = combine(parts)
    lacking = [p.name for p in territory.provinces() if p.nuts not in set(frame["territorio"])]
    if lacking:
        raise ObservatoryError(f"I file di {PUBLISHER} riportano solo il totale nazionale (nessuna colonna del "
                               f"territorio): mancano {', '.join(lacking)}.")
    ctx.progress(f"Imprese: {len(frame)} righe, {frame['mese'].min():%m/%Y}–{frame['mese'].max():%m/%Y}")
    if (frame["classificazione"] == "ATECO 2007").any() and (frame["classificazione"] == "ATECO 2025").any():
        ctx.notes.append("Serie con cambio di classificazione ATECO 2007 → 2025 (aprile 2025): "
                         "la sezione J del 2007 corrisponde a J+K del 2025.")
    return frame


DATASETS = [
    Dataset(
        id="imprese", title_it="Imprese: iscrizioni, cessazioni e attive",
        title_en="Businesses: births, closures, active",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=SCHEMA,
        author=REGISTER_OWNER, republisher=REPUBLISHER,
        fetch=fetch_imprese, period_column="mese", source="camcom",
        coverage=Coverage(("territorio", "mese"), CARRY_OVER,
                          "i file del registro sono fotografie di fine mese e l'editore li riparte (ATECO 2007 → "
                          "2025): un mese uscito dal file resta storia valida"),
    ),
]
