"""One registry of indicators and dataset columns that drives every page, chart and export.

After ONS "Explore Local Statistics": each indicator has a label (it/en), unit, decimals, whether
its axis starts at zero, whether it can be negative, whether it can be mapped, a one-sentence
definition, its source dataset and caveats. The charts read the zero baseline, the decimals and
the diverging colours for negatives from here (charts.py `indicator=`), the maps refuse an
indicator that is not mappable. Tests fail when a dataset column or an indicator used by a page has
no entry here."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, kw_only=True)
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

    def caveats(self, lang: str) -> str:
        return self.caveats_en if lang == "en" else self.caveats_it


_LFS_CAVEAT_IT = ("Stime campionarie provinciali: variazioni annue piccole possono non essere significative. "
                  "Dal 2021 nuovo regolamento europeo: la serie ha una discontinuità (anni fino al 2020 ricostruiti).")
_LFS_CAVEAT_EN = ("Provincial sample estimates: small yearly changes may not be significant. "
                  "A new EU regulation from 2021 breaks the series (years up to 2020 reconstructed).")

INDICATORS: dict[str, Indicator] = {i.id: i for i in [
    Indicator(id="popolazione", label_it="Popolazione residente", label_en="Resident population", unit="persone",
              decimals=0, zero_baseline=True, can_be_negative=False, mappable=True,
              definition_it="Persone residenti nel comune al 1° gennaio.",
              definition_en="People resident in the municipality on 1 January.", dataset="popolazione"),
    Indicator(id="tasso_occupazione", label_it="Tasso di occupazione", label_en="Employment rate", unit="%", decimals=1,
              zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Occupati in percentuale della popolazione della stessa classe di età.",
              definition_en="Employed people as a percentage of the population of the same age band.",
              dataset="forze_lavoro", higher_is_better=True, caveats_it=_LFS_CAVEAT_IT, caveats_en=_LFS_CAVEAT_EN),
    Indicator(id="tasso_disoccupazione", label_it="Tasso di disoccupazione", label_en="Unemployment rate", unit="%",
              decimals=1, zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Persone in cerca di lavoro in percentuale delle forze di lavoro (occupati più "
                            "disoccupati).",
              definition_en="Job seekers as a percentage of the labour force (employed plus unemployed).",
              dataset="forze_lavoro", higher_is_better=False, caveats_it=_LFS_CAVEAT_IT, caveats_en=_LFS_CAVEAT_EN),
    Indicator(id="tasso_attivita", label_it="Tasso di attività", label_en="Activity rate", unit="%", decimals=1,
              zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Forze di lavoro in percentuale della popolazione della stessa classe di età.",
              definition_en="Labour force as a percentage of the population of the same age band.",
              dataset="forze_lavoro", higher_is_better=True, caveats_it=_LFS_CAVEAT_IT, caveats_en=_LFS_CAVEAT_EN),
    Indicator(id="tasso_inattivita", label_it="Tasso di inattività", label_en="Inactivity rate", unit="%", decimals=1,
              zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Persone né occupate né in cerca di lavoro in percentuale della popolazione della stessa "
                            "età.",
              definition_en="People neither employed nor seeking work as a percentage of the population of the same "
                            "age.",
              dataset="forze_lavoro", higher_is_better=False, caveats_it=_LFS_CAVEAT_IT, caveats_en=_LFS_CAVEAT_EN),
    Indicator(id="assunzioni", label_it="Assunzioni", label_en="Hires", unit="contratti", decimals=0,
              zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Rapporti di lavoro attivati (avviamenti) comunicati dai datori di lavoro con sede nella "
                            "provincia.",
              definition_en="Employment contracts started (hires) notified by employers based in the province.",
              dataset="avviamenti", higher_is_better=True,
              caveats_it="Conta contratti, non persone: una persona può avere più contratti.",
              caveats_en="Counts contracts, not people: one person may have several contracts."),
    Indicator(id="cessazioni", label_it="Cessazioni", label_en="Terminations", unit="contratti", decimals=0,
              zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Rapporti di lavoro cessati comunicati dai datori di lavoro con sede nella provincia.",
              definition_en="Employment contracts ended, notified by employers based in the province.",
              dataset="cessazioni", higher_is_better=False, caveats_it="Conta contratti, non persone.",
              caveats_en="Counts contracts, not people."),
    Indicator(id="saldo", label_it="Saldo assunzioni − cessazioni", label_en="Hires minus terminations",
              unit="contratti", decimals=0, zero_baseline=True, can_be_negative=True, mappable=False,
              definition_it="Differenza tra rapporti attivati e cessati nel periodo: positivo se i contratti crescono.",
              definition_en="Contracts started minus contracts ended in the period: positive when contracts grow.",
              dataset="avviamenti", higher_is_better=True),
    Indicator(id="assunzioni_12m", label_it="Assunzioni negli ultimi 12 mesi", label_en="Hires over the last 12 months",
              unit="contratti", decimals=0, zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Somma mobile delle assunzioni dei 12 mesi fino al mese indicato.",
              definition_en="Moving sum of hires over the 12 months up to the month shown.", dataset="avviamenti",
              higher_is_better=True),
    Indicator(id="quota_indeterminato", label_it="Quota di assunzioni a tempo indeterminato",
              label_en="Share of permanent hires", unit="%", decimals=1, zero_baseline=True, can_be_negative=False,
              mappable=False, definition_it="Assunzioni con contratto a tempo indeterminato in percentuale del totale.",
              definition_en="Hires on a permanent contract as a percentage of all hires.", dataset="avviamenti",
              higher_is_better=True),
    Indicator(id="iscrizioni", label_it="Iscrizioni di imprese", label_en="Business registrations", unit="imprese",
              decimals=0, zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Nuove imprese iscritte al Registro delle imprese nel periodo.",
              definition_en="New businesses entered in the Business Register in the period.", dataset="imprese",
              higher_is_better=True),
    Indicator(id="cessazioni_imprese", label_it="Cessazioni di imprese", label_en="Business closures", unit="imprese",
              decimals=0, zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Imprese cancellate dal Registro delle imprese nel periodo.",
              definition_en="Businesses removed from the Business Register in the period.", dataset="imprese",
              higher_is_better=False,
              caveats_it="Le cessazioni del primo trimestre includono le chiusure di fine dicembre.",
              caveats_en="First-quarter closures include end-of-December filings."),
    Indicator(id="saldo_imprese", label_it="Saldo iscrizioni − cessazioni di imprese",
              label_en="Business registrations minus closures", unit="imprese", decimals=0, zero_baseline=True,
              can_be_negative=True, mappable=False,
              definition_it="Imprese iscritte meno imprese cessate nel periodo: positivo se le imprese crescono.",
              definition_en="Businesses registered minus businesses closed in the period: positive when they grow.",
              dataset="imprese", higher_is_better=True),
    Indicator(id="imprese_attive", label_it="Imprese attive", label_en="Active businesses", unit="imprese", decimals=0,
              zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Imprese registrate e attive a fine periodo.",
              definition_en="Registered and active businesses at the end of the period.", dataset="imprese",
              higher_is_better=True),
    Indicator(id="imprese_registrate", label_it="Imprese registrate", label_en="Registered businesses",
              unit="imprese", decimals=0, zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Imprese iscritte al Registro delle imprese a una data, attive e non attive.",
              definition_en="Businesses on the Business Register on a date, active or not.",
              dataset="numeri_pubblicati", higher_is_better=True),
    Indicator(id="tasso_natalita", label_it="Tasso di natalità delle imprese", label_en="Business birth rate",
              unit="per 100 imprese", decimals=2, zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Iscrizioni del periodo ogni 100 imprese attive a inizio periodo.",
              definition_en="Registrations in the period per 100 businesses active at its start.", dataset="imprese",
              higher_is_better=True),
    Indicator(id="tasso_mortalita", label_it="Tasso di mortalità delle imprese", label_en="Business death rate",
              unit="per 100 imprese", decimals=2, zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Cessazioni del periodo ogni 100 imprese attive a inizio periodo.",
              definition_en="Closures in the period per 100 businesses active at its start.", dataset="imprese",
              higher_is_better=False),
    Indicator(id="unita_locali_1000ab", label_it="Unità locali ogni 1.000 abitanti",
              label_en="Local units per 1,000 inhabitants", unit="per 1.000 abitanti", decimals=1, zero_baseline=True,
              can_be_negative=False, mappable=True,
              definition_it="Unità locali di imprese attive nel comune ogni 1.000 residenti.",
              definition_en="Local units of active businesses in the municipality per 1,000 residents.",
              dataset="unita_locali", higher_is_better=True),
    Indicator(id="addetti_1000ab", label_it="Addetti ogni 1.000 abitanti", label_en="Employees per 1,000 inhabitants",
              unit="per 1.000 abitanti", decimals=1, zero_baseline=True, can_be_negative=False, mappable=True,
              definition_it="Addetti delle unità locali nel comune ogni 1.000 residenti (misura il lavoro che il "
                            "comune ospita).",
              definition_en="People working in the municipality's local units per 1,000 residents.",
              dataset="unita_locali", higher_is_better=True,
              caveats_it="Gli addetti sono contati dove lavorano, non dove abitano.",
              caveats_en="Workers are counted where they work, not where they live."),
    Indicator(id="studenti", label_it="Studenti delle scuole", label_en="School students", unit="studenti",
              decimals=0, zero_baseline=True, can_be_negative=False, mappable=True,
              definition_it="Iscritti alle scuole dell'infanzia, primarie e secondarie di primo e secondo grado, "
                            "statali e paritarie, per comune della scuola.",
              definition_en="Students enrolled in pre-schools, primary, lower- and upper-secondary schools, state and "
                            "non-state, by municipality of the school.",
              dataset="studenti", higher_is_better=None,
              caveats_it="Per gli anni 2018/19–2020/21 solo primaria e secondarie (nessuna scuola dell'infanzia nel "
                         "file del Ministero).",
              caveats_en="For 2018/19–2020/21 primary and secondary only (no pre-school in the Ministry's file)."),
    Indicator(id="entrate_previste", label_it="Entrate previste", label_en="Planned hires", unit="persone", decimals=0,
              zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Assunzioni che le imprese prevedono nel periodo secondo l'indagine Excelsior.",
              definition_en="Hires businesses plan in the period according to the Excelsior survey.",
              dataset="excelsior", higher_is_better=True,
              caveats_it="Previsioni da indagine campionaria; celle soppresse per riservatezza.",
              caveats_en="Survey-based forecasts; cells suppressed for confidentiality."),
    Indicator(id="quota_difficile", label_it="Quota di difficile reperimento", label_en="Share hard to recruit",
              unit="%", decimals=1, zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Entrate per le quali le imprese dichiarano difficoltà a trovare i candidati.",
              definition_en="Planned hires for which businesses report difficulty finding candidates.",
              dataset="excelsior", higher_is_better=False),
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


# the job-quality and policy indicators live beside this file (imported here, once Indicator exists)
from observatory.indicators import registry_quality  # noqa: E402

INDICATORS.update({i.id: i for i in registry_quality.INDICATORS})
COLUMNS.update(registry_quality.COLUMNS)


def indicator(indicator_id: str) -> Indicator:
    return INDICATORS[indicator_id]


def column_label(column: str, lang: str = "it") -> str:
    italian, english = COLUMNS.get(column, (column, column))
    return english if lang == "en" else italian
