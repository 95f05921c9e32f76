"""Chart builders of the job-quality and labour-policy page and of the social partners' lenses, in the
house style of charts.py (territory colours, Italian formats, a title that states the finding).

Gaps are drawn as gaps: a year without a value breaks the line and carries a × marker at the foot
of the data range, whose tooltip says why it is missing. Figures published for periods of
different length sit side by side as separate bars, each labelled with its own period; nothing is
stacked or summed."""

from __future__ import annotations

import altair as alt
import pandas as pd

from observatory import labels, style
from observatory.charts import PAIR_COLORS, territory_scale
from observatory.indicators import registry

#: an axis label on two lines at its last space ('gen–apr' above '2022', '3° trim.' above '2025')
TWO_LINES = ("indexof(datum.label, ' ') < 0 ? datum.label : [slice(datum.label, 0, lastindexof(datum.label, ' ')), "
             "slice(datum.label, lastindexof(datum.label, ' ') + 1)]")
#: an × drawn as a path (Vega's "cross" is a plus sign)
CROSS = "M-1,-1L1,1M1,-1L-1,1"


def _format(decimals: int) -> str:
    return f",.{decimals}f"


def gap_lines(frame: pd.DataFrame, *, x: str, y: str, territory: str, gap: str, title: str, y_title: str,
              names: dict[str, str], lang: str, indicator: str, gap_title: str, subtitle: str = "",
              description: str = "") -> alt.LayerChart:
    """One line per territory over the years, broken where `y` is NA; a × at the foot of the range
    marks each missing year (tooltip: the reason in column `gap`)."""
    definition = registry.indicator(indicator)
    fmt = _format(definition.decimals)
    data = frame.assign(_territorio=frame[territory].map(lambda c: names.get(c, c)))
    codes = list(dict.fromkeys(frame[territory]))
    scale = territory_scale(codes, names)
    period = labels.t("col.periodo", lang)
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=2.5).encode(
        x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(zero=definition.zero_baseline), axis=alt.Axis(format=fmt)),
        color=alt.Color("_territorio:N", title=None, scale=scale),
        tooltip=[alt.Tooltip("_territorio:N", title=labels.t("col.territorio", lang)),
                 alt.Tooltip(f"{x}:O", title=period), alt.Tooltip(f"{y}:Q", title=y_title, format=fmt)])
    layers = [lines]
    missing = data[data[y].isna()]
    if not missing.empty:
        low, high = float(data[y].min()), float(data[y].max())
        step = (high - low or abs(low) or 1.0) * 0.05  # one row of × per territory, below the lowest value
        rank = missing[territory].map({c: i for i, c in enumerate(codes)})
        marks = missing.assign(_fondo=low - step * (rank + 1))
        layers.append(alt.Chart(marks).mark_point(shape=CROSS, size=80, filled=False, strokeWidth=2.5).encode(
            x=alt.X(f"{x}:O"), y=alt.Y("_fondo:Q"), color=alt.Color("_territorio:N", scale=scale, title=None),
            tooltip=[alt.Tooltip("_territorio:N", title=labels.t("col.territorio", lang)),
                     alt.Tooltip(f"{x}:O", title=period), alt.Tooltip(f"{gap}:N", title=gap_title)]))
    return alt.layer(*layers).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined),
                                         description=description or title)


