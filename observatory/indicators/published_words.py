"""How a published figure is said: its period ('4° trim. 2025', '31 dic 2024'), its value ('circa
84.000' when the publisher rounded it), the release it comes from as a link, and the caption lines
of a chart of published figures (sources, earlier releases that differ). Both languages."""

from __future__ import annotations

import pandas as pd

from observatory import labels
from observatory.indicators import published
from observatory.indicators.published import Figure


def period_label(periodo: str, lang: str) -> str:
    """'2019', '4° trim. 2025' / 'Q4 2025', '1° sem. 2025', 'gen–set 2024', 'set 2025', '31 dic 2024',
    '1 gen 2023 – 18 lug 2023', 'giu 2022 – mag 2023'; 'periodo non indicato' when undated."""
    found = published.span(periodo)
    if found is None:
        return labels.t("published.period.unknown", lang)
    kind, first, last = found
    if kind in ("giorni", "intervallo_mesi"):
        show = labels.fmt_date if kind == "giorni" else labels.fmt_month
        return f"{show(first, lang)} – {show(last, lang)}"
    if kind == "anno":
        return str(first.year)
    if kind in ("trimestre", "semestre"):
        number = (first.month - 1) // (3 if kind == "trimestre" else 6) + 1
        return labels.t(f"published.{kind}", lang, n=number, year=first.year)
    if kind == "mesi" and first.month != last.month:
        return labels.t("published.months", lang, first=labels.fmt_month(first, lang).split(" ")[0],
                        last=labels.fmt_month(last, lang).split(" ")[0], year=first.year)
    return labels.fmt_month(first, lang) if kind in ("mese", "mesi") else labels.fmt_date(first, lang)


def page_label(data_pagina: str, lang: str) -> str:
    """The page's date as far as it is known: '5 nov 2025', 'feb 2020', '2018', 'senza data'."""
    year, month, day = published.page_key(data_pagina)
    if not year:
        return labels.t("published.undated", lang)
    if day:
        return labels.fmt_date(pd.Timestamp(year, month, day), lang)
    return labels.fmt_month(pd.Timestamp(year, month, 1), lang) if month else str(year)


def number(value: float, circa: bool, lang: str, *, decimals: int = 0, signed: bool = False,
           percent: bool = False) -> str:
    """'84.000', 'circa 84.000', '+3.500', '50,1 %' as a sentence or a title says it."""
    text = labels.fmt_signed(value, decimals, lang) if signed else (
        labels.fmt_pct(value, decimals, lang) if percent else labels.fmt_number(value, decimals, lang))
    return labels.t("published.circa", lang, value=text) if circa else text


def card_value(value: float, circa: bool, lang: str, *, decimals: int = 0, percent: bool = False,
               signed: bool = False) -> str:
    """A card's value: '84.000', '≈ 84.000' for a rounded count, '+371', '50,1 %'."""
    text = labels.fmt_signed(value, decimals, lang) if signed else (
        labels.fmt_pct(value, decimals, lang) if percent else labels.fmt_number(value, decimals, lang))
    return f"≈\u00a0{text}" if circa else text


def link(source: str, url: str, page: str, lang: str) -> str:
    """'[source](url), pagina del 5 nov 2025' (several urls of one release: one link each)."""
    urls = str(url).split()
    links = " · ".join(f"[{source}]({u})" if i == 0 else f"[{i + 1}]({u})" for i, u in enumerate(urls))
    return labels.t("published.page", lang, links=links, page=page_label(page, lang))


def source(figure: Figure, lang: str) -> str:
    """The release a figure comes from, as a Markdown link with the page's date."""
    return link(figure.fonte, figure.url, figure.data_pagina, lang)


def card_help(label: str, definition: str, figure: Figure, lang: str, with_change: bool = True) -> str:
    """A published card's hover text: the indicator, its definition, the release and what the change compares."""
    text = labels.t("published.card.help", lang, label=label, definition=definition, source=source(figure, lang))
    if with_change and figure.precedente is not None:
        text += " " + labels.t("published.card.change", lang, prev=period_label(figure.periodo_precedente, lang))
    if figure.circa:
        text += " " + labels.t("published.card.rounded", lang)
    return text


def card_description(figure: Figure, lang: str) -> str:
    """'2023 · trascritto': the period and how the figure reached us."""
    return labels.t("published.card.description", lang, period=period_label(figure.periodo, lang))


def caption(frame: pd.DataFrame, period_column: str, lang: str) -> str:
    """The caption of a chart of published figures: each release with its link and the periods it
    gives, then the values earlier releases gave where they differ."""
    parts = []
    for (fonte, url, page), rows in frame.groupby(["fonte", "url", "data_pagina"], sort=False):
        periods = ", ".join(dict.fromkeys(period_label(str(p), lang) if not isinstance(p, pd.Timestamp)
                                          else labels.fmt_date(p, lang) for p in rows[period_column]))
        parts.append(f"{periods}: {link(fonte, url, page, lang)}")
    text = labels.t("published.caption", lang, sources="; ".join(parts))
    earlier = [v for v in frame["altre_versioni"].dropna() if v]
    if earlier:
        text += " " + labels.t("published.earlier", lang, n=len(earlier))
    if frame["fonte"].map(published.publisher).nunique() > 1:
        text += " " + labels.t("published.mixed", lang)
    return text
