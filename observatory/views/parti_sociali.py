"""Le parti sociali: two lenses on the same archive for the two sides of the table. The unions'
lens gathers job quality (contracts, non-participation, NEET, injuries, short-time work), the
employers' lens hiring needs (planned hires and hard-to-recruit share, registrations and closures,
employment rate). Each finding links to the page with its detail.

A finding is one message: a title with its number, its cards and one chart. The page draws the
findings of a lens in order; "Presenta" turns the same findings into the slides of the ready-made
decks (present/lens_slides.py), so the screen and the slides say the same numbers. Headlines are real
or published figures; a demo figure only ever appears as a separate card with its badge."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, charts_quality, labels, territory
from observatory.indicators import hires, monthly, published_lookup, published_words
from observatory.views import Card, ChartBlock, indicator_card, politiche, qualita_lavoro

UNIONS, EMPLOYERS = "sindacati", "imprese"
QUALITY, SKILLS, BUSINESS, LABOUR = "qualita-lavoro", "competenze", "imprese", "mercato-lavoro"
QUARTERS = r"\d{4}-Q[1-4]"


@dataclasses.dataclass(frozen=True)
class LensFinding:
    """One finding of a lens: its title (the number first), cards, chart, the page with the detail
    (url_path and query), and cards from demo data drawn apart with their badge (`extra`)."""

    id: str
    title: str
    cards: tuple[Card, ...]
    chart: ChartBlock | None
    page: str
    query: str = ""
    extra: tuple[Card, ...] = ()
    extra_ids: tuple[str, ...] = ()
    notes: str = ""


def _bes(finding_id: str, indicator: str, bes: pd.DataFrame, provinces: tuple[str, ...], lang: str,
         period: tuple[int, int] | None) -> LensFinding | None:
    """A BES indicator as on the job-quality view (same trend block, same cards)."""
    chosen, nuts = qualita_lavoro.scope(provinces)
    block, latest = qualita_lavoro.trend_block(bes, nuts=nuts, indicator=indicator, sex="totale", lang=lang,
                                               period=period)
    if block is None:
        return None
    cards = tuple(qualita_lavoro.card(indicator, p.name, latest.get(p.nuts), lang) for p in chosen)
    return LensFinding(finding_id, block.chart.options["title"], cards, block, QUALITY,
                       f"sezione=qualita&indicatore={indicator}", notes=block.caption)


def participation(bes: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
                  period: tuple[int, int] | None = None) -> LensFinding | None:
    return _bes("partecipazione", "mancata_partecipazione", bes, provinces, lang, period)


def neet(bes: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
         period: tuple[int, int] | None = None) -> LensFinding | None:
    return _bes("neet", "neet", bes, provinces, lang, period)


def injuries(bes: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
             period: tuple[int, int] | None = None) -> LensFinding | None:
    return _bes("infortuni", "infortuni_lavoro", bes, provinces, lang, period)


def employment(bes: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
               period: tuple[int, int] | None = None) -> LensFinding | None:
    return _bes("occupazione", "tasso_occupazione_20_64", bes, provinces, lang, period)


def short_time(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
               period: tuple[int, int] | None = None) -> LensFinding | None:
    """Short-time work hours as published (the CIG view's cards and chart)."""
    view = politiche.short_time_work(numeri_pubblicati, provinces=provinces, lang=lang, period=period)
    if view.hours is None:
        return None
    return LensFinding("cassa", view.hours.chart.options["title"], view.cards, view.hours, QUALITY, "sezione=cassa",
                       notes=" ".join(view.later))


def contracts(numeri_pubblicati: pd.DataFrame, avviamenti: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
              period: tuple[int, int] | None = None) -> LensFinding | None:
    """Permanent contracts: the published Excelsior share of planned hires (headline), and the share of
    permanent hires in the Comunicazioni obbligatorie (a separate card; demo until real data arrive)."""
    chosen, nuts = qualita_lavoro.scope(provinces)
    names = territory.territory_names()
    rows = published_lookup.latest_release(numeri_pubblicati, "Excelsior", "tempo_indeterminato_share",
                                           qualita_lavoro.compared(nuts), focus=nuts,
                                           until=period[1] if period else None, since=period[0] if period else None)
    if rows.empty:
        return None
    month = published_words.period_label(rows["periodo"].iloc[0], lang)
    found = dict(zip(rows["territorio_nuts"], rows["valore"]))
    by_code = {code: found[code] for code in qualita_lavoro.compared(nuts) if code in found}
    cards = tuple(indicator_card("quota_indeterminato_prevista", labels.t("lens.contracts.card", lang, name=p.name),
                                 labels.fmt_pct(by_code[p.nuts], 0, lang), None, lang,
                                 description=labels.t("lens.contracts.card_help", lang, month=month))
                  for p in chosen if p.nuts in by_code)
    values = ", ".join(f"{names[c]} {labels.fmt_pct(v, 0, lang)}" for c, v in by_code.items() if c != territory.ITALIA)
    title = labels.t("lens.contracts.title", lang, month=month[:1].upper() + month[1:], values=values)
    bars = pd.DataFrame({"territorio": [names[c] for c in by_code], "valore": list(by_code.values())})
    chart = charts.recipe(charts.sorted_bars, bars.astype({"valore": float}), category="territorio", value="valore",
                          title=title, value_title=labels.t("lens.contracts.axis", lang), lang=lang,
                          indicator="quota_indeterminato_prevista")
    block = ChartBlock(chart, rows[["territorio", "periodo", "valore", "unita", "fonte", "url", "data_pagina"]],
                       "entrate_tempo_indeterminato", "lens-contracts", ("numeri_pubblicati",),
                       labels.t("lens.contracts.caption", lang, source=rows["fonte"].iloc[0]))
    return LensFinding("contratti", title, cards, block, SKILLS, extra=_permanent_hires(avviamenti, nuts, lang),
                       extra_ids=("avviamenti",), notes=labels.t("lens.contracts.caption", lang,
                                                                   source=rows["fonte"].iloc[0]))


def _permanent_hires(avviamenti: pd.DataFrame, nuts: list[str], lang: str) -> tuple[Card, ...]:
    """The share of permanent hires in the latest complete year of the mandatory notifications."""
    years = monthly.complete_years(avviamenti["mese"]) if not avviamenti.empty else []
    if not years:
        return ()
    share = hires.permanent_share(avviamenti, tuple(nuts), year=years[-1])
    if share is None:
        return ()
    return (indicator_card("quota_indeterminato", labels.t("lens.contracts.cob", lang, year=years[-1]),
                           labels.fmt_pct(share, 1, lang), None, lang,
                           description=labels.t("lens.contracts.cob_help", lang)),)


def planned_hires(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
                  period: tuple[int, int] | None = None) -> LensFinding | None:
    """Excelsior planned hires by quarter as published, and the hard-to-recruit share as published."""
    chosen, nuts = qualita_lavoro.scope(provinces)
    names = territory.territory_names()
    until, since = (period[1], period[0]) if period else (None, None)
    latest = published_lookup.latest_release(numeri_pubblicati, "Excelsior", "entrate_previste", nuts,
                                             pattern=QUARTERS, until=until, since=since)
    if latest.empty:
        return None
    last = latest["periodo"].iloc[0]
    rows = published_lookup.of_topic(numeri_pubblicati, "Excelsior", "entrate_previste")
    rows = rows[rows["territorio_nuts"].isin(nuts) & rows["periodo"].str.fullmatch(QUARTERS)
                & (rows["fine"] <= latest["fine"].iloc[0]) & (rows["fine"].dt.year >= (since or 0))]
    quarter = published_words.period_label(last, lang)
    values = {c: v for c, v in zip(latest["territorio_nuts"], latest["valore"])}
    cards = [indicator_card("entrate_previste", labels.t("lens.hires.card", lang, name=p.name),
                            labels.fmt_int(values[p.nuts], lang), None, lang, description=quarter)
             for p in chosen if p.nuts in values]
    hard = published_lookup.latest(numeri_pubblicati, "Excelsior", "difficolta_reperimento_share",
                                   "+".join(p.name for p in territory.provinces()))
    if hard is not None and len(chosen) == len(territory.provinces()):
        where = hard["territorio"].replace("+", " + ")
        cards.append(indicator_card("quota_difficile", labels.t("lens.hires.hard", lang, name=where),
                                    labels.fmt_pct(hard["valore"], 1, lang), None, lang,
                                    description=published_words.period_label(hard["periodo"], lang)))
    title = labels.t("lens.hires.title", lang, quarter=quarter,
                     values=", ".join(f"{names[c]} {labels.fmt_int(v, lang)}" for c, v in values.items()))
    shown = rows.assign(periodo_testo=rows["periodo"].map(lambda p: published_words.period_label(p, lang)),
                        valore_testo=rows["valore"].map(lambda v: labels.fmt_int(v, lang)))
    shown = shown[["territorio", "territorio_nuts", "periodo", "periodo_testo", "fine", "valore", "valore_testo",
                   "fonte", "url", "data_pagina"]]
    order = list(dict.fromkeys(shown["periodo_testo"]))
    chart = charts.recipe(charts_quality.period_bars, shown, period="periodo_testo", order=order,
                          value="valore", series="territorio_nuts", text="valore_testo", title=title,
                          value_title=labels.t("lens.hires.axis", lang), lang=lang, names=names,
                          tooltip=(("fonte", labels.t("verify.col.source", lang)),
                                   ("data_pagina", labels.t("verify.col.date", lang))))
    block = ChartBlock(chart, shown, "entrate_previste_pubblicate", "lens-hires", ("numeri_pubblicati",),
                       labels.t("lens.hires.caption", lang))
    return LensFinding("entrate", title, tuple(cards), block, SKILLS, notes=labels.t("lens.hires.caption", lang))


def firms(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
          period: tuple[int, int] | None = None) -> LensFinding | None:
    """Registrations and closures of the latest year one release gives for each province (Chamber of
    Commerce notes); the balance is the same release's registrations minus closures."""
    chosen, _ = qualita_lavoro.scope(provinces)
    pairs = {}
    for province in chosen:
        pair = published_lookup.same_release(numeri_pubblicati, "Registro imprese",
                                             ("iscrizioni", "cessazioni_non_ufficio"), province.name,
                                             period[1] if period else None, period[0] if period else None)
        if pair is not None and pair[0]["periodo"].isdigit():
            pairs[province] = pair
    if not pairs:
        return None
    cards, rows, parts = [], [], []
    for province, (born, closed) in pairs.items():
        balance = float(born["valore"] - closed["valore"])
        cards.append(indicator_card("iscrizioni", labels.t("lens.firms.card", lang, name=province.name,
                                                            year=born["periodo"]),
                                    labels.fmt_int(born["valore"], lang), None, lang,
                                    description=labels.t("lens.firms.card_help", lang,
                                                         closed=labels.fmt_int(closed["valore"], lang),
                                                         balance=labels.fmt_signed(balance, 0, lang))))
        parts.append(labels.t("lens.firms.part", lang, name=province.name, born=labels.fmt_int(born["valore"], lang),
                              closed=labels.fmt_int(closed["valore"], lang)))
        for kind, row in (("iscrizioni", born), ("cessazioni", closed)):
            rows.append({"territorio": province.name, "anno": row["periodo"], "misura": kind,
                         "valore": float(row["valore"]), "valore_testo": labels.fmt_int(row["valore"], lang),
                         "fonte": row["fonte"], "url": row["url"], "data_pagina": row["data_pagina"],
                         "nota": row["nota"]})
    year = next(iter(pairs.values()))[0]["periodo"]
    title = labels.t("lens.firms.title", lang, year=year, parts=", ".join(parts))
    shown = pd.DataFrame(rows)
    measures = {"iscrizioni": labels.t("lens.firms.born", lang), "cessazioni": labels.t("lens.firms.closed", lang)}
    chart = charts.recipe(charts_quality.period_bars, shown, period="territorio",
                          order=list(dict.fromkeys(shown["territorio"])), value="valore", series="misura",
                          text="valore_testo", title=title, value_title=labels.t("lens.firms.axis", lang), lang=lang,
                          series_names=measures, tooltip=(("anno", labels.t("col.periodo", lang)),
                                                          ("fonte", labels.t("verify.col.source", lang))))
    block = ChartBlock(chart, shown, "iscrizioni_cessazioni_pubblicate", "lens-firms", ("numeri_pubblicati",),
                       labels.t("lens.firms.caption", lang))
    return LensFinding("imprese", title, tuple(cards), block, BUSINESS, notes=labels.t("lens.firms.caption", lang))


#: finding id → (function, datasets it reads); the lenses in the order their findings are drawn
FINDINGS = {
    "contratti": (contracts, ("numeri_pubblicati", "avviamenti")),
    "partecipazione": (participation, ("bes_lavoro",)),
    "neet": (neet, ("bes_lavoro",)),
    "infortuni": (injuries, ("bes_lavoro",)),
    "cassa": (short_time, ("numeri_pubblicati",)),
    "entrate": (planned_hires, ("numeri_pubblicati",)),
    "imprese": (firms, ("numeri_pubblicati",)),
    "occupazione": (employment, ("bes_lavoro",)),
}
#: the datasets a finding's chart and headline cards are drawn from (its slide's sources); the rest feed
#: only the demo cards drawn apart (`LensFinding.extra`)
DRAWN = {finding_id: ids for finding_id, (_, ids) in FINDINGS.items()} | {"contratti": ("numeri_pubblicati",)}
LENSES = {UNIONS: ("contratti", "partecipazione", "neet", "infortuni", "cassa"),
          EMPLOYERS: ("entrate", "imprese", "occupazione")}
#: the slides of each lens's ready-made deck in Presenta (present/lens_slides.py builds them)
SLIDE_PREFIX = "lente_"
DECKS = {side: ("titolo", *(SLIDE_PREFIX + f for f in findings), "chiusura") for side, findings in LENSES.items()}
#: the title key of each page a finding links to
PAGE_TITLES = {QUALITY: "nav.quality", SKILLS: "nav.skills", BUSINESS: "nav.business", LABOUR: "nav.labour"}
