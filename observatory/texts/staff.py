"""User-facing texts (it, en) for staff area (issue 4); observatory.labels gathers every module here."""

TEXTS: dict[str, tuple[str, str]] = {
    "staff.title": ("Area staff", "Staff area"),
    "staff.closed": ("L'area staff è chiusa: nessuna password configurata. Generare un hash con "
                     "`python -m observatory hash-password` e metterlo in `.streamlit/secrets.toml` "
                     "(chiave `staff_password_hash`) o nella variabile d'ambiente `OSSERVATORIO_STAFF_HASH`; "
                     "vedere la sezione «Area staff» del README.",
                     "The staff area is closed: no password is configured. Generate a hash with "
                     "`python -m observatory hash-password` and put it in `.streamlit/secrets.toml` "
                     "(key `staff_password_hash`) or in the `OSSERVATORIO_STAFF_HASH` environment variable; "
                     "see the \"Area staff\" section of the README."),
    "staff.name": ("Il tuo nome (per il registro)", "Your name (for the log)"),
    "staff.password": ("Password dello staff", "Staff password"),
    "staff.sign_in": ("Entra", "Sign in"),
    "staff.wrong": ("Password errata.", "Wrong password."),
    "staff.locked": ("Troppi tentativi errati: riprovare tra {seconds} secondi.",
                     "Too many wrong attempts: try again in {seconds} seconds."),
    "staff.locked_minutes": ("Troppi tentativi errati: riprovare tra {minutes} minuti.",
                             "Too many wrong attempts: try again in {minutes} minutes."),
    "staff.oidc": ("Accedi con il tuo account", "Sign in with your account"),
    "staff.oidc_denied": ("L'account {email} non è abilitato all'area staff.",
                          "The account {email} is not allowed in the staff area."),
    "staff.signed_in": ("Accesso come {who}", "Signed in as {who}"),
    "staff.sign_out": ("Esci", "Sign out"),
    "staff.tab.refresh": ("Aggiorna", "Refresh"),
    "staff.tab.upload": ("Carica", "Upload"),
    "staff.tab.versions": ("Versioni", "Versions"),
    "staff.tab.log": ("Registro", "Log"),
    "staff.carried": ("incompleto: {what}", "incomplete: {what}"),
    "staff.rows": ("righe", "rows"),
    "staff.source.api": ("API dell'editore", "publisher's API"),
    "staff.source.file": ("file caricato", "uploaded file"),
    "staff.refresh.choose": ("Dataset da aggiornare", "Datasets to refresh"),
    "staff.refresh.button": ("Aggiorna", "Refresh"),
    "staff.refresh.none": ("Nessun dataset si aggiorna da un'API.", "No dataset is refreshed from an API."),
    "staff.refresh.running": ("Aggiornamento in corso…", "Refreshing…"),
    "staff.refresh.accept_shrink": ("Accetta una copertura ridotta", "Accept a smaller coverage"),
    "staff.refresh.accept_shrink.help": ("Se una fonte risponde con meno dati di quelli in linea (un indicatore, "
                                         "comuni o mesi in meno), di norma il dataset non si aggiorna o tiene la "
                                         "parte mancante dalla versione precedente. Spuntare solo se la riduzione "
                                         "è voluta (per esempio una fusione di comuni).",
                                         "When a source answers with less than is live (an indicator, municipalities "
                                         "or months fewer), the dataset is normally not updated or keeps the missing "
                                         "part from the previous version. Tick only when the reduction is intended "
                                         "(for example a merger of municipalities)."),
    "staff.refresh.incomplete": ("Aggiornamento incompleto: alcune fonti hanno risposto con meno dati di prima; "
                                 "la parte mancante è tenuta dalla versione precedente, con la sua data.",
                                 "Incomplete refresh: some sources answered with less than before; the missing part "
                                 "is kept from the previous version, with its date."),
    "staff.refresh.accepted": ("Aggiornamento con copertura ridotta, come confermato: i dataset indicati coprono "
                               "meno della versione precedente.",
                               "Refresh with a smaller coverage, as confirmed: the datasets listed cover less than "
                               "the previous version."),
    "staff.refresh.missing": ("copertura incompleta: {what}", "incomplete coverage: {what}"),
    "staff.refresh.missing_accepted": ("copertura ridotta, accettata: {what}", "smaller coverage, accepted: {what}"),
    "staff.refresh.done": ("Aggiornamento completato: la nuova versione è in linea per tutti.",
                           "Refresh complete: the new version is live for everyone."),
    "staff.refresh.unchanged": ("Nessuna novità dalle fonti: i dati in linea restano quelli di prima.",
                                "Nothing new from the sources: the live data stay as they were."),
    "staff.refresh.partial": ("Aggiornamento parziale: i dataset riusciti sono in linea, per gli altri resta "
                              "la versione precedente.",
                              "Partial refresh: the datasets that succeeded are live, the others keep "
                              "their previous version."),
    "staff.refresh.failed": ("Aggiornamento non riuscito: resta in uso la versione precedente dei dati.",
                             "Refresh failed: the previous version of the data stays in use."),
    "staff.refresh.outcome": ("«{title}»: {status}, {rows} righe", "«{title}»: {status}, {rows} rows"),
    "staff.refresh.reason": ("«{title}» non aggiornato: {reason}", "«{title}» not refreshed: {reason}"),
    "staff.upload.dataset": ("Dataset da aggiornare con un file", "Dataset to update from a file"),
    "staff.upload.layout": ("Formato del file", "File layout"),
    "staff.upload.layout.ufficiale": ("file ufficiale dell'editore", "publisher's official file"),
    "staff.upload.layout.tabella": ("tabella con le colonne del dataset (come l'esportazione CSV)",
                                    "table with the dataset's columns (as the CSV export)"),
    "staff.upload.columns": ("Colonne attese, foglio «dati» o unico: {columns}",
                             "Expected columns, sheet \"dati\" or the only one: {columns}"),
    "staff.upload.file": ("File xlsx o csv (al massimo {mb} MB)", "xlsx or csv file (at most {mb} MB)"),
    "staff.upload.button": ("Carica", "Upload"),
    "staff.upload.running": ("Controllo del file «{name}» in corso…", "Checking the file «{name}»…"),
    "staff.upload.confirm_shrink": ("Confermo: sostituire anche se il file copre meno della versione in linea",
                                    "I confirm: replace even if the file covers less than the live version"),
    "staff.upload.already": ("Il file «{name}» è già stato elaborato. Se ne è stato scelto un altro e il modulo non "
                             "l'ha accettato (solo xlsx o csv fino a {mb} MB), qui resta il precedente: sceglierne "
                             "uno valido, o di nuovo lo stesso per ricaricarlo.",
                             "The file «{name}» was already processed. If another one was chosen and the uploader "
                             "refused it (only xlsx or csv up to {mb} MB), the previous one stays here: choose a "
                             "valid one, or the same again to upload it again."),
    "staff.upload.shrinks": ("Il file «{name}» non è stato caricato: copre meno della versione in linea. Se è "
                             "voluto, spuntare la conferma e premere di nuovo «Carica».",
                             "The file «{name}» was not uploaded: it covers less than the live version. If that is "
                             "intended, tick the confirmation and press «Upload» again."),
    "staff.upload.crashed": ("Il file «{name}» non è stato caricato: errore imprevisto nella lettura (i dettagli "
                             "tecnici sono nel log del server); i dati in linea non sono cambiati.",
                             "The file «{name}» was not uploaded: unexpected error while reading it (technical "
                             "details in the server log); the live data did not change."),
    "staff.upload.missing_part": ("Copertura ridotta confermata: {what}.", "Smaller coverage confirmed: {what}."),
    "staff.upload.missing": ("Scegliere prima un file.", "Choose a file first."),
    "staff.upload.none": ("Nessun dataset si aggiorna caricando un file.", "No dataset is updated from a file."),
    "staff.upload.done": ("«{title}» aggiornato dal file «{name}»: {rows} righe, in linea per tutti.",
                          "«{title}» updated from the file «{name}»: {rows} rows, live for everyone."),
    "staff.upload.rejected": ("Il file «{name}» non è stato caricato e i dati in linea non sono cambiati. Problemi "
                              "trovati:",
                              "The file «{name}» was not uploaded and the live data did not change. Problems found:"),
    "staff.versions.caption": ("Le versioni dei dati sul server, dalla più recente. Si tengono le ultime 3 e sempre "
                               "l'ultima completa; ogni versione ha il suo registro delle modifiche.",
                               "The data versions on the server, newest first. The last 3 are kept, and always the "
                               "last complete one; each version has its changelog."),
    "staff.versions.none": ("Nessuna versione nell'archivio dati.", "No version in the data archive."),
    "staff.versions.live": ("in linea", "live"),
    "staff.versions.complete": ("completa", "complete"),
    "staff.versions.incomplete": ("incompleta ({ids})", "incomplete ({ids})"),
    "staff.versions.restored": ("ripristino di {version}", "restore of {version}"),
    "staff.versions.no_changelog": ("(nessun registro delle modifiche)", "(no changelog)"),
    "staff.versions.choose": ("Versione da rimettere in linea", "Version to make live again"),
    "staff.versions.restore": ("Ripristina", "Restore"),
    "staff.versions.restored_now": ("La versione {version} è di nuovo in linea per tutti.",
                                    "The version {version} is live again for everyone."),
    "staff.log.caption": ("Le ultime 50 operazioni dello staff, dalla più recente.",
                          "The last 50 staff operations, newest first."),
    "staff.log.empty": ("Nessuna operazione registrata.", "No operation logged yet."),
    "staff.col.quando": ("Quando (UTC)", "When (UTC)"),
    "staff.col.chi": ("Chi", "Who"),
    "staff.col.azione": ("Azione", "Action"),
    "staff.col.cosa": ("Cosa", "What"),
    "staff.col.esito": ("Esito", "Outcome"),
    "staff.col.dettaglio": ("Dettaglio", "Detail"),
}
