"""Altair chart builders with one visual style (see ../shared/DESIGN.md), plus PNG export.

Every builder takes a tidy frame and returns a finished chart: Italian (or English) number and date
formats through Vega's locale, territory colours from style.py, a title that states the finding,
and a `description` used as alt text. Pages render them with `st.altair_chart(chart, theme=None)`
so the screen, the PNG download and the slides look the same."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import altair as alt
import pandas as pd
import vl_convert as vlc

from observatory import labels, style
from observatory.indicators import registry

_MONTHS_IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
              "settembre", "ottobre", "novembre", "dicembre"]
_DAYS_IT = ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"]


def vega_locale(lang: str) -> dict:
    """d3 number and time locale for Vega: 1.234,5 and 'gen 2025' in Italian."""
    if lang == "en":
        return {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]}}
    return {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " €"]},
        "time": {"dateTime": "%A %e %B %Y, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S",
                 "periods": ["AM", "PM"], "days": _DAYS_IT, "shortDays": [d[:3] for d in _DAYS_IT],
                 "months": _MONTHS_IT, "shortMonths": [m[:3] for m in _MONTHS_IT]},
    }


def styled(chart: alt.TopLevelMixin, lang: str, *, width: int | str = "container",
           height: int | None = None, large: bool = False) -> alt.TopLevelMixin:
    """Apply the house style; `large` is for conference slides (bigger type). Without `height`, a
    chart keeps the height its builder chose (e.g. bars sized by their count), else CHART_HEIGHT."""
    base = 20 if large else 13
    if height is None:
        own = getattr(chart, "height", alt.Undefined)
        height = own if isinstance(own, int) else style.CHART_HEIGHT
    # a faceted chart sizes each panel itself: Vega-Lite rejects a top-level width/height there
    sized = chart if isinstance(chart, alt.FacetChart) else chart.properties(width=width, height=height)
    # room above the title: in the app, Streamlit's element toolbar otherwise covers its first line
    sized = sized.properties(padding={"top": 18, "left": 4, "right": 8, "bottom": 4})
    return sized.configure(
        locale=vega_locale(lang), font=style.FONT,
    ).configure_title(fontSize=base + 4, anchor="start", fontWeight="bold", subtitleFontSize=base,
                      # from the chart's left edge, as wide as the chart (not only its plot area):
                      # the lines chart_titles.wrapping breaks for the screen then fit uncut
                      frame="bounds", limit=alt.ExprRef(f"{style.MEASURED} ? {style.DRAWN_WIDTH} - 12 : 0"),
                      subtitleColor=style.NEUTRAL).configure_axis(
        labelFontSize=base, titleFontSize=base, gridColor="#e6e9ed", domainColor="#8c959f", tickColor="#8c959f",
    ).configure_axisX(
        labelOverlap="greedy", labelSeparation=6,
        # centred under a phone's narrow plot, a long axis title would run off the chart's edge
        titleLimit=alt.ExprRef(f"{style.NARROW_TEST} ? {style.DRAWN_WIDTH} * 0.55 : 900"),
    ).configure_legend(
        labelFontSize=base, titleFontSize=base, orient="bottom",
        # a phone has room for two entries a row: the others wrap instead of running off the chart
        columns=alt.ExprRef(f"{style.NARROW_TEST} ? 2 : 0"),
        labelLimit=alt.ExprRef(f"{style.NARROW_TEST} ? {style.DRAWN_WIDTH} / 2 - 40 : 320"),
    ).configure_view(strokeWidth=0)


def category_label_limit(wide: int) -> alt.ExprRef:
    """Room for the category labels of horizontal bars: `wide` px on a wide screen, at most
    style.NARROW_LABEL_SHARE of a narrow chart, so that on a phone the bars keep their room."""
    return alt.ExprRef(f"{style.NARROW_TEST} ? max(80, {style.DRAWN_WIDTH} * {style.NARROW_LABEL_SHARE}) : {wide}")


def territory_scale(codes: list[str], names: dict[str, str]) -> alt.Scale:
    """Colour scale keyed by territory name, keeping each territory's colour everywhere."""
    return alt.Scale(domain=[names.get(c, c) for c in codes],
                     range=[style.territory_color(c, i) for i, c in enumerate(codes)])


