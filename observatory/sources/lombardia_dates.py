"""The event date of the Comunicazioni Obbligatorie: which order a file writes day and month in.

The portal's `data` column is text (dataTypeName `text`) written `nn/nn/aaaa`, and nothing in the
metadata says whether the first field is the day or the month; the real exports seen so far show only
values such as `09/05/2020` and `12/07/2019`. So the order is decided from the data: a first field
above 12 means day first, a second field above 12 means month first (US, as Socrata writes a
timestamp column in its CSV export, `06/17/2020 12:00:00 AM`). A file where every value fits both
orders and the two readings give different months cannot be read safely, and says so."""

from __future__ import annotations

import re

import pandas as pd

from observatory.errors import ObservatoryError

DAY_FIRST, MONTH_FIRST = "giorno/mese/anno", "mese/giorno/anno"
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(\s+\d{1,2}:\d{2}(:\d{2})?\s*([AP]M)?)?$", re.IGNORECASE)


def date_order(values, label: str = "Regione Lombardia") -> str:
    """DAY_FIRST or MONTH_FIRST for a column's distinct values; an Italian error when the data cannot tell
    and the choice would change months, or when both orders are present."""
    slashed = [m for m in (_SLASHED.match(str(v or "").strip()) for v in values) if m]
    day_first = next((m.group(0) for m in slashed if int(m.group(1)) > 12), None)
    month_first = next((m.group(0) for m in slashed if int(m.group(2)) > 12), None)
    if day_first and month_first:
        raise ObservatoryError(f"{label}: le date sono scritte in due ordini diversi (es. «{day_first}» e "
                               f"«{month_first}»): il file va controllato, resta l'ultimo archivio.")
    if day_first or not slashed:
        return DAY_FIRST
    if month_first:
        return MONTH_FIRST
    if all(m.group(6) for m in slashed):
        return MONTH_FIRST  # Socrata's export of a timestamp column: MM/DD/YYYY hh:mm:ss AM
    changing = next((m.group(0) for m in slashed if int(m.group(1)) != int(m.group(2))), None)
    if changing is None:
        return DAY_FIRST  # 05/05/2020: both readings give the same month
    raise ObservatoryError(
        f"{label}: nessuna data ha un giorno sopra 12, quindi non si capisce se «{changing}» sia giorno/mese o "
        "mese/giorno, e i due modi danno mesi diversi: il file non si può leggere con sicurezza e resta l'ultimo "
        "archivio.")


def month_of(text: object, order: str = DAY_FIRST) -> pd.Timestamp | None:
    """First day of the event's month, or None when the date is unreadable. ISO text (SODA timestamps)
    is year-first; a slashed date follows `order`."""
    value = str(text or "").strip()
    match = _ISO.match(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    else:
        match = _SLASHED.match(value)
        if not match:
            return None
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        month = second if order == DAY_FIRST else first
    if not 1 <= month <= 12:
        return None
    return pd.Timestamp(year=year, month=month, day=1)
