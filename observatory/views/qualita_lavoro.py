"""The Qualità del lavoro e politiche page: job quality from BES dei territori (employment 20-64,
non-participation, NEET, work injuries), short-time work hours as published, and the GOL
active-policy programme as published.

Every function takes the province codes in scope and returns what one view draws; numbers come from
observatory.indicators.quality and .policies, the same functions the lenses, the overview card and
the slides call."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, charts_quality, labels, provenance, territory
from observatory.indicators import quality, registry, titles
from observatory.views import Card, ChartBlock, indicator_card

PAGE = "qualita-lavoro"
INDICATORS, SEXES = quality.INDICATORS, quality.SEXES
#: the BES figure for which the copy's gap may be ISTAT's own (docs/data-gotchas.md)
ISTAT_GAP_NOTE = "tasso_occupazione_20_64"


def scope(provinces: tuple[str, ...]) -> tuple[list[territory.Province], list[str]]:
    chosen = [p for p in territory.provinces() if p.istat in provinces]
    return chosen, [p.nuts for p in chosen]


def compared(nuts: list[str]) -> list[str]:
    """The provinces, their region and Italia: the territories every chart sets side by side."""
    return [*nuts, territory.region()[0], territory.ITALIA]


@dataclasses.dataclass(frozen=True)
class QualityOptions:
    indicators: dict[str, str]
    sexes: dict[str, str]


def quality_options(*, lang: str) -> QualityOptions:
    return QualityOptions({i: registry.indicator(i).label(lang) for i in INDICATORS},
                          {s: labels.t(f"labour.value.{s}", lang) for s in SEXES})


def value_text(value: float, indicator: str, lang: str) -> str:
    """A BES value as cards and titles write it: '7,2 %' or '8,9' (per 10.000 occupati)."""
    definition = registry.indicator(indicator)
    if definition.unit == "%":
        return labels.fmt_pct(value, definition.decimals, lang)
    return labels.fmt_number(value, definition.decimals, lang)


def short_name(indicator: str, lang: str) -> str:
    """The indicator as titles and cards name it ('NEET 15-29 anni'); the full label is in the help."""
    return labels.t(f"quality.short.{indicator}", lang)


def trend_title(latest, nuts: list[str], indicator: str, names: dict[str, str], lang: str) -> str:
    """'NEET 15-29 anni nel 2024: Como 10,0 %, Lecco 7,2 %, Lombardia 10,1 %' (provinces first)."""
    year = titles.latest_year(latest, nuts)
    if year is None:
        return labels.t("titles.no_data", lang, subject=short_name(indicator, lang))
    order = [c for c in nuts if c in latest] + [c for c in latest if c not in nuts]
    values = ", ".join(f"{names.get(c, c)} {value_text(latest[c].valore, indicator, lang)}"
                       + ("" if latest[c].anno == year else f" ({latest[c].anno})") for c in order)
    return labels.t("titles.rate", lang, indicator=short_name(indicator, lang), year=year, values=values)


def gap_text(series: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """'Anni senza dato (×): Como 2022, Lecco 2022 — assenti nella copia pubblica; …' or ''."""
    missing = quality.gaps(series)
    if missing.empty:
        return ""
    parts = []
    for reason, rows in missing.groupby("lacuna", sort=False):
        where = ", ".join(f"{names.get(code, code)} {', '.join(str(y) for y in group['anno'])}"
                          for code, group in rows.groupby("territorio", sort=False))
        parts.append(f"{where} — {labels.t(f'quality.gap.{reason}', lang)}")
    return labels.t("quality.gaps", lang, parts="; ".join(parts))


def card(indicator: str, name: str, change, lang: str) -> Card:
    label = short_name(indicator, lang)
    if change is None:
        return Card(f"{label}, {name}", None, note=labels.t("archive.unavailable", lang))
    unit = " p.p." if registry.indicator(indicator).unit == "%" else ""
    description = labels.t("overview.card.vs_prev_year", lang) if change.variazione is not None else \
        labels.t("quality.card.no_previous", lang, year=change.anno_precedente)
    return indicator_card(indicator, f"{label}, {name} · {change.anno}", value_text(change.valore, indicator, lang),
                          change.variazione, lang, unit=unit, description=description,
                          help_note=labels.t("overview.card.change_year", lang))


@dataclasses.dataclass(frozen=True)
class QualityView:
    """One card per province, the indicator over time (gaps as gaps) and the four indicators side by
    side in their latest year; `trend` is None when the choice has no data (`missing` says so)."""

    cards: tuple[Card, ...]
    trend: ChartBlock | None
    side: ChartBlock | None
    missing: str = ""


def trend_block(bes: pd.DataFrame, *, nuts: list[str], indicator: str, sex: str, lang: str,
                period: tuple[int, int] | None = None) -> tuple[ChartBlock | None, dict]:
    """The indicator over the years for the provinces, region and Italia, and each one's latest value."""
    names = territory.territory_names()
    series = quality.series(bes, indicator, compared(nuts), sex, period)
    latest = quality.latest(series, indicator)
    if not any(code in latest for code in nuts):
        return None, latest
    definition = registry.indicator(indicator)
    title = trend_title(latest, nuts, indicator, names, lang)
    axis = labels.t("quality.axis.pct" if definition.unit == "%" else "quality.axis.other", lang, unit=definition.unit)
    gap_names = series.assign(lacuna=series["lacuna"].map(lambda r: labels.t(f"quality.gap.{r}", lang) if r else None))
    chart = charts.recipe(charts_quality.gap_lines, gap_names, x="anno", y="valore", territory="territorio",
                          gap="lacuna", title=title, y_title=axis, names=names, lang=lang, indicator=indicator,
                          gap_title=labels.t("quality.gap.why", lang))
    parts = [labels.t(f"quality.caption.{indicator}", lang), gap_text(series, names, lang)]
    if indicator == ISTAT_GAP_NOTE and (quality.gaps(series)["anno"] == 2022).any():
        parts.append(labels.t("quality.caption.istat_gap", lang))
    if series["provenienza"].isin(provenance.COPIES).any():
        parts.append(labels.t("quality.caption.copy", lang))
    block = ChartBlock(chart, gap_names, f"{indicator}_{sex}", f"bes-{indicator}", ("bes_lavoro",),
                       " ".join(p for p in parts if p))
    return block, latest


