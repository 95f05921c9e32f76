"""Every user-facing string (Italian first, English second) and every number and date format.

Pages call `t(key, lang)` and the `fmt_*` helpers; nothing else in the app spells out user text or
formats numbers by hand. Formats follow the Italian convention through Babel (1.234,5 · 3,4 %).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from observatory.texts import (
    ateco,
    business,
    education,
    exports,
    labour,
    lenses,
    municipalities,
    overview,
    presentation,
    published,
    quality,
    sectors,
    shell,
    skills,
    staff,
    verification,
)

LANGUAGES = {"it": "Italiano", "en": "English"}
MINUS = "\u2212"  # the true minus sign, as the charts (d3) write it: one sign on cards, charts and sentences
DEFAULT_LANG = "it"
_LOCALES = {"it": "it_IT", "en": "en_GB"}
MISSING = "–"

#: key → (italiano, english), gathered from observatory/texts/ (one module per area of the app);
#: a test checks every key used in the code exists and both languages are filled in.
TEXTS: dict[str, tuple[str, str]] = {}
for _module in (ateco, shell, overview, labour, business, education, skills, municipalities, sectors, staff,
                presentation, verification, published, quality, lenses, exports):
    _clash = TEXTS.keys() & _module.TEXTS.keys()
    if _clash:
        raise ValueError(f"label keys defined twice: {sorted(_clash)}")
    TEXTS.update(_module.TEXTS)


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text of `key` in `lang` with `{placeholders}` filled in (in Italian, an article before a
    number filled in is elided as the number is read: "l'8,2 %", "dell'11 %", see `elide`)."""
    italian, english = TEXTS[key]
    text = english if lang == "en" else italian
    if not values:
        return text
    filled = text.format(**values)
    return elide(filled) if lang != "en" else filled


#: an article (or a preposition with it) before a number, and the number's integer part (not an
#: ordinal or a school year: "il 1° trimestre", "il 2018/19")
_BEFORE_NUMBER = re.compile(r"\b([Ii]l|[Dd]el|[Aa]l|[Dd]al|[Nn]el|[Ss]ul) (\d{1,3}(?:\.\d{3})*)(?![\d/°])")
_ELIDED = {"il": "l'", "del": "dell'", "al": "all'", "dal": "dall'", "nel": "nell'", "sul": "sull'"}


def _read_with_vowel(integer: str) -> bool:
    """Whether an Italian number is read starting with a vowel: otto, ottanta, ottocento… (any
    number starting with 8), uno, undici (and undicimila), un milione; not mille, dieci, cento."""
    groups = integer.split(".")
    return groups[0].startswith("8") or groups[0] == "11" or (groups[0] == "1" and len(groups) != 2)


def elide(text: str) -> str:
    """"il 8,2 %" → "l'8,2 %", "del 11 %" → "dell'11 %"; "il 2024", "il 10 %" stay as they are."""
    def fix(match: re.Match) -> str:
        word, number = match.group(1), match.group(2)
        if not _read_with_vowel(number):
            return match.group(0)
        short = _ELIDED[word.lower()]
        return (short[0].upper() + short[1:] if word[0].isupper() else short) + number
    return _BEFORE_NUMBER.sub(fix, text)


def translator(lang: str):
    """`t(key, **values)` bound to one language, for modules that build many texts of one view."""
    return functools.partial(t, lang=lang)


def percent_unit(lang: str = DEFAULT_LANG) -> str:
    """The unit after a number in percent: ' %' with a no-break space in Italian, '%' in English."""
    return "\u00a0%" if lang == "it" else "%"


def fmt_span(start, end) -> str:
    """A period from its first to its last value: '2019 – 2025'; a one-period span is said once
    ('2023', not '2023 – 2023'); nothing known → '–'."""
    parts = list(dict.fromkeys(str(p) for p in (start, end) if p is not None and not _is_missing(p) and p != ""))
    return " – ".join(parts) or MISSING


def _is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def fmt_number(value, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """1234.5 → '1.234,5' (it) or '1,234.5' (en), -3 → '−3' (true minus); missing → '–'."""
    if _is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = _decimal(value, pattern, _LOCALES[lang])
    return MINUS + text[1:] if text.startswith("-") else text


@functools.lru_cache(maxsize=8192)
def _decimal(value, pattern: str, locale: str) -> str:
    """Babel's formatting, remembered: a page rerun formats the same few hundred numbers again."""
    return format_decimal(value, format=pattern, locale=locale)


@functools.lru_cache(maxsize=4096)
def _date(value: dt.date, pattern: str, locale: str) -> str:
    return format_date(value, pattern, locale=locale)


def fmt_int(value, lang: str = DEFAULT_LANG) -> str:
    return fmt_number(value, 0, lang)


def fmt_pct(value, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """A value already in percent: 3.4 → '3,4 %' (it) or '3.4%' (en)."""
    if _is_missing(value):
        return MISSING
    return f"{fmt_number(value, decimals, lang)}{percent_unit(lang)}"


def fmt_signed(value, decimals: int = 1, lang: str = DEFAULT_LANG, unit: str = "") -> str:
    """A change with its sign: +1,2 / −0,4 (true minus sign), with an optional unit such as ' p.p.'."""
    if _is_missing(value):
        return MISSING
    sign = "+" if value > 0 else (MINUS if value < 0 else "")
    return f"{sign}{fmt_number(abs(value), decimals, lang)}{unit}"


def fmt_month(value: dt.date | pd.Timestamp, lang: str = DEFAULT_LANG) -> str:
    """A month as 'gen 2025' (it) or 'Jan 2025' (en)."""
    if _is_missing(value):
        return MISSING
    return _date(pd.Timestamp(value).date(), "MMM yyyy", _LOCALES[lang])


def fmt_date(value, lang: str = DEFAULT_LANG) -> str:
    """A day as '25 nov 2026' (it) or '25 Nov 2026' (en)."""
    if _is_missing(value):
        return MISSING
    return _date(pd.Timestamp(value).date(), "d MMM yyyy", _LOCALES[lang])
