"""What the hires, businesses and skills pages lead with while their micro-data is demo or absent:
the latest figures the publishers released (indicators.published, .published_topics), as cards and
a main chart with the release, its date and link in the caption. The demo detail below them is a
different, constructed series with its own badge, never drawn in the same chart."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, labels, territory
from observatory.indicators import published, published_topics, published_words, registry, titles
from observatory.views import Card, ChartBlock, published_card

PUBLISHED = ("numeri_pubblicati",)


def _scope(provinces: tuple[str, ...]) -> list[territory.Province]:
    return [p for p in territory.provinces() if p.istat in provinces]


def shown_for(*dataset_ids: str, reliable: frozenset[str]) -> bool:
    """Whether a page leads with the published figures: its datasets are demo or not in the snapshot."""
    return not set(dataset_ids) <= reliable


@dataclasses.dataclass(frozen=True)
class PublishedFlowsView:
    """Hires, terminations and balance of each province's latest published year (a row of cards per
    province), and the hires and the balance of every published year; the caption names the
    releases and says apart the figures of another perimeter (the Lecco employment centres)."""

    cards: tuple[tuple[Card, ...], ...]
    hires: ChartBlock
    balance: ChartBlock | None


def balance_card(label: str, indicator_id: str, value: float, circa: bool, basis: published.Figure,
                 lang: str) -> Card:
    """A balance of published figures (as printed, or their difference) on a card: the period and the
    release of the figures it comes from (`basis`), no change."""
    indicator = registry.indicator(indicator_id)
    return Card(label, published_words.card_value(value, circa, lang, signed=True), None, 0, "",
                indicator.higher_is_better,
                published_words.card_help(indicator.label(lang), indicator.definition(lang), basis, lang, False),
                published_words.card_description(basis, lang))


def _flow_cards(name: str, flows: published_topics.YearFlows, lang: str) -> tuple[Card, ...]:
    """One province's row: hires, terminations and balance of its latest published year."""
    t = labels.translator(lang)

    def label(indicator: str) -> str:
        return t("published.flows.card", indicator=registry.indicator(indicator).label(lang), name=name)

    cards = [published_card("assunzioni", label("assunzioni"), flows.assunzioni, lang)]
    if flows.cessazioni is not None:
        cards.append(published_card("cessazioni", label("cessazioni"), flows.cessazioni, lang))
    if flows.saldo is not None:
        cards.append(balance_card(t("published.flows.card", indicator=t("biz.card.saldo"), name=name), "saldo",
                                  flows.saldo, flows.saldo_circa, flows.assunzioni, lang))
    return tuple(cards)


def _flows_caption(frame: pd.DataFrame, rows: pd.DataFrame, scope, lang: str) -> str:
    """Sources and links of the hires chart, and the figures of another perimeter said apart."""
    t = labels.translator(lang)
    parts = [published_words.caption(frame, "anno", lang)]
    for province in scope:
        other = published.other_perimeter(rows, province.nuts, "assunzioni")
        if other is not None:
            parts.append(t("published.flows.other", name=province.name,
                           value=published_words.number(other.valore, other.circa, lang),
                           period=published_words.period_label(other.periodo, lang),
                           source=published_words.source(other, lang)))
    return " ".join(parts)


def _slips_caption(frame: pd.DataFrame, lang: str) -> str:
    """The balance chart's caption: same releases as above, and the printed balances that are not
    hires − terminations (the publisher's arithmetic slips, drawn as printed)."""
    t = labels.translator(lang)
    names = territory.territory_names()
    slips = frame[frame["saldo"].notna() & frame["saldo_calcolato"].notna() & ~frame["circa"]
                  & (frame["saldo"] != frame["saldo_calcolato"])]
    return " ".join([t("published.flows.balance_caption")] + [
        t("published.flows.slip", name=names[r.territorio], year=r.anno, printed=labels.fmt_signed(r.saldo, 0, lang),
          computed=labels.fmt_signed(r.saldo_calcolato, 0, lang)) for r in slips.itertuples()])


def published_flows(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...],
                    lang: str) -> PublishedFlowsView | None:
    """The published hires of the provinces in scope (published_topics), None when none is published."""
    t = labels.translator(lang)
    scope = _scope(provinces)
    names = territory.territory_names()
    rows = published.figures(numeri_pubblicati, "lavoro")
    latest = {p.nuts: f for p in scope if (f := published_topics.latest_flows(rows, p.nuts)) is not None}
    if not latest:
        return None
    cards = tuple(_flow_cards(names[code], flows, lang) for code, flows in latest.items())
    frame = published_topics.flows_by_year(rows, tuple(latest))
    years = list(range(int(frame["anno"].min()), int(frame["anno"].max()) + 1))
    details = ((("cessazioni", registry.indicator("cessazioni").label(lang)),
                ("saldo", registry.indicator("saldo").label(lang)), ("fonte", registry.column_label("fonte", lang))))
    captions = {"assunzioni": _flows_caption(frame, rows, scope, lang), "saldo": _slips_caption(frame, lang)}
    blocks = []
    for measure, indicator in (("assunzioni", "assunzioni"), ("saldo", "saldo")):
        drawn = frame.dropna(subset=[measure])
        if drawn.empty:
            continue
        chart = charts.recipe(charts.period_territory_bars, drawn, x="anno", value=measure, territory="territorio",
                              order=years, names=names, lang=lang, indicator=indicator,
                              title=titles.published_flows_title(latest, names, lang, measure),
                              value_title=t("published.flows.axis"), details=details)
        blocks.append(ChartBlock(chart, drawn, f"{measure}_pubblicate", f"published-{measure}", PUBLISHED,
                                 captions[measure]))
    return PublishedFlowsView(cards, blocks[0], blocks[1] if len(blocks) > 1 else None)


