"""`forze_lavoro` from the public copies of ISTAT's values in data/raw/istat_lfs_provincial (`make
snapshot`); the live connector (istat.py) replaces them on a refresh from ISTAT.

Each file is read by its own layout's parser (databrowser export, diset-viz `;` table), its rows
carry the provenance of the file's sidecar. Inactivity 15-64 is not in the copies; since inactivity
and activity of one age band add up to 100 by definition, it is derived as 100 − activity 15-64
and each derived row says so in `derivazione`. Nothing else is filled in: a combination with no
copied value (Italia unemployment, rates by sex other than employment 15-89…) is absent."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from observatory.errors import ObservatoryError
from observatory.sources import copies, disetviz, istat_databrowser
from observatory.sources.lfs_codes import KEY_COLUMNS, territories
from observatory.sources.types import FetchContext

FOLDER = "istat_lfs_provincial"
DERIVED = "100 − tasso_attivita 15-64 (identità)"


def read_file(path: Path, territories: list[str]) -> pd.DataFrame:
    """One copy file by its layout, rows tagged with the sidecar's provenance."""
    kind = copies.sidecar(path)["provenance"]
    text = copies.head(path)
    if istat_databrowser.is_export(text):
        return istat_databrowser.parse(path.read_bytes(), path.name, territories, kind)
    if disetviz.is_layout(text):
        return disetviz.parse(path.read_bytes(), path.name, kind)
    raise ObservatoryError(f"«{path.name}»: formato non riconosciuto (né esportazione del databrowser ISTAT "
                           "né tabella diset-viz).")


def inactivity(frame: pd.DataFrame) -> pd.DataFrame:
    """Inactivity 15-64 as 100 − activity 15-64 for the rows of activity 15-64 with a value."""
    activity = frame[(frame["indicatore"] == "tasso_attivita") & (frame["classe_eta"] == "15-64")]
    activity = activity.dropna(subset=["valore"])
    out = activity.assign(indicatore="tasso_inattivita", valore=(100 - activity["valore"]).round(6),
                          derivazione=DERIVED)
    return out.astype({"valore": "Float64"})


def build(raw: Path, ctx: FetchContext) -> pd.DataFrame:
    frames = [read_file(path, territories()) for path in copies.files(raw / FOLDER)]
    frame = copies.combined(frames, KEY_COLUMNS, FOLDER, "")
    if not (frame["indicatore"] == "tasso_inattivita").any():
        derived = inactivity(frame)
        frame = pd.concat([frame, derived], ignore_index=True)
        ctx.notes.append(f"Tasso di inattività 15-64 derivato come 100 − tasso di attività 15-64 "
                         f"({len(derived)} valori): le copie non lo contengono.")
    for (indicator, band), rows in frame.groupby(["indicatore", "classe_eta"]):
        ctx.progress(f"Copie ISTAT: {indicator} {band}, {len(rows)} valori, {rows['anno'].min()}–{rows['anno'].max()}")
    return frame.sort_values(KEY_COLUMNS).reset_index(drop=True)
