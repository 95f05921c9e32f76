"""One function per data slide: the finding with its number, the chart and the speaker notes.

Pure (no Streamlit). Each builder reads only the frames it needs from a Context and raises NoData
with a plain-Italian reason when the chosen territory or period leaves nothing to show, so the
setup view can say why a slide was left out. Numbers are formatted through labels (1.234,5 · 3,4 %)."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Callable, Mapping

import altair as alt
import pandas as pd

from observatory import charts, labels, maps, store
from observatory.indicators import education, enterprises, hires, labour, population, registry, skills, titles


class NoData(Exception):
    """The slide's dataset is present but holds nothing for the chosen territory or period."""


@dataclasses.dataclass(frozen=True)
class Context:
    """What every slide builder needs: the frames, the territory and period chosen, the language."""

    frames: Mapping[str, pd.DataFrame]
    records: Mapping[str, store.DatasetRecord]
    provinces: tuple[str, ...]  # ISTAT codes ("013", "097")
    nuts: tuple[str, ...]  # NUTS codes of the same provinces ("ITC42", "ITC43")
    names: Mapping[str, str]  # NUTS code → name, provinces plus region and Italy
    region: str  # NUTS code of the region
    period: tuple[int, int] | None
    lang: str

    def t(self, key: str, **values) -> str:
        return labels.t(key, self.lang, **values)

    def in_period(self, years: pd.Series) -> pd.Series:
        if self.period is None:
            return pd.Series(True, index=years.index)
        return years.between(*self.period)

    def pct(self, value) -> str:
        return labels.fmt_pct(value, 1, self.lang)

    def no_data(self) -> NoData:
        return NoData(self.t("present.skip.period"))


@dataclasses.dataclass(frozen=True)
class Finding:
    """A slide's content before sources and demo marks are attached."""

    title: str
    chart: Callable[[], alt.TopLevelMixin]
    notes: str
    subtitle: str = ""
    sources: tuple[str, ...] = ()  # the releases drawn, when they are more precise than the datasets' records


def _latest_rates(ctx: Context, indicator: str) -> tuple[pd.DataFrame, str, dict[str, labour.RateChange]]:
    """The rate of the provinces, region and Italy within the period (labour.rate_series: the
    page's series), its age band, and each territory's latest value (the cards' and the page's)."""
    series = labour.rate_series(ctx.frames["forze_lavoro"], indicator, [*ctx.nuts, ctx.region, "IT"],
                                period=ctx.period)
    latest = labour.latest_rates(series, indicator)
    if not any(code in latest for code in ctx.nuts):
        raise ctx.no_data()
    return series, series["classe_eta"].iloc[0], latest


def _rate_title(ctx: Context, latest: Mapping[str, labour.RateChange], key: str, band: str = "") -> tuple[str, int]:
    """'Disoccupazione 2024: Como 4,2 %, Lecco 4,9 % contro 5,6 % in Lombardia'; a territory whose
    latest value is older says its year ('Lecco 6,0 % (2023)'), as on the page; an unusual age band
    is said ('Occupazione 15-89 anni 2025: …')."""
    year = titles.latest_year(latest, ctx.nuts)
    title = ctx.t(key, year=year, values=titles.rate_values(latest, ctx.nuts, ctx.names, year, ctx.lang),
                  band=ctx.t("present.band", band=band) if band else "")
    if ctx.region in latest:
        title += ctx.t("present.vs_region", value=titles.rate_value(latest[ctx.region], year, ctx.lang),
                       region=ctx.names[ctx.region])
    return title, year


def _rate_notes(ctx: Context, indicator_id: str, band: str, year: int,
                latest: Mapping[str, labour.RateChange]) -> str:
    indicator = registry.indicator(indicator_id)
    order = [c for c in (*ctx.nuts, ctx.region, "IT") if c in latest]
    values = titles.rate_values(latest, order, ctx.names, year, ctx.lang)
    return f"{indicator.label(ctx.lang)} {band}, {year}: {values}. {indicator.definition(ctx.lang)}"


def unemployment(ctx: Context) -> Finding:
    indicator = "tasso_disoccupazione"
    series, band, latest = _latest_rates(ctx, indicator)
    title, year = _rate_title(ctx, latest, "present.unemployment.title", labour.unusual_band(indicator, band))
    y_title = ctx.t("present.rate_axis", label=registry.indicator(indicator).label(ctx.lang), band=band)
    break_at = labour.series_break_year(series)  # the page marks the same year
    notes = f"{_rate_notes(ctx, indicator, band, year, latest)} {registry.indicator(indicator).caveats(ctx.lang)}"
    lines = series.dropna(subset=["valore"])
    return Finding(title, lambda: charts.trend_lines(
        lines, x="anno", y="valore", territory="territorio", title="", y_title=y_title, names=ctx.names,
        lang=ctx.lang, indicator=indicator, break_at=break_at,
        break_label=ctx.t("present.series_break", year=break_at) if break_at else "", description=title), notes)


