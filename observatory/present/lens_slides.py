"""The slides of the two ready-made decks of the social partners' lenses (unions: job quality;
employers: hiring needs): one slide per finding of views/parti_sociali.py.

Each slide is the lens finding itself: the same title with its number, the same chart (drawn
without its title, which the slide shows) and the finding's caption as speaker notes, so the page,
the slideshow and the PowerPoint/PDF files say the same numbers. Pure (no Streamlit)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from observatory import charts, labels
from observatory.present.slides import Context, Finding, NoData
from observatory.views import parti_sociali

PREFIX = parti_sociali.SLIDE_PREFIX
DECKS = parti_sociali.DECKS


def _builder(finding_id: str) -> Callable[[Context], Finding]:
    function, dataset_ids = parti_sociali.FINDINGS[finding_id]

    def build(ctx: Context) -> Finding:
        frames = [ctx.frames.get(d, pd.DataFrame()) for d in dataset_ids]  # extras only: may be absent
        found = function(*frames, provinces=ctx.provinces, lang=ctx.lang, period=ctx.period)
        if found is None or found.chart is None:
            raise NoData(ctx.t("present.skip.period"))
        recipe = found.chart.chart
        options = {**recipe.options, "title": "", "description": found.title}
        cards = "; ".join(f"{card.label}: {card.value}" for card in found.cards if card.value is not None)
        notes = ". ".join(part for part in (cards, found.notes) if part)
        return Finding(found.title, lambda: charts.recipe(recipe.builder, recipe.frame, **options).build(), notes)

    build.__name__ = f"lens_{finding_id}"
    return build


#: slide id → (builder, datasets it reads), in the lenses' order (unions first)
LENS_SLIDES = {PREFIX + finding_id: (_builder(finding_id), parti_sociali.DRAWN[finding_id])
               for finding_id in parti_sociali.FINDINGS}


def lens_of(slides: tuple[str, ...]) -> str | None:
    """The lens whose ready-made deck these slides are ('sindacati', 'imprese'), or None."""
    return next((side for side, deck in DECKS.items() if tuple(slides) == deck), None)


def deck_title(slides: tuple[str, ...], area: str, lang: str) -> str | None:
    """A lens deck's title ('Qualità del lavoro a Como-Lecco'), None for any other choice of slides."""
    side = lens_of(slides)
    return None if side is None else labels.t(f"present.lens.title.{side}", lang, area=area)
