"""Figures published by ISTAT, Regione Lombardia, Unioncamere–Excelsior, the Chamber of Commerce
Como-Lecco, the provinces and INPS, transcribed from their releases and press coverage
(`numeri_pubblicati`): every row of the published-figures CSVs, with publisher, URL, page date and
note. They are headlines where no real micro-data exists and the yardstick of "Verifica dei numeri".

Layout: `domain,territory,indicator,period,value,unit,source,url,page_date,note` (comma-separated,
quoted, decimal point). `value` is usually a number; a few rows hold a label (the most requested
profession), kept as text with no number."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from observatory import store, territory
from observatory.errors import ObservatoryError
from observatory.sources import copies
from observatory.sources.types import REFUSE, Coverage, Dataset, FetchContext

FOLDER = "published_figures"
HEADER = ["domain", "territory", "indicator", "period", "value", "unit", "source", "url", "page_date", "note"]
COLUMNS = {"domain": "dominio", "territory": "territorio", "indicator": "indicatore", "period": "periodo",
           "value": "valore_testo", "unit": "unita", "source": "fonte", "url": "url", "page_date": "data_pagina",
           "note": "nota"}
PUBLISHER = ("Vari: ISTAT, Regione Lombardia, Unioncamere–Excelsior, CCIAA Como-Lecco, Province di Como e Lecco, "
             "INPS (dai comunicati e dalla stampa)")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

SCHEMA = pa.DataFrameSchema(
    {
        "file": pa.Column(str),
        "riga": pa.Column("int64", pa.Check.ge(1)),
        "dominio": pa.Column(str),
        "territorio": pa.Column(str),
        "territorio_nuts": pa.Column(str, pa.Check.str_matches(r"^IT[A-Z0-9]{0,3}(\+IT[A-Z0-9]{0,3})*$"),
                                     nullable=True),
        "indicatore": pa.Column(str),
        "periodo": pa.Column(str),
        "anno": pa.Column("Int64", pa.Check.in_range(1990, 2100), nullable=True),
        "valore": pa.Column("Float64", nullable=True),
        "valore_testo": pa.Column(str),
        "unita": pa.Column(str),
        "fonte": pa.Column(str),
        "url": pa.Column(str, pa.Check.str_matches(r"^https?://")),
        "data_pagina": pa.Column(str),
        "nota": pa.Column(str, nullable=True),
        "provenienza": pa.Column(str, pa.Check.isin(store.PROVENANCES)),
    },
    unique=["file", "riga"],
    strict=True,
)


def territory_codes() -> dict[str, str]:
    """Published territory names → NUTS codes ('Como+Lecco' → 'ITC42+ITC43')."""
    names = {name.casefold(): code for code, name in territory.territory_names().items()}
    return names


def nuts_of(name: str) -> str | None:
    codes = territory_codes()
    parts = [codes.get(part.strip().casefold()) for part in str(name).split("+")]
    return "+".join(parts) if parts and all(parts) else None


def parse(content: bytes, filename: str, provenienza: str = "trascritto") -> pd.DataFrame:
    """Every row of a published-figures CSV, typed: `valore` is the number (NA for a label),
    `valore_testo` the text as published, `anno` the first year in the period."""
    try:
        text = content.decode("utf-8-sig")
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ObservatoryError(f"«{filename}» non è un CSV leggibile dei numeri pubblicati: {exc}.") from exc
    if list(raw.columns) != HEADER:
        raise ObservatoryError(f"«{filename}» non ha le colonne {','.join(HEADER)}.")
    frame = raw.rename(columns=COLUMNS).apply(lambda s: s.str.strip())
    empty = frame[["dominio", "territorio", "indicatore", "periodo", "valore_testo", "url"]].eq("").any(axis=1)
    if empty.any():
        raise ObservatoryError(f"«{filename}»: la riga {int(empty.idxmax()) + 2} non ha tutti i campi obbligatori.")
    numeric = frame["valore_testo"].str.match(_NUMBER)
    frame.insert(0, "file", Path(filename).name)
    frame.insert(1, "riga", range(1, len(frame) + 1))
    frame.insert(4, "territorio_nuts", frame["territorio"].map(nuts_of))
    frame.insert(7, "anno", frame["periodo"].str.extract(r"((?:19|20)\d\d)")[0].astype("Int64"))
    frame.insert(8, "valore", pd.to_numeric(frame["valore_testo"].where(numeric, None)).astype("Float64"))
    frame["nota"] = frame["nota"].where(frame["nota"] != "", None)
    frame["provenienza"] = provenienza
    out = frame.astype({"riga": "int64"})
    for column in ("territorio_nuts", "nota"):
        out[column] = out[column].astype("str").where(out[column].notna(), None)
    return out.reset_index(drop=True)


def parse_upload(content: bytes, filename: str) -> pd.DataFrame:
    """A published-figures CSV in the same layout, uploaded by staff (the figures are still transcribed)."""
    return parse(content, filename)


def build(raw: Path, ctx: FetchContext) -> pd.DataFrame:
    frames = []
    for path in copies.files(raw / FOLDER):
        frames.append(parse(path.read_bytes(), path.name, copies.sidecar(path)["provenance"]))
        ctx.progress(f"Numeri pubblicati: {path.name}, {len(frames[-1])} righe")
    frame = pd.concat(frames, ignore_index=True)
    labels_only = int(frame["valore"].isna().sum())
    if labels_only:
        ctx.notes.append(f"Numeri pubblicati: {labels_only} righe hanno un'etichetta, non un numero.")
    return frame


DATASETS = [
    Dataset(
        id="numeri_pubblicati", title_it="Numeri pubblicati dagli enti (comunicati e stampa)",
        title_en="Figures published by the institutions (releases and press)", publisher=PUBLISHER,
        source_url="", licence="Fatti della statistica pubblica: citare l'editore originale di ogni riga",
        schema=SCHEMA, period_column="anno", parse_upload=parse_upload, from_copies=build,
        coverage=Coverage(("dominio", "territorio", "indicatore", "periodo"), REFUSE,
                          "ogni riga è un numero trascritto da un comunicato: un file che ne perde qualcuno va "
                          "controllato, perché un numero pubblicato non smette di esserlo"),
    ),
]
