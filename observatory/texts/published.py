"""User-facing texts (it, en) for figures transcribed from the publishers' releases used as headlines
(issue 14); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "published.trimestre": ("{n}° trim. {year}", "Q{n} {year}"),
    "published.semestre": ("{n}° sem. {year}", "H{n} {year}"),
    "published.months": ("{first}–{last} {year}", "{first}–{last} {year}"),
    "published.undated": ("senza data", "undated"),
    "published.circa": ("circa {value}", "about {value}"),
    "published.page": ("{links}, data della pagina: {page}", "{links}, page date: {page}"),
    "published.card.description": ("{period} · trascritto", "{period} · transcribed"),
    "published.card.help": ("{label}: {definition} Dato trascritto dal comunicato: {source}.",
                            "{label}: {definition} Figure transcribed from the release: {source}."),
    "published.card.change": ("La variazione è sullo stesso periodo del {prev}, dalla stessa fonte.",
                              "The change is on the same period of {prev}, from the same source."),
    "published.card.rounded": ("L'editore ha pubblicato un valore arrotondato («circa»).",
                               "The publisher gave a rounded value (“about”)."),
    "published.caption": ("Numeri trascritti dai comunicati degli editori: {sources}.",
                          "Figures transcribed from the publishers' releases: {sources}."),
    "published.earlier": ("Dove più comunicati danno lo stesso numero vale il più recente; {n} valori di comunicati "
                          "precedenti erano diversi (colonna «altre_versioni» dei dati scaricati).",
                          "Where several releases give the same figure the latest counts; {n} values of earlier "
                          "releases differed (column “altre_versioni” of the download)."),
    "published.mixed": ("Anni di fonti diverse possono non essere del tutto confrontabili.",
                        "Years from different sources may not be fully comparable."),
    "published.detail": ("Dettaglio da dati dimostrativi", "Detail from demo data"),
    "published.detail_lead": ("Sotto, una serie diversa e costruita: mostra che cosa disegnerà la pagina con i dati "
                              "dell'editore, non i numeri pubblicati qui sopra.",
                              "Below, a different, constructed series: it shows what the page will draw with the "
                              "publisher's data, not the published figures above."),
    # labour: hires and terminations as published
    "published.flows.card": ("{indicator}, {name}", "{indicator}, {name}"),
    "published.flows.title": ("Assunzioni pubblicate: {values}", "Published hires: {values}"),
    "published.flows.value": ("{name} {value} nel {year}", "{name} {value} in {year}"),
    "published.flows.balance_title": ("Saldo pubblicato, assunzioni − cessazioni: {values}",
                                      "Published balance, hires − terminations: {values}"),
    "published.flows.axis": ("Contratti nell'anno", "Contracts in the year"),
    "published.flows.balance_caption": ("Stessi comunicati del grafico delle assunzioni; il saldo è quello stampato, "
                                        "o assunzioni − cessazioni dove non è stampato.",
                                        "Same releases as the hires chart; the balance is the printed one, or hires − "
                                        "terminations where none is printed."),
    "published.flows.slip": ("{name} {year}: il saldo pubblicato ({printed}) non è assunzioni meno cessazioni "
                             "({computed}).",
                             "{name} {year}: the printed balance ({printed}) is not hires minus terminations "
                             "({computed})."),
    "published.flows.other": ("Per {name} l'Osservatorio provinciale conta i contratti dei centri per l'impiego di "
                              "Lecco e Merate (ultimo: {value} assunzioni nel {period}, {source}): un perimetro "
                              "diverso dalla provincia, mai sommato né confrontato con questi numeri.",
                              "For {name} the provincial observatory counts the contracts of the Lecco and Merate "
                              "employment centres (latest: {value} hires in {period}, {source}): another perimeter "
                              "than the province, never added to or compared with these figures."),
    "published.flows.sentence": ("{where} nel {period} le assunzioni sono state {hires}{change} e le cessazioni "
                                 "{ends}: saldo di {balance} contratti. Fonte: {source} (dato trascritto).",
                                 "{where}, in {period}, there were {hires} hires{change} and {ends} terminations: "
                                 "a balance of {balance} contracts. Source: {source} (transcribed figure)."),
    "published.flows.sentence_hires": ("{where} nel {period} le assunzioni sono state {hires}{change}. Fonte: "
                                       "{source} (dato trascritto).",
                                       "{where}, in {period}, there were {hires} hires{change}. Source: {source} "
                                       "(transcribed figure)."),
    "published.change": (" ({change} sul {prev})", " ({change} on {prev})"),
    # businesses as published
    "published.firms.registered": ("Imprese registrate", "Registered businesses"),
    "published.firms.title": ("Imprese registrate: {values}", "Registered businesses: {values}"),
    "published.firms.title_date": ("Imprese registrate al {date}: {values}", "Registered businesses on {date}: {values}"),
    "published.firms.value": ("{name} {value} al {date}", "{name} {value} on {date}"),
    "published.firms.axis": ("Imprese registrate (l'asse parte da zero)", "Registered businesses (axis from zero)"),
    "published.firms.sentence": ("{where} nel {period} si sono iscritte {registered} imprese e ne sono cessate "
                                 "{closed}, escluse le cancellazioni d'ufficio: saldo di {balance}{stock}. Fonte: "
                                 "{source} (dati trascritti).",
                                 "{where}, in {period}, {registered} businesses registered and {closed} closed, "
                                 "ex-officio deletions excluded: a balance of {balance}{stock}. Source: {source} "
                                 "(transcribed figures)."),
    "published.firms.sentence_born": ("{where} nel {period} si sono iscritte {registered} imprese{stock}. Fonte: "
                                      "{source} (dati trascritti).",
                                      "{where}, in {period}, {registered} businesses registered{stock}. Source: "
                                      "{source} (transcribed figures)."),
    "published.firms.stock": ("; al {date} le imprese registrate erano {stock}",
                              "; {stock} businesses were registered on {date}"),
    "published.firms.closures_note": ("Cessazioni escluse le cancellazioni d'ufficio, come le pubblica la Camera di "
                                      "commercio; saldo = iscrizioni − cessazioni.",
                                      "Closures exclude ex-officio deletions, as the Chamber of Commerce publishes "
                                      "them; balance = registrations − closures."),
    # Excelsior as published
    "published.planned.title": ("{area}: {total} entrate previste nel {period}{change}",
                                "{area}: {total} planned hires in {period}{change}"),
    "published.planned.change": (", {change} sul {prev}", ", {change} on {prev}"),
    "published.planned.axis": ("Entrate previste nel trimestre (persone)", "Planned hires in the quarter (people)"),
    "published.planned.sentence": ("{where} le imprese prevedono {total} entrate nel {period}{change}. Fonte: "
                                   "{source} (dato trascritto).",
                                   "{where} businesses plan {total} hires in {period}{change}. Source: {source} "
                                   "(transcribed figure)."),
    "published.planned.gaps": ("I trimestri senza barra non sono stati pubblicati per questo territorio.",
                               "Quarters without a bar were not published for this area."),
}
