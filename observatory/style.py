"""One place for the visual language: territory colours, palettes, sizes (see ../shared/DESIGN.md).

Colour-blind safe: territories use the Okabe–Ito palette; maps use a sequential ColorBrewer YlGnBu
ramp (safe for the common colour-vision deficiencies); balances around zero use a diverging
PuOr ramp."""

from __future__ import annotations

#: Okabe–Ito colours, one per territory everywhere (charts, maps, slides).
TERRITORY_COLORS = {
    "ITC42": "#0072B2",  # Como: blue
    "ITC43": "#D55E00",  # Lecco: vermilion
    "ITC4": "#009E73",  # Lombardia: bluish green
    "IT": "#6B6B6B",  # Italia: grey
}
FALLBACK_COLORS = ["#CC79A7", "#E69F00", "#56B4E9", "#F0E442"]

SEQUENTIAL = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]  # YlGnBu, 6 classes
DIVERGING = ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"]  # PuOr
MISSING_COLOR = "#d9d9d9"
HIGHLIGHT_COLOR = "#000000"
MUTED_COLOR = "#b0b7bf"
BOUNDARY_COLOR = [255, 255, 255, 220]
PROVINCE_OUTLINE_COLOR = [40, 40, 40, 255]

MAP_CLASSES = 5
MAP_HEIGHT = 560
MAP_LABEL_SIZE = 13  # px: the names of the main towns on a map
CHART_HEIGHT = 340
CARD_WIDTH = 172  # px: five headline cards fit one row beside the sidebar on a 1440-px screen, and wrap on a phone
#: Vega expressions for the width a chart has on screen: its container's, but never more than the
#: window's (a fixed-width chart's container is the chart itself, of width 0 before it is drawn);
#: MEASURED is false in the PNG export, where there is no window to measure
DRAWN_WIDTH = "(containerSize()[0] > 0 ? min(containerSize()[0], windowSize()[0] - 32) : windowSize()[0] - 32)"
MEASURED = "(isFinite(windowSize()[0]) && windowSize()[0] > 0)"
NARROW_WIDTH = 560  # px: narrower than this is a phone
NARROW_TEST = f"({MEASURED} && {DRAWN_WIDTH} < {NARROW_WIDTH})"
NARROW_LABEL_SHARE = 0.42  # of a narrow chart's width, for the category labels of horizontal bars
#: title lines are wrapped for these chart widths (px), the widest first line that fits is drawn
TITLE_WIDTHS = (330, 450, 600, 700, 800, 900, 1000, 1150, 1300)
TITLE_CHAR_PX = 10.0  # a character of the bold 17-px title (Liberation Sans), with room for digits and capitals
SUBTITLE_CHAR_PX = 7.2  # the same for the 13-px subtitle
FONT = "Liberation Sans, Arial, sans-serif"
NEUTRAL = "#57606a"


def territory_color(code: str, index: int = 0) -> str:
    return TERRITORY_COLORS.get(code, FALLBACK_COLORS[index % len(FALLBACK_COLORS)])


def hex_to_rgb(color: str, alpha: int = 255) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


#: Streamlit's cards cut a long label or value with "…", and keep their fixed width on a phone
#: (one card a row, half of it empty). Labels and notes wrap instead; on a narrow screen two cards
#: share a row and the value is a size smaller, so that "116.988" still fits half a phone.
PAGE_CSS = """<style>
[data-testid="stMetricLabel"] .stMarkdownEllipsis, [data-testid="stMetricLabel"] .stMarkdownEllipsis p,
[data-testid="stMetricDeltaDescription"], [data-testid="stMetricDeltaDescription"] .stMarkdownEllipsis,
[data-testid="stMetricDeltaDescription"] .stMarkdownEllipsis p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricLabel"] { height: auto !important; min-height: 1.5rem; }
div:has(> [data-testid="stMetricDelta"]) { flex-wrap: wrap; }
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"] > [data-testid="stElementContainer"]:has(> [data-testid="stMetric"]) {
    flex: 1 1 calc(50% - 8px) !important; min-width: calc(50% - 8px) !important; width: auto !important;
  }
  [data-testid="stMetricValue"] { font-size: 1.75rem !important; }
}
</style>"""
