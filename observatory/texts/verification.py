"""User-facing texts (it, en) for how a number reached us (provenance of datasets and rows, public
copies) and for "Verifica dei numeri" (issue 14); observatory.labels gathers every module here."""

_STATUSES = {
    "concorda": ("concorda", "agrees"),
    "rivisto": ("rivisto dopo la pubblicazione", "revised since publication"),
    "perimetro_diverso": ("perimetro diverso", "different perimeter"),
    "errore_aritmetico": ("errore di calcolo dell'editore", "publisher's arithmetic slip"),
    "diverso": ("diverso, senza spiegazione nota", "differs, no known reason"),
    "non_calcolabile": ("non calcolabile dall'archivio", "not computable from the archive"),
}
_REASONS = {
    "arrotondamento": ("Il valore dell'archivio, arrotondato come lo pubblica l'editore, è lo stesso.",
                       "The archive's value, rounded as the publisher rounds it, is the same."),
    "serie_precedente": ("Pubblicato prima del 2022, quando ISTAT ha ricostruito le serie provinciali per il nuovo "
                         "regolamento europeo: l'archivio ha la serie corrente.",
                         "Published before 2022, when ISTAT rebuilt the provincial series for the new EU "
                         "regulation: the archive holds the current series."),
    "ripubblicato": ("Una pagina successiva dello stesso editore dà un altro valore per lo stesso dato: quello qui "
                     "accanto.", "A later page of the same publisher gives another value for the same figure: the "
                     "one shown beside it."),
    "cpi_lecco_merate": ("L'Osservatorio provinciale di Lecco conta i rapporti dei centri per l'impiego di Lecco e "
                         "Merate, non quelli dei datori di lavoro della provincia come i dati regionali.",
                         "The Lecco provincial observatory counts the contracts of the Lecco and Merate employment "
                         "centres, not those of the province's employers as the regional data do."),
    "saldo": ("Il saldo stampato non è assunzioni meno cessazioni della stessa pagina: qui accanto il conto giusto.",
              "The printed balance is not the same page's hires minus terminations: the correct sum is beside it."),
    "somma": ("Il totale Como + Lecco stampato non è la somma dei due valori della stessa pagina.",
              "The printed Como + Lecco total is not the sum of the same page's two values."),
    "somma_parti": ("Le ore totali stampate non sono le ore di cassa ordinaria più quelle di straordinaria della "
                    "stessa pagina: qui accanto la somma.",
                    "The printed total hours are not the same page's ordinary plus extraordinary hours: the sum is "
                    "beside it."),
    "troncato": ("Il valore pubblicato è quello dell'archivio troncato, non arrotondato.",
                 "The published value is the archive's value truncated, not rounded."),
    "scarto": ("I due valori differiscono e nessuna revisione nota lo spiega.",
               "The two values differ and no known revision explains it."),
    "combinazione_assente": ("L'archivio distribuito non ha questo valore (indicatore, età, anno o territorio "
                             "assenti dalle copie): lo porterà un aggiornamento dalla fonte.",
                             "The shipped archive does not hold this value (indicator, age band, year or area "
                             "missing from the copies): a refresh from the source will bring it."),
    "dimostrativo": ("Nell'archivio questo tema ha solo dati dimostrativi, che non valgono come verifica.",
                     "The archive holds only demo data for this topic, which never count as a check."),
    "non_in_archivio": ("Nessun dataset dell'archivio misura questo numero.", "No dataset of the archive measures "
                        "this figure."),
}

