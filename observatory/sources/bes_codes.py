"""The `bes_lavoro` dataset's codes and schema, shared by ISTAT's BES dei territori dataflows
(istat_bes.py) and the public copies of their values (bes_copies.py).

Four provincial indicators of job quality: ISTAT's indicator code (DATA_TYPE in the flows, the
`idIndicatore` of the copies) → our indicator id, the flow and BES domain it sits in, its unit.
The flow ids, dimension names and sex codes are those of ISTAT's 2025 edition as recorded by a
public archive of its answers (docs/data-gotchas.md, "BES dei territori" [VERIFY]); the connector
checks the DSD on every call and fails in Italian when ISTAT changed it."""

from __future__ import annotations

import dataclasses

import pandera.pandas as pa

from observatory import store

FIRST_YEAR = 2004


@dataclasses.dataclass(frozen=True)
class BesIndicator:
    """One BES indicator: ISTAT's code, our id, the flow and domain that publish it, its unit."""

    code: str
    indicatore: str
    flow: str
    domain: str
    unita: str


INDICATORS = (
    BesIndicator("03LAV001-N22", "tasso_occupazione_20_64", "DF_BES_TERRIT_3", "BES_03", "%"),
    BesIndicator("03LAV002-N22", "mancata_partecipazione", "DF_BES_TERRIT_3", "BES_03", "%"),
    BesIndicator("02IST006-N22", "neet", "DF_BES_TERRIT_2", "BES_02", "%"),
    BesIndicator("03LAV007", "infortuni_lavoro", "DF_BES_TERRIT_3", "BES_03", "per 10.000 occupati"),
)
BY_CODE = {i.code: i for i in INDICATORS}
BY_ID = {i.indicatore: i for i in INDICATORS}
#: ISTAT's SEX codes in the BES flows (F/M/T, not the 1/2/9 of the labour-force flows)
SEXES = {"F": "femmine", "M": "maschi", "T": "totale"}
KEY_COLUMNS = ["territorio", "indicatore", "sesso", "anno"]
COLUMNS = ["territorio", "indicatore", "codice_bes", "sesso", "anno", "valore", "unita", "stato_osservazione",
           "edizione", "provenienza"]

SCHEMA = pa.DataFrameSchema(
    {
        "territorio": pa.Column(str, pa.Check.str_matches(r"^IT[A-Z0-9]{0,3}$")),
        "indicatore": pa.Column(str, pa.Check.isin(tuple(BY_ID))),
        "codice_bes": pa.Column(str, pa.Check.isin(tuple(BY_CODE))),
        "sesso": pa.Column(str, pa.Check.isin(tuple(SEXES.values()))),
        "anno": pa.Column("int64", pa.Check.in_range(FIRST_YEAR, 2100)),
        "valore": pa.Column("Float64", pa.Check.in_range(0, 100), nullable=True),
        "unita": pa.Column(str, pa.Check.isin(tuple({i.unita for i in INDICATORS}))),
        "stato_osservazione": pa.Column(str, nullable=True),
        "edizione": pa.Column(str, nullable=True),
        "provenienza": pa.Column(str, pa.Check.isin(store.PROVENANCES)),
    },
    unique=KEY_COLUMNS,
    strict=True,
)
