"""User-facing texts (it, en) for pages: education (issue 3); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "edu.lead": ("Quanti ragazzi frequentano le scuole superiori del territorio, in quali percorsi e dove",
                 "How many young people attend the area's upper-secondary schools, on which tracks and where"),
    "edu.section.students": ("Studenti e tipi di scuola", "Students and school types"),
    "edu.section.trend": ("Andamento negli anni", "Trend over the years"),
    "edu.section.fields": ("Percorsi di studio", "Fields of study"),
    "edu.section.map": ("Mappa delle scuole", "Map of schools"),
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
    "edu.card.total": ("Studenti", "Students"),
    "edu.card.share.liceo": ("Quota licei", "Licei share"),
    "edu.card.share.tecnico": ("Quota tecnici", "Technical share"),
    "edu.card.share.professionale": ("Quota professionali", "Vocational share"),
    "edu.card.share.iefp": ("Quota IeFP", "IeFP share"),
    "edu.card.share.help": ("{track}: studenti iscritti in percentuale di tutti gli studenti delle superiori del "
                            "territorio; la variazione è in punti percentuali sull'anno scolastico precedente.",
                            "{track}: students enrolled as a percentage of all the area's upper-secondary students; "
                            "the change is in percentage points on the previous school year."),
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
}
