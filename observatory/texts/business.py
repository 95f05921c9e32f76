"""User-facing texts (it, en) for pages: businesses (issue 3); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "biz.lead": ("Quante imprese nascono e chiudono, in quali settori, e quanto lavoro ospita ogni comune",
                 "How many businesses open and close, in which sectors, and how much work each municipality hosts"),
    "biz.section.flows": ("Nascite e chiusure di imprese", "Business births and closures"),
    "biz.section.rates": ("Tassi di natalità e mortalità", "Birth and death rates"),
    "biz.section.sectors": ("Saldo per settore", "Balance by sector"),
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
    "biz.card.iscrizioni": ("Iscrizioni", "Registrations"),
    "biz.card.cessazioni": ("Cessazioni", "Closures"),
    "biz.card.saldo": ("Saldo", "Balance"),
    # the unit in the label: '1,74' alone does not say it is per 100 active businesses
    "biz.card.tasso_natalita": ("Tasso di natalità per 100 imprese", "Birth rate per 100 businesses"),
    "biz.card.tasso_mortalita": ("Tasso di mortalità per 100 imprese", "Death rate per 100 businesses"),
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
                          "precedente × 100; trimestri incompleti esclusi; una linea interrotta è un dato mancante.",
                          "Rate = registrations (or closures) in the quarter ÷ businesses active at the end of the "
                          "previous quarter × 100; incomplete quarters excluded; a broken line is a missing value."),
    "biz.caption.ateco": ("Da aprile 2025 le imprese sono classificate con ATECO 2025: le sezioni dopo la I cambiano "
                          "lettera, e i tassi di sezione a cavallo del cambio non sono calcolati.",
                          "From April 2025 businesses are classified with ATECO 2025: sections after I change letter, "
                          "and section rates across the change are not computed."),
    # said only under a chart that draws the rule (the change falls inside the years shown)
    "biz.caption.dashed": ("La linea tratteggiata segna il cambio di classificazione.",
                           "The dashed line marks the change of classification."),
    "biz.caption.break": ("Da aprile 2025 classificazione ATECO 2025: confronti di sezione "
                          "prima e dopo il cambio vanno letti con cautela.",
                          "ATECO 2025 classification from April 2025: compare sections before and "
                          "after the change with care."),
    "biz.map.title": ("{metric}, {sector} ({territory}): il valore più alto è a {top} ({value})",
                      "{metric}, {sector} ({territory}): highest in {top} ({value})"),
    "biz.map.caption": ("Fonte: ISTAT, registro statistico delle unità locali (ASIA) {year}; popolazione ISTAT "
                        "al 1° gennaio {pop_year}. Gli addetti sono contati nel comune in cui lavorano; in grigio i "
                        "comuni senza dato.",
                        "Source: ISTAT, statistical register of local units (ASIA) {year}; ISTAT population on "
                        "1 January {pop_year}. Employees are counted in the municipality where they work; grey "
                        "means no data."),
}
