"""Write the provenance sidecars of the REAL files taken from public copies (../shared/realdata).

Each file keeps the layout it has in its public copy; its sidecar names the original publisher,
the copy (repository, path, commit, URL), the licence and what the copy did to the publisher's
values (`treatment`; `provenance` says it in one word: copia_verbatim, copia_arrotondata,
copia_aggregata, trascritto). Run from the repository root after copying a file in:
    python data/raw/write_copy_sidecars.py
"""

from __future__ import annotations

from pathlib import Path

from _sidecar import write_sidecar

HERE = Path(__file__).resolve().parent
GATHERED = "2026-12-01"  # when the public copies were read (../shared/realdata/README.md)
ISTAT_REST = "https://esploradati.istat.it/SDMXWS/rest/data"
MIM_FILES = "https://dati.istruzione.it/opendata/opendata/catalogo/elements1"
MIM = "Ministero dell'Istruzione e del Merito"
NOIRC = "github.com/UnioneAteiAgnosticiRazionalisti/dati-no-irc"
NOIRC_HEAD = "e0b6417137bde4fabe42cfc78f6e09224d0a47d8"
DISET = "github.com/nmaiese/diset-viz"


def _copy(repository: str, path: str, commit: str) -> dict:
    """The public copy a file comes from, with a permanent link to that commit."""
    return {"repository": repository, "path": path, "commit": commit,
            "url": f"https://{repository}/blob/{commit}/{path}".replace(" ", "%20")}


def _lfs() -> None:
    folder = HERE / "istat_lfs_provincial"
    write_sidecar(
        folder / "ALAN-IS477__Provincial_data_150_915_DCCV_TAXOCCU1_5__CO_LC_LOM_IT.csv",
        publisher="ISTAT", url=f"{ISTAT_REST}/IT1,150_915_DF_DCCV_TAXOCCU1_5,1.0", licence="CC BY 4.0",
        datasets=["forze_lavoro"], provenance="copia_verbatim", retrieved=GATHERED,
        copy=_copy("github.com/ethancmallory/ALAN-IS477",
                   "Provincial data (IT1,150_915_DF_DCCV_TAXOCCU1_5,1.0).csv",
                   "9f4b73750c173dae8bf32ae4322ce75021cda810"),
        treatment="esportazione «SDMX-CSV with labels» del databrowser ISTAT, invariata (BOM e CRLF compresi); "
                  "tenute le 36 righe di Italia, Lombardia, Como e Lecco su 1.197, byte per byte",
        note="Tasso di occupazione 15-89 anni (non il 15-64), 2023–2025, per sesso. Il repository non ha una "
             "licenza propria: i dati sono ISTAT (CC BY 4.0).")
    write_sidecar(
        folder / "diset-viz__istat_prov__unemp15-74_act15-64__CO_LC_LOM.csv",
        publisher="ISTAT", url=f"{ISTAT_REST}/IT1,151_914_DF_DCCV_TAXDISOCCU1_8,1.0",
        licence="CC BY 4.0 (ISTAT, dichiarata nel manifest della copia)", datasets=["forze_lavoro"],
        provenance="copia_arrotondata", retrieved=GATHERED,
        copy=_copy(DISET, "app/static/data/nuovi/istat_prov.csv", "c0b435b1fc16467a5d5ae2aa3ebe5c12649c4f6f"),
        treatment="valori ISTAT arrotondati a 3 decimali dallo script della copia; tenute le 48 righe di Como, "
                  "Lecco e Lombardia, riga per riga",
        note="Disoccupazione 15-74 (flusso 151_914_DF_DCCV_TAXDISOCCU1_8) e attività 15-64 (flusso "
             "150_916_DF_DCCV_TAXATVT1_5), sesso totale, 2018–2025, serie provinciale corrente; nessuna riga per "
             "l'Italia. Manifest della copia: app/static/data/nuovi/istat_prov_manifest.csv @6bc9336.")


