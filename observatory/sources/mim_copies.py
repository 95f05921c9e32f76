"""`studenti` from the public copies of the Ministry's files in data/raw/mim_schools (`make snapshot`);
a refresh from dati.istruzione.it (mim.py) replaces them with the open-data files.

Student counts: the per-site files the Ministry sent in reply to an access request (2021/22–2024/25,
every order, state and non-state, values unchanged) and onData's per-school sums of the open-data
file ALUCORSOETASTA (2018/19–2020/21: primary and secondary only, no infanzia). Registries: the
state one of 2025/26 and the non-state ones of 2021/22–2023/24; each school year is placed with
the nearest registry listing the school (mim_place.py). Where two copies give the same school and
year, the more faithful one is kept."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from observatory import provenance
from observatory.errors import ObservatoryError
from observatory.sources import copies, mim_counts, mim_files, mim_place
from observatory.sources.types import FetchContext

FOLDER = "mim_schools"


def _counts(path: Path) -> pd.DataFrame:
    kind = copies.sidecar(path)["provenance"]
    found = mim_counts.layout(copies.head(path).splitlines()[0])
    if found == "foia":
        frame = mim_counts.parse_foia(path.read_bytes(), path.name)
    elif found in ("ondata", "corsoeta", "infanzia"):
        frame = mim_counts.parse_per_school(path.read_bytes(), path.name)
    else:
        raise ObservatoryError(f"«{path.name}»: formato degli alunni non riconosciuto.")
    return frame.assign(fonte_file=path.name, provenienza=kind, gestione_file=None)


def _registry(path: Path) -> tuple[str, str, pd.DataFrame]:
    copies.sidecar(path)  # checksum and provenance checked like every copy
    name = path.name.split("__")[0] + ".csv"
    prefix, year, _ = mim_files.split_name(name)
    gestione = next(g for g, (_, _, registry) in mim_files.PREFIXES.items() if registry == prefix)
    return mim_counts.school_year(year), gestione, mim_files.parse_registry(path.read_bytes(), path.name)


def build(raw: Path, ctx: FetchContext) -> pd.DataFrame:
    folder = raw / FOLDER
    counts, registries = [], []
    for path in copies.files(folder):
        if path.name.startswith(("SCUANAGRAFESTAT", "SCUANAGRAFEPAR")):
            registries.append(_registry(path))
        else:
            counts.append(_counts(path))
    if not counts or not registries:
        raise ObservatoryError(f"In {folder} mancano i file degli alunni o le anagrafi delle scuole.")
    frame = pd.concat(counts, ignore_index=True)
    rank = frame["provenienza"].map(provenance.ORDER.index)
    frame = frame.assign(_rank=rank).sort_values(["anno_scolastico", "codice_scuola", "_rank"])
    repeated = frame.duplicated(mim_place.KEYS)
    if repeated.any():
        ctx.notes.append(f"MIM: {int(repeated.sum())} sedi date da due copie nello stesso anno: tenuta la più fedele.")
    frame = frame[~repeated].drop(columns="_rank")
    out = mim_place.place(frame, registries, ctx.notes)
    for year, rows in out.groupby("anno_scolastico"):
        ctx.progress(f"Copie MIM {year}: {len(rows)} sedi, {int(rows['totale'].sum())} alunni")
    return out