def panel_bars(frame: pd.DataFrame, *, panel: str, territory: str, value: str, text: str, title: str,
               names: dict[str, str], lang: str, description: str = "") -> alt.FacetChart:
    """One small panel per indicator (its name and year above), a bar per territory with its value
    written at the end; each panel keeps its own scale, since the units differ."""
    data = frame.assign(_territorio=frame[territory].map(lambda c: names.get(c, c)))
    codes = list(dict.fromkeys(frame[territory]))
    order = [names.get(c, c) for c in codes]
    base = alt.Chart().encode(y=alt.Y("_territorio:N", sort=order, title=None),
                              x=alt.X(f"{value}:Q", title=None, axis=None))
    bars = base.mark_bar().encode(color=alt.Color("_territorio:N", title=None, scale=territory_scale(codes, names),
                                                  legend=None),
                                  tooltip=[alt.Tooltip("_territorio:N", title=labels.t("col.territorio", lang)),
                                           alt.Tooltip(f"{text}:N", title=labels.t("quality.col.value", lang))])
    labels_layer = base.mark_text(align="left", dx=4, color=style.NEUTRAL).encode(text=f"{text}:N")
    return alt.layer(bars, labels_layer, data=data).properties(width=260, height=22 * len(codes)).facet(
        row=alt.Row(f"{panel}:N", title=None, sort=list(dict.fromkeys(frame[panel])),
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold", labelLimit=380)),
    ).resolve_scale(x="independent").properties(title=title, description=description or title)


def period_bars(frame: pd.DataFrame, *, period: str, order: list[str], value: str, series: str, text: str,
                title: str, value_title: str, lang: str, series_names: dict[str, str] | None = None,
                names: dict[str, str] | None = None, tooltip: tuple[tuple[str, str], ...] = (),
                subtitle: str = "", description: str = "") -> alt.LayerChart:
    """Vertical bars by period as published (x in `order`, oldest first), one bar per `series` (a
    territory with its colour when `names` is given, else a measure in the pair colours) side by side,
    each bar labelled with its value (`text`)."""
    if names is not None:
        data = frame.assign(_serie=frame[series].map(lambda c: names.get(c, c)))
        codes = list(dict.fromkeys(frame[series]))
        scale = territory_scale(codes, names)
        domain = [names.get(c, c) for c in codes]
    else:
        mapping = series_names or {}
        data = frame.assign(_serie=frame[series].map(lambda s: mapping.get(s, s)))
        domain = [mapping.get(s, s) for s in dict.fromkeys(frame[series])]
        scale = alt.Scale(domain=domain, range=PAIR_COLORS[:len(domain)] or PAIR_COLORS)
    base = alt.Chart(data).encode(
        x=alt.X(f"{period}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelExpr=TWO_LINES)),
        xOffset=alt.XOffset("_serie:N", sort=domain),
        y=alt.Y(f"{value}:Q", title=value_title, scale=alt.Scale(zero=True), axis=alt.Axis(format=",.0f")))
    bars = base.mark_bar().encode(
        color=alt.Color("_serie:N", title=None, scale=scale, sort=domain),
        tooltip=[alt.Tooltip("_serie:N", title=None), alt.Tooltip(f"{period}:N", title=labels.t("col.periodo", lang)),
                 alt.Tooltip(f"{text}:N", title=value_title),
                 *[alt.Tooltip(f"{column}:N", title=name) for column, name in tooltip]])
    written = base.mark_text(dy=-6, fontSize=11, color=style.NEUTRAL).encode(text=f"{text}:N")
    return alt.layer(bars, written).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined),
                                               description=description or title)


def progress_bars(frame: pd.DataFrame, targets: pd.DataFrame, *, period: str, value: str, text: str,
                  target: str, target_text: str, title: str, value_title: str, lang: str,
                  description: str = "") -> alt.LayerChart:
    """Counts at successive dates as bars, and each published target as a dashed line labelled with
    its own source date (two releases may give two targets: both are drawn)."""
    order = list(frame[period])
    bars = alt.Chart(frame).mark_bar(color=style.TERRITORY_COLORS["ITC43"], size=60).encode(
        x=alt.X(f"{period}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{value}:Q", title=value_title, scale=alt.Scale(zero=True), axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip(f"{period}:N", title=labels.t("col.periodo", lang)),
                 alt.Tooltip(f"{text}:N", title=value_title)])
    written = alt.Chart(frame).mark_text(dy=-8, color=style.NEUTRAL).encode(
        x=alt.X(f"{period}:N", sort=order), y=f"{value}:Q", text=f"{text}:N")
    rules = alt.Chart(targets).mark_rule(strokeDash=[6, 4], color=style.NEUTRAL, strokeWidth=1.5).encode(
        y=f"{target}:Q", tooltip=[alt.Tooltip(f"{target_text}:N", title=None)])
    # the highest target's label above its line, the others below theirs: close targets stay legible
    top = targets[target] == targets[target].max()
    notes = [alt.Chart(targets[rows]).mark_text(align="left", x=4, dy=dy, color=style.NEUTRAL, fontSize=11).encode(
        y=f"{target}:Q", text=f"{target_text}:N") for rows, dy in ((top, -7), (~top, 11)) if rows.any()]
    return alt.layer(bars, written, rules, *notes).properties(title=title, description=description or title)