def trend_lines(frame: pd.DataFrame, *, x: str, y: str, territory: str, title: str, y_title: str,
                names: dict[str, str], lang: str, decimals: int = 1, zero: bool = False, indicator: str | None = None,
                temporal: bool = False, break_at: object | None = None, break_label: str = "",
                subtitle: str = "", description: str = "") -> alt.Chart:
    """One line per territory over time; a dashed rule marks a series break (e.g. LFS 2021). With
    `indicator`, the registry gives the decimals and whether the axis starts at zero."""
    if indicator is not None:
        decimals, zero = registry.indicator(indicator).decimals, registry.indicator(indicator).zero_baseline
    data = frame.assign(_territorio=frame[territory].map(lambda c: names.get(c, c)))
    codes = list(dict.fromkeys(frame[territory]))
    x_type = "T" if temporal else "O"
    fmt = f",.{decimals}f"
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=2.5).encode(
        x=alt.X(f"{x}:{x_type}", title=None,
                axis=alt.Axis(labelAngle=0, format="%b %Y") if temporal else alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(zero=zero), axis=alt.Axis(format=fmt)),
        color=alt.Color("_territorio:N", title=None, scale=territory_scale(codes, names)),
        tooltip=[alt.Tooltip("_territorio:N", title=labels.t("col.territorio", lang)),
                 alt.Tooltip(f"{x}:{x_type}", title=labels.t("col.periodo", lang),
                             **({"format": "%b %Y"} if temporal else {})),
                 alt.Tooltip(f"{y}:Q", title=y_title, format=fmt)],
    )
    layers = [lines]
    if break_at is not None:
        rule_data = pd.DataFrame({x: [break_at], "nota": [break_label]})
        rule = alt.Chart(rule_data).mark_rule(strokeDash=[6, 4], color=style.NEUTRAL).encode(x=f"{x}:{x_type}")
        text = alt.Chart(rule_data).mark_text(align="left", dx=4, dy=-6, color=style.NEUTRAL, baseline="top").encode(
            x=f"{x}:{x_type}", y=alt.value(0), text="nota:N")
        layers += [rule, text]
    return alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined), description=description or title)


def sorted_bars(frame: pd.DataFrame, *, category: str, value: str, title: str, value_title: str,
                lang: str, decimals: int = 0, color: str | None = None, diverging: bool = False,
                indicator: str | None = None, subtitle: str = "", description: str = "",
                highlight: str | None = None) -> alt.Chart:
    """Horizontal bars sorted by value; diverging colours for balances around zero. With
    `indicator`, the registry gives the decimals and whether values can be negative (diverging)."""
    if indicator is not None:
        decimals, diverging = registry.indicator(indicator).decimals, registry.indicator(indicator).can_be_negative
    fmt = f",.{decimals}f"
    if diverging:
        colour = alt.condition(f"datum['{value}'] >= 0", alt.value(style.DIVERGING[-2]), alt.value(style.DIVERGING[1]))
    elif highlight is not None:
        colour = alt.condition(f"datum['{category}'] == '{highlight}'", alt.value(style.HIGHLIGHT_COLOR),
                               alt.value(color or style.SEQUENTIAL[4]))
    else:
        colour = alt.value(color or style.SEQUENTIAL[4])
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y(f"{category}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=category_label_limit(260))),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=fmt)),
        color=colour,
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q", title=value_title, format=fmt)],
    ).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined), description=description or title)


