"""What a Ministry of Education school code (codice meccanografico) says about the school.

`CCTTNNNNNX`: CC the province (sigla: CO, LC), TT the type of school, then a number and a check
character. TT is `AA` infanzia, `EE` primaria, `MM` secondaria di I grado (with `1A`, `1E`, `1M`
for the non-state ones), and for the upper secondary the kind of institute: `P?` and `S?` licei
(PS scientifico, PC classico, PL linguistico, PM magistrale/scienze umane, SL artistico, SD istituto
d'arte), `T?` istituti tecnici (TD commerciale, TF industriale, TL geometri, TN turismo…), `R?`
istituti professionali (RI industria e artigianato, RC commerciali, RH alberghieri…) and `IS`
istituti di istruzione superiore (several tracks under one code). `IC` (istituto comprensivo) and
`CT` (adult centres) name institutions, not the sites students are counted in.
Checked on the 2025/26 state registry of Como and Lecco: every TT matches the registry's type."""

from __future__ import annotations

import re

ORDERS = ("infanzia", "primaria", "secondaria_primo_grado", "secondaria_secondo_grado")
#: school types in the order the pages show them (the first three are the orders themselves)
TYPES = ("infanzia", "primaria", "secondaria_primo_grado", "liceo", "tecnico", "professionale",
         "istituto_superiore", "altro")
UPPER_TYPES = ("liceo", "tecnico", "professionale", "istituto_superiore")
_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{8}$")
_LOWER = {"AA": "infanzia", "1A": "infanzia", "EE": "primaria", "1E": "primaria",
          "MM": "secondaria_primo_grado", "1M": "secondaria_primo_grado"}
_UPPER_BY_LETTER = {"P": "liceo", "S": "liceo", "T": "tecnico", "R": "professionale"}


def is_code(code: str) -> bool:
    return bool(_CODE.match(str(code)))


def sigla(code: str) -> str:
    """The province of the school: 'CO' for COPS01000B."""
    return str(code)[:2]


def tipologia(code: str) -> str:
    """The two characters of the type: 'PS' for COPS01000B, '1A' for CO1A00100T."""
    return str(code)[2:4]


def classify(code: str) -> tuple[str | None, str]:
    """(ordine, tipo_scuola) of a school code; ordine is None for a code that names no school order
    (an institution such as IC/CT, or a type the Ministry may add), tipo_scuola then 'altro'."""
    kind = tipologia(code)
    if kind in _LOWER:
        return _LOWER[kind], _LOWER[kind]
    if kind == "IS":
        return "secondaria_secondo_grado", "istituto_superiore"
    upper = _UPPER_BY_LETTER.get(kind[:1])
    if upper and kind[1:].isalpha():
        return "secondaria_secondo_grado", upper
    return None, "altro"
