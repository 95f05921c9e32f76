"""Regione Lombardia contract events: raw text of the Comunicazioni Obbligatorie → observatory categories.

Both the API path (lombardia.py) and the bulk path (lombardia_bulk.py) map values through the same
functions below, applied once per distinct raw value, so the two paths give identical aggregates.
A raw value that maps to nothing becomes an explicit category (`ND`, `altro`, `non valido`…), never
a dropped record; only records with no usable month or sex are dropped, and they are counted."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from observatory import territory
from observatory.sources.lombardia_dates import date_order, month_of  # noqa: F401 (month_of re-exported)

#: Raw fields (API fieldName = lower-case display name) that become one schema column each.
CATEGORY_FIELDS = {
    "settoreeconomicodettaglio": "settore_ateco",
    "contratto": "contratto",
    "modalitalavoro": "orario",
    "genere": "sesso",
    "eta": "classe_eta",
    "titolostudio": "titolo_studio",
    "italiano": "cittadinanza",
}
DATE_FIELD, PROVINCE_FIELD = "data", "provinciaimpresa"
REQUIRED_FIELDS = (DATE_FIELD, *CATEGORY_FIELDS, PROVINCE_FIELD)
SCHEMA_KEYS = ["mese", "territorio", *CATEGORY_FIELDS.values()]

UNMAPPED_SECTOR = "ND"
SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU") + (UNMAPPED_SECTOR,)
CONTRACTS = ("indeterminato", "determinato", "apprendistato", "somministrazione", "intermittente",
             "domestico", "tirocinio", "altro")
WORKING_TIME = ("tempo pieno", "tempo parziale", "non definito")
SEXES = ("maschi", "femmine")
AGE_BANDS = ("15-24", "25-34", "35-44", "45-54", "55-64", "65+", "non valido")
EDUCATION = ("nessuno/elementare", "licenza media", "diploma", "laurea", "non indicato")
CITIZENSHIP = ("italiana", "UE", "extra UE", "non indicata")

ATECO_TABLE = Path(__file__).with_name("ateco_sezioni.csv")

#: The 26 other member states of the European Union (as of 2020), under the names the CO use.
EU_COUNTRIES = frozenset({
    "AUSTRIA", "BELGIO", "BULGARIA", "CIPRO", "CROAZIA", "DANIMARCA", "ESTONIA", "FINLANDIA", "FRANCIA",
    "GERMANIA", "GRECIA", "IRLANDA", "LETTONIA", "LITUANIA", "LUSSEMBURGO", "MALTA", "PAESI BASSI", "OLANDA",
    "POLONIA", "PORTOGALLO", "REPUBBLICA CECA", "CECA REPUBBLICA", "CECHIA", "ROMANIA", "SLOVACCHIA",
    "REPUBBLICA SLOVACCA", "SLOVACCA REPUBBLICA", "SLOVENIA", "SPAGNA", "SVEZIA", "UNGHERIA",
})
_BLANKS = frozenset({"", "ND", "N D", "NON DEFINITO", "NON DEFINITA", "NON INDICATO", "NON INDICATA",
                     "SCONOSCIUTO", "SCONOSCIUTA", "NULL", "NAN", "NONE"})


def normalise(text: object) -> str:
    """Upper case, no accents, punctuation as spaces: 'Attività d'ufficio' → 'ATTIVITA D UFFICIO'."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", plain).split())


@lru_cache(maxsize=1)
def _ateco_rules() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact, keywords = {}, []
    with ATECO_TABLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["tipo"] == "descrizione":
                exact[row["testo"]] = row["sezione"]
            else:
                keywords.append((row["testo"], row["sezione"]))
    return exact, tuple(keywords)


def ateco_section(text: object) -> str:
    """ATECO 2007 description → section letter A–U: exact title first, then keyword rules, else ND."""
    key = normalise(text)
    if not key:
        return UNMAPPED_SECTOR
    exact, keywords = _ateco_rules()
    if key in exact:
        return exact[key]
    return next((section for stem, section in keywords if _has(key, stem)), UNMAPPED_SECTOR)


def _has(key: str, *stems: str) -> bool:
    """True when a word (or run of words) of `key` starts with one of the normalised `stems`."""
    padded = f" {key}"
    return any(f" {stem}" in padded for stem in stems)


def contract_type(text: object) -> str:
    """CONTRATTO text → contract family; the order matters ('intermittente a tempo indeterminato')."""
    key = normalise(text)
    for word, family in (("TIROCINI", "tirocinio"), ("APPRENDIST", "apprendistato"),
                         ("SOMMINISTRA", "somministrazione"), ("INTERMITTENT", "intermittente"),
                         ("DOMESTIC", "domestico"), ("INDETERMINATO", "indeterminato"),
                         ("DETERMINATO", "determinato")):
        if word in key:
            return family
    return "altro"


def working_time(text: object) -> str:
    """MODALITALAVORO → tempo pieno / tempo parziale (orizzontale, verticale, misto) / non definito."""
    key = normalise(text)
    if "PIENO" in key or key == "FULL TIME":
        return "tempo pieno"
    if "PARZIALE" in key or "PART TIME" in key:
        return "tempo parziale"
    return "non definito"


def sex(text: object) -> str | None:
    """GENERE M/F → maschi/femmine; anything else is None (the record is counted and dropped)."""
    key = normalise(text)
    if key in ("M", "MASCHIO", "MASCHI", "MASCHILE", "UOMO"):
        return "maschi"
    if key in ("F", "FEMMINA", "FEMMINE", "FEMMINILE", "DONNA"):
        return "femmine"
    return None