def _mim() -> None:
    folder = HERE / "mim_schools"
    both = ("Alunni che frequentano Rel Catt_2021-22_2022-23.xlsx", "d4098301c4de488197492f35a95171730bfd6c7e")
    foia = {"2021-22": both, "2022-23": both,
            "2023-24": ("Alunni che frequentano Rel Catt_2023-24.xlsx", "d209b615c6625198b9ca26b230a4c90418b19d11"),
            "2024-25": ("Alunni che frequentano Rel Catt_2024-25.xlsx", "b71bdcef176c507857a03bf6cc6f05d28332a468")}
    for year, (path, commit) in foia.items():
        write_sidecar(
            folder / f"MIM_alunni_per_sede_{year}__CO_LC.csv", publisher=MIM,
            url=_copy(NOIRC, f"dati/mim/{path}", commit)["url"],
            licence="non dichiarata (dati di una pubblica amministrazione rilasciati per accesso civico)",
            datasets=["studenti"], provenance="copia_verbatim", retrieved=GATHERED,
            copy=_copy(NOIRC, f"dati/mim/{path}", commit),
            treatment="valori del Ministero invariati; foglio xlsx convertito in CSV con le intestazioni "
                      "originali, tenute solo le sedi di Como e Lecco",
            note=f"Alunni per sede scolastica, tutti gli ordini, statali e paritarie, a.s. {year.replace('-', '/')} "
                 "(corsi serali esclusi). Risposta del Ministero («Rilevazioni sulle scuole») a una richiesta di "
                 "accesso civico dell'UAAR (risposte del 27-09-2023 e del 17-12-2025): non è sul portale open data.")
    write_sidecar(
        folder / "SCUANAGRAFESTAT20252620250901__CO_LC.csv", publisher=MIM,
        url=f"{MIM_FILES}/SCUANAGRAFESTAT20252620250901.csv", licence="IODL 2.0", datasets=["studenti"],
        provenance="copia_verbatim", retrieved=GATHERED,
        copy=_copy("github.com/niccolocardillo/Libri-Scolastici", "data/SCUANAGRAFESTAT20252620250901.csv.gz",
                   "6ccf05f88e7c5eddbe50b064fdde34d14079892b"),
        treatment="file del Ministero (compresso nella copia) invariato; tenute le 682 righe di Como e Lecco su "
                  "50.349, byte per byte",
        note="Anagrafe delle scuole statali 2025/26: dà il comune (codice catastale) delle sedi statali di tutti "
             "gli anni, perché le anagrafi statali degli anni precedenti non sono nella copia.")
    for name, commit in (("SCUANAGRAFEPAR20212220220831", NOIRC_HEAD), ("SCUANAGRAFEPAR20222320220901", NOIRC_HEAD),
                         ("SCUANAGRAFEPAR20232420230901", "d209b615c6625198b9ca26b230a4c90418b19d11")):
        write_sidecar(
            folder / f"{name}__CO_LC.csv", publisher=MIM, url=f"{MIM_FILES}/{name}.csv", licence="IODL 2.0",
            datasets=["studenti"], provenance="copia_verbatim", retrieved=GATHERED,
            copy=_copy(NOIRC, f"dati/mim/{name}.csv", commit),
            treatment="file del Ministero invariato; tenute le 311 righe di Como e Lecco, byte per byte",
            note="Anagrafe delle scuole paritarie: dà il comune delle sedi paritarie (l'anno più vicino per gli "
                 "anni scolastici senza anagrafe propria).")
    write_sidecar(
        folder / "ondata_alunni-scuole_ALUCORSOETASTA_2018-2021__CO_LC.csv", publisher=MIM,
        url=f"{MIM_FILES}/ALUCORSOETASTA20202120210831.csv",
        licence="IODL 2.0 (Ministero); CC BY 4.0 (elaborazione onData)", datasets=["studenti"],
        provenance="copia_aggregata", retrieved=GATHERED,
        copy=_copy("github.com/ondata/religione-cattolica-scuola", "elaborazioni/alunni-scuole.csv",
                   "9df9b2098b5ed31d8f5ee663951d47eb7f947932"),
        treatment="alunni sommati per anno scolastico e scuola da onData (script/datiBase.sh) sui file "
                  "ALUCORSOETASTA 2018/19, 2019/20 e 2020/21; tenute le scuole con codice CO o LC",
        note="Primaria e secondarie soltanto: il file «per anno di corso e fascia di età» non ha la scuola "
             "dell'infanzia. Pur essendo il file delle statali, contiene anche una novantina di sedi paritarie "
             "di primaria e secondaria (codici CO1E…, CO1M…, licei e istituti paritari).")


