"""User-facing texts (it, en) for the job-quality and labour-policy page, the two lenses of the social
partners and the published figures read by period (issue 18); observatory.labels gathers every module."""

_CAPTIONS = {
    "tasso_occupazione_20_64": ("BES dei territori (ISTAT, dall'indagine sulle forze di lavoro): occupati di 20-64 anni "
                                "sulla popolazione della stessa età.",
                                "BES at local level (ISTAT, from the labour force survey): employed people aged 20-64 "
                                "over the population of the same age."),
    "mancata_partecipazione": ("BES dei territori (ISTAT): disoccupati e inattivi disponibili a lavorare sulle forze di "
                               "lavoro più quegli inattivi, 15-74 anni. Misura il lavoro che manca meglio della sola "
                               "disoccupazione.",
                               "BES at local level (ISTAT): unemployed and inactive people available to work over the "
                               "labour force plus those inactive people, age 15-74. It measures missing work better "
                               "than unemployment alone."),
    "neet": ("BES dei territori (ISTAT): giovani di 15-29 anni né occupati né in istruzione o formazione. ISTAT lo "
             "pubblica per le province solo per il totale, non per sesso.",
             "BES at local level (ISTAT): people aged 15-29 neither employed nor in education or training. ISTAT "
             "publishes it for provinces as a total only, not by sex."),
    "infortuni_lavoro": ("BES dei territori (ISTAT su dati INAIL): infortuni sul lavoro mortali o con inabilità "
                         "permanente ogni 10.000 occupati. L'asse parte da zero.",
                         "BES at local level (ISTAT on INAIL data): fatal or permanently disabling work injuries per "
                         "10,000 employed people. The axis starts at zero."),
}
_MEASURES = {
    "totale": ("tutte le gestioni", "all schemes"), "cigo_cigs": ("ordinaria + straordinaria", "ordinary + extraordinary"),
    "cigo": ("ordinaria (CIGO)", "ordinary (CIGO)"), "cigs": ("straordinaria (CIGS)", "extraordinary (CIGS)"),
    "tessile": ("settore tessile", "textile sector"), "meccanica": ("meccanica e metallurgia", "mechanics and metals"),
    "metalmeccanica": ("metalmeccanica", "metalworking"), "variazione": ("solo variazione", "change only"),
}