@dataclasses.dataclass(frozen=True)
class PublishedFirmsView:
    """The area's registered businesses (latest date), registrations, closures and balance (latest
    year) as cards, and the registered businesses of each province at every published date."""

    cards: tuple[Card, ...]
    stock: ChartBlock | None


def published_firms(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...],
                    lang: str) -> PublishedFirmsView | None:
    """None when nothing is published for the area."""
    t = labels.translator(lang)
    scope = _scope(provinces)
    names = territory.territory_names()
    rows = published.figures(numeri_pubblicati, "imprese")
    firms = published_topics.latest_firms(rows, [p.nuts for p in scope])
    if firms is None:
        return None
    cards = [] if firms.registrate is None else [
        published_card("imprese_registrate", t("published.firms.registered"), firms.registrate, lang)]
    cards.append(published_card("iscrizioni", t("biz.card.iscrizioni"), firms.iscrizioni, lang))
    if firms.cessazioni is not None:
        cards.append(published_card("cessazioni_imprese", t("biz.card.cessazioni"), firms.cessazioni, lang))
        cards.append(balance_card(t("biz.card.saldo"), "saldo_imprese", firms.saldo, False, firms.iscrizioni, lang))
    frame = published_topics.stock_series(rows, [p.nuts for p in scope])
    if frame.empty:
        return PublishedFirmsView(tuple(cards), None)
    frame = frame.assign(periodo=frame["data"].map(lambda d: labels.fmt_date(d, lang)))
    order = [labels.fmt_date(d, lang) for d in pd.date_range(frame["data"].min(), frame["data"].max(), freq="QE")]
    latest = published_topics.latest_stocks(rows, [p.nuts for p in scope])
    chart = charts.recipe(charts.period_territory_bars, frame, x="periodo", value="imprese_registrate",
                          territory="territorio", order=order, names=names, lang=lang, indicator="imprese_registrate",
                          title=titles.published_stock_title(latest, names, lang),
                          value_title=t("published.firms.axis"),
                          details=(("fonte", registry.column_label("fonte", lang)),))
    caption = published_words.caption(frame, "data", lang) + " " + t("published.firms.closures_note")
    return PublishedFirmsView(tuple(cards), ChartBlock(chart, frame, "imprese_registrate_pubblicate",
                                                       "published-firms", PUBLISHED, caption))


@dataclasses.dataclass(frozen=True)
class PublishedPlannedView:
    """Excelsior planned hires of the area's latest published quarter (and the latest share hard to
    recruit) as cards, and the planned hires of every published quarter."""

    cards: tuple[Card, ...]
    quarters: ChartBlock


def published_planned(numeri_pubblicati: pd.DataFrame, *, provinces: tuple[str, ...], scope_label: str,
                      lang: str) -> PublishedPlannedView | None:
    """None when nothing is published for the area."""
    t = labels.translator(lang)
    scope = _scope(provinces)
    nuts = [p.nuts for p in scope]
    rows = published.figures(numeri_pubblicati, "excelsior")
    planned = published_topics.latest_planned(rows, nuts)
    if planned is None:
        return None
    cards = [published_card("entrate_previste", registry.indicator("entrate_previste").label(lang), planned.entrate,
                            lang)]
    if planned.quota_difficile is not None:
        cards.append(published_card("quota_difficile", registry.indicator("quota_difficile").label(lang),
                                    planned.quota_difficile, lang, percent=True))
    frame = published_topics.planned_series(rows, nuts)
    frame = frame.assign(periodo=frame["trimestre"].map(lambda q: published_words.period_label(q, lang)))
    order = [published_words.period_label(q, lang)
             for q in published_topics.quarters(frame["inizio"].min(), frame["inizio"].max())]
    code = published.scope_code(nuts)
    chart = charts.recipe(charts.period_territory_bars, frame, x="periodo", value="entrate", territory="territorio",
                          order=order, names={code: scope_label, **territory.territory_names()}, lang=lang,
                          indicator="entrate_previste",
                          title=titles.published_planned_title(planned, scope_label, lang),
                          value_title=t("published.planned.axis"),
                          details=(("fonte", registry.column_label("fonte", lang)),))
    caption = published_words.caption(frame, "trimestre", lang) + " " + t("published.planned.gaps")
    block = ChartBlock(chart, frame.drop(columns="inizio"), "entrate_previste_pubblicate", "published-planned",
                       PUBLISHED, caption)
    return PublishedPlannedView(tuple(cards), block)