def _published() -> None:
    folder = HERE / "published_figures"
    for name, rows in (("published_figures_Como_Lecco.csv", 163), ("published_figures_policies_Como_Lecco.csv", 62)):
        write_sidecar(
            folder / name,
            publisher="vari: ISTAT, Regione Lombardia, Unioncamere–Excelsior, CCIAA Como-Lecco, Province di Como e "
                      "Lecco, INPS (come riportati da enti, sindacati e stampa locale)",
            url="per riga: colonna «url»",
            licence="testi istituzionali e di stampa; i numeri sono fatti della statistica pubblica: citare "
                    "l'editore originale", datasets=["numeri_pubblicati"], provenance="trascritto",
            retrieved=GATHERED,
            treatment=f"{rows} numeri trascritti a mano dal testo delle pagine web indicate riga per riga "
                      "(colonne source, url, page_date, note)",
            note="Comunicati, note della Camera di commercio e articoli: servono da titoli dove non c'è un dato "
                 "reale e per verificare i numeri dell'osservatorio.")


def _bes() -> None:
    folder = HERE / "bes_territori"
    files = {"diset-viz__Assoluti_Provincia__BES_lavoro_NEET__CO_LC.csv":
             ("app/static/data/Assoluti_Provincia.csv", "0f6e4087cbb7c6503122828010fbd2f6d9743804"),
             "diset-viz__infortuni-lavoro-province__03LAV007__CO_LC.csv":
             ("app/static/data/articoli/infortuni-lavoro-province.csv", "3d5a1539f5725c602e39a04d6b3dc4763e066efb"),
             "diset-viz__Assoluti_BES_Regione__Lombardia_selected.csv":
             ("app/static/data/Assoluti_BES_Regione.csv", "ddc1f18d3c6b60ffbefb2754bcead7b7091d6fc9")}
    for name, (path, commit) in files.items():
        write_sidecar(
            folder / name, publisher="ISTAT",
            url="https://www.istat.it/statistiche-per-temi/focus/benessere-e-sostenibilita/bes-a-livello-locale/",
            licence="CC BY 4.0", datasets=["bes_lavoro"], provenance="copia_verbatim", retrieved=GATHERED,
            copy=_copy(DISET, path, commit),
            treatment="tabella elaborata dagli script della copia su risposte ISTAT (nomi normalizzati, solo sesso "
                      "totale), valori ISTAT invariati; righe di Como, Lecco e Lombardia copiate invariate",
            note="BES dei territori (DF_BES_TERRIT_*): occupazione 20-64, mancata partecipazione, NEET 15-29 e "
                 "infortuni mortali o con inabilità permanente. Lacune della copia: nessun 2022 per il tasso di "
                 "occupazione 20-64 delle province, nessun 2023 per la mancata partecipazione di Como e Lecco, "
                 "nessun 2018 per i NEET di Como e Lecco. Un aggiornamento da ISTAT porta la serie completa e "
                 "l'Italia; il 2022 provinciale dell'occupazione 20-64 potrebbe mancare anche in ISTAT "
                 "(docs/data-gotchas.md).")


if __name__ == "__main__":
    _lfs()
    _mim()
    _published()
    _bes()
    print("sidecars written")