def small_multiples(frame: pd.DataFrame, *, x: str, y: str, facet: str, territory: str, title: str,
                    y_title: str, names: dict[str, str], lang: str, columns: int = 4, decimals: int = 0,
                    temporal: bool = False, description: str = "") -> alt.Chart:
    """The same small line chart for each value of `facet` (e.g. one per ATECO section)."""
    data = frame.assign(_territorio=frame[territory].map(lambda c: names.get(c, c)))
    codes = list(dict.fromkeys(frame[territory]))
    fmt = f",.{decimals}f"
    x_type = "T" if temporal else "O"
    return alt.Chart(data).mark_line(strokeWidth=2).encode(
        x=alt.X(f"{x}:{x_type}", title=None),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=fmt)),
        color=alt.Color("_territorio:N", title=None, scale=territory_scale(codes, names)),
        tooltip=[alt.Tooltip("_territorio:N"), alt.Tooltip(f"{x}:{x_type}"), alt.Tooltip(f"{y}:Q", format=fmt)],
    ).properties(width=180, height=110).facet(facet=alt.Facet(f"{facet}:N", title=None), columns=columns).properties(
        title=title, description=description or title).resolve_scale(y="independent")


@dataclasses.dataclass(frozen=True, eq=False)
class Recipe:
    """A chart not built yet: its builder, data and options. The presentation layer caches the
    finished spec by these inputs, so a rerun with the same data costs nothing (building and
    validating an Altair chart costs tens of milliseconds). Compared by identity: a recipe held in
    a cached page view is the same object on every rerun, and its spec is remembered with it."""

    builder: Callable[..., alt.TopLevelMixin]
    frame: pd.DataFrame
    options: dict

    def build(self) -> alt.TopLevelMixin:
        return self.builder(self.frame, **self.options)


def recipe(builder: Callable[..., alt.TopLevelMixin], frame: pd.DataFrame, **options) -> Recipe:
    return Recipe(builder, frame, options)


def spec(chart: alt.TopLevelMixin | Recipe, lang: str) -> dict:
    """The finished, styled and validated Vega-Lite spec of a chart or recipe."""
    built = chart.build() if isinstance(chart, Recipe) else chart
    return styled(built, lang).to_dict()


def to_png(chart: alt.TopLevelMixin | dict, scale: float = 2.0) -> bytes:
    """Render a chart (or a finished spec) to PNG without a browser (vl-convert)."""
    spec = dict(chart) if isinstance(chart, dict) else chart.to_dict()
    if spec.get("width") == "container":
        spec["width"] = 900
    return vlc.vegalite_to_png(spec, scale=scale)


# --- labour and sector pages (issue 3) ---

