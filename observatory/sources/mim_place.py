"""Students per school placed in their municipality through the school registries, and the
`studenti` schema both the live connector and the public copies produce.

Student files name only the school (`codice_scuola`); a registry (SCUANAGRAFESTAT / SCUANAGRAFEPAR)
gives its municipality as a cadastral code. Each row is placed with the registry of the nearest
school year that lists the school (the same year first) and says which one (`anagrafe`). A school
no registry lists is kept, never dropped: it counts in the province its code names, with no
municipality, and the notes say how many students that is."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from observatory import crosswalk, labels, store, territory
from observatory.sources import mim_codes

KEYS = ["anno_scolastico", "codice_scuola"]
COLUMNS = ["anno_scolastico", "codice_scuola", "provincia_istat", "comune_istat", "gestione", "ordine",
           "tipo_scuola", "tipologia", "totale", "anagrafe", "fonte_file", "provenienza"]
GESTIONI = ("statale", "paritaria")

SCHEMA = pa.DataFrameSchema(
    {
        "anno_scolastico": pa.Column(str, pa.Check.str_matches(r"^\d{4}/\d{2}$")),
        "codice_scuola": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}[A-Z0-9]{8}$")),
        "provincia_istat": pa.Column(str, pa.Check.str_matches(r"^\d{3}$")),
        "comune_istat": pa.Column(str, pa.Check.str_matches(r"^\d{6}$"), nullable=True),
        "gestione": pa.Column(str, pa.Check.isin(GESTIONI), nullable=True),
        "ordine": pa.Column(str, pa.Check.isin(mim_codes.ORDERS), nullable=True),
        "tipo_scuola": pa.Column(str, pa.Check.isin(mim_codes.TYPES)),
        "tipologia": pa.Column(str, pa.Check.str_matches(r"^[A-Z0-9]{2}$")),
        "totale": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "anagrafe": pa.Column(str, pa.Check.str_matches(r"^\d{4}/\d{2}$"), nullable=True),
        "fonte_file": pa.Column(str),
        "provenienza": pa.Column(str, pa.Check.isin(store.PROVENANCES)),
    },
    unique=KEYS,
    strict=True,
)


def registry_entries(registries: list[tuple[str, str, pd.DataFrame]]) -> pd.DataFrame:
    """(school year, gestione, parsed registry) → one row per school and registry year with its
    municipality: codice_scuola, anagrafe, gestione_anagrafe, comune_istat, codice_catastale."""
    frames = []
    mapping = crosswalk.cadastral_to_current()
    for year, gestione, registry in registries:
        rows = registry.drop_duplicates("codice_scuola")
        frames.append(pd.DataFrame({"codice_scuola": rows["codice_scuola"], "anagrafe": year,
                                    "gestione_anagrafe": gestione, "codice_catastale": rows["codice_catastale"],
                                    "comune_istat": rows["codice_catastale"].map(mapping)}))
    columns = ["codice_scuola", "anagrafe", "gestione_anagrafe", "codice_catastale", "comune_istat"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def _nearest(counts: pd.DataFrame, entries: pd.DataFrame) -> pd.DataFrame:
    """Each count row with the registry entry of the nearest year (same year first, then later)."""
    merged = counts.reset_index().merge(entries, on="codice_scuola", how="left")
    start = merged["anno_scolastico"].str[:4].astype(int)
    merged["_gap"] = (merged["anagrafe"].str[:4].astype("Float64") - start).abs()
    merged["_later"] = merged["anagrafe"].fillna("") >= merged["anno_scolastico"]
    merged = merged.sort_values(["index", "_gap", "_later"], ascending=[True, True, False], na_position="last")
    return merged.drop_duplicates("index").set_index("index").sort_index()


def place(counts: pd.DataFrame, registries: list[tuple[str, str, pd.DataFrame]], notes: list[str]) -> pd.DataFrame:
    """`counts` (anno_scolastico, codice_scuola, totale, fonte_file, provenienza, gestione_file) of any
    province → the `studenti` rows of the configured provinces' schools."""
    siglas = {p.sigla: p.istat for p in territory.provinces()}
    local = counts[counts["codice_scuola"].str[:2].isin(list(siglas))].reset_index(drop=True)
    placed = _nearest(local, registry_entries(registries))
    gestione = placed["gestione_anagrafe"].fillna(placed["gestione_file"]) if "gestione_file" in placed \
        else placed["gestione_anagrafe"]
    placed = _one_per_school(placed.assign(gestione=gestione), notes)
    classes = [mim_codes.classify(code) for code in placed["codice_scuola"]]
    out = pd.DataFrame({
        "anno_scolastico": placed["anno_scolastico"], "codice_scuola": placed["codice_scuola"],
        "provincia_istat": placed["comune_istat"].str[:3].fillna(placed["codice_scuola"].str[:2].map(siglas)),
        "comune_istat": placed["comune_istat"], "gestione": placed["gestione"],
        "ordine": [c[0] for c in classes], "tipo_scuola": [c[1] for c in classes],
        "tipologia": placed["codice_scuola"].map(mim_codes.tipologia), "totale": placed["totale"].astype("Int64"),
        "anagrafe": placed["anagrafe"].where(placed["comune_istat"].notna()),
        "fonte_file": placed["fonte_file"], "provenienza": placed["provenienza"],
    })
    for column in ("comune_istat", "gestione", "ordine", "anagrafe"):
        out[column] = out[column].astype("str").where(out[column].notna(), None)
    _report(out, placed, notes)
    return out.sort_values(KEYS).reset_index(drop=True)[COLUMNS]


