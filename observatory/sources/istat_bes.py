"""ISTAT "BES dei territori" (benessere equo e sostenibile at local level): four provincial indicators
of job quality from the SDMX REST API — employment rate 20-64, non-participation rate, NEET 15-29
and the rate of fatal or permanently disabling work injuries — for the configured provinces, their
region and Italy, by sex where ISTAT publishes it (NEET is total only).

Same rules as the labour-force flows (istat_sdmx): every call through the shared throttle, the DSD
read and checked before any data call (NSI v8 layout: dimensions from `DimensionList` only), only
`startPeriod` sent. The flows carry an EDITION dimension (one BES edition a year): it is asked as a
wildcard and the latest edition in the answer is kept. The shipped snapshot is built from public
copies of ISTAT's values (bes_copies.py); a refresh replaces them with ISTAT's full series.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory.errors import ObservatoryError
from observatory.sources import bes_copies, istat_sdmx
from observatory.sources.bes_codes import COLUMNS, FIRST_YEAR, INDICATORS, KEY_COLUMNS, SCHEMA, SEXES, BesIndicator
from observatory.sources.lfs_codes import territories
from observatory.sources.types import CARRY_OVER, Coverage, Dataset, FetchContext

SOURCE_URL = "https://www.istat.it/statistiche-per-temi/focus/benessere-e-sostenibilita/bes-a-livello-locale/"
PUBLISHER = "ISTAT"
LICENCE = "CC BY 4.0"
#: the dimensions of the BES dei territori DSD (BES_TERRIT 1.1) [VERIFY on the first live call]
DIMS = ("FREQ", "REF_AREA", "DOMAIN", "DATA_TYPE", "SEX", "EDITION")


@dataclasses.dataclass(frozen=True)
class Flow:
    """One BES dataflow (one domain) and the indicators asked from it."""

    id: str
    domain: str
    indicators: tuple[BesIndicator, ...]

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.indicators]


FLOWS = tuple(Flow(flow, next(i.domain for i in INDICATORS if i.flow == flow),
                   tuple(i for i in INDICATORS if i.flow == flow))
              for flow in dict.fromkeys(i.flow for i in INDICATORS))


def flow_key(flow: Flow, dims: list[str]) -> str:
    """`A.ITC42+ITC43+ITC4+IT.BES_03.03LAV001-N22+….F+M+T.` in the DSD's order: every edition."""
    values = {"FREQ": "A", "REF_AREA": territories(), "DOMAIN": flow.domain, "DATA_TYPE": flow.codes,
              "SEX": list(SEXES)}
    return istat_sdmx.build_key(dims, values)


def latest_edition(raw: pd.DataFrame, flow: Flow, ctx: FetchContext) -> pd.DataFrame:
    """The rows of the newest BES edition in the answer (a new edition revises the earlier years)."""
    editions = sorted(e for e in raw["EDITION"].dropna().unique() if e)
    if len(editions) > 1:
        ctx.notes.append(f"ISTAT {flow.id}: edizioni {', '.join(editions)}; tenuta la {editions[-1]}.")
    return raw[raw["EDITION"] == editions[-1]] if editions else raw


def fetch_flow(sess, base: str, flow: Flow, ctx: FetchContext) -> pd.DataFrame:
    """One flow's observations in the bes_lavoro columns."""
    dims = istat_sdmx.dimensions(sess, base, flow.id)
    istat_sdmx.check_dimensions(flow.id, dims, DIMS)
    raw = istat_sdmx.get_data(sess, base, flow.id, flow_key(flow, dims), dims, FIRST_YEAR)
    raw = raw[(raw["FREQ"] == "A") & raw["REF_AREA"].isin(territories()) & (raw["DOMAIN"] == flow.domain)
              & raw["DATA_TYPE"].isin(flow.codes) & raw["SEX"].isin(list(SEXES))]
    raw = latest_edition(raw, flow, ctx)
    years = raw["TIME_PERIOD"].str.extract(r"^(\d{4})$")[0]
    if years.isna().any():
        odd = raw["TIME_PERIOD"][years.isna()].iloc[0]
        raise ObservatoryError(f"ISTAT: periodi non annuali nel flusso BES {flow.id} ({odd!r}).")
    by_code = {i.code: i for i in flow.indicators}
    ctx.progress(f"ISTAT {flow.id} (BES, {', '.join(flow.codes)}): {len(raw)} osservazioni")
    frame = pd.DataFrame({
        "territorio": raw["REF_AREA"].astype("str"),
        "indicatore": raw["DATA_TYPE"].map(lambda c: by_code[c].indicatore),
        "codice_bes": raw["DATA_TYPE"].astype("str"),
        "sesso": raw["SEX"].map(SEXES).astype("str"),
        "anno": years.astype("int64"),
        "valore": raw["OBS_VALUE"].astype("Float64"),
        "unita": raw["DATA_TYPE"].map(lambda c: by_code[c].unita),
        "stato_osservazione": raw["OBS_STATUS"].astype("str"),
        "edizione": raw["EDITION"].astype("str"),
        "provenienza": "ufficiale",
    }, columns=COLUMNS)
    return frame[frame["anno"] >= FIRST_YEAR]


def fetch_bes(ctx: FetchContext) -> pd.DataFrame:
    base = ctx.base_url("istat")
    sess = istat_sdmx.session()
    frame = pd.concat([fetch_flow(sess, base, flow, ctx) for flow in FLOWS], ignore_index=True)
    if frame.empty:
        raise ObservatoryError("ISTAT non ha restituito alcun dato BES dei territori per il territorio.")
    missing = [i.code for i in INDICATORS if i.indicatore not in set(frame["indicatore"])]
    if missing:
        ctx.notes.append(f"ISTAT non ha dati BES per: {', '.join(missing)}.")
    if frame.duplicated(KEY_COLUMNS).any():
        raise ObservatoryError("ISTAT ha restituito due valori BES per la stessa combinazione: la struttura del "
                               "flusso è cambiata.")
    return frame.sort_values(KEY_COLUMNS).reset_index(drop=True)


DATASETS = [
    Dataset(
        id="bes_lavoro", title_it="BES dei territori: qualità del lavoro (occupazione 20-64, mancata partecipazione, "
                                  "NEET, infortuni)",
        title_en="BES at local level: quality of work (employment 20-64, non-participation, NEET, injuries)",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=SCHEMA, fetch=fetch_bes,
        period_column="anno", source="istat", from_copies=bes_copies.build,
        coverage=Coverage(("indicatore", "territorio", "sesso", "anno"), CARRY_OVER,
                          "ISTAT risponde un dominio BES alla volta: un flusso vuoto o in errore toglierebbe interi "
                          "indicatori, mentre i valori già pubblicati restano quelli di ISTAT"),
    ),
]
