"""ATECO sections as the datasets carry them: the code of the all-sectors row, the two
classifications, and one display name per code (the names are in texts/ateco.py).

Hires and local units are classified in ATECO 2007; the Business Register's rows are all in ATECO
2025 letters (sources/camcom.py re-letters the 2007 months), so a page names a code by the
classification of its dataset, never by guessing from the letter."""

from __future__ import annotations

from observatory import labels

TOTAL = "TOTALE"
ATECO_2007, ATECO_2025 = "ATECO 2007", "ATECO 2025"
#: the classification each dataset's `settore_ateco` codes follow
BY_DATASET = {"avviamenti": ATECO_2007, "cessazioni": ATECO_2007, "unita_locali": ATECO_2007,
              "imprese": ATECO_2025}


def section_name(code: str, lang: str = labels.DEFAULT_LANG, classification: str = ATECO_2007) -> str:
    """'C' → 'C · Attività manifatturiere', 'J+K' → 'J+K · Informazione e comunicazione',
    TOTALE → 'Tutti i settori'; a code the table does not know is shown as it is."""
    if code == TOTAL:
        return labels.t("ateco.all", lang)
    key = f"ateco.{classification.removeprefix('ATECO ')}.{code}"
    return f"{code} · {labels.t(key, lang)}" if key in labels.TEXTS else code
