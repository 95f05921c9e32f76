"""The `forze_lavoro` dataset's codes and schema, shared by every way its rows arrive: ISTAT's REST
API (istat.py), a databrowser export (istat_databrowser.py) and the public copies (lfs_copies.py).

Each row says how its value reached us (`provenienza`, store.PROVENANCES) and, when the value is
computed from another one instead of published, how (`derivazione`, e.g. inactivity 15-64 as
100 − activity 15-64, an identity of the definitions)."""

from __future__ import annotations

import pandera.pandas as pa

from observatory import store, territory

FIRST_YEAR = 2004
CURRENT, PREVIOUS = "RFL2021", "UNT2020"
SEXES = {"1": "maschi", "2": "femmine", "9": "totale"}
#: ISTAT DATA_TYPE → our indicator
DATA_TYPES = {"EMP_R": "tasso_occupazione", "UNEM_R": "tasso_disoccupazione", "ACT_R": "tasso_attivita",
              "INAC_R": "tasso_inattivita"}
INDICATORS = tuple(DATA_TYPES.values())
KEY_COLUMNS = ["territorio", "indicatore", "sesso", "classe_eta", "anno"]

SCHEMA = pa.DataFrameSchema(
    {
        "territorio": pa.Column(str, pa.Check.str_matches(r"^IT[A-Z0-9]{0,3}$")),
        "indicatore": pa.Column(str, pa.Check.isin(INDICATORS)),
        "sesso": pa.Column(str, pa.Check.isin(tuple(SEXES.values()))),
        "classe_eta": pa.Column(str, pa.Check.str_matches(r"^\d+(-\d+|\+)$")),
        "anno": pa.Column("int64", pa.Check.in_range(FIRST_YEAR, 2100)),
        "valore": pa.Column("Float64", pa.Check.in_range(0, 100), nullable=True),
        "stato_osservazione": pa.Column(str, nullable=True),
        "serie": pa.Column(str, pa.Check.isin((CURRENT, PREVIOUS))),
        "provenienza": pa.Column(str, pa.Check.isin(store.PROVENANCES)),
        "derivazione": pa.Column(str, nullable=True),
    },
    unique=KEY_COLUMNS,
    strict=True,
)


def age_band(code: str) -> str:
    """ISTAT AGE code to our label: Y15-64 → 15-64, Y_GE15 → 15+."""
    if code.startswith("Y_GE"):
        return code[4:] + "+"
    return code[1:] if code.startswith("Y") else code


def territories() -> list[str]:
    """NUTS codes compared on the pages: configured provinces, their region, Italy."""
    region_nuts, _ = territory.region()
    return [p.nuts for p in territory.provinces()] + [region_nuts, territory.ITALIA]