def panel_name(indicator: str, year: int, lang: str) -> str:
    """'Occupazione 20-64 anni (2024)', 'Infortuni gravi per 10.000 occupati (2022)'."""
    return f"{short_name(indicator, lang)} ({year})"


def side_by_side(bes: pd.DataFrame, *, nuts: list[str], lang: str) -> ChartBlock | None:
    """The four indicators' latest values, a panel each; the title counts where each province does
    better than its region (by each indicator's direction)."""
    names = territory.territory_names()
    region = territory.region()[0]
    table = quality.latest_table(bes, [*nuts, region])
    if table.empty:
        return None
    parts = []
    for code in nuts:
        result = quality.compare(table, code, region)
        if result.confrontati:
            key = "quality.side.part" if not parts else "quality.side.part_next"
            parts.append(labels.t(key, lang, name=names[code], better=result.meglio, total=result.confrontati))
    title = labels.t("quality.side.title", lang, region=names[region], parts=", ".join(parts)) if parts else \
        labels.t("quality.side.title_plain", lang)
    shown = table.assign(
        pannello=[panel_name(i, y, lang) for i, y in zip(table["indicatore"], table["anno"])],
        testo=[value_text(v, i, lang) for v, i in zip(table["valore"], table["indicatore"])])
    chart = charts.recipe(charts_quality.panel_bars, shown, panel="pannello", territory="territorio", value="valore",
                          text="testo", title=title, names=names, lang=lang)
    return ChartBlock(chart, shown, "qualita_lavoro_ultimo_anno", "bes-side", ("bes_lavoro",),
                      labels.t("quality.side.caption", lang))


def job_quality(bes: pd.DataFrame, *, provinces: tuple[str, ...], indicator: str, sex: str,
                lang: str) -> QualityView:
    chosen, nuts = scope(provinces)
    trend, latest = trend_block(bes, nuts=nuts, indicator=indicator, sex=sex, lang=lang)
    cards = tuple(card(indicator, p.name, latest.get(p.nuts), lang) for p in chosen)
    side = side_by_side(bes, nuts=nuts, lang=lang)
    if trend is None:
        label = short_name(indicator, lang)
        sex_name = labels.t(f"labour.value.{sex}", lang)
        missing = labels.t("quality.missing_sex", lang, indicator=label, sex=sex_name,
                           available=", ".join(labels.t(f"labour.value.{s}", lang)
                                               for s in quality.sexes_with_data(bes, indicator)) or labels.MISSING)
        return QualityView(cards, None, side, missing)
    return QualityView(cards, trend, side)


def overview_cards(bes: pd.DataFrame | None, *, provinces: tuple[str, ...], lang: str,
                   error: str | None = None) -> tuple:
    """The overview's card from this page: NEET 15-29 in the latest year, one card per province
    (`quality.latest`, the page's numbers), as panoramica.Headline (one of its TOPICS)."""
    from observatory.views.panoramica import Headline  # panoramica imports this module for its TOPICS

    chosen, nuts = scope(provinces)
    latest = {} if bes is None else quality.latest(quality.series(bes, "neet", nuts), "neet")
    out = []
    for province in chosen:
        title = labels.t("overview.card.neet", lang, name=province.name)
        change = latest.get(province.nuts)
        if change is None:
            note = labels.t("overview.card.missing" if error else "overview.card.no_rows", lang)
            out.append(Headline(Card(title, None, note=note, detail=error or ""), dataset_ids=("bes_lavoro",)))
            continue
        card_ = indicator_card("neet", title, value_text(change.valore, "neet", lang), change.variazione, lang,
                               unit=" p.p.", help_note=labels.t("overview.card.change_year", lang),
                               description=labels.t("overview.card.year", lang, year=change.anno))
        more = "" if change.variazione is None else labels.t(
            "overview.neet.change", lang, change=labels.fmt_signed(change.variazione, 1, lang),
            year=change.anno_precedente)
        sentence = labels.t("overview.neet.sentence", lang, name=province.name, year=change.anno,
                            value=value_text(change.valore, "neet", lang), change=more)
        out.append(Headline(card_, sentence, PAGE, labels.t("overview.link.quality", lang), ("bes_lavoro",)))
    return tuple(out)
