"""ATECO section names (it, en) for both classifications, keyed `ateco.<classification>.<code>`;
observatory.ateco.section_name reads them, observatory.labels gathers every module here.

ATECO 2025 (NACE Rev. 2.1) keeps the 2007 sections A–I, splits 2007 J into J (publishing,
broadcasting) and K (telecommunications, IT), and moves the later ones one letter on; a section
carries the same name in both. Codes the connectors add: `ND` (a contract whose sector is not
classified), `J+K` (2007 J, which the Business Register cannot split) and `X` (unclassified firms)."""

_SECTIONS_2007: dict[str, tuple[str, str]] = {
    "A": ("Agricoltura, silvicoltura e pesca", "Agriculture, forestry and fishing"),
    "B": ("Estrazione di minerali", "Mining and quarrying"),
    "C": ("Attività manifatturiere", "Manufacturing"),
    "D": ("Energia elettrica, gas e vapore", "Electricity, gas and steam"),
    "E": ("Acqua, reti fognarie e rifiuti", "Water supply, sewerage and waste"),
    "F": ("Costruzioni", "Construction"),
    "G": ("Commercio", "Wholesale and retail trade"),
    "H": ("Trasporto e magazzinaggio", "Transport and storage"),
    "I": ("Alloggio e ristorazione", "Accommodation and food services"),
    "J": ("Informazione e comunicazione", "Information and communication"),
    "K": ("Attività finanziarie e assicurative", "Financial and insurance activities"),
    "L": ("Attività immobiliari", "Real estate"),
    "M": ("Attività professionali, scientifiche e tecniche", "Professional, scientific and technical activities"),
    "N": ("Noleggio e servizi alle imprese", "Administrative and support services"),
    "O": ("Pubblica amministrazione e difesa", "Public administration and defence"),
    "P": ("Istruzione", "Education"),
    "Q": ("Sanità e assistenza sociale", "Health and social work"),
    "R": ("Arte, sport e intrattenimento", "Arts, entertainment and recreation"),
    "S": ("Altre attività di servizi", "Other service activities"),
    "T": ("Famiglie come datori di lavoro", "Households as employers"),
    "U": ("Organizzazioni extraterritoriali", "Extraterritorial organisations"),
    "ND": ("Non classificato", "Not classified"),
}

#: ATECO 2025 code → the ATECO 2007 section it continues (same name); J and K are new.
_SAME_AS_2007 = {**{s: s for s in "ABCDEFGHI"}, "J+K": "J", "L": "K", "M": "L", "N": "M", "O": "N", "P": "O",
                 "Q": "P", "R": "Q", "S": "R", "T": "S", "U": "T", "V": "U"}

_SECTIONS_2025: dict[str, tuple[str, str]] = {
    **{new: _SECTIONS_2007[old] for new, old in _SAME_AS_2007.items()},
    "J": ("Editoria, trasmissione e contenuti", "Publishing, broadcasting and content"),
    "K": ("Telecomunicazioni e informatica", "Telecommunications and computing"),
    "X": ("Imprese non classificate", "Unclassified businesses"),
}

TEXTS: dict[str, tuple[str, str]] = {
    "ateco.all": ("Tutti i settori", "All sectors"),
    **{f"ateco.2007.{code}": names for code, names in _SECTIONS_2007.items()},
    **{f"ateco.2025.{code}": names for code, names in _SECTIONS_2025.items()},
}
