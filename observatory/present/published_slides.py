"""The slides of the topics whose micro-data is demo (hires, businesses, Excelsior), from the figures
the publishers released: the same selection (indicators.published, .published_topics) and titles as
the pages' cards and charts, the release of every number in the notes and on the source line.

decks.build_deck uses a builder here instead of the demo one when the slide's datasets are demo or
absent and the published figures give something for the territory and period chosen."""

from __future__ import annotations

import pandas as pd

from observatory import charts, labels, provenance
from observatory.indicators import published, published_topics, published_words, registry, titles
from observatory.present.slides import Context, Finding, NoData

NEEDS = ("numeri_pubblicati",)


def _until(ctx: Context) -> int | None:
    return ctx.period[1] if ctx.period else None


def _from(ctx: Context, figure: published.Figure | None) -> bool:
    """Whether a figure's period starts within the chosen years (the latest ≤ the last year is picked upstream)."""
    return figure is not None and (ctx.period is None or figure.inizio.year >= ctx.period[0])


def _sources(frame, ctx: Context) -> tuple[str, ...]:
    """One line per release drawn: 'source (page date) — transcribed from the publisher's releases'."""
    how = provenance.phrase("trascritto", None, ctx.lang)
    return tuple(dict.fromkeys(f"{r.fonte} ({published_words.page_label(r.data_pagina, ctx.lang)}) — {how}"
                               for r in frame.itertuples()))


def _cited(figure: published.Figure, ctx: Context) -> str:
    """'source, page date: url' for the speaker notes (plain text: PowerPoint shows no links)."""
    return ctx.t("present.published.cited", source=figure.fonte,
                 page=published_words.page_label(figure.data_pagina, ctx.lang), url=figure.url)


def hires(ctx: Context) -> Finding:
    """Hires of each province in its latest published year (published_topics.latest_flows), the
    figures of the Mercato del lavoro cards and chart."""
    rows = published.figures(ctx.frames["numeri_pubblicati"], "lavoro")
    found = {code: published_topics.latest_flows(rows, code, _until(ctx)) for code in ctx.nuts}
    latest = {code: flows for code, flows in found.items() if flows is not None and _from(ctx, flows.assunzioni)}
    if not latest:
        raise NoData(ctx.t("present.skip.period"))
    frame = published_topics.flows_by_year(rows, tuple(latest), _until(ctx))
    frame = frame[ctx.in_period(frame["anno"])]
    title = titles.published_flows_title(latest, ctx.names, ctx.lang)
    notes = []
    for code, flows in latest.items():
        hires_text = published_words.number(flows.assunzioni.valore, flows.assunzioni.circa, ctx.lang)
        ends = "" if flows.cessazioni is None else ctx.t(
            "present.published.ends", ends=published_words.number(flows.cessazioni.valore, flows.cessazioni.circa,
                                                                   ctx.lang),
            balance=published_words.number(flows.saldo, flows.saldo_circa, ctx.lang, signed=True))
        notes.append(ctx.t("present.published.hires", name=ctx.names[code], year=flows.assunzioni.periodo,
                           hires=hires_text, ends=ends, source=_cited(flows.assunzioni, ctx)))
        other = published.other_perimeter(rows, code, "assunzioni")
        if other is not None:
            notes.append(ctx.t("present.published.other", name=ctx.names[code],
                               value=published_words.number(other.valore, other.circa, ctx.lang),
                               period=published_words.period_label(other.periodo, ctx.lang)))
    notes.append(registry.indicator("assunzioni").definition(ctx.lang) + " " + ctx.t("present.published.note"))
    years = list(range(int(frame["anno"].min()), int(frame["anno"].max()) + 1))
    return Finding(title, lambda: charts.period_territory_bars(
        frame, x="anno", value="assunzioni", territory="territorio", order=years, title="", lang=ctx.lang,
        value_title=ctx.t("published.flows.axis"), names=ctx.names, indicator="assunzioni", description=title),
        "\n".join(notes), sources=_sources(frame, ctx))


