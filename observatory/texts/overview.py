"""User-facing texts (it, en) for pages: overview cards (issue 3); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "overview.cards": ("In breve", "At a glance"),
    "overview.section.map": ("Popolazione per comune", "Population by municipality"),
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
    "overview.students.sentence": ("{where} nell'anno scolastico {year} gli studenti delle scuole, dall'infanzia "
                                   "alle superiori, sono {total}{change}.",
                                   "{where}, {total} students are enrolled in schools, from pre-school to upper "
                                   "secondary, in the {year} school year{change}."),
    "overview.students.more": (", {diff} in più rispetto al {prev}", ", {diff} more than in {prev}"),
    "overview.students.less": (", {diff} in meno rispetto al {prev}", ", {diff} fewer than in {prev}"),
    "overview.students.same": (", come nel {prev}", ", as in {prev}"),
    "overview.card.unemployment": ("Disoccupazione, {name}", "Unemployment, {name}"),
    "overview.card.employment": ("Occupazione, {name}", "Employment, {name}"),
    "overview.card.flows": ("Assunzioni, ultimi 12 mesi", "Hires, last 12 months"),
    "overview.card.firms": ("Nuove imprese, ultimi 12 mesi", "New businesses, last 12 months"),
    "overview.card.students": ("Studenti delle scuole", "School students"),
    "overview.card.year": ("anno {year}", "year {year}"),
    "overview.card.school_year_short": ("a.s. {year}", "{year}"),
    "overview.card.vs_prev_year": ("sull'anno precedente", "on the previous year"),
    "overview.card.change_year": ("La variazione è sull'anno precedente, in punti percentuali.",
                                  "The change is on the previous year, in percentage points."),
    "overview.card.until": ("fino a {end}", "to {end}"),
    "overview.card.change_12m": ("La variazione è sui 12 mesi precedenti.", "The change is on the previous 12 months."),
    "overview.card.change_school_year": ("La variazione è sull'anno scolastico precedente.",
                                         "The change is on the previous school year."),
    "overview.card.missing": ("Dati non ancora disponibili.", "Data not available yet."),
    "overview.card.no_rows": ("Nessun dato per questo territorio.", "No data for this area."),
    "overview.link.labour": ("Mercato del lavoro", "Labour market"),
    "overview.link.business": ("Imprese", "Businesses"),
    "overview.link.education": ("Formazione", "Education"),
    "overview.population": ("Popolazione", "Population"),
}
