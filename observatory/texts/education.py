"""User-facing texts (it, en) for pages: education (issue 3, real students since issue 14);
observatory.labels gathers every module here."""

_CHOICES = {
    "tutti": ("Tutte le scuole", "All schools"),
    "infanzia": ("Scuola dell'infanzia", "Pre-school"),
    "primaria": ("Scuola primaria", "Primary school"),
    "secondaria_primo_grado": ("Secondaria di I grado", "Lower secondary"),
    "secondaria_secondo_grado": ("Secondaria di II grado (superiori)", "Upper secondary"),
    "liceo": ("Licei", "Licei (general upper secondary)"),
    "tecnico": ("Istituti tecnici", "Technical institutes"),
    "professionale": ("Istituti professionali", "Vocational institutes"),
    "istituto_superiore": ("Istituti superiori con più indirizzi", "Upper-secondary institutes with several tracks"),
}
_TYPES = {
    "infanzia": ("Infanzia", "Pre-school"),
    "primaria": ("Primaria", "Primary"),
    "secondaria_primo_grado": ("Secondaria di I grado", "Lower secondary"),
    "secondaria_secondo_grado": ("Secondaria di II grado", "Upper secondary"),
    "liceo": ("Licei", "Licei"),
    "tecnico": ("Istituti tecnici", "Technical institutes"),
    "professionale": ("Istituti professionali", "Vocational institutes"),
    "istituto_superiore": ("Istituti superiori con più indirizzi", "Institutes with several tracks"),
    "altro": ("Altro (codice non riconosciuto)", "Other (unrecognised code)"),
}
#: kinds of upper-secondary institute named by the school code (characters 3–4), as the registry names them
_KINDS = {
    "PC": ("Licei classici", "Classical licei"), "PS": ("Licei scientifici", "Scientific licei"),
    "PL": ("Licei linguistici", "Language licei"), "PM": ("Licei delle scienze umane (ex magistrali)",
                                                          "Human-sciences licei (former teacher training)"),
    "SL": ("Licei artistici", "Art licei"), "SD": ("Istituti d'arte (licei artistici)", "Art institutes (art licei)"),
    "TA": ("Istituti tecnici agrari", "Agricultural technical institutes"),
    "TB": ("Istituti tecnici aeronautici", "Aeronautical technical institutes"),
    "TD": ("Istituti tecnici commerciali", "Commercial technical institutes"),
    "TE": ("Istituti tecnici per periti aziendali", "Business technical institutes"),
    "TF": ("Istituti tecnici industriali", "Industrial technical institutes"),
    "TH": ("Istituti tecnici nautici", "Nautical technical institutes"),
    "TL": ("Istituti tecnici per geometri", "Surveying technical institutes"),
    "TN": ("Istituti tecnici per il turismo", "Tourism technical institutes"),
    "RA": ("Professionali per l'agricoltura e l'ambiente", "Vocational: agriculture and environment"),
    "RC": ("Professionali per i servizi commerciali", "Vocational: commercial services"),
    "RF": ("Professionali per i servizi sociali e sanitari", "Vocational: social and health services"),
    "RH": ("Professionali alberghieri e della ristorazione", "Vocational: hospitality and catering"),
    "RI": ("Professionali per l'industria e l'artigianato", "Vocational: industry and crafts"),
    "IS": ("Istituti superiori con più indirizzi", "Institutes with several tracks"),
}
_ORDERS_HELP = {
    "infanzia": ("Bambini iscritti alle scuole dell'infanzia (3-5 anni), statali e paritarie.",
                 "Children enrolled in pre-schools (ages 3-5), state and non-state."),
    "primaria": ("Alunni delle scuole primarie, statali e paritarie.", "Pupils of primary schools, state and non-state."),
    "secondaria_primo_grado": ("Alunni delle scuole secondarie di primo grado (medie), statali e paritarie.",
                               "Pupils of lower-secondary schools, state and non-state."),
    "secondaria_secondo_grado": ("Studenti delle scuole superiori (licei, tecnici, professionali), statali e "
                                 "paritarie, corsi serali esclusi.",
                                 "Upper-secondary students (licei, technical and vocational institutes), state and "
                                 "non-state, evening courses excluded."),
}

