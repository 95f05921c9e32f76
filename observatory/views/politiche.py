"""The policy views of the Qualità del lavoro e politiche page: short-time work (cassa integrazione)
hours authorised by INPS as published, and the GOL programme in Lecco as published; for Como, what
was not found and how it would arrive.

Every figure keeps its period, perimeter and source (observatory.indicators.policies); nothing of
different periods is summed or compared."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, charts_quality, labels, territory
from observatory.indicators import policies, published_words
from observatory.views import Card, ChartBlock, indicator_card
from observatory.views.qualita_lavoro import scope

IDS = ("numeri_pubblicati",)
MEASURES = ("totale", "cigo_cigs", "cigo", "cigs", "tessile", "meccanica", "metalmeccanica", "variazione")


def period_name(period: str | None, lang: str) -> str:
    return published_words.period_label(period, lang) if period else labels.t("quality.cig.same_last_year", lang)


def _hours_card(row: pd.Series | None, name: str, lang: str) -> Card:
    label = labels.t("quality.cig.card", lang, name=name)
    if row is None:
        return Card(label, None, note=labels.t("quality.cig.none", lang))
    period = published_words.period_label(row["periodo"], lang)
    change = None if pd.isna(row["variazione_riportata"]) else float(row["variazione_riportata"])
    description = labels.t("quality.cig.card_change", lang, period=period_name(row["rispetto_a"], lang)) \
        if change is not None else labels.t("quality.cig.card_no_change", lang)
    measure = labels.t(f"quality.cig.measure.{row['misura']}", lang)
    return indicator_card("ore_cig", f"{label} · {period}", labels.fmt_int(row["valore"], lang), change, lang,
                          unit=labels.percent_unit(lang), decimals=1, description=f"{measure}; {description}",
                          help_note=labels.t("quality.cig.card_help", lang))


@dataclasses.dataclass(frozen=True)
class CigView:
    """Latest hours per province, the hours by period as published, one release's ordinary and
    extraordinary split where it exists, the changes published later without hours, and every CIG
    figure of the archive (with Lombardia and Italia) for download."""

    cards: tuple[Card, ...]
    hours: ChartBlock | None
    split: ChartBlock | None
    later: tuple[str, ...]
    table: pd.DataFrame


def _shown(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows drawn, with their period and numbers in words (labels on the bars, tooltips)."""
    return rows.assign(
        periodo_testo=rows["periodo"].map(lambda p: published_words.period_label(p, lang)),
        misura_testo=rows["misura"].map(lambda m: labels.t(f"quality.cig.measure.{m}", lang)),
        valore_testo=rows["valore"].map(lambda v: labels.fmt_int(v, lang)),
        variazione_testo=[labels.t("quality.cig.change_text", lang,
                                   change=labels.fmt_signed(c, 1, lang, labels.percent_unit(lang)),
                                   period=period_name(r, lang)) if not pd.isna(c) else labels.MISSING
                          for c, r in zip(rows["variazione_riportata"], rows["rispetto_a"])])


def hours_title(latest: dict[str, pd.Series], names: dict[str, str], lang: str) -> str:
    """'Ore di cassa integrazione autorizzate: Lecco 804.646 nel 3° trim. 2025 (−27,8 %), Como …'."""
    parts = []
    for code, row in latest.items():
        change = "" if pd.isna(row["variazione_riportata"]) else \
            f", {labels.fmt_signed(row['variazione_riportata'], 1, lang, labels.percent_unit(lang))}"
        parts.append(labels.t("quality.cig.title_part", lang, name=names[code],
                              hours=labels.fmt_int(row["valore"], lang),
                              period=published_words.period_label(row["periodo"], lang), change=change))
    return labels.t("quality.cig.title", lang, parts=", ".join(parts))


