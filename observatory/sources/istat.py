"""ISTAT labour-force rates by province (Rilevazione sulle forze di lavoro), from the SDMX REST API.

Four rates (employment, unemployment, activity, inactivity) for the configured provinces, their
region and Italy, by sex and age band, from 2004. Years up to 2020 come from the flows of the
previous EU regulation (`*_UNT2020`), later ones from the current flows: the series breaks in 2021
and the column `serie` says which regulation a value follows. Where both flows have a year the
current regulation wins. Local units (ASIA) live in istat_asia; both share istat_sdmx's throttle.

The shipped snapshot is not built from here but from public copies of ISTAT's values
(lfs_copies.py); a refresh replaces them with the API's full series. Staff can also upload a
databrowser export (istat_databrowser.py).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory.errors import ObservatoryError
from observatory.sources import istat_asia, istat_databrowser, istat_sdmx, lfs_copies
from observatory.sources.lfs_codes import (  # noqa: F401  (re-exported for callers of the connector)
    CURRENT,
    FIRST_YEAR,
    INDICATORS,
    KEY_COLUMNS,
    PREVIOUS,
    SCHEMA,
    SEXES,
    age_band,
    territories,
)
from observatory.sources.types import CARRY_OVER, Coverage, Dataset, FetchContext

SOURCE_URL = "https://esploradati.istat.it/databrowser/#/it"
LICENCE = "CC BY 4.0"
PUBLISHER = "ISTAT"

#: Dimensions of the LFS rate DSDs (DCCV_TAXOCCU1 & co.); unemployment adds DURATION_UNEMPLOYMENT.
DIMS_7 = ("FREQ", "REF_AREA", "DATA_TYPE", "SEX", "AGE", "EDU_LEV_HIGHEST", "CITIZENSHIP")
DIMS_8 = (*DIMS_7, "DURATION_UNEMPLOYMENT")


@dataclasses.dataclass(frozen=True)
class Flow:
    """One ISTAT dataflow of one indicator and regulation, and the codes the key asks for."""

    id: str
    indicatore: str
    data_type: str
    ages: tuple[str, ...]
    serie: str
    dims: tuple[str, ...] = DIMS_7

    def fixed(self) -> dict[str, str]:
        """Codes of the dimensions held at their total (any dimension past AGE)."""
        totals = {"FREQ": "A", "EDU_LEV_HIGHEST": "99", "CITIZENSHIP": "TOTAL", "DURATION_UNEMPLOYMENT": "TOTAL"}
        return {d: totals[d] for d in self.dims if d in totals}


FLOWS = (
    Flow("150_915", "tasso_occupazione", "EMP_R", ("Y15-64", "Y15-89"), CURRENT),
    Flow("151_914", "tasso_disoccupazione", "UNEM_R", ("Y15-24", "Y15-74"), CURRENT, DIMS_8),
    Flow("150_916", "tasso_attivita", "ACT_R", ("Y15-64",), CURRENT),
    Flow("152_913", "tasso_inattivita", "INAC_R", ("Y15-64",), CURRENT),
    # Previous regulation (until 2020): DCCV_TAXOCCU1_UNT2020, _TAXDISOCCU1_, _TAXATVT1_, _TAXINATT1_.
    Flow("150_1189", "tasso_occupazione", "EMP_R", ("Y15-64",), PREVIOUS),
    Flow("151_1193", "tasso_disoccupazione", "UNEM_R", ("Y15-24", "Y15-74"), PREVIOUS, DIMS_8),
    Flow("150_1191", "tasso_attivita", "ACT_R", ("Y15-64",), PREVIOUS),
    Flow("152_1196", "tasso_inattivita", "INAC_R", ("Y15-64",), PREVIOUS),
)

FORZE_LAVORO_SCHEMA = SCHEMA


def flow_key(flow: Flow, dims: list[str]) -> str:
    """The data key of a flow, in the DSD's own order, all territories and sexes in one call."""
    values = {"REF_AREA": territories(), "DATA_TYPE": flow.data_type, "SEX": list(SEXES),
              "AGE": list(flow.ages), **flow.fixed()}
    return istat_sdmx.build_key(dims, values)