TEXTS: dict[str, tuple[str, str]] = {
    "edu.lead": ("Quanti bambini e ragazzi frequentano le scuole del territorio, in quali ordini e tipi di scuola "
                 "e dove", "How many children and young people attend the area's schools, in which school orders "
                 "and types, and where"),
    "edu.section.students": ("Studenti per ordine e tipo", "Students by order and type"),
    "edu.section.trend": ("Andamento negli anni", "Over the years"),
    "edu.section.fields": ("Superiori per istituto", "Upper secondary by institute"),
    "edu.section.map": ("Mappa delle scuole", "Map of schools"),
    "edu.year": ("Anno scolastico", "School year"),
    "edu.choice": ("Scuole", "Schools"),
    **{f"edu.choice.{k}": v for k, v in _CHOICES.items()},
    **{f"edu.type.{k}": v for k, v in _TYPES.items()},
    **{f"edu.kind.{k}": v for k, v in _KINDS.items()},
    "edu.missing": ("Gli studenti delle scuole non sono ancora nell'archivio dei dati: {error}",
                    "School students are not in the data archive yet: {error}"),
    "edu.no_rows": ("Nessuna scuola nei dati per {territory}.", "No school in the data for {territory}."),
    "edu.one_year": ("{territory}: nei dati c'è un solo anno scolastico ({year}), nessun andamento da mostrare.",
                     "{territory}: the data hold one school year only ({year}), no change over time to show."),
    "edu.cards.caption": ("{territory}, anno scolastico {year}.", "{territory}, school year {year}."),
    "edu.cards.compared": ("Variazioni rispetto al {previous}.", "Changes on {previous}."),
    "edu.cards.not_compared": ("Nessuna variazione: l'anno precedente nei dati non copre gli stessi ordini di scuola.",
                               "No change shown: the previous year in the data does not cover the same school "
                               "orders."),
    "edu.card.total": ("Studenti", "Students"),
    "edu.card.infanzia": ("Infanzia", "Pre-school"),
    "edu.card.primaria": ("Primaria", "Primary"),
    "edu.card.secondaria_primo_grado": ("Medie (I grado)", "Lower secondary"),
    "edu.card.secondaria_secondo_grado": ("Superiori (II grado)", "Upper secondary"),
    **{f"edu.card.{k}.help": v for k, v in _ORDERS_HELP.items()},
    "edu.unplaced": ("{students} studenti ({share}) di {sites} sedi non hanno un comune nel {year}: le sedi non sono "
                     "nelle anagrafi delle scuole disponibili, e contano solo nel totale della loro provincia.",
                     "{students} students ({share}) of {sites} sites have no municipality in {year}: the sites are "
                     "not in the available school registries and count only in their province's total."),
    "edu.coverage": ("{years}: solo primaria e secondarie (il file ministeriale per anno di corso, sommato per scuola "
                     "da onData, non ha la scuola dell'infanzia; è il file delle statali, ma elenca anche le "
                     "paritarie di primaria e secondaria).",
                     "{years}: primary and secondary only (the Ministry's file by course year, summed per school by "
                     "onData, has no pre-school; it is the state schools' file but also lists the non-state primary "
                     "and secondary schools)."),
    "edu.break": ("dal {year} anche l'infanzia", "pre-school from {year}"),
    "edu.axis.students": ("studenti", "students"),
    "edu.chart.types.title": ("{territory}, {year}: {total} studenti, di cui {upper} alle superiori",
                              "{territory}, {year}: {total} students, {upper} of them in upper secondary"),
    "edu.chart.trend.title": ("{territory}: dal {first} al {year} gli studenti passano da {before} a {now} ({change})",
                              "{territory}: from {first} to {year} students go from {before} to {now} ({change})"),
    "edu.chart.compare.title": ("{territory}, confronto tra il {first} e il {year}: gli studenti passano da {before} "
                                "a {now} ({change})",
                                "{territory}, {first} compared with {year}: students go from {before} to {now} "
                                "({change})"),
    "edu.chart.upper.title": ("{territory}, superiori nel {year}: {counts}",
                              "{territory}, upper secondary in {year}: {counts}"),
    "edu.chart.kinds.title": ("{territory}, {track}: nel {year} gli istituti più frequentati sono «{kind}», {share} "
                              "degli studenti", "{territory}, {track}: in {year} the most attended are “{kind}”, "
                              "{share} of students"),
    "edu.caption": ("Studenti iscritti per sede della scuola (comune della scuola, non di residenza), statali e "
                    "paritarie.", "Enrolled students by school site (municipality of the school, not of residence), "
                    "state and non-state."),
    "edu.kinds.all": ("Tutte le superiori", "All upper-secondary schools"),
    "edu.kinds.caption": ("Il tipo di istituto è quello che il codice della sede indica (caratteri 3 e 4 del codice "
                          "meccanografico): i file non danno l'indirizzo di studio.",
                          "The kind of institute is the one the site's code names (characters 3 and 4 of the "
                          "school code): the files give no field of study."),
    "edu.map.title": ("Studenti per comune della scuola, {schools}, {territory} {year}: il polo più grande è "
                      "{top} ({value})",
                      "Students by municipality of the school, {schools}, {territory} {year}: the largest hub is "
                      "{top} ({value})"),
    "edu.map.caption": ("Fonte: Ministero dell'Istruzione e del Merito, anno scolastico {year}. In grigio i comuni "
                        "senza scuole di questo tipo nei dati.",
                        "Source: Ministry of Education, school year {year}. Grey means no school of this kind in "
                        "the data."),
    "edu.map.no_school": ("nessuna scuola", "no school"),
    "edu.slide.title": ("{total} studenti nelle scuole del territorio, {upper} alle superiori ({year})",
                        "{total} students in the area's schools, {upper} in upper secondary ({year})"),
    "edu.its.title": ("ITS Academy", "ITS Academy"),
    "edu.its": ("Per gli ITS Academy (istruzione tecnica superiore post-diploma) non esiste una fonte "
                "pubblica leggibile da una macchina: INDIRE pubblica il monitoraggio nazionale solo in PDF. "
                "Per questo gli ITS non sono in questa pagina; potranno essere aggiunti da una tabella "
                "curata dallo staff, con il rapporto INDIRE come fonte.",
                "There is no machine-readable public source for ITS Academy (post-diploma higher technical "
                "education): INDIRE publishes its national monitoring only as PDF. ITS are therefore not on "
                "this page; they can be added from a table kept by the staff, citing the INDIRE report."),
}