def employment(ctx: Context) -> Finding:
    indicator = "tasso_occupazione"
    _series, band, latest = _latest_rates(ctx, indicator)
    title, year = _rate_title(ctx, latest, "present.employment.title", labour.unusual_band(indicator, band))
    bars = pd.DataFrame({"territorio": [ctx.names.get(c, c) + ("" if r.anno == year else f" ({r.anno})")
                                        for c, r in latest.items()],
                         "valore": [r.valore for r in latest.values()]})
    value_title = ctx.t("present.rate_axis", label=registry.indicator(indicator).label(ctx.lang), band=band)
    highlight = ctx.names[ctx.nuts[0]] if len(ctx.nuts) == 1 and ctx.nuts[0] in latest else None
    return Finding(title, lambda: charts.sorted_bars(
        bars, category="territorio", value="valore", title="", value_title=value_title, lang=ctx.lang,
        indicator=indicator, highlight=highlight, description=title), _rate_notes(ctx, indicator, band, year, latest),
        ctx.t("present.year", year=year))


def _wrapped(frame: pd.DataFrame, category: str, width: int = 24) -> pd.DataFrame:
    """Long category names (professions, tracks) on two lines, so bars keep room on small screens."""
    return frame.assign(**{category: frame[category].map(lambda s: "\n".join(textwrap.wrap(str(s), width)))})


def _wide_labels(chart: alt.Chart, category: str) -> alt.Chart:
    """Sorted bars whose category labels break at the newlines put by _wrapped."""
    return chart.encode(y=alt.Y(f"{category}:N", sort="-x", title=None,
                                axis=alt.Axis(labelLimit=360, labelExpr="split(datum.label, '\\n')")))


def _in_period(ctx: Context, month: pd.Timestamp | None) -> bool:
    return month is not None and bool(ctx.in_period(pd.Series([month.year])).iloc[0])


def _until(ctx: Context) -> int | None:
    return ctx.period[1] if ctx.period else None


def hires_12m(ctx: Context) -> Finding:
    """12-month hires per territory, and the area's hires and balance: hires.last_twelve_months,
    the overview card's numbers (a month with no data is a gap, never 0)."""
    starts, ends = ctx.frames["avviamenti"], ctx.frames["cessazioni"]
    twelve = hires.last_twelve_months(starts, ends, ctx.nuts, until=_until(ctx))
    if twelve is None or not _in_period(ctx, twelve.fine):
        raise ctx.no_data()
    month = labels.fmt_month(twelve.fine, ctx.lang)
    lines = hires.flows_by_territory(starts, ends, ctx.nuts).rename(columns={"assunzioni_12m": "valore"})
    lines = lines.dropna(subset=["valore"])
    lines = lines[ctx.in_period(lines["mese"].dt.year) & (lines["mese"] <= twelve.fine)]
    lines = lines[["mese", "territorio", "valore"]]
    numbers = {"hires": labels.fmt_int(twelve.assunzioni, ctx.lang), "month": month,
               "ends": labels.fmt_int(twelve.cessazioni, ctx.lang),
               "balance": labels.fmt_signed(twelve.saldo, 0, ctx.lang)}
    title = ctx.t("present.hires.title", **numbers)
    notes = ctx.t("present.hires.notes", **numbers) + " " + registry.indicator("assunzioni").definition(ctx.lang)
    y_title = registry.indicator("assunzioni_12m").label(ctx.lang)
    return Finding(title, lambda: charts.trend_lines(
        lines, x="mese", y="valore", territory="territorio", title="", y_title=y_title, names=ctx.names,
        lang=ctx.lang, indicator="assunzioni_12m", temporal=True, description=title), notes)


def businesses(ctx: Context) -> Finding:
    """Registrations and closures over 12 months: enterprises.firm_flows_12m, the overview card's numbers."""
    imprese = ctx.frames["imprese"]
    firms = enterprises.firm_flows_12m(imprese, ctx.nuts, until=_until(ctx))
    if firms is None or not _in_period(ctx, firms.fine):
        raise ctx.no_data()
    numbers = {"born": labels.fmt_int(firms.iscrizioni, ctx.lang), "closed": labels.fmt_int(firms.cessazioni, ctx.lang),
               "month": labels.fmt_month(firms.fine, ctx.lang)}
    title = ctx.t("present.business.title", **numbers)
    both = enterprises.monthly_firm_flows(imprese, ctx.nuts).dropna(subset=["iscrizioni_12m", "cessazioni_12m"])
    both = both[ctx.in_period(both["mese"].dt.year) & (both["mese"] <= firms.fine)]
    lines = both[["mese", "iscrizioni_12m", "cessazioni_12m"]].rename(
        columns={"iscrizioni_12m": "iscrizioni", "cessazioni_12m": "cessazioni"}).melt(
        "mese", var_name="serie", value_name="valore")
    series = {"iscrizioni": ctx.t("present.business.births"), "cessazioni": ctx.t("present.business.deaths")}
    notes = ctx.t("present.business.notes", balance=labels.fmt_signed(firms.saldo, 0, ctx.lang), **numbers)
    return Finding(title, lambda: charts.trend_lines(
        lines, x="mese", y="valore", territory="serie", title="", y_title=ctx.t("present.business.axis"),
        names=series, lang=ctx.lang, indicator="iscrizioni", temporal=True, description=title), notes)


