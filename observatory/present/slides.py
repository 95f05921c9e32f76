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
from observatory.indicators import education, labour, population, registry


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


def _rate_frame(ctx: Context, indicator: str, age: str) -> tuple[pd.DataFrame, str]:
    """Yearly rate for provinces, region and Italy, total of both sexes, one age band."""
    frame = ctx.frames["forze_lavoro"]
    frame = frame[(frame["indicatore"] == indicator) & (frame["sesso"] == "totale")]
    bands = sorted(frame["classe_eta"].dropna().unique())
    if not bands:
        raise ctx.no_data()
    band = age if age in bands else bands[0]
    wanted = [*ctx.nuts, ctx.region, "IT"]
    frame = frame[(frame["classe_eta"] == band) & frame["territorio"].isin(wanted)
                  & ctx.in_period(frame["anno"]) & frame["valore"].notna()]
    if not frame["territorio"].isin(ctx.nuts).any():
        raise ctx.no_data()
    order = {code: i for i, code in enumerate(wanted)}  # provinces first: legend and colours follow
    frame = frame.assign(valore=frame["valore"].astype(float), _order=frame["territorio"].map(order))
    return frame.sort_values(["_order", "anno"])[["territorio", "anno", "valore"]], band


def _rate_title(ctx: Context, frame: pd.DataFrame, key: str) -> tuple[str, int, dict[str, float]]:
    """'Disoccupazione 2024: Como 4,2 %, Lecco 4,9 % contro 5,6 % in Lombardia'."""
    year = int(frame.loc[frame["territorio"].isin(ctx.nuts), "anno"].max())
    latest = frame[frame["anno"] == year].set_index("territorio")["valore"]
    values = ", ".join(f"{ctx.names[c]} {ctx.pct(latest.get(c))}" for c in ctx.nuts)
    title = ctx.t(key, year=year, values=values)
    if ctx.region in latest:
        title += ctx.t("present.vs_region", value=ctx.pct(latest[ctx.region]), region=ctx.names[ctx.region])
    return title, year, latest.to_dict()


def _notes_values(ctx: Context, values: Mapping[str, float]) -> str:
    order = [c for c in (*ctx.nuts, ctx.region, "IT") if c in values]
    return "; ".join(f"{ctx.names.get(c, c)} {ctx.pct(values[c])}" for c in order)


def unemployment(ctx: Context) -> Finding:
    frame, band = _rate_frame(ctx, "tasso_disoccupazione", "15-74")
    title, year, latest = _rate_title(ctx, frame, "present.unemployment.title")
    indicator = registry.indicator("tasso_disoccupazione")
    y_title = ctx.t("present.rate_axis", label=indicator.label(ctx.lang), band=band)
    break_at = 2021 if frame["anno"].min() < 2021 <= frame["anno"].max() else None
    notes = (f"{indicator.label(ctx.lang)} {band}, {year}: {_notes_values(ctx, latest)}. "
             f"{indicator.definition(ctx.lang)} {indicator.caveats_en if ctx.lang == 'en' else indicator.caveats_it}")
    return Finding(title, lambda: charts.trend_lines(
        frame, x="anno", y="valore", territory="territorio", title="", y_title=y_title, names=ctx.names,
        lang=ctx.lang, break_at=break_at, break_label=ctx.t("present.series_break"), description=title), notes)


def employment(ctx: Context) -> Finding:
    frame, band = _rate_frame(ctx, "tasso_occupazione", "15-64")
    title, year, latest = _rate_title(ctx, frame, "present.employment.title")
    indicator = registry.indicator("tasso_occupazione")
    bars = pd.DataFrame({"territorio": [ctx.names.get(c, c) for c in latest], "valore": list(latest.values())})
    value_title = ctx.t("present.rate_axis", label=indicator.label(ctx.lang), band=band)
    notes = (f"{indicator.label(ctx.lang)} {band}, {year}: {_notes_values(ctx, latest)}. "
             f"{indicator.definition(ctx.lang)}")
    highlight = ctx.names[ctx.nuts[0]] if len(ctx.nuts) == 1 else None
    return Finding(title, lambda: charts.sorted_bars(
        bars, category="territorio", value="valore", title="", value_title=value_title, lang=ctx.lang,
        decimals=1, highlight=highlight, description=title), notes, ctx.t("present.year", year=year))


