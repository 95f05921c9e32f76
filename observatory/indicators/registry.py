"""One registry of indicators and dataset columns that drives every page, chart and export.

After ONS "Explore Local Statistics": each indicator has a label (it/en), unit, decimals, whether
its axis starts at zero, whether it can be negative, whether it can be mapped, a one-sentence
definition, its source dataset and caveats. Tests fail when a dataset column or an indicator used
by a page has no entry here."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Indicator:
    id: str
    label_it: str
    label_en: str
    unit: str  # "%", "persone", "contratti", "imprese", "per 1.000 abitanti", "p.p." …
    decimals: int
    zero_baseline: bool
    can_be_negative: bool
    mappable: bool
    definition_it: str
    definition_en: str
    dataset: str
    higher_is_better: bool | None = None  # colours ▲/▼ by meaning, not always green-up
    caveats_it: str = ""
    caveats_en: str = ""

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_it

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_it


_LFS_CAVEAT_IT = ("Stime campionarie provinciali: variazioni annue piccole possono non essere significative. "
                  "Dal 2021 nuovo regolamento europeo: la serie ha una discontinuità (anni fino al 2020 ricostruiti).")
_LFS_CAVEAT_EN = ("Provincial sample estimates: small yearly changes may not be significant. "
                  "A new EU regulation from 2021 breaks the series (years up to 2020 reconstructed).")

INDICATORS: dict[str, Indicator] = {i.id: i for i in [
    Indicator("popolazione", "Popolazione residente", "Resident population", "persone", 0, True, False, True,
              "Persone residenti nel comune al 1° gennaio.", "People resident in the municipality on 1 January.",
              "popolazione"),
    Indicator("tasso_occupazione", "Tasso di occupazione", "Employment rate", "%", 1, False, False, False,
              "Occupati in percentuale della popolazione della stessa classe di età.",
              "Employed people as a percentage of the population of the same age band.",
              "forze_lavoro", True, _LFS_CAVEAT_IT, _LFS_CAVEAT_EN),
    Indicator("tasso_disoccupazione", "Tasso di disoccupazione", "Unemployment rate", "%", 1, False, False, False,
              "Persone in cerca di lavoro in percentuale delle forze di lavoro (occupati più disoccupati).",
              "Job seekers as a percentage of the labour force (employed plus unemployed).",
              "forze_lavoro", False, _LFS_CAVEAT_IT, _LFS_CAVEAT_EN),
    Indicator("tasso_attivita", "Tasso di attività", "Activity rate", "%", 1, False, False, False,
              "Forze di lavoro in percentuale della popolazione della stessa classe di età.",
              "Labour force as a percentage of the population of the same age band.",
              "forze_lavoro", True, _LFS_CAVEAT_IT, _LFS_CAVEAT_EN),
    Indicator("tasso_inattivita", "Tasso di inattività", "Inactivity rate", "%", 1, False, False, False,
              "Persone né occupate né in cerca di lavoro in percentuale della popolazione della stessa età.",
              "People neither employed nor seeking work as a percentage of the population of the same age.",
              "forze_lavoro", False, _LFS_CAVEAT_IT, _LFS_CAVEAT_EN),
    Indicator("assunzioni", "Assunzioni", "Hires", "contratti", 0, True, False, False,
              "Rapporti di lavoro attivati (avviamenti) comunicati dai datori di lavoro con sede nella provincia.",
              "Employment contracts started (hires) notified by employers based in the province.",
              "avviamenti", True, "Conta contratti, non persone: una persona può avere più contratti.",
              "Counts contracts, not people: one person may have several contracts."),
    Indicator("cessazioni", "Cessazioni", "Terminations", "contratti", 0, True, False, False,
              "Rapporti di lavoro cessati comunicati dai datori di lavoro con sede nella provincia.",
              "Employment contracts ended, notified by employers based in the province.",
              "cessazioni", False, "Conta contratti, non persone.", "Counts contracts, not people."),
    Indicator("saldo", "Saldo assunzioni − cessazioni", "Hires minus terminations", "contratti", 0, True, True, False,
              "Differenza tra rapporti attivati e cessati nel periodo: positivo se i contratti crescono.",
              "Contracts started minus contracts ended in the period: positive when contracts grow.",
              "avviamenti", True),
    Indicator("assunzioni_12m", "Assunzioni negli ultimi 12 mesi", "Hires over the last 12 months", "contratti", 0,
              True, False, False, "Somma mobile delle assunzioni dei 12 mesi fino al mese indicato.",
              "Moving sum of hires over the 12 months up to the month shown.", "avviamenti", True),
    Indicator("quota_indeterminato", "Quota di assunzioni a tempo indeterminato", "Share of permanent hires", "%", 1,
              True, False, False, "Assunzioni con contratto a tempo indeterminato in percentuale del totale.",
              "Hires on a permanent contract as a percentage of all hires.", "avviamenti", True),
    Indicator("iscrizioni", "Iscrizioni di imprese", "Business registrations", "imprese", 0, True, False, False,
              "Nuove imprese iscritte al Registro delle imprese nel periodo.",
              "New businesses entered in the Business Register in the period.", "imprese", True),
    Indicator("cessazioni_imprese", "Cessazioni di imprese", "Business closures", "imprese", 0, True, False, False,
              "Imprese cancellate dal Registro delle imprese nel periodo.",
              "Businesses removed from the Business Register in the period.", "imprese", False,
              "Le cessazioni del primo trimestre includono le chiusure di fine dicembre.",
              "First-quarter closures include end-of-December filings."),
    Indicator("imprese_attive", "Imprese attive", "Active businesses", "imprese", 0, True, False, False,
              "Imprese registrate e attive a fine periodo.",
              "Registered and active businesses at the end of the period.", "imprese", True),
    Indicator("tasso_natalita", "Tasso di natalità delle imprese", "Business birth rate", "per 100 imprese", 2,
              True, False, False, "Iscrizioni del periodo ogni 100 imprese attive a inizio periodo.",
              "Registrations in the period per 100 businesses active at its start.", "imprese", True),
    Indicator("tasso_mortalita", "Tasso di mortalità delle imprese", "Business death rate", "per 100 imprese", 2,
              True, False, False, "Cessazioni del periodo ogni 100 imprese attive a inizio periodo.",
              "Closures in the period per 100 businesses active at its start.", "imprese", False),
    Indicator("unita_locali_1000ab", "Unità locali ogni 1.000 abitanti", "Local units per 1,000 inhabitants",
              "per 1.000 abitanti", 1, True, False, True,
              "Unità locali di imprese attive nel comune ogni 1.000 residenti.",
              "Local units of active businesses in the municipality per 1,000 residents.", "unita_locali", True),
    Indicator("addetti_1000ab", "Addetti ogni 1.000 abitanti", "Employees per 1,000 inhabitants",
              "per 1.000 abitanti", 1, True, False, True,
              "Addetti delle unità locali nel comune ogni 1.000 residenti (misura il lavoro che il comune ospita).",
              "People working in the municipality's local units per 1,000 residents.", "unita_locali", True,
              "Gli addetti sono contati dove lavorano, non dove abitano.",
              "Workers are counted where they work, not where they live."),
    Indicator("studenti", "Studenti delle scuole", "School students", "studenti", 0, True, False, True,
              "Iscritti alle scuole dell'infanzia, primarie e secondarie di primo e secondo grado, statali e "
              "paritarie, per comune della scuola.",
              "Students enrolled in pre-schools, primary, lower- and upper-secondary schools, state and non-state, "
              "by municipality of the school.",
              "studenti", None, "Per gli anni 2018/19–2020/21 solo primaria e secondarie (nessuna scuola "
              "dell'infanzia nel file del Ministero).", "For 2018/19–2020/21 primary and secondary only (no "
              "pre-school in the Ministry's file)."),
    Indicator("entrate_previste", "Entrate previste", "Planned hires", "persone", 0, True, False, False,
              "Assunzioni che le imprese prevedono nel periodo secondo l'indagine Excelsior.",
              "Hires businesses plan in the period according to the Excelsior survey.", "excelsior", True,
              "Previsioni da indagine campionaria; celle soppresse per riservatezza.",
              "Survey-based forecasts; cells suppressed for confidentiality."),
    Indicator("quota_difficile", "Quota di difficile reperimento", "Share hard to recruit", "%", 1, True, False, False,
              "Entrate per le quali le imprese dichiarano difficoltà a trovare i candidati.",
              "Planned hires for which businesses report difficulty finding candidates.", "excelsior", False),
]}

#: Every column a dataset may carry, with its label; a test checks each schema column is here.
COLUMNS: dict[str, tuple[str, str]] = {
    "comune_istat": ("Codice ISTAT del comune", "Municipality ISTAT code"),
    "comune": ("Comune", "Municipality"),
    "provincia_istat": ("Codice ISTAT della provincia", "Province ISTAT code"),
    "provincia": ("Provincia", "Province"),
    "sigla": ("Sigla", "Abbreviation"),
    "codice_catastale": ("Codice catastale", "Cadastral code"),
    "regione": ("Regione", "Region"),
    "geometry_wkb": ("Confine (WKB)", "Boundary (WKB)"),
    "anno": ("Anno", "Year"),
    "eta": ("Età", "Age"),
    "maschi": ("Maschi", "Males"),
    "femmine": ("Femmine", "Females"),
    "totale": ("Totale", "Total"),
    "territorio": ("Territorio", "Area"),
    "indicatore": ("Indicatore", "Indicator"),
    "sesso": ("Sesso", "Sex"),
    "classe_eta": ("Classe di età", "Age band"),
    "valore": ("Valore", "Value"),
    "stato_osservazione": ("Stato del dato", "Observation status"),
    "serie": ("Serie", "Series"),
    "mese": ("Mese", "Month"),
    "settore_ateco": ("Settore (sezione ATECO)", "Sector (ATECO section)"),
    "contratto": ("Contratto", "Contract"),
    "orario": ("Orario", "Working time"),
    "titolo_studio": ("Titolo di studio", "Education"),
    "cittadinanza": ("Cittadinanza", "Citizenship"),
    "eventi": ("Numero di contratti", "Number of contracts"),
    "classificazione": ("Classificazione ATECO", "ATECO classification"),
    "iscrizioni": ("Iscrizioni", "Registrations"),
    "cessazioni": ("Cessazioni", "Closures"),
    "attive": ("Imprese attive", "Active businesses"),
    "unita_locali": ("Unità locali", "Local units"),
    "addetti": ("Addetti", "Employees"),
    "anno_scolastico": ("Anno scolastico", "School year"),
    "codice_scuola": ("Codice scuola", "School code"),
    "gestione": ("Gestione", "Management"),
    "dimensione": ("Dimensione", "Breakdown"),
    "categoria": ("Categoria", "Category"),
    "entrate": ("Entrate previste", "Planned hires"),
    "quota_difficile": ("Quota di difficile reperimento (%)", "Share hard to recruit (%)"),
    # how a row's value reached us (observatory/provenance.py) and, for a derived value, how
    "provenienza": ("Provenienza del valore", "Provenance of the value"),
    "derivazione": ("Calcolo (valore derivato)", "Computation (derived value)"),
    # students (MIM)
    "ordine": ("Ordine di scuola", "School order"),
    "tipo_scuola": ("Tipo di scuola", "School type"),
    "tipologia": ("Tipo di istituto (codice)", "Kind of institute (code)"),
    "anagrafe": ("Anagrafe usata (anno scolastico)", "Registry used (school year)"),
    "fonte_file": ("File di origine", "Source file"),
    # published figures
    "file": ("File", "File"),
    "riga": ("Riga", "Row"),
    "dominio": ("Ambito", "Domain"),
    "territorio_nuts": ("Codice NUTS del territorio", "Area NUTS code"),
    "periodo": ("Periodo", "Period"),
    "valore_testo": ("Valore come pubblicato", "Value as published"),
    "unita": ("Unità", "Unit"),
    "fonte": ("Fonte", "Source"),
    "url": ("Indirizzo della pagina", "Page address"),
    "data_pagina": ("Data della pagina", "Page date"),
    "nota": ("Nota", "Note"),
}


def indicator(indicator_id: str) -> Indicator:
    return INDICATORS[indicator_id]


def column_label(column: str, lang: str = "it") -> str:
    italian, english = COLUMNS.get(column, (column, column))
    return english if lang == "en" else italian
