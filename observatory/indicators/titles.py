"""Chart titles that state the finding, computed from the data drawn (labour and sector pages).

DESIGN.md: a title says what the chart shows with its number ("Tasso di disoccupazione nel 2022:
Lecco 2,8 %, Como 4,0 %…"), never "Grafico 1". Templates are in labels.py; both languages."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from observatory import labels
from observatory.indicators import published, published_words, registry
from observatory.indicators.labour import RateChange
from observatory.indicators.published import Figure
from observatory.indicators.published_topics import Planned, YearFlows


def _value(value: float, indicator_id: str, lang: str) -> str:
    indicator = registry.indicator(indicator_id)
    if indicator.unit == "%":
        return labels.fmt_pct(value, indicator.decimals, lang)
    return labels.fmt_number(value, indicator.decimals, lang)


def rate_value(change: RateChange | None, year: int, lang: str) -> str:
    """A territory's latest rate as a title quotes it: '4,2 %', with its own year when it is not
    the title's ('6,0 % (2023)'), '–' when it has none."""
    if change is None:
        return labels.MISSING
    text = _value(change.valore, change.indicatore, lang)
    return text if change.anno == year else f"{text} ({change.anno})"


def rate_values(latest: Mapping[str, RateChange], codes, names: Mapping[str, str], year: int, lang: str) -> str:
    """'Como 4,2 %, Lecco 6,0 % (2023)': each territory of `codes` with its own latest value."""
    return ", ".join(f"{names.get(c, c)} {rate_value(latest.get(c), year, lang)}" for c in codes)


def latest_year(latest: Mapping[str, RateChange], focus) -> int | None:
    """The year a rate title names: the most recent of the focus territories' latest values."""
    years = [latest[c].anno for c in focus if c in latest]
    return max(years) if years else None


def rate_title(latest: Mapping[str, RateChange], focus: list[str], indicator_id: str, names: dict[str, str],
               lang: str, band: str = "") -> str:
    """'Tasso di disoccupazione nel 2022: Lecco 2,8 %, Como 4,0 % (2021), Lombardia …' (focus areas
    first), from `labour.latest_rates`: the same values as the cards and the slide; `band` an
    unusual age band the title says ('Tasso di occupazione 15-89 anni nel 2025: …')."""
    label = registry.indicator(indicator_id).label(lang) + (labels.t("overview.rate.band", lang, band=band)
                                                           if band else "")
    year = latest_year(latest, focus)
    if year is None:
        return labels.t("titles.no_data", lang, subject=label)
    order = [c for c in focus if c in latest] + [c for c in latest if c not in focus]
    values = rate_values(latest, order, names, year, lang)
    return labels.t("titles.rate", lang, indicator=label, year=year, values=values)


def flows_title(monthly: pd.DataFrame, area: str, lang: str) -> str:
    """'Como + Lecco: 12.345 assunzioni nei 12 mesi fino a dic 2024, saldo +1.345'."""
    complete = monthly.dropna(subset=["assunzioni_12m", "saldo_12m"])
    if complete.empty:
        return labels.t("titles.no_data", lang, subject=area)
    last = complete.iloc[-1]
    return labels.t("titles.flows", lang, area=area, hires=labels.fmt_int(last["assunzioni_12m"], lang),
                    end=labels.fmt_month(last["mese"], lang), balance=labels.fmt_signed(last["saldo_12m"], 0, lang))


def breakdown_title(table: pd.DataFrame, year: int, lang: str) -> str:
    """'2024: «determinato» è la voce più frequente, 38,2 % delle assunzioni' (table sorted largest first)."""
    if table.empty or pd.isna(table["quota"].iloc[0]):
        return labels.t("titles.no_data", lang, subject=str(year))
    top = table.iloc[0]
    return labels.t("titles.breakdown", lang, year=year, top=top["nome"], share=labels.fmt_pct(top["quota"], 1, lang))


def year_on_year_title(yoy: pd.DataFrame, year: int, lang: str) -> str:
    """Hires in `year` against the same months of the year before, with the change in percent."""
    wide = yoy.pivot(index="mese_numero", columns="anno", values="assunzioni").dropna()
    if wide.empty or year - 1 not in wide.columns:
        alone = yoy[yoy["anno"] == year]["assunzioni"].dropna()
        if alone.empty:
            return labels.t("titles.no_data", lang, subject=str(year))
        return labels.t("titles.yoy_only", lang, year=year, hires=labels.fmt_int(alone.sum(), lang), prev=year - 1)
    now, before = float(wide[year].sum()), float(wide[year - 1].sum())
    change = (now - before) / before * 100 if before else None
    months = labels.fmt_span(labels.fmt_month(pd.Timestamp(year, int(wide.index.min()), 1), lang),
                             labels.fmt_month(pd.Timestamp(year, int(wide.index.max()), 1), lang))
    return labels.t("titles.yoy", lang, months=months, hires=labels.fmt_int(now, lang), prev=year - 1,
                    change=labels.fmt_signed(change, 1, lang, labels.percent_unit(lang)))


