"""The `;` layout of the "Divario Italia" repository (github.com/nmaiese/diset-viz) for ISTAT's
provincial labour-force rates: `indicator_id;level;territory_key;year;value`, one row per
indicator × territory × year, territories as lower-case names, values rounded to 3 decimals by the
repository's script (the ISTAT flows and filters are in its manifest; see the file's sidecar)."""

from __future__ import annotations

import csv
import io

import pandas as pd

from observatory import territory
from observatory.errors import ObservatoryError
from observatory.sources.lfs_codes import CURRENT

HEADER = ["indicator_id", "level", "territory_key", "year", "value"]
#: indicator id → (our indicator, ISTAT age band of the flow the copy filtered)
INDICATORS = {"ISTATP_DISOCCUPAZIONE": ("tasso_disoccupazione", "15-74"),
              "ISTATP_ATTIVITA": ("tasso_attivita", "15-64")}


def is_layout(text: str) -> bool:
    first = text.lstrip("\ufeff").splitlines()[0] if text else ""
    return [c.strip() for c in first.split(";")] == HEADER


def territory_keys() -> dict[str, str]:
    """The copy's lower-case territory names → NUTS codes, for the configured provinces and region."""
    region_nuts, region_name = territory.region()
    keys = {p.name.casefold(): p.nuts for p in territory.provinces()}
    keys[region_name.casefold()] = region_nuts
    return keys


def parse(content: bytes, filename: str, provenienza: str) -> pd.DataFrame:
    """Rows of the configured provinces and region as `forze_lavoro` rows (total sex, current series).

    The copy's other territories are skipped; an unknown indicator id or a non-numeric value is an
    Italian ObservatoryError, never a silent gap."""
    text = content.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not rows or [c.strip() for c in rows[0]] != HEADER:
        raise ObservatoryError(f"«{filename}» non ha le colonne {';'.join(HEADER)} della copia diset-viz.")
    raw = pd.DataFrame([r for r in rows[1:] if r], columns=HEADER, dtype="str").apply(lambda s: s.str.strip())
    unknown = sorted(set(raw["indicator_id"]) - set(INDICATORS))
    if unknown:
        raise ObservatoryError(f"«{filename}»: indicatori sconosciuti {', '.join(unknown)}.")
    nuts = raw["territory_key"].str.casefold().map(territory_keys())
    raw = raw[nuts.notna()].assign(territorio=nuts[nuts.notna()])
    values = pd.to_numeric(raw["value"], errors="coerce")
    if values.isna().any() or not raw["year"].str.fullmatch(r"\d{4}").all():
        bad = raw[values.isna() | ~raw["year"].str.fullmatch(r"\d{4}")].iloc[0]
        raise ObservatoryError(f"«{filename}»: riga non leggibile ({bad['territory_key']}, {bad['year']}, "
                               f"«{bad['value']}»).")
    indicator = raw["indicator_id"].map(lambda i: INDICATORS[i][0])
    return pd.DataFrame({
        "territorio": raw["territorio"], "indicatore": indicator, "sesso": "totale",
        "classe_eta": raw["indicator_id"].map(lambda i: INDICATORS[i][1]), "anno": raw["year"].astype("int64"),
        "valore": values.astype("Float64"), "stato_osservazione": None, "serie": CURRENT,
        "provenienza": provenienza, "derivazione": None,
    }).astype({"stato_osservazione": "str", "derivazione": "str"}).reset_index(drop=True)