def businesses(ctx: Context) -> Finding:
    """Registered businesses of each province at its latest published date, and the area's
    registrations and closures of the latest published year (as on the Imprese page)."""
    rows = published.figures(ctx.frames["numeri_pubblicati"], "imprese")
    latest = {code: f for code, f in published_topics.latest_stocks(rows, ctx.nuts, _until(ctx)).items()
              if _from(ctx, f)}
    if not latest:
        raise NoData(ctx.t("present.skip.period"))
    frame = published_topics.stock_series(rows, tuple(latest), _until(ctx))
    frame = frame[ctx.in_period(frame["data"].dt.year)]
    frame = frame.assign(periodo=frame["data"].map(lambda d: labels.fmt_date(d, ctx.lang)))
    order = [labels.fmt_date(d, ctx.lang) for d in
             pd.date_range(frame["data"].min(), frame["data"].max(), freq="QE")]
    title = titles.published_stock_title(latest, ctx.names, ctx.lang)
    notes = [ctx.t("present.published.stock", name=ctx.names[code], value=published_words.number(f.valore, f.circa,
                                                                                                 ctx.lang),
                   date=published_words.period_label(f.periodo, ctx.lang), source=_cited(f, ctx))
             for code, f in latest.items()]
    firms = published_topics.latest_firms(rows, list(ctx.nuts), _until(ctx))
    if firms is not None and _from(ctx, firms.iscrizioni) and firms.cessazioni is not None:
        notes.append(ctx.t("present.published.flows", year=firms.iscrizioni.periodo,
                           born=labels.fmt_int(firms.iscrizioni.valore, ctx.lang),
                           closed=labels.fmt_int(firms.cessazioni.valore, ctx.lang),
                           balance=labels.fmt_signed(firms.saldo, 0, ctx.lang), source=_cited(firms.iscrizioni, ctx)))
    notes.append(registry.indicator("imprese_registrate").definition(ctx.lang) + " " + ctx.t("present.published.note"))
    return Finding(title, lambda: charts.period_territory_bars(
        frame, x="periodo", value="imprese_registrate", territory="territorio", order=order, title="",
        lang=ctx.lang, value_title=ctx.t("published.firms.axis"), names=ctx.names, indicator="imprese_registrate",
        description=title), "\n".join(notes), sources=_sources(frame, ctx))


def planned_hires(ctx: Context) -> Finding:
    """Excelsior planned hires of the area's latest published quarter (published_topics.latest_planned),
    the Competenze card's figure, with every published quarter."""
    rows = published.figures(ctx.frames["numeri_pubblicati"], "excelsior")
    planned = published_topics.latest_planned(rows, list(ctx.nuts), _until(ctx))
    if planned is None or not _from(ctx, planned.entrate):
        raise NoData(ctx.t("present.skip.period"))
    hires_ = planned.entrate
    change = published.change(hires_)
    title = ctx.t("present.published.planned_title", total=published_words.number(hires_.valore, hires_.circa,
                                                                                  ctx.lang),
                  period=published_words.period_label(hires_.periodo, ctx.lang),
                  change="" if change is None else ctx.t(
                      "present.published.planned_change",
                      change=labels.fmt_signed(change, 1, ctx.lang, labels.percent_unit(ctx.lang))))
    frame = published_topics.planned_series(rows, list(ctx.nuts), _until(ctx))
    frame = frame[ctx.in_period(frame["inizio"].dt.year)]
    frame = frame.assign(periodo=frame["trimestre"].map(lambda q: published_words.period_label(q, ctx.lang)))
    order = [published_words.period_label(q, ctx.lang)
             for q in published_topics.quarters(frame["inizio"].min(), frame["inizio"].max())]
    code = published.scope_code(ctx.nuts)
    area = " + ".join(ctx.names[c] for c in ctx.nuts)
    notes = [titles.published_planned_title(planned, area, ctx.lang) + ". " + _cited(hires_, ctx)]
    if planned.quota_difficile is not None:
        share = planned.quota_difficile
        notes.append(ctx.t("present.published.hard", share=labels.fmt_pct(share.valore, 1, ctx.lang),
                           period=published_words.period_label(share.periodo, ctx.lang), source=_cited(share, ctx)))
    indicator = registry.indicator("entrate_previste")
    notes.append(f"{indicator.definition(ctx.lang)} {indicator.caveats(ctx.lang)} {ctx.t('present.published.note')}")
    frame = frame.drop(columns="inizio")
    return Finding(title, lambda: charts.period_territory_bars(
        frame, x="periodo", value="entrate", territory="territorio", order=order, title="", lang=ctx.lang,
        value_title=ctx.t("published.planned.axis"), names={code: area, **ctx.names}, indicator="entrate_previste",
        description=title), "\n".join(notes), sources=_sources(frame, ctx))


#: slide id (decks.DATA_SLIDES) → the builder from published figures
BUILDERS = {"assunzioni": hires, "imprese": businesses, "competenze": planned_hires}