def short_time_work(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
                    period: tuple[int, int] | None = None) -> CigView:
    """`period` (first and last year) keeps the figures whose period ends within it (the slides' choice)."""
    chosen, nuts = scope(provinces)
    names = territory.territory_names()
    table = policies.cig_hours(numeri_pubblicati)
    if period is not None:
        table = table[table["fine"].dt.year.between(*period)]
    latest = {p.nuts: policies.latest_hours(table, p.nuts) for p in chosen}
    cards = tuple(_hours_card(latest[p.nuts], p.name, lang) for p in chosen)
    found = {code: row for code, row in latest.items() if row is not None}
    later = []
    for code, row in found.items():
        for change in policies.later_changes(table, code, row["fine"]).itertuples():
            later.append(labels.t("quality.cig.later", lang, name=names[code],
                                  period=published_words.period_label(change.periodo, lang),
                                  change=labels.fmt_signed(change.variazione_riportata, 1, lang,
                                                           labels.percent_unit(lang)),
                                  reference=period_name(change.rispetto_a, lang), source=change.fonte))
    drawn = table[table["territorio_nuts"].isin(nuts) & table["misura"].isin(policies.HEADLINE)]
    hours = None
    if found:
        shown = _shown(drawn, lang)
        order = list(dict.fromkeys(shown.sort_values("fine")["periodo_testo"]))
        chart = charts.recipe(charts_quality.period_bars, shown, period="periodo_testo", order=order, value="valore",
                              series="territorio_nuts", text="valore_testo", title=hours_title(found, names, lang),
                              value_title=labels.t("quality.cig.axis", lang), lang=lang, names=names,
                              tooltip=(("misura_testo", labels.t("quality.cig.col.measure", lang)),
                                       ("variazione_testo", labels.t("quality.cig.col.change", lang)),
                                       ("fonte", labels.t("verify.col.source", lang)),
                                       ("data_pagina", labels.t("verify.col.date", lang))))
        other = shown[shown["misura"] != "totale"]
        notes = [labels.t("quality.cig.other_measure", lang, name=names[r.territorio_nuts], period=r.periodo_testo,
                          measure=r.misura_testo) for r in other.itertuples()]
        hours = ChartBlock(chart, shown, "cassa_integrazione_ore", "cig-hours", IDS,
                           " ".join([labels.t("quality.cig.caption", lang), *notes]))
    everything = _shown(table, lang)[["territorio", "misura_testo", "periodo", "periodo_testo", "valore",
                                      "variazione_testo", "unita", "fonte", "url", "data_pagina", "nota"]]
    return CigView(cards, hours, _split(table, chosen, names, lang), tuple(later), everything)


def _split(table: pd.DataFrame, chosen, names: dict[str, str], lang: str) -> ChartBlock | None:
    """Ordinary (CIGO) and extraordinary (CIGS) hours by period for the first province with a release
    that gives both, titled with that release's split."""
    for province in chosen:
        both = policies.ordinary_vs_extraordinary(table, province.nuts)
        if both.empty:
            continue
        last = both[both["fine"] == both["fine"].max()]
        values = {m: labels.fmt_int(v, lang) for m, v in zip(last["misura"], last["valore"])}
        title = labels.t("quality.cig.split_title", lang, name=province.name, cigo=values.get("cigo", labels.MISSING),
                         cigs=values.get("cigs", labels.MISSING),
                         period=published_words.period_label(last["periodo"].iloc[0], lang))
        rows = table[(table["territorio_nuts"] == province.nuts) & table["misura"].isin(("cigo", "cigs"))]
        shown = _shown(rows, lang)
        order = list(dict.fromkeys(shown.sort_values("fine")["periodo_testo"]))
        measures = {m: labels.t(f"quality.cig.measure.{m}", lang) for m in ("cigo", "cigs")}
        chart = charts.recipe(charts_quality.period_bars, shown, period="periodo_testo", order=order, value="valore",
                              series="misura", text="valore_testo", title=title,
                              value_title=labels.t("quality.cig.axis", lang), lang=lang, series_names=measures,
                              tooltip=(("fonte", labels.t("verify.col.source", lang)),
                                       ("data_pagina", labels.t("verify.col.date", lang))))
        return ChartBlock(chart, shown, f"cassa_integrazione_cigo_cigs_{province.sigla}", "cig-split", IDS,
                          labels.t("quality.cig.split_caption", lang))
    return None


