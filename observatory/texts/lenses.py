"""User-facing texts (it, en) for the two lenses of the social partners (page Le parti sociali) and their
ready-made decks in Presenta (issue 18); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.partners": ("Le parti sociali", "Social partners"),
    "lens.lead": ("Due letture dello stesso archivio per i due lati del tavolo: ciò che i sindacati guardano per "
                  "primo (qualità del lavoro) e ciò che guardano le associazioni d'impresa (fabbisogni di personale). "
                  "Ogni numero porta alla pagina con il dettaglio; la stessa sequenza è una presentazione pronta in "
                  "«Presenta».",
                  "Two readings of the same archive for the two sides of the table: what unions look at first (job "
                  "quality) and what employers' associations look at (hiring needs). Every figure leads to the page "
                  "with its detail; the same sequence is a ready-made deck in “Present”."),
    "lens.section.unions": ("Per i sindacati", "For the unions"),
    "lens.section.employers": ("Per le imprese", "For employers"),
    "lens.link": ("Dettaglio: {page}\u00a0→", "Detail: {page}\u00a0→"),
    "lens.deck": ("Presentazione pronta: {count} diapositive con gli stessi numeri\u00a0→",
                  "Ready-made deck: {count} slides with the same figures\u00a0→"),
    "lens.skipped": ("{what}: {why}", "{what}: {why}"),
    "lens.no_data": ("nessun dato per il territorio scelto", "no data for the area chosen"),
    "lens.finding.contratti": ("Contratti stabili", "Permanent contracts"),
    "lens.finding.partecipazione": ("Mancata partecipazione al lavoro", "Labour market slack"),
    "lens.finding.neet": ("Giovani che non lavorano e non studiano", "Young people not in work or study"),
    "lens.finding.infortuni": ("Infortuni gravi sul lavoro", "Serious work injuries"),
    "lens.finding.cassa": ("Cassa integrazione", "Short-time work"),
    "lens.finding.entrate": ("Entrate previste", "Planned hires"),
    "lens.finding.imprese": ("Nascite e chiusure di imprese", "Business births and closures"),
    "lens.finding.occupazione": ("Occupazione 20-64 anni", "Employment, age 20-64"),
    # findings
    "lens.contracts.card": ("Entrate previste a tempo indeterminato, {name}", "Planned hires on permanent contracts, {name}"),
    "lens.contracts.card_help": ("{month}, indagine Excelsior (numero pubblicato)",
                                 "{month}, Excelsior survey (published figure)"),
    "lens.contracts.title": ("{month}, entrate a tempo indeterminato: {values}",
                             "{month}, planned hires on permanent contracts: {values}"),
    "lens.contracts.axis": ("% delle entrate previste", "% of planned hires"),
    "lens.contracts.caption": ("Quota delle assunzioni previste dalle imprese nel mese con contratto a tempo "
                               "indeterminato: {source}. Numero trascritto dal comunicato.",
                               "Share of the hires businesses planned in the month on a permanent contract: {source}. "
                               "Figure transcribed from the release."),
    "lens.contracts.cob": ("Assunzioni a tempo indeterminato, {year} (comunicazioni obbligatorie)",
                           "Permanent hires, {year} (mandatory notifications)"),
    "lens.contracts.cob_help": ("quota delle assunzioni effettive", "share of actual hires"),
    "lens.contracts.cob_note": ("Le assunzioni effettive per contratto vengono dalle comunicazioni obbligatorie.",
                                "Actual hires by contract come from the mandatory notifications."),
    "lens.hires.card": ("Entrate previste, {name}", "Planned hires, {name}"),
    "lens.hires.hard": ("Difficili da reperire, {name}", "Hard to recruit, {name}"),
    "lens.hires.title": ("Entrate previste nel {quarter}: {values}", "Planned hires in {quarter}: {values}"),
    "lens.hires.axis": ("Entrate previste nel trimestre", "Hires planned in the quarter"),
    "lens.hires.caption": ("Indagine Excelsior (Unioncamere–Ministero del Lavoro) come pubblicata dalla Camera di "
                           "commercio Como-Lecco, trimestre per trimestre: i trimestri senza comunicato mancano. "
                           "Numeri trascritti dai comunicati.",
                           "Excelsior survey (Unioncamere–Ministry of Labour) as published by the Como-Lecco Chamber of "
                           "Commerce, quarter by quarter: quarters without a release are missing. Figures transcribed "
                           "from the releases."),
    "lens.firms.card": ("Nuove imprese, {name}, {year}", "New businesses, {name}, {year}"),
    "lens.firms.card_help": ("{closed} cessazioni, saldo {balance}", "{closed} closures, balance {balance}"),
    "lens.firms.part": ("{name} {born} e {closed}", "{name} {born} and {closed}"),
    "lens.firms.title": ("Imprese {year}, iscrizioni e cessazioni: {parts}",
                         "Businesses {year}, registrations and closures: {parts}"),
    "lens.firms.born": ("iscrizioni", "registrations"),
    "lens.firms.closed": ("cessazioni", "closures"),
    "lens.firms.axis": ("Imprese", "Businesses"),
    "lens.firms.caption": ("Registro delle imprese come pubblicato dalla Camera di commercio Como-Lecco: cessazioni "
                           "escluse quelle d'ufficio; il saldo è iscrizioni meno cessazioni dello stesso comunicato. "
                           "Numeri trascritti.",
                           "Business Register as published by the Como-Lecco Chamber of Commerce: closures excluding "
                           "ex-officio deletions; the balance is registrations minus closures of the same release. "
                           "Transcribed figures."),
    # Presenta
    "present.lens.ready": ("Presentazione pronta", "Ready-made deck"),
    "present.lens.generale": ("Generale", "General"),
    "present.lens.sindacati": ("Per i sindacati: qualità del lavoro", "For the unions: job quality"),
    "present.lens.imprese": ("Per le imprese: fabbisogni di personale", "For employers: hiring needs"),
    "present.slide.lente_contratti": ("Sindacati · contratti stabili", "Unions · permanent contracts"),
    "present.slide.lente_partecipazione": ("Sindacati · mancata partecipazione", "Unions · labour market slack"),
    "present.slide.lente_neet": ("Sindacati · NEET", "Unions · NEET"),
    "present.slide.lente_infortuni": ("Sindacati · infortuni gravi", "Unions · serious injuries"),
    "present.slide.lente_cassa": ("Sindacati · cassa integrazione", "Unions · short-time work"),
    "present.slide.lente_entrate": ("Imprese · entrate previste", "Employers · planned hires"),
    "present.slide.lente_imprese": ("Imprese · iscrizioni e cessazioni", "Employers · registrations and closures"),
    "present.slide.lente_occupazione": ("Imprese · occupazione 20-64", "Employers · employment 20-64"),
    "present.lens.title.sindacati": ("Qualità del lavoro a {area}", "Job quality in {area}"),
    "present.lens.title.imprese": ("Fabbisogni di personale a {area}", "Hiring needs in {area}"),
}
