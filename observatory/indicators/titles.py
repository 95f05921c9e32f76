"""Chart titles that state the finding, computed from the data drawn (labour and sector pages).

DESIGN.md: a title says what the chart shows with its number ("Tasso di disoccupazione nel 2022:
Lecco 2,8 %, Como 4,0 %…"), never "Grafico 1". Templates are in labels.py; both languages."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from observatory import labels
from observatory.indicators import registry
from observatory.indicators.labour import RateChange


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
               lang: str) -> str:
    """'Tasso di disoccupazione nel 2022: Lecco 2,8 %, Como 4,0 % (2021), Lombardia …' (focus areas
    first), from `labour.latest_rates`: the same values as the cards and the slide."""
    label = registry.indicator(indicator_id).label(lang)
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
