"""The Formazione page: students of the area's schools by order and type (cards and bars of one
year), over the school years, upper-secondary students by kind of institute, and by municipality of
the school (Ministry of Education)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory import charts, labels
from observatory.indicators import education, population, registry
from observatory.sources.mim_codes import ORDERS, UPPER_TYPES
from observatory.views import Card, ChartBlock, MapView, map_view

ALL = education.ALL  # the school filter's "every school" choice


def local_rows(studenti: pd.DataFrame, provinces: tuple[str, ...], municipality: str | None) -> pd.DataFrame:
    """The schools in scope: those located in `municipality` when one is selected (its own
    students, never the province's under its name), else those of `provinces`."""
    if municipality is not None:
        return education.in_municipality(studenti, municipality)
    return education.in_scope(studenti, provinces)


@dataclasses.dataclass(frozen=True)
class FilterOptions:
    """The choices the filters offer: school years with schools in scope (latest first; empty when
    the territory has none) and schools (every school, an order, an upper-secondary type) with names."""

    years: tuple[str, ...]
    choices: tuple[str, ...]
    choice_names: dict[str, str]
    upper_choices: tuple[str, ...]  # every upper-secondary school, or one type of them
    upper_names: dict[str, str]


def filter_options(studenti: pd.DataFrame, *, provinces: tuple[str, ...], lang: str,
                   municipality: str | None = None) -> FilterOptions:
    local = local_rows(studenti, provinces, municipality)
    present = set(local["ordine"].dropna()) | set(local["tipo_scuola"])
    choices = tuple(c for c in education.CHOICES if c == ALL or c in present)
    return FilterOptions(tuple(reversed(education.years(local))), choices,
                         {k: labels.t(f"edu.choice.{k}", lang) for k in choices},
                         tuple(c for c in choices if c == ALL or c in UPPER_TYPES),
                         {k: labels.t("edu.kinds.all" if k == ALL else f"edu.choice.{k}", lang) for k in choices})


def type_name(code: str, lang: str) -> str:
    return labels.t(f"edu.type.{code}", lang)


def kind_name(tipologia: str, lang: str) -> str:
    """Name of the kind of institute a school code names ('PS' → 'Licei scientifici'); the code itself
    for one the Ministry adds later."""
    key = f"edu.kind.{tipologia}"
    return labels.t(key, lang) if key in labels.TEXTS else tipologia


def _lower(name: str, lang: str) -> str:
    """A name inside an Italian sentence starts lower-case ('i licei scientifici'); English keeps it."""
    return name[:1].lower() + name[1:] if lang == "it" else name


def coverage_note(studenti: pd.DataFrame, lang: str) -> str:
    """What the years without every order lack, said under every chart that shows them."""
    partial = education.partial_years(studenti)
    if not partial:
        return ""
    return labels.t("edu.coverage", lang, years=labels.fmt_span(partial[0], partial[-1]))


def unplaced_note(studenti: pd.DataFrame, year: str, lang: str) -> str:
    sites, students, share = education.unplaced(studenti, year)
    if not sites:
        return ""
    return labels.t("edu.unplaced", lang, students=labels.fmt_int(students, lang), share=labels.fmt_pct(share, 1, lang),
                    sites=labels.fmt_int(sites, lang), year=year)


@dataclasses.dataclass(frozen=True)
class CardsView:
    """Headline cards of one school year (all students, then each order) with the change on the year
    before when it covers the same orders, the caption that says so, and students by order and type."""

    caption: str
    cards: tuple[Card, ...]
    types: ChartBlock


def cards(studenti: pd.DataFrame, *, provinces: tuple[str, ...], year: str, scope_label: str,
          lang: str, municipality: str | None = None) -> CardsView:
    t = labels.translator(lang)
    local = local_rows(studenti, provinces, municipality)
    now = education.summary(local, year)
    before = now["prima"]
    indicator = registry.indicator("studenti")
    items = [Card(t("edu.card.total"), labels.fmt_int(now["ora"]["totale"], lang),
                  now["ora"]["totale"] - before["totale"] if before else None,
                  help=f"{indicator.label(lang)}: {indicator.definition(lang)}")]
    for order in ORDERS:
        value = now["ora"][order]
        if not value and not (before and before[order]):
            continue  # an order this year's files do not cover is left out, not shown as zero
        items.append(Card(t(f"edu.card.{order}"), labels.fmt_int(value, lang),
                          value - before[order] if before else None, help=t(f"edu.card.{order}.help")))
    compared = t("edu.cards.compared", previous=now["anno_precedente"]) if now["anno_precedente"] else \
        t("edu.cards.not_compared")
    caption = " ".join(p for p in (t("edu.cards.caption", territory=scope_label, year=year), compared,
                                   unplaced_note(local, year, lang)) if p)
    return CardsView(caption, tuple(items), _types_block(local, year, scope_label, lang))


def _types_block(local: pd.DataFrame, year: str, scope_label: str, lang: str) -> ChartBlock:
    rows = education.by_type(local, year)
    rows.insert(2, "nome", rows["tipo_scuola"].map(lambda c: type_name(c, lang)))
    upper = rows.loc[rows["ordine"] == "secondaria_secondo_grado", "studenti"].sum()
    chart = charts.recipe(
        charts.sorted_bars, rows, category="nome", value="studenti", value_title=labels.t("edu.axis.students", lang),
        lang=lang, title=labels.t("edu.chart.types.title", lang, territory=scope_label, year=year,
                                  total=labels.fmt_int(rows["studenti"].sum(), lang),
                                  upper=labels.fmt_int(upper, lang)))
    caption = " ".join(p for p in (labels.t("edu.caption", lang), unplaced_note(local, year, lang)) if p)
    return ChartBlock(chart, rows, f"studenti_per_tipo_{year.replace('/', '-')}", "edu-types", ("studenti",), caption)


def trend(studenti: pd.DataFrame, *, provinces: tuple[str, ...], scope_label: str,
          lang: str, municipality: str | None = None) -> tuple[ChartBlock, ...]:
    """Students by school year and order, then upper-secondary students by type (counts: the axes start
    at zero). Three years or more are an 'andamento'; two are only a 'confronto' and the title says so;
    one year draws nothing (empty)."""
    t = labels.translator(lang)
    local = local_rows(studenti, provinces, municipality)
    known = education.years(local)
    if len(known) < 2:
        return ()
    partial = education.partial_years(local)
    # the title compares totals only over years that cover the same school orders
    alike = [y for y in known if y not in partial] or known
    first, latest = alike[0], alike[-1]
    totals = local.groupby("anno_scolastico")["totale"].sum()
    change = (totals[latest] - totals[first]) / totals[first] * 100 if totals[first] else None
    values = {"territory": scope_label, "first": first, "year": latest, "before": labels.fmt_int(totals[first], lang),
              "now": labels.fmt_int(totals[latest], lang),
              "change": labels.fmt_signed(change, 1, lang, labels.percent_unit(lang))}
    full = [y for y in known if y not in partial]
    break_at = full[0] if partial and full and full[0] > partial[-1] else None
    orders = education.by_group_and_year(local, "ordine")
    chart = charts.recipe(
        charts.trend_lines, orders, x="anno_scolastico", y="studenti", territory="ordine",
        names={k: type_name(k, lang) for k in orders["ordine"].unique()}, lang=lang, decimals=0, zero=True,
        y_title=t("edu.axis.students"), break_at=break_at,
        break_label=t("edu.break", year=break_at) if break_at else "",
        title=t("edu.chart.trend.title" if len(alike) >= 3 else "edu.chart.compare.title", **values))
    caption = " ".join(p for p in (t("edu.caption"), coverage_note(local, lang)) if p)
    blocks = [ChartBlock(chart, orders, "studenti_per_ordine_e_anno", "edu-trend", ("studenti",), caption)]
    upper = education.by_group_and_year(education.select(local, "secondaria_secondo_grado"), "tipo_scuola")
    if upper["anno_scolastico"].nunique() >= 2:
        names = {k: type_name(k, lang) for k in upper["tipo_scuola"].unique()}
        now = upper[upper["anno_scolastico"] == upper["anno_scolastico"].max()]
        counts = ", ".join(f"{_lower(names[r.tipo_scuola], lang)} {labels.fmt_int(r.studenti, lang)}"
                           for r in now.itertuples())
        chart = charts.recipe(
            charts.trend_lines, upper, x="anno_scolastico", y="studenti", territory="tipo_scuola", names=names,
            lang=lang, decimals=0, zero=True, y_title=t("edu.axis.students"),
            title=t("edu.chart.upper.title", territory=scope_label, year=now["anno_scolastico"].iloc[0],
                    counts=counts))
        blocks.append(ChartBlock(chart, upper, "studenti_superiori_per_tipo_e_anno", "edu-upper", ("studenti",),
                                 t("edu.caption")))
    return tuple(blocks)


def kinds(studenti: pd.DataFrame, *, provinces: tuple[str, ...], year: str, choice: str, scope_label: str,
          lang: str, municipality: str | None = None) -> ChartBlock | None:
    """Upper-secondary students of one year by kind of institute (of one type, or all), largest first;
    None when there are none."""
    chosen = choice if choice in UPPER_TYPES else ALL
    rows = education.by_school_kind(local_rows(studenti, provinces, municipality), year, chosen)
    if rows.empty:
        return None
    rows.insert(2, "nome", rows["tipologia"].map(lambda k: kind_name(k, lang)))
    top = rows.iloc[0]
    chart = charts.recipe(
        charts.sorted_bars, rows, category="nome", value="studenti", value_title=labels.t("edu.axis.students", lang),
        lang=lang, title=labels.t("edu.chart.kinds.title", lang, year=year, kind=_lower(top["nome"], lang),
                                  share=labels.fmt_pct(top["quota"], 1, lang), territory=scope_label,
                                  track=_lower(labels.t("edu.kinds.all" if chosen == ALL else f"edu.choice.{chosen}",
                                                        lang), lang)))
    return ChartBlock(chart, rows, "studenti_superiori_per_istituto", "edu-kinds", ("studenti",),
                      labels.t("edu.kinds.caption", lang))


def schools_map(studenti: pd.DataFrame, comuni: pd.DataFrame, popolazione: pd.DataFrame | None = None, *,
                provinces: tuple[str, ...], year: str, choice: str, scope_label: str, lang: str,
                highlight: str | None) -> MapView:
    """Students of one school year by municipality of the school; grey where there is no such school.
    With the residents (`popolazione`), the largest towns are named on the map."""
    values = education.by_municipality(studenti, comuni, provinces, year, choice)
    best = values.dropna(subset=["valore"]).head(1)
    title = labels.t("edu.map.title", lang, year=year, territory=scope_label,
                     schools=_lower(labels.t(f"edu.choice.{choice}", lang), lang),
                     top=best["comune"].iloc[0] if len(best) else labels.MISSING,
                     value=labels.fmt_int(best["valore"].iloc[0] if len(best) else None, lang))
    caption = " ".join(p for p in (labels.t("edu.map.caption", lang, year=year),
                                   unplaced_note(education.in_scope(studenti, provinces), year, lang)) if p)
    return map_view(values, comuni, indicator_id="studenti", title=title, caption=caption, dataset_ids=("studenti",),
                    lang=lang, highlight=highlight, missing_label=labels.t("edu.map.no_school", lang),
                    towns=() if popolazione is None else population.main_towns(popolazione, comuni, provinces))
