"""Students of every school order by school (Ministero dell'Istruzione e del Merito open data,
IODL 2.0), placed in their municipality through the school registries (mim_place.py).

A refresh reads, per school year, the per-school student files of state and non-state schools:
ALUCORSOETASTA/PAR (primaria and secondarie, by course year and age band) and INFANZIACLASTA/PAR
(infanzia, by class) [the infanzia header is taken from public code: VERIFY on the first live call],
summed per school (mim_counts.py), and the registries SCUANAGRAFESTAT/PAR. File names carry the
school year and an unpredictable date (`{PREFIX}{AAAABB}{YYYYMMDD}.csv`), so they are discovered
from the catalogue pages (`{base}/?area=Studenti`, `?area=Scuole`). Files are parsed by header
name (state and non-state registries differ); `Non Disponibile` is NA. The shipped snapshot is
built from public copies of the Ministry's files instead (mim_copies.py), in the same schema."""

from __future__ import annotations

import pandas as pd

from observatory.errors import ObservatoryError
from observatory.sources import http, mim_copies, mim_counts, mim_place
from observatory.sources.mim_files import (  # noqa: F401  (re-exported: the connector's file handling)
    PREFIXES,
    add_comune_istat,
    choose_years,
    discover,
    nearest_year,
    parse_registry,
    school_year,
    split_name,
)
from observatory.sources.types import CARRY_OVER, Coverage, Dataset, FetchContext

PUBLISHER = "Ministero dell'Istruzione e del Merito"
SOURCE_URL = "https://dati.istruzione.it/opendata/"
LICENCE = "IODL 2.0"
SCHEMA = mim_place.SCHEMA
def _download(session, base: str, name: str, ctx: FetchContext) -> bytes:
    ctx.progress(f"MIM: scarico {name}")
    return http.get(session, f"{base}/{name}", publisher=PUBLISHER).content


def _counts(session, base: str, found, years: list[str], ctx: FetchContext) -> pd.DataFrame:
    frames = []
    for year in years:
        for gestione, prefixes in PREFIXES.items():
            for prefix in prefixes[:2]:
                name = found.get(prefix, {}).get(year)
                if name is None:
                    ctx.notes.append(f"MIM {school_year(year)}: il file {prefix} ({gestione}) non è pubblicato: "
                                     "anno incompleto.")
                    continue
                counts = mim_counts.parse_per_school(_download(session, base, name, ctx), name)
                frames.append(counts.assign(fonte_file=name, provenienza="ufficiale", gestione_file=gestione))
    return pd.concat(frames, ignore_index=True)


def _registries(session, base: str, found, years: list[str], ctx: FetchContext) -> list[tuple[str, str, pd.DataFrame]]:
    """For each gestione, the registry of each school year or, when it is not published, the nearest."""
    out = []
    for gestione, (_, _, prefix) in PREFIXES.items():
        available = found.get(prefix, {})
        for year in sorted({nearest_year(y, available) for y in years} - {None}):
            out.append((school_year(year), gestione, parse_registry(_download(session, base, available[year], ctx),
                                                                    available[year])))
    return out


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
        raise ObservatoryError("Nel catalogo del Ministero non ci sono sia gli studenti per scuola sia l'anagrafe "
                               "delle scuole statali: la pagina potrebbe essere cambiata.")
    counts = _counts(session, base, found, years, ctx)
    frame = mim_place.place(counts, _registries(session, base, found, years, ctx), ctx.notes)
    ctx.progress(f"Studenti: {len(frame)} righe, anni {', '.join(school_year(y) for y in sorted(years))}")
    return frame


DATASETS = [
    Dataset(
        id="studenti", title_it="Studenti per scuola: ordine, tipo di scuola e comune",
        title_en="Students by school: order, school type and municipality",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=SCHEMA,
        fetch=fetch_studenti, period_column="anno_scolastico", source="mim", from_copies=mim_copies.build,
        # school year × management × school order: one file per year, management and order
        coverage=Coverage(("anno_scolastico", "gestione", "ordine"), CARRY_OVER,
                          "il Ministero pubblica un file per anno, gestione e ordine di scuola: un file vuoto o "
                          "ritirato non cambia le iscrizioni di un anno già pubblicato"),
    ),
]
