"""Upper-secondary students by school, track and course year (Ministero dell'Istruzione e del Merito
open data, IODL 2.0), placed in their municipality through the school registry of the same year.

File names carry the school year and an unpredictable date (`{PREFIX}{AAAABB}{YYYYMMDD}.csv`), so
they are discovered from the catalogue pages (`{base}/?area=Studenti`, `?area=Scuole`). Files are
parsed by header name (state and non-state registries differ); `Non Disponibile` is NA."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pandera.pandas as pa

from observatory import crosswalk, territory
from observatory.errors import ObservatoryError
from observatory.sources import http
from observatory.sources.types import CARRY_OVER, Coverage, Dataset, FetchContext

PUBLISHER = "Ministero dell'Istruzione e del Merito"
SOURCE_URL = "https://dati.istruzione.it/opendata/"
LICENCE = "IODL 2.0"
KEEP_YEARS = 5
PLACEHOLDER = "Non Disponibile"
#: gestione → (students prefix, registry prefix)
PREFIXES = {"statale": ("ALUSECGRADOINDSTA", "SCUANAGRAFESTAT"), "paritaria": ("ALUSECGRADOINDPAR", "SCUANAGRAFEPAR")}
_FILE = re.compile(r"(?<![A-Z])(ALUSECGRADOINDSTA|ALUSECGRADOINDPAR|SCUANAGRAFESTAT|SCUANAGRAFEPAR)(\d{6})(\d{8})\.csv")
TRACKS = {"LICEO": "liceo", "TECNICO": "tecnico", "PROFESSIONALE": "professionale",
          "PROFESSIONALE IEFP": "iefp", "IEFP": "iefp"}
REGISTRY_COLUMNS = {"ANNOSCOLASTICO": "anno", "CODICESCUOLA": "codice_scuola", "PROVINCIA": "provincia",
                    "CODICECOMUNESCUOLA": "codice_catastale", "DESCRIZIONECOMUNE": "comune",
                    "DENOMINAZIONESCUOLA": "denominazione", "CAPSCUOLA": "cap",
                    "DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA": "tipologia"}
STUDENT_COLUMNS = {"ANNOSCOLASTICO": "anno", "CODICESCUOLA": "codice_scuola", "ANNOCORSO": "anno_corso",
                   "TIPOPERCORSO": "tipo_percorso", "PERCORSO": "percorso", "INDIRIZZO": "indirizzo",
                   "ALUNNIMASCHI": "maschi", "ALUNNIFEMMINE": "femmine"}
KEYS = ["anno_scolastico", "codice_scuola", "anno_corso", "tipo_percorso", "percorso", "indirizzo"]

SCHEMA = pa.DataFrameSchema(
    {
        "anno_scolastico": pa.Column(str, pa.Check.str_matches(r"^\d{4}/\d{2}$")),
        "codice_scuola": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}[A-Z0-9]{8}$")),
        "comune_istat": pa.Column(str, pa.Check.str_matches(r"^\d{6}$"), nullable=True),
        "gestione": pa.Column(str, pa.Check.isin(list(PREFIXES))),
        "tipo_percorso": pa.Column(str, pa.Check.isin(sorted(set(TRACKS.values())))),
        "percorso": pa.Column(str, nullable=True),
        "indirizzo": pa.Column(str, nullable=True),
        "anno_corso": pa.Column("int64", pa.Check.in_range(1, 5)),
        "maschi": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "femmine": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "totale": pa.Column("Int64", pa.Check.ge(0), nullable=True),
    },
    strict=True,
)


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
    """School years, newest first, with both state students and the state registry (at most `keep`)."""
    students, registry = PREFIXES["statale"]
    common = set(found.get(students, {})) & set(found.get(registry, {}))
    return sorted(common, reverse=True)[:keep]


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


def parse_students(content: bytes, name: str = "studenti") -> pd.DataFrame:
    """Students by school × course year × track → typed frame (counts Int64, track normalised)."""
    frame = read_table(content, name, STUDENT_COLUMNS)
    track = frame["tipo_percorso"].str.upper().map(TRACKS)
    if track.isna().any():
        odd = frame.loc[track.isna(), "tipo_percorso"].iloc[0]
        raise ObservatoryError(f"«{name}»: tipo di percorso sconosciuto «{odd}».")
    frame["tipo_percorso"] = track
    for column in ("anno_corso", "maschi", "femmine"):
        bad = frame[column].notna() & ~frame[column].fillna("").str.fullmatch(r"\d+")
        if bad.any():
            raise ObservatoryError(f"«{name}»: valore non numerico nella colonna {column.upper()} "
                                   f"(riga {bad.idxmax() + 2}: «{frame.loc[bad.idxmax(), column]}»).")
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    if frame["anno_corso"].isna().any():
        raise ObservatoryError(f"«{name}»: anno di corso mancante (riga {frame['anno_corso'].isna().idxmax() + 2}).")
    return frame


def school_year(code: str) -> str:
    """'202425' → '2024/25'."""
    return f"{code[:4]}/{code[4:]}"


def build(students: pd.DataFrame, registry: pd.DataFrame, gestione: str, notes: list[str]) -> pd.DataFrame:
    """Students of the configured provinces' schools, with the municipality from the registry."""
    names = {p.name.upper() for p in territory.provinces()}
    local = add_comune_istat(registry[registry["provincia"].str.upper().isin(names)])
    unmapped = sorted(set(local.loc[local["comune_istat"].isna(), "codice_catastale"].dropna()))
    if unmapped:
        notes.append(f"MIM: codici catastali senza comune ISTAT ({', '.join(unmapped)}): comune lasciato vuoto.")
    local = local.drop_duplicates("codice_scuola").set_index("codice_scuola")
    siglas = tuple(p.sigla for p in territory.provinces())
    kept = students[students["codice_scuola"].isin(local.index)]
    orphans = students[~students["codice_scuola"].isin(local.index) & students["codice_scuola"].str.startswith(siglas)]
    if not orphans.empty:
        notes.append(f"MIM ({gestione}): {orphans['codice_scuola'].nunique()} scuole degli studenti non sono "
                     "nell'anagrafe dello stesso anno e sono escluse.")
    out = pd.DataFrame({
        "anno_scolastico": kept["anno"].map(school_year),
        "codice_scuola": kept["codice_scuola"],
        "comune_istat": kept["codice_scuola"].map(local["comune_istat"]),
        "gestione": gestione,
        "tipo_percorso": kept["tipo_percorso"],
        "percorso": kept["percorso"],
        "indirizzo": kept["indirizzo"],
        "anno_corso": kept["anno_corso"].astype("int64"),
        "maschi": kept["maschi"],
        "femmine": kept["femmine"],
    })
    out["totale"] = (out["maschi"] + out["femmine"]).astype("Int64")
    return out