def balance_bars(frame: pd.DataFrame, *, x: str, y: str, title: str, y_title: str, lang: str,
                 description: str = "") -> alt.Chart:
    """Monthly bars of a balance around zero, in the diverging colours (positive vs negative)."""
    fmt = ",.0f"
    colour = alt.condition(f"datum['{y}'] >= 0", alt.value(style.DIVERGING[-2]), alt.value(style.DIVERGING[1]))
    return alt.Chart(frame.dropna(subset=[y])).mark_bar().encode(
        x=alt.X(f"{x}:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=8, labelOverlap="greedy")),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=fmt)),
        color=colour,
        tooltip=[alt.Tooltip(f"{x}:T", title=labels.t("col.periodo", lang), format="%b %Y"),
                 alt.Tooltip(f"{y}:Q", title=y_title, format=fmt)],
    ).properties(title=title, description=description or title)


def month_comparison(frame: pd.DataFrame, *, month: str, year: str, value: str, title: str, y_title: str,
                     lang: str, description: str = "") -> alt.Chart:
    """One line per year across the twelve months (x labelled gen…dic), the latest year in blue."""
    names = _MONTHS_IT if lang == "it" else ["January", "February", "March", "April", "May", "June", "July",
                                             "August", "September", "October", "November", "December"]
    short = "[" + ",".join(f"'{m[:3]}'" for m in names) + "]"
    data = frame.assign(_anno=frame[year].astype(str))
    years = sorted(data["_anno"].unique())
    palette = [style.MUTED_COLOR] * (len(years) - 1) + [style.TERRITORY_COLORS["ITC42"]]
    return alt.Chart(data).mark_line(point=True, strokeWidth=2.5).encode(
        x=alt.X(f"{month}:O", title=None, axis=alt.Axis(labelExpr=f"{short}[datum.value - 1]", labelAngle=0)),
        y=alt.Y(f"{value}:Q", title=y_title, scale=alt.Scale(zero=True), axis=alt.Axis(format=",.0f")),
        color=alt.Color("_anno:N", title=None, scale=alt.Scale(domain=years, range=palette)),
        tooltip=[alt.Tooltip("_anno:N", title=labels.t("labour.filter.year", lang)),
                 alt.Tooltip(f"{month}:O", title=labels.t("col.periodo", lang)),
                 alt.Tooltip(f"{value}:Q", title=y_title, format=",.0f")],
    ).properties(title=title, description=description or title)


def grouped_bars(frame: pd.DataFrame, *, category: str, value: str, territory: str, title: str, value_title: str,
                 names: dict[str, str], lang: str, decimals: int = 0, sort: list[str] | None = None,
                 description: str = "") -> alt.Chart:
    """Horizontal bars per category with one bar per territory side by side (territory colours)."""
    data = frame.assign(_territorio=frame[territory].map(lambda c: names.get(c, c)))
    codes = list(dict.fromkeys(frame[territory]))
    fmt = f",.{decimals}f"
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y(f"{category}:N", sort=sort or "-x", title=None, axis=alt.Axis(labelLimit=category_label_limit(300))),
        yOffset=alt.YOffset("_territorio:N", sort=[names.get(c, c) for c in codes]),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=fmt)),
        color=alt.Color("_territorio:N", title=None, scale=territory_scale(codes, names)),
        tooltip=[alt.Tooltip("_territorio:N", title=labels.t("col.territorio", lang)), alt.Tooltip(f"{category}:N"),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=fmt)],
    ).properties(title=title, description=description or title,
                 height=max(style.CHART_HEIGHT, data[category].nunique() * len(codes) * 9 + 40))
def period_territory_bars(frame: pd.DataFrame, *, x: str, value: str, territory: str, order: list, title: str,
                          value_title: str, names: dict[str, str], lang: str, indicator: str | None = None,
                          decimals: int = 0, details: tuple[tuple[str, str], ...] = (), subtitle: str = "",
                          description: str = "") -> alt.Chart:
    """Vertical bars per period with one bar per territory side by side (territory colours). The
    periods are `order`, every one of them on the axis, so a period not published is an empty slot,
    never a zero; `details` adds (column, title) pairs to the tooltip. With `indicator`, the registry
    gives the decimals."""
    if indicator is not None:
        decimals = registry.indicator(indicator).decimals
    data = frame.assign(_territorio=frame[territory].map(lambda c: names.get(c, c)))
    codes = list(dict.fromkeys(frame[territory]))
    fmt = f",.{decimals}f"
    extra = [alt.Tooltip(f"{column}:{'Q' if pd.api.types.is_numeric_dtype(frame[column]) else 'N'}", title=name,
                         **({"format": fmt} if pd.api.types.is_numeric_dtype(frame[column]) else {}))
             for column, name in details]
    return alt.Chart(data).mark_bar().encode(
        x=alt.X(f"{x}:O", title=None, sort=order, scale=alt.Scale(domain=order),
                axis=alt.Axis(labelAngle=0 if len(order) <= 8 else -40, labelLimit=120)),
        xOffset=alt.XOffset("_territorio:N", sort=[names.get(c, c) for c in codes]),
        y=alt.Y(f"{value}:Q", title=value_title, axis=alt.Axis(format=fmt)),
        color=alt.Color("_territorio:N", title=None, scale=territory_scale(codes, names)),
        tooltip=[alt.Tooltip("_territorio:N", title=labels.t("col.territorio", lang)),
                 alt.Tooltip(f"{x}:O", title=labels.t("col.periodo", lang)),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=fmt), *extra],
    ).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined), description=description or title)