def fetch_flow(sess, base: str, flow: Flow, ctx: FetchContext) -> pd.DataFrame:
    """One flow's observations in the forze_lavoro columns (unfiltered by year)."""
    dims = istat_sdmx.dimensions(sess, base, flow.id)
    istat_sdmx.check_dimensions(flow.id, dims, flow.dims)
    raw = istat_sdmx.get_data(sess, base, flow.id, flow_key(flow, dims), dims, FIRST_YEAR)
    wanted = ((raw["FREQ"] == "A") & raw["REF_AREA"].isin(territories()) & (raw["DATA_TYPE"] == flow.data_type)
              & raw["SEX"].isin(list(SEXES)) & raw["AGE"].isin(list(flow.ages)))
    for dim, code in flow.fixed().items():
        wanted &= raw[dim] == code
    raw = raw[wanted]
    years = raw["TIME_PERIOD"].str.extract(r"^(\d{4})$")[0]
    if years.isna().any():
        odd = raw["TIME_PERIOD"][years.isna()].iloc[0]
        raise ObservatoryError(f"ISTAT: periodi non annuali nel flusso {flow.id} ({odd!r}).")
    ctx.progress(f"ISTAT {flow.id} ({flow.indicatore}, {flow.serie}): {len(raw)} osservazioni")
    return pd.DataFrame({
        "territorio": raw["REF_AREA"].astype("str"),
        "indicatore": flow.indicatore,
        "sesso": raw["SEX"].map(SEXES).astype("str"),
        "classe_eta": raw["AGE"].map(age_band).astype("str"),
        "anno": years.astype("int64"),
        "valore": raw["OBS_VALUE"].astype("Float64"),
        "stato_osservazione": raw["OBS_STATUS"].astype("str"),
        "serie": flow.serie,
        "provenienza": "ufficiale",
        "derivazione": pd.Series(None, index=raw.index, dtype="str"),
    })


def fetch_forze_lavoro(ctx: FetchContext) -> pd.DataFrame:
    base = ctx.base_url("istat")
    sess = istat_sdmx.session()
    frames = [fetch_flow(sess, base, flow, ctx) for flow in FLOWS]
    return combine(frames, ctx)


def parse_upload(content: bytes, filename: str) -> pd.DataFrame:
    """A databrowser export ("SDMX-CSV with labels") uploaded by staff, for the compared territories.

    The upload replaces the whole dataset: export every rate the pages show (see docs/data-gotchas.md)."""
    frame = istat_databrowser.parse(content, filename, territories(), "caricato")
    if frame.empty:
        raise ObservatoryError(f"«{filename}» non ha righe per {', '.join(territories())}: scaricare l'esportazione "
                               "con i territori dell'osservatorio.")
    return frame.sort_values(KEY_COLUMNS).reset_index(drop=True)


def combine(frames: list[pd.DataFrame], ctx: FetchContext) -> pd.DataFrame:
    """Stack the flows, keep years from FIRST_YEAR, and prefer the current regulation on overlaps."""
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[frame["anno"] >= FIRST_YEAR]
    if frame.empty:
        raise ObservatoryError("ISTAT non ha restituito alcun dato sulle forze di lavoro per il territorio.")
    frame = frame.assign(_rank=(frame["serie"] != CURRENT).astype(int)).sort_values([*KEY_COLUMNS, "_rank"])
    overlap = frame.duplicated(KEY_COLUMNS, keep="first")
    if overlap.any():
        years = sorted(frame.loc[overlap, "anno"].unique())
        ctx.notes.append(f"Anni presenti in entrambi i regolamenti ({years[0]}–{years[-1]}): tenuto il {CURRENT}.")
    frame = frame[~overlap].drop(columns="_rank")
    missing = sorted(set(INDICATORS) - set(frame["indicatore"]))
    if missing:
        ctx.notes.append(f"ISTAT non ha dati per: {', '.join(missing)}.")
    return frame.sort_values(KEY_COLUMNS).reset_index(drop=True)


DATASETS = [
    Dataset(
        id="forze_lavoro", title_it="Forze di lavoro: tassi di occupazione, disoccupazione, attività e inattività",
        title_en="Labour force: employment, unemployment, activity and inactivity rates",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=FORZE_LAVORO_SCHEMA,
        fetch=fetch_forze_lavoro, period_column="anno", source="istat", parse_upload=parse_upload,
        from_copies=lfs_copies.build,
        coverage=Coverage(("indicatore", "territorio", "anno"), CARRY_OVER,
                          "ISTAT risponde flusso per flusso: un flusso vuoto o in errore toglierebbe un intero "
                          "indicatore, mentre i valori già pubblicati restano quelli ufficiali"),
    ),
    istat_asia.DATASET,
]