def age_band(text: object) -> str:
    """ETA → ten-year band; below 15, above 99 (e.g. 221) or not a number → 'non valido'."""
    try:
        age = float(str(text).strip().replace(",", "."))
    except ValueError:
        return "non valido"
    if pd.isna(age) or age != int(age) or not 15 <= age <= 99:
        return "non valido"
    if age < 25:
        return "15-24"
    if age >= 65:
        return "65+"
    low = 25 + (int(age) - 25) // 10 * 10
    return f"{low}-{low + 9}"


def education(text: object) -> str:
    """TITOLOSTUDIO → five levels; tertiary diplomas count as laurea, vocational qualifications as diploma."""
    key = normalise(text)
    if key in _BLANKS:
        return "non indicato"
    if _has(key, "NESSUN", "ELEMENTARE", "SENZA TITOLO", "PRIMARIA"):
        return "nessuno/elementare"
    if _has(key, "LAUREA", "DOTTOR", "MASTER", "UNIVERSITARI", "POST LAUREA", "ACCADEMI", "ITS", "TERZIARI"):
        return "laurea"
    if _has(key, "MEDIA", "AVVIAMENTO", "OBBLIGO", "SECONDARIA DI PRIMO", "SECONDARIA I GRADO"):
        return "licenza media"
    if _has(key, "DIPLOMA", "QUALIFICA", "MATURITA", "SECONDARIA", "IFTS", "ISTRUZIONE E FORMAZIONE"):
        return "diploma"
    return "non indicato"


def citizenship(text: object) -> str:
    """ITALIANO holds a country name: ITALIA → italiana, EU member → UE, other country → extra UE."""
    key = normalise(text)
    if key in _BLANKS:
        return "non indicata"
    if key in ("ITALIA", "ITALIANA", "ITALIANO"):
        return "italiana"
    return "UE" if key in EU_COUNTRIES else "extra UE"


MAPPERS = {"settoreeconomicodettaglio": ateco_section, "contratto": contract_type, "modalitalavoro": working_time,
           "genere": sex, "eta": age_band, "titolostudio": education, "italiano": citizenship}


def category_table(field: str, values, notes: list[str] | None = None, label: str = "") -> pd.DataFrame:
    """Distinct raw values of one field → its schema category (columns `raw`, `<schema column>`).

    For the date, the day/month order is decided once from all the values (lombardia_dates)."""
    distinct = pd.Series(list(values), dtype=object).fillna("").astype(str).drop_duplicates()
    if field == DATE_FIELD:
        order = date_order(distinct, f"Regione Lombardia {label}".strip())
        if notes is not None and any("/" in v for v in distinct):
            notes.append(f"{label}: date lette come {order} (deciso dai valori: un campo supera 12).")
        mapper = lambda value: month_of(value, order)  # noqa: E731
    else:
        mapper = MAPPERS[field]
    target = "mese" if field == DATE_FIELD else CATEGORY_FIELDS[field]
    return pd.DataFrame({"raw": distinct.to_numpy(dtype=object),
                         target: [mapper(v) for v in distinct]})


def _name(code: str) -> str:
    """'Como (ITC42)' for the report; the code alone when the territory is not configured."""
    name = territory.territory_names().get(code)
    return f"{name} ({code})" if name else code


DROPPED_DATE, DROPPED_SEX = "la data dell'evento è illeggibile", "il genere non è indicato"


def finish(frame: pd.DataFrame, notes: list[str], label: str, dropped: dict[str, dict]) -> pd.DataFrame:
    """Sum `eventi` over the schema keys, set dtypes and write the report notes for one dataset."""
    out = (frame.groupby(SCHEMA_KEYS, as_index=False, sort=True)["eventi"].sum()
           .astype({"eventi": "int64"}))
    out["mese"] = pd.to_datetime(out["mese"]).astype("datetime64[ns]")
    for column in SCHEMA_KEYS[1:]:
        out[column] = out[column].astype(str)
    unmapped = out[out["settore_ateco"] == UNMAPPED_SECTOR].groupby("territorio")["eventi"].sum()
    if unmapped.sum():
        detail = ", ".join(f"{_name(territory)} {int(count)}" for territory, count in unmapped.items())
        notes.append(f"{label}: rapporti con settore non riconducibile a una sezione ATECO, conteggiati come "
                     f"«{UNMAPPED_SECTOR}» (non classificato): {detail}.")
    for reason, by_territory in dropped.items():
        counts = {t: int(c) for t, c in sorted(by_territory.items()) if c}
        if counts:
            detail = ", ".join(f"{_name(territory)} {count}" for territory, count in counts.items())
            notes.append(f"{label}: rapporti esclusi perché {reason}: {detail}.")
    return out.reset_index(drop=True)


def aggregate_events(raw: pd.DataFrame, notes: list[str], label: str, first_month: pd.Timestamp) -> pd.DataFrame:
    """Raw groups (territorio, data, the seven category fields, n) → schema frame; used by the API path."""
    frame = pd.DataFrame({"territorio": raw["territorio"].astype(str),
                          "eventi": pd.to_numeric(raw["n"], errors="raise").astype("int64")})
    for field in (DATE_FIELD, *CATEGORY_FIELDS):
        values = raw[field].astype(object).where(raw[field].notna(), "").astype(str)
        table = category_table(field, values.unique(), notes, label)
        target = table.columns[1]
        frame[target] = values.map(dict(zip(table["raw"], table[target]))).to_numpy(dtype=object)
    no_date = frame["mese"].isna()
    in_period = pd.to_datetime(frame["mese"]) >= first_month
    no_sex = frame["sesso"].isna() & in_period
    dropped = {DROPPED_DATE: frame[no_date].groupby("territorio")["eventi"].sum().to_dict(),
               DROPPED_SEX: frame[no_sex].groupby("territorio")["eventi"].sum().to_dict()}
    kept = frame[in_period & ~no_sex]
    return finish(kept, notes, label, dropped)
