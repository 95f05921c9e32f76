"""User-facing texts (it, en) for pages: sector comparisons (issue 3); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "sectors.lead": ("Quali settori assumono di più e quali crescono, a Como, a Lecco e in Lombardia",
                     "Which sectors hire most and which are growing, in Como, Lecco and Lombardy"),
    "sectors.section.compare": ("Settori a confronto", "Sectors side by side"),
    "sectors.section.index": ("Un settore nel tempo", "One sector over time"),
    "sectors.section.all": ("Tutti i settori nel tempo", "All sectors over time"),
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
}