def _wrapped(frame: pd.DataFrame, category: str, width: int = 24) -> pd.DataFrame:
    """Long category names (professions, tracks) on two lines, so bars keep room on small screens."""
    return frame.assign(**{category: frame[category].map(lambda s: "\n".join(textwrap.wrap(str(s), width)))})


def _wide_labels(chart: alt.Chart, category: str) -> alt.Chart:
    """Sorted bars whose category labels break at the newlines put by _wrapped."""
    return chart.encode(y=alt.Y(f"{category}:N", sort="-x", title=None,
                                axis=alt.Axis(labelLimit=360, labelExpr="split(datum.label, '\\n')")))


def _monthly(frame: pd.DataFrame, column: str) -> pd.Series:
    """Monthly totals on a complete calendar: a month with no rows stays NA, never 0."""
    totals = frame.groupby("mese")[column].sum()
    if totals.empty:
        return totals.astype(float)
    calendar = pd.date_range(totals.index.min(), totals.index.max(), freq="MS")
    return totals.reindex(calendar).astype(float)


def _rolling_12(series: pd.Series) -> pd.Series:
    return series.rolling(12, min_periods=12).sum()


def hires(ctx: Context) -> Finding:
    """12-month hires per territory, and the area's hires and balance, from labour.monthly_flows
    (the same sums as the labour-market page: a month with no data is a gap, never 0)."""
    starts, ends = ctx.frames["avviamenti"], ctx.frames["cessazioni"]
    lines = [labour.monthly_flows(starts, ends, [code]).assign(territorio=code) for code in ctx.nuts]
    area = labour.monthly_flows(starts, ends, list(ctx.nuts)).set_index("mese")
    total_h, total_e, balance = area["assunzioni_12m"], area["cessazioni_12m"], area["saldo_12m"].dropna()
    shown = balance[ctx.in_period(pd.Series(balance.index.year, index=balance.index))]
    if shown.empty:
        raise ctx.no_data()
    month = shown.index.max()
    line_frame = pd.concat(lines).rename(columns={"assunzioni_12m": "valore"})[["mese", "territorio", "valore"]]
    line_frame = line_frame.dropna(subset=["valore"])
    line_frame = line_frame[ctx.in_period(line_frame["mese"].dt.year) & (line_frame["mese"] <= month)]
    title = ctx.t("present.hires.title", hires=labels.fmt_int(total_h[month], ctx.lang),
                  month=labels.fmt_month(month, ctx.lang), balance=labels.fmt_signed(balance[month], 0, ctx.lang))
    notes = ctx.t("present.hires.notes", month=labels.fmt_month(month, ctx.lang),
                  hires=labels.fmt_int(total_h[month], ctx.lang), ends=labels.fmt_int(total_e[month], ctx.lang),
                  balance=labels.fmt_signed(balance[month], 0, ctx.lang)) + " " + \
        registry.indicator("assunzioni").definition(ctx.lang)
    y_title = registry.indicator("assunzioni_12m").label(ctx.lang)
    return Finding(title, lambda: charts.trend_lines(
        line_frame, x="mese", y="valore", territory="territorio", title="", y_title=y_title, names=ctx.names,
        lang=ctx.lang, decimals=0, zero=True, temporal=True, description=title), notes)


