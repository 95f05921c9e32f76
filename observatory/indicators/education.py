"""Upper-secondary students (MIM open data) for the Formazione page: totals by school type and
field, trend by school year, students by municipality of the school.

Schools are placed in a province by the first three digits of `comune_istat` (the ISTAT
province code), so the page's territory filter works without another join."""

from __future__ import annotations

import pandas as pd

#: School types in the order the page shows them.
TRACKS = ["liceo", "tecnico", "professionale", "iefp"]


def field_name(percorso: str) -> str:
    """'INDUSTRIA E ARTIGIANATO' → 'Industria e artigianato'; 'IEFP' → 'IeFP'."""
    text = str(percorso).strip()
    return "IeFP" if text.upper() == "IEFP" else text.capitalize()


def in_scope(studenti: pd.DataFrame, provinces: tuple[str, ...]) -> pd.DataFrame:
    """Rows of schools located in `provinces` (ISTAT codes such as '097')."""
    return studenti[studenti["comune_istat"].str[:3].isin(provinces)]


def in_municipality(studenti: pd.DataFrame, code: str) -> pd.DataFrame:
    """Rows of the schools located in one municipality."""
    return studenti[studenti["comune_istat"] == code]


def years(studenti: pd.DataFrame) -> list[str]:
    """School years present, oldest first ('2022/23', '2023/24', …)."""
    return sorted(studenti["anno_scolastico"].unique().tolist())


def by_track_and_year(studenti: pd.DataFrame) -> pd.DataFrame:
    """Students per school year and school type. Columns: anno_scolastico, tipo_percorso, studenti."""
    out = studenti.groupby(["anno_scolastico", "tipo_percorso"], as_index=False)["totale"].sum()
    out = out.rename(columns={"totale": "studenti"})
    order = {t: i for i, t in enumerate(TRACKS)}
    return out.sort_values(["tipo_percorso", "anno_scolastico"],
                           key=lambda s: s.map(order) if s.name == "tipo_percorso" else s).reset_index(drop=True)


def by_field(studenti: pd.DataFrame, year: str, track: str | None = None) -> pd.DataFrame:
    """Students of one school year by field (`percorso`), optionally of one school type.

    Columns: tipo_percorso, percorso, studenti, femmine, quota (% of the students shown),
    quota_femmine (% of the field's students); largest field first."""
    rows = studenti[studenti["anno_scolastico"] == year]
    if track:
        rows = rows[rows["tipo_percorso"] == track]
    out = rows.groupby(["tipo_percorso", "percorso"], as_index=False)[["totale", "femmine"]].sum()
    out = out.rename(columns={"totale": "studenti"})
    out.insert(2, "nome", out["percorso"].map(field_name))
    total = out["studenti"].sum()
    out["quota"] = out["studenti"] / total * 100 if total else pd.NA
    out["quota_femmine"] = out["femmine"] / out["studenti"].where(out["studenti"] > 0) * 100
    return out.sort_values("studenti", ascending=False).reset_index(drop=True)


def summary(studenti: pd.DataFrame, year: str) -> dict:
    """Headline figures: total students of `year` and of the year before (None when absent), and
    each school type's share (%) of `year`'s students."""
    known = years(studenti)
    previous = known[known.index(year) - 1] if year in known and known.index(year) > 0 else None
    current = studenti[studenti["anno_scolastico"] == year]
    total = int(current["totale"].sum())
    by_track = current.groupby("tipo_percorso")["totale"].sum()
    shares = {track: (by_track.get(track, 0) / total * 100 if total else None) for track in TRACKS}
    prior = int(studenti.loc[studenti["anno_scolastico"] == previous, "totale"].sum()) if previous else None
    return {"anno": year, "totale": total, "anno_precedente": previous, "totale_precedente": prior,
            "quote": shares, "femmine": int(current["femmine"].sum())}


def by_municipality(studenti: pd.DataFrame, comuni: pd.DataFrame, provinces: tuple[str, ...], year: str,
                    track: str | None = None) -> pd.DataFrame:
    """Students of `year` by municipality of the school, for every municipality of `provinces`.

    Columns: comune_istat, comune, provincia, valore; a municipality with no upper-secondary school
    in the data is NA (shown as 'no school', never as zero students)."""
    rows = studenti[studenti["anno_scolastico"] == year]
    if track:
        rows = rows[rows["tipo_percorso"] == track]
    counts = rows.groupby("comune_istat")["totale"].sum()
    scope = comuni[comuni["provincia_istat"].isin(provinces)][["comune_istat", "comune", "provincia"]].copy()
    scope["valore"] = scope["comune_istat"].map(counts).astype("Float64")
    return scope.sort_values("valore", ascending=False, na_position="last").reset_index(drop=True)
