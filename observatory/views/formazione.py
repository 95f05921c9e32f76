"""The Formazione page: upper-secondary students by school type (cards of one year, trend over the
years), by field, and by municipality of the school (MIM open data)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, labels
from observatory.indicators import education, registry
from observatory.views import Card, ChartBlock, MapView, map_view

ALL = "tutti"  # the school-type filter's "every type" choice


@dataclasses.dataclass(frozen=True)
class FilterOptions:
    """The choices the filters offer: school years with schools in scope (latest first; empty when
    the territory has none) and school types ("every type" first) with their names."""

    years: tuple[str, ...]
    tracks: tuple[str, ...]
    track_names: dict[str, str]


def filter_options(studenti: pd.DataFrame, *, provinces: tuple[str, ...], lang: str) -> FilterOptions:
    tracks = (ALL, *education.TRACKS)
    return FilterOptions(tuple(reversed(education.years(education.in_scope(studenti, provinces)))), tracks,
                         {k: labels.t(f"edu.track.{k}", lang) for k in tracks})


@dataclasses.dataclass(frozen=True)
class CardsView:
    """Headline cards of one school year: the students and each school type's share, with the
    change on the year before, and the caption that says which years they compare."""

    caption: str
    cards: tuple[Card, ...]


def cards(studenti: pd.DataFrame, *, provinces: tuple[str, ...], year: str, scope_label: str,
          lang: str) -> CardsView:
    t = lambda key, **values: labels.t(key, lang, **values)  # noqa: E731
    local = education.in_scope(studenti, provinces)
    now = education.summary(local, year)
    before = education.summary(local, now["anno_precedente"]) if now["anno_precedente"] else None
    indicator = registry.indicator("studenti")
    # short labels fit five cards in a row; the full name and definition are on hover
    items = [Card(t("edu.card.total"), labels.fmt_int(now["totale"], lang),
                  (now["totale"] - before["totale"]) if before else None,
                  help=f"{indicator.label(lang)}: {indicator.definition(lang)}")]
    for key in education.TRACKS:
        share = now["quote"][key]
        earlier = before["quote"][key] if before else None
        items.append(Card(t(f"edu.card.share.{key}"), labels.fmt_pct(share, 1, lang),
                          share - earlier if share is not None and earlier is not None else None,
                          1, t("edu.unit.pp"), help=t("edu.card.share.help", track=t(f"edu.track.{key}"))))
    return CardsView(t("edu.cards.caption", territory=scope_label, year=year,
                       previous=now["anno_precedente"] or labels.MISSING), tuple(items))


def trend(studenti: pd.DataFrame, *, provinces: tuple[str, ...], scope_label: str, lang: str) -> ChartBlock:
    """Students by school year and school type (counts: the axis starts at zero), titled with the
    most attended type of the latest year."""
    t = lambda key, **values: labels.t(key, lang, **values)  # noqa: E731
    local = education.in_scope(studenti, provinces)
    rows = education.by_track_and_year(local)
    latest = education.years(local)[-1]
    names = {k: t(f"edu.track.{k}") for k in education.TRACKS}
    top = rows[rows["anno_scolastico"] == latest].sort_values("studenti", ascending=False).head(1)
    chart = charts.recipe(
        charts.trend_lines, rows, x="anno_scolastico", y="studenti", territory="tipo_percorso", names=names,
        lang=lang, decimals=0, zero=True, y_title=t("edu.axis.students"),
        title=t("edu.chart.trend.title", territory=scope_label, year=latest,
                track=names.get(top["tipo_percorso"].iloc[0], "") if len(top) else labels.MISSING,
                value=labels.fmt_int(top["studenti"].iloc[0] if len(top) else None, lang)))
    return ChartBlock(chart, rows, "studenti_per_tipo", "edu-trend", ("studenti",), t("edu.caption"))


def fields(studenti: pd.DataFrame, *, provinces: tuple[str, ...], year: str, track: str, scope_label: str,
           lang: str) -> ChartBlock | None:
    """Students of one school year (and school type, or every type) by field, largest first;
    None when there are none."""
    rows = education.by_field(education.in_scope(studenti, provinces), year, None if track == ALL else track)
    if rows.empty:
        return None
    top = rows.iloc[0]
    chart = charts.recipe(
        charts.sorted_bars, rows, category="nome", value="studenti", value_title=labels.t("edu.axis.students", lang),
        lang=lang,
        title=labels.t("edu.chart.fields.title", lang, year=year, field=top["nome"],
                       share=labels.fmt_pct(top["quota"], 1, lang), territory=scope_label,
                       track=labels.t(f"edu.track.{track}", lang).lower()))
    return ChartBlock(chart, rows, "studenti_per_percorso", "edu-fields", ("studenti",), labels.t("edu.caption", lang))


def schools_map(studenti: pd.DataFrame, comuni: pd.DataFrame, *, provinces: tuple[str, ...], year: str, track: str,
                scope_label: str, lang: str, highlight: str | None) -> MapView:
    """Students of one school year by municipality of the school; grey where there is no school."""
    values = education.by_municipality(studenti, comuni, provinces, year, None if track == ALL else track)
    best = values.dropna(subset=["valore"]).head(1)
    title = labels.t("edu.map.title", lang, year=year, territory=scope_label,
                     top=best["comune"].iloc[0] if len(best) else labels.MISSING,
                     value=labels.fmt_int(best["valore"].iloc[0] if len(best) else None, lang))
    return map_view(values, comuni, indicator_id="studenti", title=title,
                    caption=labels.t("edu.map.caption", lang, year=year), dataset_ids=("studenti",), lang=lang,
                    highlight=highlight)