def businesses(ctx: Context) -> Finding:
    frame = ctx.frames["imprese"]
    frame = frame[(frame["settore_ateco"] == "TOTALE") & frame["territorio"].isin(ctx.nuts)]
    births = _rolling_12(_monthly(frame, "iscrizioni"))
    deaths = _rolling_12(_monthly(frame, "cessazioni"))
    both = pd.DataFrame({"iscrizioni": births, "cessazioni": deaths}).dropna()
    both = both[ctx.in_period(pd.Series(both.index.year, index=both.index))]
    if both.empty:
        raise ctx.no_data()
    month = both.index.max()
    born, closed = both.loc[month, "iscrizioni"], both.loc[month, "cessazioni"]
    title = ctx.t("present.business.title", born=labels.fmt_int(born, ctx.lang),
                  closed=labels.fmt_int(closed, ctx.lang), month=labels.fmt_month(month, ctx.lang))
    series = {"iscrizioni": ctx.t("present.business.births"), "cessazioni": ctx.t("present.business.deaths")}
    lines = both.reset_index(names="mese").melt("mese", var_name="serie", value_name="valore")
    notes = ctx.t("present.business.notes", month=labels.fmt_month(month, ctx.lang),
                  born=labels.fmt_int(born, ctx.lang), closed=labels.fmt_int(closed, ctx.lang),
                  balance=labels.fmt_signed(born - closed, 0, ctx.lang))
    return Finding(title, lambda: charts.trend_lines(
        lines, x="mese", y="valore", territory="serie", title="", y_title=ctx.t("present.business.axis"),
        names=series, lang=ctx.lang, decimals=0, zero=True, temporal=True, description=title), notes)


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


def skills(ctx: Context) -> Finding:
    frame = ctx.frames["excelsior"]
    frame = frame[frame["territorio"].isin(ctx.nuts) & ctx.in_period(frame["anno"])]
    groups = frame[frame["dimensione"] == "gruppo_professionale"]
    if groups.empty:
        raise ctx.no_data()
    year = int(groups["anno"].max())
    groups = groups[groups["anno"] == year]
    totals = frame[(frame["dimensione"] == "totale") & (frame["anno"] == year)]
    basis = totals if totals["territorio"].nunique() == len(ctx.nuts) else groups
    known = basis.dropna(subset=["entrate", "quota_difficile"])
    total = float(basis["entrate"].sum())
    hard = float((known["entrate"] * known["quota_difficile"]).sum() / known["entrate"].sum()) if len(known) else None
    title = ctx.t("present.skills.title", total=labels.fmt_int(total, ctx.lang), year=year, share=ctx.pct(hard))
    by_group = groups.groupby("categoria", as_index=False)["entrate"].sum(min_count=1).astype({"entrate": float})
    indicator = registry.indicator("entrate_previste")
    notes = f"{year}: " + "; ".join(
        f"{r.categoria} {labels.fmt_int(r.entrate, ctx.lang)}" for r in by_group.itertuples())
    bars = _wrapped(by_group, "categoria")
    notes += f". {indicator.definition(ctx.lang)} {indicator.caveats_en if ctx.lang == 'en' else indicator.caveats_it}"
    return Finding(title, lambda: _wide_labels(charts.sorted_bars(
        bars, category="categoria", value="entrate", title="", value_title=indicator.label(ctx.lang),
        lang=ctx.lang, description=title), "categoria"), notes, ctx.t("present.year", year=year))


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
    return Finding(title, lambda: charts.choropleth_png_chart(
        maps.base_features(scope), maps.outline_features(scope), values, title="", value_title=label,
        lang=ctx.lang, description=title), notes, ctx.t("present.population.subtitle", year=year))


#: slide id → (builder, datasets it reads). Order here is the order of the default deck.
DATA_SLIDES: dict[str, tuple[Callable[[Context], Finding], tuple[str, ...]]] = {
    "popolazione": (population_map, ("popolazione", "comuni")),
    "disoccupazione": (unemployment, ("forze_lavoro",)),
    "occupazione": (employment, ("forze_lavoro",)),
    "assunzioni": (hires, ("avviamenti", "cessazioni")),
    "imprese": (businesses, ("imprese",)),
    "studenti": (students, ("studenti",)),
    "competenze": (skills, ("excelsior",)),
}
