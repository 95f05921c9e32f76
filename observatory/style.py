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
CHART_HEIGHT = 340
CARD_WIDTH = 172  # px: five headline cards fit one row beside the sidebar on a 1440-px screen, and wrap on a phone
FONT = "Liberation Sans, Arial, sans-serif"
NEUTRAL = "#57606a"


def territory_color(code: str, index: int = 0) -> str:
    return TERRITORY_COLORS.get(code, FALLBACK_COLORS[index % len(FALLBACK_COLORS)])


def hex_to_rgb(color: str, alpha: int = 255) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]