def students(ctx: Context) -> Finding:
    """Students of the latest school year by order and type (education.by_type, as on Formazione)."""
    frame = education.in_scope(ctx.frames["studenti"], ctx.provinces)
    frame = frame[ctx.in_period(frame["anno_scolastico"].str[:4].astype(int))]
    if frame.empty:
        raise ctx.no_data()
    year = education.years(frame)[-1]
    by_type = education.by_type(frame, year)
    total = int(by_type["studenti"].sum())
    upper = int(by_type.loc[by_type["ordine"] == "secondaria_secondo_grado", "studenti"].sum())
    title = ctx.t("edu.slide.title", total=labels.fmt_int(total, ctx.lang), upper=labels.fmt_int(upper, ctx.lang),
                  year=year)
    names = [ctx.t(f"edu.type.{code}") for code in by_type["tipo_scuola"]]
    bars = _wrapped(pd.DataFrame({"tipo": names, "studenti": by_type["studenti"].to_numpy()}), "tipo")
    notes = f"{year}: " + "; ".join(
        f"{name} {labels.fmt_int(v, ctx.lang)} ({ctx.pct(q)})"
        for name, v, q in zip(names, by_type["studenti"], by_type["quota"]))
    return Finding(title, lambda: _wide_labels(charts.sorted_bars(
        bars, category="tipo", value="studenti", title="", value_title=ctx.t("present.students.axis"),
        lang=ctx.lang, description=title), "tipo"),
        notes + ". " + registry.indicator("studenti").definition(ctx.lang))


def planned_hires(ctx: Context) -> Finding:
    """Planned hires and the share hard to recruit: skills.planned_totals, the Competenze cards' numbers."""
    frame = ctx.frames["excelsior"]
    planned = skills.planned_totals(frame, ctx.nuts, until=_until(ctx))
    if planned is None or not ctx.in_period(pd.Series([planned.anno])).iloc[0]:
        raise ctx.no_data()
    year = planned.anno
    title = ctx.t("present.skills.title", total=labels.fmt_int(planned.entrate, ctx.lang), year=year,
                  share=ctx.pct(planned.quota_difficile))
    by_group = skills.excelsior_demand(frame, list(ctx.nuts), year)[["categoria", "entrate"]]
    by_group = by_group.sort_values("categoria").astype({"entrate": float})
    indicator = registry.indicator("entrate_previste")
    notes = f"{year}: " + "; ".join(
        f"{r.categoria} {labels.fmt_int(r.entrate, ctx.lang)}" for r in by_group.itertuples())
    bars = _wrapped(by_group, "categoria")
    notes += f". {indicator.definition(ctx.lang)} {indicator.caveats(ctx.lang)}"
    return Finding(title, lambda: _wide_labels(charts.sorted_bars(
        bars, category="categoria", value="entrate", title="", value_title=indicator.label(ctx.lang),
        lang=ctx.lang, indicator="entrate_previste", description=title), "categoria"), notes,
        ctx.t("present.year", year=year))


def population_map(ctx: Context) -> Finding:
    comuni, pop = ctx.frames["comuni"], ctx.frames["popolazione"]
    values = population.residents_by_municipality(pop, comuni, ctx.provinces)
    if values["valore"].notna().sum() == 0:
        raise ctx.no_data()
    total = values["valore"].sum()
    top = values.dropna(subset=["valore"]).iloc[0]
    year = int(pop["anno"].max())
    title = ctx.t("present.population.title", total=labels.fmt_int(total, ctx.lang), n=len(values),
                  top=top["comune"])
    scope = comuni[comuni["provincia_istat"].isin(ctx.provinces)]
    label = registry.indicator("popolazione").label(ctx.lang)
    notes = ctx.t("present.population.notes", year=year, total=labels.fmt_int(total, ctx.lang), n=len(values),
                  top=top["comune"], top_value=labels.fmt_int(top["valore"], ctx.lang))
    return Finding(title, lambda: maps.choropleth_chart(
        maps.base_features(scope), maps.outline_features(scope), values, title="", value_title=label,
        lang=ctx.lang, description=title), notes, ctx.t("present.population.subtitle", year=year))


#: slide id → (builder, datasets it reads). Order here is the order of the default deck.
DATA_SLIDES: dict[str, tuple[Callable[[Context], Finding], tuple[str, ...]]] = {
    "popolazione": (population_map, ("popolazione", "comuni")),
    "disoccupazione": (unemployment, ("forze_lavoro",)),
    "occupazione": (employment, ("forze_lavoro",)),
    "assunzioni": (hires_12m, ("avviamenti", "cessazioni")),
    "imprese": (businesses, ("imprese",)),
    "studenti": (students, ("studenti",)),
    "competenze": (planned_hires, ("excelsior",)),
}