#: Two series that are not territories (demand/supply, males/females): Okabe–Ito sky blue and
#: reddish purple, distinct from every territory colour.
PAIR_COLORS = [style.FALLBACK_COLORS[2], style.FALLBACK_COLORS[0]]


def period_bars(frame: pd.DataFrame, *, x: str, value: str, title: str, value_title: str, lang: str,
                decimals: int = 0, break_at: object | None = None, break_label: str = "",
                subtitle: str = "", description: str = "") -> alt.Chart:
    """Vertical bars of a balance over ordered periods (e.g. '2025-T2'), diverging around zero,
    with a dashed rule at a series break."""
    fmt = f",.{decimals}f"
    colour = alt.condition(f"datum['{value}'] >= 0", alt.value(style.DIVERGING[-2]), alt.value(style.DIVERGING[1]))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y(f"{value}:Q", title=value_title, axis=alt.Axis(format=fmt)),
        color=colour,
        tooltip=[alt.Tooltip(f"{x}:O", title=labels.t("col.periodo", lang)),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=fmt)],
    )
    layers = [bars]
    if break_at is not None:
        rule_data = pd.DataFrame({x: [break_at], "nota": [break_label]})
        layers += [alt.Chart(rule_data).mark_rule(strokeDash=[6, 4], color=style.NEUTRAL).encode(x=f"{x}:O"),
                   alt.Chart(rule_data).mark_text(align="left", dx=4, dy=-6, color=style.NEUTRAL,
                                                  baseline="top").encode(x=f"{x}:O", y=alt.value(0), text="nota:N")]
    return alt.layer(*layers).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined),
                                         description=description or title)


def paired_bars(frame: pd.DataFrame, *, category: str, series: str, value: str, title: str, value_title: str,
                series_names: dict[str, str], lang: str, decimals: int = 1, subtitle: str = "",
                description: str = "") -> alt.Chart:
    """Two horizontal bars per category (e.g. share of demand vs share of supply), side by side."""
    fmt = f",.{decimals}f"
    data = frame.assign(_serie=frame[series].map(lambda s: series_names.get(s, s)))
    domain = list(series_names.values())
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y(f"{category}:N", title=None, sort=list(dict.fromkeys(frame[category])),
                axis=alt.Axis(labelLimit=category_label_limit(300))),
        yOffset=alt.YOffset("_serie:N", sort=domain),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=fmt)),
        color=alt.Color("_serie:N", title=None, scale=alt.Scale(domain=domain, range=PAIR_COLORS)),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip("_serie:N", title=None),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=fmt)],
    ).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined), description=description or title)


def pyramid(frame: pd.DataFrame, *, band: str, sex: str, value: str, order: list[str], title: str,
            sex_names: dict[str, str], value_title: str, lang: str, subtitle: str = "",
            description: str = "") -> alt.Chart:
    """Population pyramid: males to the left, females to the right, youngest band at the bottom."""
    data = frame.assign(_lato=frame.apply(lambda r: -r[value] if r[sex] == "maschi" else r[value], axis=1),
                        _sesso=frame[sex].map(lambda s: sex_names.get(s, s)))
    domain = [sex_names.get("maschi", "maschi"), sex_names.get("femmine", "femmine")]
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y(f"{band}:O", sort=list(reversed(order)), title=None),
        x=alt.X("_lato:Q", title=value_title, axis=alt.Axis(labelExpr="format(abs(datum.value), ',.0f')")),
        color=alt.Color("_sesso:N", title=None, scale=alt.Scale(domain=domain, range=PAIR_COLORS)),
        tooltip=[alt.Tooltip(f"{band}:O"), alt.Tooltip("_sesso:N", title=None),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=",.0f")],
    ).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined), description=description or title)