TEXTS: dict[str, tuple[str, str]] = {
    # periods of published figures
    "published.period.unknown": ("periodo non indicato", "period not stated"),
    # page and views
    "nav.quality": ("Qualità del lavoro e politiche", "Job quality and policies"),
    "quality.lead": ("Quanto lavoro c'è e di che qualità, quanta cassa integrazione, quante persone nelle politiche "
                     "attive: i numeri ufficiali di Como e Lecco accanto a quelli della Lombardia",
                     "How much work there is and of what quality, how much short-time work, how many people in active "
                     "labour policies: the official figures of Como and Lecco beside those of Lombardy"),
    "quality.section.quality": ("Qualità del lavoro", "Job quality"),
    "quality.section.cig": ("Cassa integrazione", "Short-time work"),
    "quality.section.gol": ("Politiche attive (GOL)", "Active policies (GOL)"),
    "quality.filter.indicator": ("Indicatore", "Indicator"),
    "quality.filter.sex": ("Sesso", "Sex"),
    "quality.missing": ("Dati non ancora disponibili: {error}", "Data not available yet: {error}"),
    "quality.col.value": ("Valore", "Value"),
    "quality.axis.pct": ("% (l'asse non parte da zero)", "% (axis does not start at zero)"),
    "quality.axis.other": ("{unit}", "{unit}"),
    "quality.card.no_previous": ("nessun dato {year}: nessun confronto", "no {year} value: no comparison"),
    "quality.gap.copia": ("assente nella copia pubblica (diset-viz); un aggiornamento da ISTAT lo porta se ISTAT lo "
                          "pubblica", "missing from the public copy (diset-viz); a refresh from ISTAT brings it if "
                          "ISTAT publishes it"),
    "quality.gap.istat": ("non pubblicato da ISTAT", "not published by ISTAT"),
    "quality.gap.why": ("Perché manca", "Why it is missing"),
    "quality.gaps": ("Anni senza dato (× nel grafico, linea interrotta): {parts}.",
                     "Years without a value (× on the chart, line broken): {parts}."),
    "quality.caption.istat_gap": ("Per il 2022 anche l'edizione 2025 di ISTAT, secondo un archivio pubblico delle sue "
                                  "risposte, ha il tasso solo per Italia, ripartizioni e regioni: la lacuna delle "
                                  "province potrebbe restare dopo un aggiornamento (da verificare).",
                                  "For 2022 ISTAT's 2025 edition too, according to a public archive of its answers, has "
                                  "the rate only for Italy, macro-areas and regions: the provinces' gap may remain "
                                  "after a refresh (to be checked)."),
    "quality.caption.copy": ("Valori ISTAT presi da una copia pubblica (tabelle del repository diset-viz costruite da "
                             "risposte ISTAT), solo per il totale maschi e femmine e senza l'Italia: un aggiornamento "
                             "da ISTAT porta la serie completa, l'Italia e i valori per sesso.",
                             "ISTAT values taken from a public copy (tables the diset-viz repository built from ISTAT "
                             "answers), for men and women together only and without Italy: a refresh from ISTAT "
                             "brings the full series, Italy and the values by sex."),
    **{f"quality.caption.{k}": v for k, v in _CAPTIONS.items()},
    "quality.missing_sex": ("{indicator}, {sex}: non disponibile nell'archivio distribuito (ci sono: {available}). "
                            "Un aggiornamento da ISTAT porta i valori per sesso dove ISTAT li pubblica.",
                            "{indicator}, {sex}: not available in the shipped archive (available: {available}). A "
                            "refresh from ISTAT brings the values by sex where ISTAT publishes them."),
    "quality.side.title": ("Rispetto alla {region}, ultimo anno: {parts}", "Against {region}, latest year: {parts}"),
    "quality.side.title_plain": ("Qualità del lavoro, ultimo anno disponibile", "Job quality, latest year available"),
    "quality.side.part": ("{name} meglio in {better} indicatori su {total}", "{name} better on {better} of {total}"),
    "quality.side.part_next": ("{name} in {better} su {total}", "{name} on {better} of {total}"),
    "quality.side.caption": ("Ogni riquadro ha la sua scala e il suo anno (l'ultimo pubblicato). «Meglio» segue il "
                             "verso dell'indicatore: più occupazione, meno mancata partecipazione, NEET e infortuni.",
                             "Each panel has its own scale and year (the latest published). “Better” follows the "
                             "indicator's direction: more employment, less non-participation, NEET and injuries."),
    "quality.short.tasso_occupazione_20_64": ("Occupazione 20-64 anni", "Employment, age 20-64"),
    "quality.short.mancata_partecipazione": ("Mancata partecipazione al lavoro", "Labour market slack"),
    "quality.short.neet": ("NEET 15-29 anni", "NEET, age 15-29"),
    "quality.short.infortuni_lavoro": ("Infortuni gravi per 10.000 occupati", "Serious injuries per 10,000 employed"),
    # short-time work
    "quality.cig.card": ("Ore di CIG autorizzate, {name}", "Short-time work hours authorised, {name}"),
    "quality.cig.none": ("Nessun numero pubblicato trovato.", "No published figure found."),
    "quality.cig.card_change": ("variazione riportata su {period}", "change reported on {period}"),
    "quality.cig.card_no_change": ("nessuna variazione pubblicata", "no change published"),
    "quality.cig.card_help": ("La variazione è quella pubblicata dall'editore, non ricalcolata.",
                              "The change is the one the publisher reported, not recomputed."),
    "quality.cig.same_last_year": ("lo stesso periodo dell'anno prima", "the same period a year earlier"),
    "quality.cig.change_text": ("{change} su {period}", "{change} on {period}"),
    "quality.cig.title": ("Cassa integrazione, ore autorizzate: {parts}", "Short-time work, hours authorised: {parts}"),
    "quality.cig.title_part": ("{name} {hours} ({period}{change})", "{name} {hours} ({period}{change})"),
    "quality.cig.axis": ("Ore autorizzate", "Hours authorised"),
    "quality.cig.col.measure": ("Gestione", "Scheme"),
    "quality.cig.col.change": ("Variazione pubblicata", "Change published"),
    "quality.cig.caption": ("Ore autorizzate dall'INPS come pubblicate da UIL del Lario, UIL e CISL Lombardia, periodo "
                            "per periodo: periodi di lunghezza diversa (un mese, un trimestre, più mesi) stanno uno "
                            "accanto all'altro ma non si confrontano né si sommano. Numeri trascritti dai comunicati.",
                            "Hours authorised by INPS as published by UIL del Lario, UIL and CISL Lombardia, period by "
                            "period: periods of different length (a month, a quarter, several months) sit side by side "
                            "but are neither compared nor added up. Figures transcribed from the releases."),
    "quality.cig.other_measure": ("{name}, {period}: solo cassa {measure} (la deroga non è compresa).",
                                  "{name}, {period}: {measure} short-time work only (exceptional schemes not "
                                  "included)."),
    "quality.cig.later": ("{name}, {period}: {change} su {reference}, senza il numero di ore ({source})",
                          "{name}, {period}: {change} on {reference}, without the number of hours ({source})"),
    "quality.cig.later_title": ("Variazioni pubblicate dopo l'ultimo numero di ore", "Changes published after the latest "
                                "hours figure"),
    "quality.cig.split_title": ("{name}, {period}: {cigo} ore di cassa ordinaria e {cigs} di straordinaria",
                                "{name}, {period}: {cigo} hours of ordinary and {cigs} of extraordinary short-time work"),
    "quality.cig.split_caption": ("Cassa ordinaria (CIGO, crisi temporanee) e straordinaria (CIGS, ristrutturazioni e "
                                  "crisi aziendali) dove l'editore le pubblica; una barra mancante è un numero non "
                                  "pubblicato, non uno zero.",
                                  "Ordinary (CIGO, temporary downturns) and extraordinary (CIGS, restructuring and "
                                  "company crises) short-time work where the publisher gives them; a missing bar is a "
                                  "figure not published, not a zero."),
    "quality.cig.all": ("Tutti i numeri pubblicati sulla cassa integrazione (anche Lombardia, Italia e settori)",
                        "Every published short-time work figure (Lombardy, Italy and sectors too)"),
    **{f"quality.cig.measure.{k}": v for k, v in _MEASURES.items()},
    # GOL
    "quality.gol.card.patti": ("GOL, patti di servizio firmati (Lecco)", "GOL, service agreements signed (Lecco)"),
    "quality.gol.card.share": ("GOL, quota dell'obiettivo 2023 (Lecco)", "GOL, share of the 2023 target (Lecco)"),
    "quality.gol.card.share_of": ("di {target}, obiettivo della stessa fonte", "of {target}, the same source's target"),
    "quality.gol.card.dote": ("GOL, presi in carico con dote (Lecco)", "GOL, taken on with a voucher (Lecco)"),
    "quality.gol.as_of": ("dal 1° gennaio al {date}", "1 January to {date}"),
    "quality.gol.at": ("al {date}", "by {date}"),
    "quality.gol.axis": ("Patti di servizio firmati dal 1° gennaio", "Service agreements signed since 1 January"),
    "quality.gol.target": ("obiettivo 2023: {value} (pagina di {date})", "2023 target: {value} (page of {date})"),
    "quality.gol.title": ("{name}, GOL: {patti} patti di servizio al {date}, {share} dell'obiettivo 2023 ({target})",
                          "{name}, GOL: {patti} service agreements by {date}, {share} of the 2023 target ({target})"),
    "quality.gol.caption": ("Programma GOL (Garanzia di occupabilità dei lavoratori, PNRR): numeri della Provincia di "
                            "Lecco sui dati SIUL di Regione Lombardia, quasi tutti dei centri per l'impiego di Lecco e "
                            "Merate. Per il 2023 sono stati pubblicati due obiettivi diversi, 5.697 a maggio e 5.769 a "
                            "luglio: il grafico li mostra entrambi con la loro fonte; la quota usa quello della stessa "
                            "pagina del conteggio.",
                            "GOL programme (Guaranteed employability of workers, NRRP): figures of the Provincia di "
                            "Lecco on Regione Lombardia's SIUL data, almost all from the Lecco and Merate employment "
                            "centres. Two different 2023 targets were published, 5,697 in May and 5,769 in July: the "
                            "chart shows both with their source; the share uses the one on the same page as the count."),
    "quality.gol.absent": ("**{names}**: nessun numero pubblicato sul programma GOL è stato trovato (patti di servizio, "
                           "prese in carico, doti). I numeri di Lecco vengono dai comunicati della Provincia sui dati "
                           "SIUL di Regione Lombardia; quando la Provincia o Regione Lombardia pubblicano quelli dei "
                           "centri per l'impiego di {names}, lo staff li aggiunge al file dei numeri pubblicati "
                           "(caricamento nell'area staff) e compaiono qui, con la loro fonte, accanto a quelli di Lecco.",
                           "**{names}**: no published figure on the GOL programme was found (service agreements, "
                           "people taken on, vouchers). Lecco's figures come from the Provincia's releases on Regione "
                           "Lombardia's SIUL data; when the Provincia or Regione Lombardia publish those of the "
                           "employment centres of {names}, staff add them to the published-figures file (upload in the "
                           "staff area) and they appear here, with their source, beside Lecco's."),
    "quality.gol.all": ("Tutti i numeri pubblicati su GOL", "Every published GOL figure"),
    "quality.naspi": ("NASpI: l'unico numero trovato per {name} sono le {value} domande gestite dal patronato INCA CGIL "
                      "nel periodo {period} ({source}): non è il totale INPS delle domande.",
                      "NASpI: the only figure found for {name} is the {value} applications handled by the INCA CGIL "
                      "patronato in {period} ({source}): it is not INPS's total of applications."),
    "quality.table.caption": ("Numeri trascritti dai comunicati, con fonte, pagina e data.",
                              "Figures transcribed from the releases, with source, page and date."),
    # the overview's card from this page
    "overview.card.neet": ("NEET 15-29 anni, {name}", "NEET aged 15-29, {name}"),
    "overview.neet.sentence": ("{name}, {year}: giovani di 15-29 anni che non lavorano e non studiano (NEET) {value}{change}.",
                               "{name}, {year}: {value} of people aged 15-29 were neither working nor studying{change}."),
    "overview.neet.change": (" ({change} punti sul {year})", " ({change} points on {year})"),
    "overview.link.quality": ("Qualità del lavoro e politiche", "Job quality and policies"),
}