def comparison_title(table: pd.DataFrame, measure_label: str, names: dict[str, str], lang: str,
                     percent: bool) -> str:
    """The largest section of each territory: 'Assunzioni: prima sezione C a Como (23,0 %), G a Lecco…'."""
    parts = []
    for code in dict.fromkeys(table["territorio"]):
        rows = table[table["territorio"] == code].dropna(subset=["valore"])
        if rows.empty:
            continue
        top = rows.sort_values("valore", ascending=False).iloc[0]
        value = labels.fmt_pct(top["valore"], 1, lang) if percent else labels.fmt_int(top["valore"], lang)
        parts.append(labels.t("titles.comparison.part", lang, section=top["settore_ateco"],
                              area=names.get(code, code), value=value))
    if not parts:
        return labels.t("titles.no_data", lang, subject=measure_label)
    return labels.t("titles.comparison", lang, measure=measure_label, parts=" · ".join(parts))


def index_title(frame: pd.DataFrame, section: str, base_year: int, names: dict[str, str], lang: str) -> str:
    """'Indice delle assunzioni 2024 (2022 = 100): Como 92, Lecco 106' (the section goes in the subtitle)."""
    shown = frame.dropna(subset=["indice"])
    if shown.empty:
        return labels.t("titles.no_data", lang, subject=section)
    year = int(shown["anno"].max())
    latest = shown[shown["anno"] == year]
    parts = ", ".join(f"{names.get(c, c)} {labels.fmt_int(v, lang)}"
                      for c, v in zip(latest["territorio"], latest["indice"]))
    return labels.t("titles.index", lang, year=year, values=parts, base=base_year)


# --- published figures (transcribed from the releases) --------------------------------------------

def published_flows_title(latest: Mapping[str, YearFlows], names: Mapping[str, str], lang: str,
                          measure: str = "assunzioni") -> str:
    """'Assunzioni pubblicate: Como circa 84.000 nel 2023, Lecco 35.222 nel 2019' (each province its
    own latest year, published_topics.latest_flows), or the same for the balance."""
    parts = []
    for code, flows in latest.items():
        if measure == "saldo":
            if flows.saldo is None:
                continue
            value = published_words.number(flows.saldo, flows.saldo_circa, lang, signed=True)
        else:
            value = published_words.number(flows.assunzioni.valore, flows.assunzioni.circa, lang)
        parts.append(labels.t("published.flows.value", lang, name=names.get(code, code), value=value,
                              year=flows.assunzioni.periodo))
    key = "published.flows.balance_title" if measure == "saldo" else "published.flows.title"
    return labels.t(key, lang, values=", ".join(parts) or labels.MISSING)


def published_stock_title(latest: Mapping[str, Figure], names: Mapping[str, str], lang: str) -> str:
    """'Imprese registrate al 31 dic 2024: Como 47.463, Lecco 24.578', each province with its own date
    when they differ."""
    dates = {figure.periodo for figure in latest.values()}
    if len(dates) == 1:
        values = ", ".join(f"{names.get(c, c)} {published_words.number(f.valore, f.circa, lang)}"
                           for c, f in latest.items())
        return labels.t("published.firms.title_date", lang, values=values,
                        date=published_words.period_label(dates.pop(), lang))
    values = ", ".join(labels.t("published.firms.value", lang, name=names.get(c, c),
                                value=published_words.number(f.valore, f.circa, lang),
                                date=published_words.period_label(f.periodo, lang)) for c, f in latest.items())
    return labels.t("published.firms.title", lang, values=values)


def published_planned_title(planned: Planned, area: str, lang: str) -> str:
    """'Como + Lecco: 15.520 entrate previste nel 4° trim. 2025, −5,1 % sullo stesso trimestre del 2024'."""
    hires = planned.entrate
    change = published.change(hires)
    change_text = "" if change is None else labels.t(
        "published.planned.change", lang, change=labels.fmt_signed(change, 1, lang, labels.percent_unit(lang)),
        prev=published_words.period_label(hires.periodo_precedente, lang))
    return labels.t("published.planned.title", lang, area=area,
                    total=published_words.number(hires.valore, hires.circa, lang),
                    period=published_words.period_label(hires.periodo, lang), change=change_text)