@dataclasses.dataclass(frozen=True)
class GolView:
    """GOL in Lecco as published (cards, agreements against both published 2023 targets) and, for a
    province with no published figure, what was not found and how it would arrive."""

    cards: tuple[Card, ...]
    progress: ChartBlock | None
    absent: tuple[str, ...]  # provinces in scope with no GOL figure
    table: pd.DataFrame
    naspi: str = ""


def _gol_cards(table: pd.DataFrame, progress: policies.GolProgress, lang: str) -> tuple[Card, ...]:
    as_of = labels.t("quality.gol.as_of", lang, date=labels.fmt_date(progress.fine, lang))
    cards = [indicator_card("gol_patti", labels.t("quality.gol.card.patti", lang), labels.fmt_int(progress.patti, lang),
                            None, lang, description=as_of)]
    if progress.quota is not None:
        cards.append(Card(labels.t("quality.gol.card.share", lang), labels.fmt_pct(progress.quota, 1, lang),
                          description=labels.t("quality.gol.card.share_of", lang,
                                               target=labels.fmt_int(progress.obiettivo, lang))))
    same = table[(table["indicatore"] == "gol_presi_in_carico_dote") & (table["fine"] == progress.fine)]
    if not same.empty:
        cards.append(Card(labels.t("quality.gol.card.dote", lang), labels.fmt_int(same["valore"].iloc[0], lang),
                          description=as_of))
    return tuple(cards)


def active_policies(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...], lang: str) -> GolView:
    chosen, _ = scope(provinces)
    table = policies.gol_figures(numeri_pubblicati)
    shown = table.assign(periodo_testo=table["periodo"].map(lambda p: published_words.period_label(p, lang)))
    shown = shown[["territorio", "indicatore", "periodo", "periodo_testo", "valore", "unita", "fonte", "url",
                   "data_pagina", "nota"]]
    absent = tuple(p.name for p in chosen if p.name not in set(table["territorio"]))
    naspi = _naspi(numeri_pubblicati, lang)
    lecco = [p for p in chosen if p.name in set(table["territorio"])]
    progress = policies.gol_progress(table, lecco[0].name) if lecco else None
    if progress is None:
        return GolView((), None, absent, shown, naspi)
    signed = table[(table["territorio"] == lecco[0].name) & (table["indicatore"] == "gol_patti_servizio_sottoscritti")]
    dates = [labels.t("quality.gol.at", lang, date=labels.fmt_date(d, lang)) for d in signed["fine"]]
    bars = pd.DataFrame({"data": dates,
                         "patti": signed["valore"].astype(float).to_numpy(),
                         "testo": [labels.fmt_int(v, lang) for v in signed["valore"]]})
    targets = progress.obiettivi.assign(
        testo=[labels.t("quality.gol.target", lang, value=labels.fmt_int(v, lang),
                        date=published_words.page_label(d, lang))
               for v, d in zip(progress.obiettivi["valore"], progress.obiettivi["data_pagina"])])
    targets = targets.astype({"valore": float})
    title = labels.t("quality.gol.title", lang, name=lecco[0].name, patti=labels.fmt_int(progress.patti, lang),
                     date=labels.fmt_date(progress.fine, lang), share=labels.fmt_pct(progress.quota, 1, lang),
                     target=labels.fmt_int(progress.obiettivo, lang))
    chart = charts.recipe(charts_quality.progress_bars, bars, targets=targets, period="data", value="patti",
                          text="testo", target="valore", target_text="testo", title=title,
                          value_title=labels.t("quality.gol.axis", lang), lang=lang)
    block = ChartBlock(chart, shown[shown["territorio"] == lecco[0].name], "gol_lecco", "gol", IDS,
                       labels.t("quality.gol.caption", lang))
    return GolView(_gol_cards(table, progress, lang), block, absent, shown, naspi)


def _naspi(figures: pd.DataFrame, lang: str) -> str:
    rows = figures[figures["dominio"] == "NASpI"]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    return labels.t("quality.naspi", lang, name=row["territorio"], value=labels.fmt_int(row["valore"], lang),
                    period=published_words.period_label(row["periodo"], lang), source=row["fonte"])