TEXTS: dict[str, tuple[str, str]] = {
    "provenance.copia_verbatim": ("copia pubblica, valori dell'editore invariati",
                                  "public copy, the publisher's values unchanged"),
    "provenance.copia_aggregata": ("copia pubblica, valori dell'editore sommati dalla copia",
                                   "public copy, the publisher's values summed by the copy"),
    "provenance.copia_arrotondata": ("copia pubblica, valori dell'editore arrotondati dalla copia",
                                     "public copy, the publisher's values rounded by the copy"),
    "provenance.copies": ("copia pubblica, valori dell'editore {how} secondo il periodo",
                          "public copy, the publisher's values {how} depending on the period"),
    "provenance.how.copia_verbatim": ("invariati", "unchanged"),
    "provenance.how.copia_aggregata": ("sommati dalla copia", "summed by the copy"),
    "provenance.how.copia_arrotondata": ("arrotondati dalla copia", "rounded by the copy"),
    "provenance.trascritto": ("trascritto dai comunicati dell'editore", "transcribed from the publisher's releases"),
    "provenance.derived": ("valori derivati: {how}", "derived values: {how}"),
    "archive.unavailable": ("non disponibile nell'archivio distribuito", "not available in the shipped archive"),
    "provenance.export_column": ("provenienza_dei_dati", "data_provenance"),
    # sources page: public copies and verification
    "sources.col.copy": ("Copia pubblica (repository, file, commit)", "Public copy (repository, file, commit)"),
    "sources.copy.none": ("–", "–"),
    "sources.copies": ("Copie pubbliche da cui vengono i valori", "Public copies the values come from"),
    "sources.copies.lead": ("Dove un dato non è scaricato dall'editore ma preso da una copia pubblica dei suoi "
                            "valori, ecco quale: repository, file e versione (commit), e che cosa la copia ha fatto "
                            "ai valori. Un aggiornamento dalla fonte li sostituisce.",
                            "Where a dataset is not downloaded from its publisher but taken from a public copy of "
                            "its values, this is the copy: repository, file and version (commit), and what the "
                            "copy did to the values. A refresh from the source replaces them."),
    "sources.copies.line": ("**{title}** ({publisher}): {items}", "**{title}** ({publisher}): {items}"),
    "sources.verify": ("Verifica dei numeri", "Checking the figures"),
    "verify.lead": ("Ogni numero pubblicato da enti e stampa per Como e Lecco accanto al valore che l'archivio "
                    "calcola per lo stesso indicatore, territorio e periodo. I dati dimostrativi non valgono mai "
                    "come verifica.",
                    "Every figure institutions and the press published for Como and Lecco, beside the value the "
                    "archive computes for the same indicator, area and period. Demo data never count as a check."),
    "verify.summary": ("{total} numeri pubblicati: {parts}.", "{total} published figures: {parts}."),
    "verify.filter": ("Stato", "Status"),
    "verify.all": ("Tutti gli stati", "All statuses"),
    "verify.missing": ("La verifica richiede i numeri pubblicati, che non sono nell'archivio: {error}",
                       "The check needs the published figures, which are not in the archive: {error}"),
    "verify.caption": ("Numeri trascritti dalle pagine indicate (colonna «url»); il valore calcolato viene "
                       "dall'archivio di questa versione. Un aggiornamento che cambia uno stato lo scrive nel "
                       "registro delle modifiche.",
                       "Figures transcribed from the pages listed (column “url”); the computed value comes from this "
                       "version of the archive. A refresh that changes a status writes it in the changelog."),
    "verify.col.territory": ("Territorio", "Area"), "verify.col.indicator": ("Indicatore", "Indicator"),
    "verify.col.period": ("Periodo", "Period"), "verify.col.published": ("Pubblicato", "Published"),
    "verify.col.computed": ("Calcolato dall'archivio", "Computed from the archive"),
    "verify.col.gap": ("Scarto (calcolato − pubblicato)", "Difference (computed − published)"), "verify.col.unit": ("Unità", "Unit"),
    "verify.col.status": ("Stato", "Status"), "verify.col.reason": ("Perché", "Why"),
    "verify.col.compared": ("Confrontato con", "Compared with"), "verify.col.source": ("Fonte", "Source"),
    "verify.col.url": ("Pagina", "Page"), "verify.col.date": ("Data della pagina", "Page date"),
    "verify.col.note": ("Nota", "Note"),
    **{f"verify.status.{k}": v for k, v in _STATUSES.items()},
    **{f"verify.reason.{k}": v for k, v in _REASONS.items()},
}
