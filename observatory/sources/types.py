"""What a dataset of the catalogue is: its identity, provenance, schema and how it is fetched."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from observatory import config


@dataclasses.dataclass
class FetchContext:
    """What a connector gets from the refresh: base URLs, a progress callback and a notes list.

    `progress(message)` reports, in Italian, what the connector is doing ("ISTAT: tasso di
    occupazione, 96 righe"); `notes` collects remarks for the refresh report (e.g. records that
    did not map to an ATECO section)."""

    base_urls: dict[str, str] = dataclasses.field(default_factory=dict)
    progress: Callable[[str], None] = lambda message: None
    notes: list[str] = dataclasses.field(default_factory=list)

    def base_url(self, source: str) -> str:
        given = self.base_urls.get(source)  # the configured default only when none is given
        return (given or config.base_url(source)).rstrip("/")


#: what a refresh does when a new answer lacks part of the live version's coverage
CARRY_OVER, REFUSE = "tieni", "rifiuta"


@dataclasses.dataclass(frozen=True)
class Coverage:
    """What a complete answer covers: every combination of `columns` in the live version must be in a
    new one. When some are missing, `on_missing` says what a refresh does: CARRY_OVER keeps them from
    the live version (marked as carried over, with their date), REFUSE fails the dataset. `why` says
    why that choice suits this source (shown in the docs and the staff area)."""

    columns: tuple[str, ...]
    on_missing: str
    why: str

    def __post_init__(self) -> None:
        if self.on_missing not in (CARRY_OVER, REFUSE):
            raise ValueError(f"on_missing must be {CARRY_OVER!r} or {REFUSE!r}, not {self.on_missing!r}")


@dataclasses.dataclass(frozen=True)
class Dataset:
    """One dataset of the observatory. `fetch` is None for datasets without an API (Excelsior, the
    published figures), which come from an uploaded file or from the copies in data/raw."""

    id: str
    title_it: str
    title_en: str
    publisher: str
    source_url: str
    licence: str
    schema: pa.DataFrameSchema
    fetch: Callable[[FetchContext], pd.DataFrame] | None = None
    #: column that holds the period (a year, a date or a school year) to compute period covered
    period_column: str | None = None
    #: parses an uploaded official file (bytes, file name) into the schema; None if not uploadable
    parse_upload: Callable[[bytes, str], pd.DataFrame] | None = None
    #: the publisher source key of config.DEFAULT_BASE_URLS this dataset talks to
    source: str | None = None
    #: builds the dataset from the public copies of the publisher's values shipped in data/raw
    #: (`make snapshot`): (data/raw folder, context) → frame; None when the snapshot uses the connector
    from_copies: Callable[[Path, FetchContext], pd.DataFrame] | None = None
    #: what a complete answer covers and what a refresh does when part of it is missing
    coverage: Coverage | None = None
    #: who republishes the publisher's data where we read it (the register is InfoCamere's, the
    #: files are the Marche chamber's open data); "" when we read the publisher's own release
    republisher: str = ""
    #: whose data it is, when `publisher` (as the snapshot records it) names the republication
    author: str = ""