def _one_per_school(placed: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    """A school listed by two files of one year (e.g. the state file also listing non-state schools)
    is counted once: from the file of the school's own gestione, else the first file."""
    if not placed.duplicated(KEYS).any():
        return placed
    own = placed.get("gestione_file", pd.Series(None, index=placed.index)).eq(placed["gestione_anagrafe"])
    ranked = placed.assign(_own=own.fillna(False)).sort_values(KEYS + ["_own"], ascending=[True, True, False])
    kept = ranked.drop_duplicates(KEYS).drop(columns="_own")
    notes.append(f"MIM: {len(placed) - len(kept)} sedi presenti in due file dello stesso anno: contate una volta "
                 "(dal file della loro gestione).")
    return kept


def _report(out: pd.DataFrame, placed: pd.DataFrame, notes: list[str]) -> None:
    """Which registry year placed which school years, and how many students could not be placed."""
    used = out.dropna(subset=["anagrafe"]).groupby(["gestione", "anagrafe"])["anno_scolastico"].agg(["min", "max"])
    if not used.empty:
        parts = [f"{g} {reg} → {labels.fmt_span(low, high)}" for (g, reg), (low, high) in used.iterrows()]
        notes.append("MIM: anagrafe usata per collocare le sedi (anno dell'anagrafe → anni scolastici): "
                     + "; ".join(parts) + ".")
    bad_cadastral = sorted(set(placed.loc[placed["anagrafe"].notna() & placed["comune_istat"].isna(),
                                          "codice_catastale"].dropna()))
    if bad_cadastral:
        notes.append(f"MIM: codici catastali senza comune ISTAT ({', '.join(bad_cadastral)}): sedi senza comune.")
    for year, rows in out.groupby("anno_scolastico"):
        lost = rows[rows["comune_istat"].isna()]
        if lost.empty:
            continue
        share = lost["totale"].sum() / rows["totale"].sum() * 100 if rows["totale"].sum() else 0
        notes.append(f"MIM {year}: {len(lost)} sedi con {labels.fmt_int(lost['totale'].sum())} alunni "
                     f"({labels.fmt_pct(share, 1)}) non sono in nessuna anagrafe disponibile: contate nella "
                     "provincia del loro codice, senza comune.")
