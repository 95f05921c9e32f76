"""User-facing texts (it, en) for pages: skills (issue 3); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "skills.lead": ("Quali competenze chiedono le imprese del territorio e quali formano le sue scuole: "
                    "dove la domanda supera l'offerta, e dove accade il contrario",
                    "Which skills the area's firms ask for and which its schools train: where demand exceeds "
                    "supply, and where the reverse happens"),
    "skills.view.planned": ("Entrate previste", "Planned hires"),
    "skills.view.hard": ("Difficili da trovare", "Hard to find"),
    "skills.view.sectors": ("Assunzioni per settore", "Hires by sector"),
    "skills.view.gap": ("Domanda e offerta a confronto", "Demand and supply compared"),
    "skills.missing": ("{what}: dati non ancora nell'archivio ({error})", "{what}: data not in the archive yet ({error})"),
    "skills.no_rows": ("Nessun dato per {territory}.", "No data for {territory}."),
    "skills.what.excelsior": ("Entrate previste dalle imprese (Excelsior)", "Hires planned by firms (Excelsior)"),
    "skills.what.avviamenti": ("Assunzioni per settore, ultimi 12 mesi", "Hires by sector, last 12 months"),
    "skills.what.studenti": ("Studenti per tipo di scuola", "Students by school type"),
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
    "skills.gap.subtitle": ("Domanda: {demand}; offerta: studenti delle superiori {year} per tipo di istituto (i dati "
                            "delle scuole non hanno l'indirizzo di studio)",
                            "Demand: {demand}; supply: upper-secondary students {year} by kind of institute (the "
                            "school data have no field of study)"),
    "skills.method": ("La corrispondenza tra gruppi professionali o settori e tipi di scuola è "
                      "un'approssimazione dell'osservatorio, non un dato delle fonti: è una scelta di metodo, "
                      "scritta nella tabella qui sotto. Si confrontano quote (la parte di ogni area sul totale), "
                      "non numeri assoluti: entrate annue e studenti iscritti non sono grandezze omogenee.",
                      "The correspondence between occupational groups or sectors and kinds of school is the "
                      "observatory's own approximation, not a figure from the sources: a method choice, written "
                      "in the table below. Shares (each area's part of the total) are compared, not raw counts: "
                      "yearly hires and enrolled students are not like quantities."),
    "skills.method.table": ("Tabella di corrispondenza usata (approssimazione dell'osservatorio)",
                            "Correspondence table used (the observatory's approximation)"),
    "skills.unmapped": ("Quote calcolate sul totale confrontabile: restano fuori il {demand} della domanda "
                        "(es. professioni non qualificate, settore non classificato) e il {supply} degli studenti "
                        "(istituti senza area, es. istituti superiori con più indirizzi).",
                        "Shares of the comparable total: {demand} of demand (e.g. unskilled occupations, "
                        "unclassified sector) and {supply} of students (institutes with no area, e.g. institutes "
                        "with several tracks) are left out."),
    "skills.caption.excelsior": ("Fonte: Unioncamere – Ministero del Lavoro, Sistema Informativo Excelsior. "
                                 "Previsioni da indagine campionaria; le celle soppresse sono escluse, mai contate zero.",
                                 "Source: Unioncamere – Ministry of Labour, Excelsior information system. Survey "
                                 "forecasts; suppressed cells are left out, never counted as zero."),
    "skills.caption.hires": ("Comunicazioni obbligatorie: contratti avviati da datori di lavoro con sede nel "
                             "territorio, non persone.",
                             "Compulsory notifications: contracts started by employers based in the area, not people."),
    "skills.caption.gap": ("Divario positivo: l'area pesa più nella domanda che tra gli studenti; negativo: il contrario.",
                           "Positive gap: the area weighs more in demand than among students; negative: the reverse."),
}
