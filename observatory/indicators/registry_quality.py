"""Registry entries of the job-quality and labour-policy indicators (BES dei territori, cassa
integrazione, GOL, Excelsior contract shares as published): kept beside registry.py, which merges
them into its INDICATORS and COLUMNS, so every chart and card reads them the same way."""

from __future__ import annotations

from observatory.indicators.registry import Indicator

_BES_LFS_IT = ("Stima campionaria provinciale (indagine sulle forze di lavoro): variazioni annue piccole possono non "
               "essere significative. Serie del regolamento UE in vigore dal 2021, ricostruita dal 2018.")
_BES_LFS_EN = ("Provincial sample estimate (labour force survey): small yearly changes may not be significant. Series "
               "under the EU regulation in force since 2021, reconstructed from 2018.")
_PUBLISHED_IT = "Numero trascritto dal comunicato indicato, non ricalcolato dall'osservatorio."
_PUBLISHED_EN = "Figure transcribed from the release named, not recomputed by the observatory."

INDICATORS = [
    Indicator(id="tasso_occupazione_20_64", label_it="Tasso di occupazione 20-64 anni",
              label_en="Employment rate, age 20-64", unit="%", decimals=1, zero_baseline=False,
              can_be_negative=False, mappable=False,
              definition_it="Occupati di 20-64 anni in percentuale della popolazione di 20-64 anni.",
              definition_en="Employed people aged 20-64 as a percentage of the population aged 20-64.",
              dataset="bes_lavoro", higher_is_better=True, caveats_it=_BES_LFS_IT, caveats_en=_BES_LFS_EN),
    Indicator(id="mancata_partecipazione", label_it="Tasso di mancata partecipazione al lavoro",
              label_en="Labour market slack (non-participation rate)", unit="%", decimals=1, zero_baseline=False,
              can_be_negative=False, mappable=False,
              definition_it="Disoccupati più inattivi disponibili a lavorare (non cercano ma lavorerebbero) in "
                            "percentuale delle forze di lavoro più quegli inattivi, 15-74 anni.",
              definition_en="Unemployed people plus inactive people available to work (not seeking, but willing) as "
                            "a percentage of the labour force plus those inactive people, age 15-74.",
              dataset="bes_lavoro", higher_is_better=False, caveats_it=_BES_LFS_IT, caveats_en=_BES_LFS_EN),
    Indicator(id="neet", label_it="Giovani che non lavorano e non studiano (NEET, 15-29 anni)",
              label_en="Young people not in employment, education or training (NEET, 15-29)", unit="%", decimals=1,
              zero_baseline=False, can_be_negative=False, mappable=False,
              definition_it="Giovani di 15-29 anni né occupati né in istruzione o formazione, in percentuale dei "
                            "giovani della stessa età.",
              definition_en="People aged 15-29 neither employed nor in education or training, as a percentage of "
                            "people of the same age.",
              dataset="bes_lavoro", higher_is_better=False, caveats_it=_BES_LFS_IT, caveats_en=_BES_LFS_EN),
    Indicator(id="infortuni_lavoro", label_it="Infortuni sul lavoro mortali o con inabilità permanente",
              label_en="Fatal or permanently disabling work injuries", unit="per 10.000 occupati", decimals=1,
              zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Infortuni sul lavoro mortali o con inabilità permanente ogni 10.000 occupati (escluse le "
                            "forze armate).",
              definition_en="Fatal or permanently disabling work injuries per 10,000 employed people (armed forces "
                            "excluded).",
              dataset="bes_lavoro", higher_is_better=False,
              caveats_it="Elaborazione ISTAT su dati INAIL: l'ultimo anno pubblicato è più vecchio di quello degli "
                         "altri indicatori.",
              caveats_en="ISTAT processing of INAIL data: the latest year published is older than for the other "
                         "indicators."),
    Indicator(id="ore_cig", label_it="Ore di cassa integrazione autorizzate",
              label_en="Authorised short-time work hours", unit="ore", decimals=0, zero_baseline=True,
              can_be_negative=False, mappable=False,
              definition_it="Ore di cassa integrazione guadagni autorizzate dall'INPS alle imprese del territorio nel "
                            "periodo, come pubblicate (ordinaria, straordinaria e in deroga insieme, salvo diversa "
                            "indicazione).",
              definition_en="Short-time work (cassa integrazione) hours authorised by INPS to the area's firms in the "
                            "period, as published (ordinary, extraordinary and exceptional together unless stated).",
              dataset="numeri_pubblicati", higher_is_better=False,
              caveats_it="Ore autorizzate, non ore effettivamente usate. Periodi di lunghezza diversa non si "
                         "confrontano né si sommano. " + _PUBLISHED_IT,
              caveats_en="Authorised hours, not hours actually used. Periods of different length are neither "
                         "compared nor added up. " + _PUBLISHED_EN),
    Indicator(id="gol_patti", label_it="Patti di servizio GOL sottoscritti", label_en="GOL service agreements signed",
              unit="persone", decimals=0, zero_baseline=True, can_be_negative=False, mappable=False,
              definition_it="Persone che hanno sottoscritto un patto di servizio del programma GOL (Garanzia di "
                            "occupabilità dei lavoratori) dall'inizio dell'anno, con l'obiettivo regionale dell'anno.",
              definition_en="People who signed a service agreement of the GOL programme (Guaranteed employability of "
                            "workers) since the start of the year, with the year's regional target.",
              dataset="numeri_pubblicati", higher_is_better=None,
              caveats_it="Quasi tutti presso i centri per l'impiego di Lecco e Merate (dati SIUL di Regione "
                         "Lombardia). " + _PUBLISHED_IT,
              caveats_en="Almost all at the Lecco and Merate employment centres (Regione Lombardia's SIUL data). "
                         + _PUBLISHED_EN),
    Indicator(id="quota_indeterminato_prevista", label_it="Entrate previste a tempo indeterminato",
              label_en="Planned hires on permanent contracts", unit="%", decimals=0, zero_baseline=True,
              can_be_negative=False, mappable=False,
              definition_it="Quota delle entrate previste dalle imprese nel mese con contratto a tempo indeterminato "
                            "(indagine Excelsior).",
              definition_en="Share of the hires businesses plan in the month on a permanent contract (Excelsior "
                            "survey).",
              dataset="numeri_pubblicati", higher_is_better=True, caveats_it=_PUBLISHED_IT, caveats_en=_PUBLISHED_EN),
]

COLUMNS: dict[str, tuple[str, str]] = {
    "codice_bes": ("Codice indicatore BES (ISTAT)", "BES indicator code (ISTAT)"),
    "edizione": ("Edizione BES", "BES edition"),
}
