"""User-facing texts (it, en) for presentation (issue 5); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
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
    "present.notes.closing_no_link": ("Nessun indirizzo pubblico configurato: dire al pubblico dove trovare il cruscotto.",
                                      "No public address configured: tell the audience where to find the dashboard."),
    "present.link.loopback": ("**Il pubblico non potrà aprire il link.** Il link e il codice QR porterebbero a {url}, "
                              "un indirizzo di questo computer: i telefoni in sala non lo raggiungono. Prima del "
                              "convegno impostare la variabile OSSERVATORIO_PUBLIC_URL con l'indirizzo pubblico del "
                              "cruscotto (vedi il README), oppure aprire questa pagina dall'indirizzo di rete con cui "
                              "il pubblico la raggiunge. Finché l'indirizzo è locale, diapositive e file escono senza "
                              "codice QR.",
                              "**The audience will not be able to open the link.** The link and the QR code would lead "
                              "to {url}, an address of this computer: phones in the room cannot reach it. Before the "
                              "conference set OSSERVATORIO_PUBLIC_URL to the dashboard's public address (see the "
                              "README), or open this page from the network address the audience uses. While the "
                              "address is local, slides and files have no QR code."),
    "present.link.none": ("**Nessun indirizzo pubblico**: impostare OSSERVATORIO_PUBLIC_URL (vedi il README). "
                          "Diapositive e file escono senza codice QR.",
                          "**No public address**: set OSSERVATORIO_PUBLIC_URL (see the README). Slides and files "
                          "have no QR code."),
    "present.link.loopback_ok": ("Stampa comunque il codice QR con questo indirizzo locale (solo per una prova su "
                                 "questo computer)",
                                 "Print the QR code with this local address anyway (only for a rehearsal on this "
                                 "computer)"),
    "present.link.configured": ("Indirizzo per il pubblico: {url} (da OSSERVATORIO_PUBLIC_URL).",
                                "Address for the audience: {url} (from OSSERVATORIO_PUBLIC_URL)."),
    "present.link.browser": ("Indirizzo per il pubblico: {url} (quello con cui questo browser ha aperto il cruscotto; "
                             "per fissarlo, OSSERVATORIO_PUBLIC_URL).",
                             "Address for the audience: {url} (the one this browser opened the dashboard at; to fix "
                             "it, set OSSERVATORIO_PUBLIC_URL)."),
    "present.notes.demo": ("ATTENZIONE: dati dimostrativi, campione costruito e non dato ufficiale.",
                           "WARNING: demo data, a constructed sample and not official figures."),
    "present.skip.missing": ("manca nell'archivio dati: {datasets}", "missing from the data snapshot: {datasets}"),
    "present.skip.period": ("nessun dato per il territorio e il periodo scelti",
                            "no data for the chosen area and period"),
    "present.vs_region": (" contro {value} in {region}", " vs {value} in {region}"),
    "present.year": ("Anno {year}", "Year {year}"),
    "present.rate_axis": ("{label} {band} anni (%)", "{label}, age {band} (%)"),
    "present.series_break": ("nuova serie dal {year}", "new series from {year}"),
    "present.population.title": ("{total} abitanti in {n} comuni; il più popoloso è {top}",
                                 "{total} residents in {n} municipalities; the largest is {top}"),
    "present.population.subtitle": ("Popolazione residente al 1° gennaio {year}, per comune",
                                    "Resident population on 1 January {year}, by municipality"),
    "present.population.notes": ("Residenti al 1° gennaio {year}: {total} in {n} comuni; il più popoloso è {top} "
                                 "con {top_value} abitanti.",
                                 "Residents on 1 January {year}: {total} in {n} municipalities; the largest is {top} "
                                 "with {top_value} residents."),
    "present.unemployment.title": ("Disoccupazione{band} {year}: {values}", "Unemployment{band} {year}: {values}"),
    "present.employment.title": ("Occupazione{band} {year}: {values}", "Employment{band} {year}: {values}"),
    "present.band": (" {band} anni", " aged {band}"),
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
    "present.published.cited": ("{source}, pagina: {page}, {url}", "{source}, page: {page}, {url}"),
    "present.published.hires": ("{name} {year}: {hires} assunzioni{ends}. Fonte: {source}.",
                                "{name} {year}: {hires} hires{ends}. Source: {source}."),
    "present.published.ends": (", {ends} cessazioni, saldo {balance}", ", {ends} terminations, balance {balance}"),
    "present.published.other": ("{name}: l'Osservatorio provinciale conta i centri per l'impiego di Lecco e Merate "
                                "({value} assunzioni nel {period}), un perimetro diverso: non confrontarlo con questi.",
                                "{name}: the provincial observatory counts the Lecco and Merate employment centres "
                                "({value} hires in {period}), another perimeter: do not compare it with these."),
    "present.published.note": ("Numeri trascritti dai comunicati degli editori, non calcolati dall'osservatorio.",
                               "Figures transcribed from the publishers' releases, not computed by the observatory."),
    "present.published.stock": ("{name}: {value} imprese registrate al {date}. Fonte: {source}.",
                                "{name}: {value} registered businesses on {date}. Source: {source}."),
    "present.published.flows": ("Nel {year}: {born} iscrizioni, {closed} cessazioni (escluse le cancellazioni "
                                "d'ufficio), saldo {balance}. Fonte: {source}.",
                                "In {year}: {born} registrations, {closed} closures (ex-officio deletions "
                                "excluded), balance {balance}. Source: {source}."),
    "present.published.planned_title": ("{total} entrate previste nel {period}{change}",
                                        "{total} hires planned in {period}{change}"),
    "present.published.planned_change": (", {change} in un anno", ", {change} on a year earlier"),
    "present.published.hard": ("Difficili da reperire: {share} nel {period}. Fonte: {source}.",
                               "Hard to recruit: {share} in {period}. Source: {source}."),
    "present.students.axis": ("Studenti iscritti", "Students enrolled"),
    "present.skills.title": ("Imprese: {total} assunzioni previste nel {year}, {share} difficili da trovare",
                             "Businesses plan {total} hires in {year}, {share} hard to fill"),
    "present.slide.titolo": ("Copertina", "Title slide"),
    "present.slide.popolazione": ("Mappa della popolazione", "Population map"),
    "present.slide.disoccupazione": ("Disoccupazione nel tempo", "Unemployment over time"),
    "present.slide.occupazione": ("Tasso di occupazione", "Employment rate"),
    "present.slide.assunzioni": ("Assunzioni e saldo in 12 mesi", "Hires and balance over 12 months"),
    "present.slide.imprese": ("Imprese nate e cessate", "Businesses born and closed"),
    "present.slide.studenti": ("Studenti per tipo di scuola", "Students by school type"),
    "present.slide.competenze": ("Assunzioni previste dalle imprese", "Hires planned by businesses"),
    "present.slide.chiusura": ("Chiusura con codice QR", "Closing slide with QR code"),
    "present.setup.title": ("Presenta", "Present"),
    "present.setup.lead": ("Prepara una presentazione per un convegno: scegli territorio, periodo e diapositive, "
                           "poi avviala a schermo intero o scaricala per usarla senza rete",
                           "Prepare a conference deck: choose area, period and slides, then start it full screen "
                           "or download it to use without a network"),
    "present.setup.territory": ("Territorio", "Area"),
    "present.setup.territory_from_sidebar": ("Territorio: **{area}** (si sceglie nella barra laterale)",
                                             "Area: **{area}** (chosen in the sidebar)"),
    "present.setup.province_of": ("{area} (la provincia di {town}: le diapositive hanno dati provinciali)",
                                  "{area} (the province of {town}: the slides have provincial figures)"),
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
    "present.download.menu": ("Scarica (PowerPoint, PDF)", "Download (PowerPoint, PDF)"),
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