def _sum_duplicates(frame: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    keys = KEYS + ["comune_istat", "gestione"]
    if not frame.duplicated(keys).any():
        return frame
    notes.append(f"MIM: {int(frame.duplicated(keys).sum())} righe ripetute per scuola, anno e indirizzo: sommate.")
    summed = frame.groupby(keys, dropna=False, sort=False)[["maschi", "femmine", "totale"]].sum(min_count=1)
    return summed.reset_index()[list(frame.columns)]


def fetch_studenti(ctx: FetchContext) -> pd.DataFrame:
    base = ctx.base_url("mim")
    session = http.make_session()
    found: dict[str, dict[str, str]] = {}
    for area in ("Studenti", "Scuole"):
        ctx.progress(f"MIM: leggo il catalogo «{area}»")
        page = http.get(session, f"{base}/", params={"area": area}, publisher=PUBLISHER)
        for prefix, years in discover(page.content.decode("utf-8", errors="replace")).items():
            found.setdefault(prefix, {}).update(years)
    years = choose_years(found)
    if not years:
        raise ObservatoryError("Nel catalogo del Ministero non c'è un anno scolastico con sia gli studenti "
                               "sia l'anagrafe delle scuole statali: la pagina potrebbe essere cambiata.")
    frames = []
    for year in years:
        for gestione, (students_prefix, registry_prefix) in PREFIXES.items():
            students_name = found.get(students_prefix, {}).get(year)
            registry_name = found.get(registry_prefix, {}).get(year)
            if not (students_name and registry_name):
                ctx.notes.append(f"MIM {school_year(year)}: file {gestione} non pubblicati, anno incompleto.")
                continue
            ctx.progress(f"MIM: scarico {students_name} e {registry_name}")
            registry = parse_registry(http.get(session, f"{base}/{registry_name}", publisher=PUBLISHER).content,
                                      registry_name)
            students = parse_students(http.get(session, f"{base}/{students_name}", publisher=PUBLISHER).content,
                                      students_name)
            frames.append(build(students, registry, gestione, ctx.notes))
    frame = _sum_duplicates(pd.concat(frames, ignore_index=True), ctx.notes)
    for column in ("anno_scolastico", "codice_scuola", "gestione", "tipo_percorso"):
        frame[column] = frame[column].astype(str)
    frame = frame.sort_values(KEYS).reset_index(drop=True)
    ctx.progress(f"Studenti: {len(frame)} righe, anni {', '.join(school_year(y) for y in sorted(years))}")
    return frame


DATASETS = [
    Dataset(
        id="studenti", title_it="Studenti delle scuole superiori per indirizzo",
        title_en="Upper-secondary students by track",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=SCHEMA,
        fetch=fetch_studenti, period_column="anno_scolastico", source="mim",
        # school year × management × school type: update the type column here when the schema changes
        coverage=Coverage(("anno_scolastico", "gestione", "tipo_percorso"), CARRY_OVER,
                          "il Ministero pubblica un file per anno e gestione: un file vuoto o ritirato non cambia "
                          "le iscrizioni di un anno già pubblicato"),
    ),
]
