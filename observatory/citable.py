"""What makes a download quotable: the columns headed as the chart names them (in the page's
language), values rounded as the chart draws them (full precision beside, when rounding changed
something), territory codes as names; the metadata sheet, the citation text and the PNG with its
source line and data date.

Labels come from the chart's own spec first (axis and tooltip titles, with their number formats),
then from the texts (`export.col.<column>`, `col.<column>`), then from the column name itself."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping

import pandas as pd
from PIL import Image, ImageDraw

from observatory import drawn_text, labels, provenance, store, territory

_AXIS_NOTE = re.compile(r"\s*\((l'asse|the axis|axis)[^)]*\)\s*$", re.IGNORECASE)
_DECIMALS = re.compile(r"\.(\d+)[f%]")
INK, GREY = (31, 35, 40), (87, 96, 106)


def spec_fields(spec: Mapping | None) -> dict[str, tuple[str, int | None]]:
    """field → (title, decimals) from every encoding of a Vega-Lite spec (layers and concatenations
    included); tooltip titles win over axis titles, since they are the fuller ones."""
    found: dict[str, tuple[str, int | None]] = {}

    def visit(node) -> None:
        if isinstance(node, Mapping):
            for channel, definition in (node.get("encoding") or {}).items():
                for item in definition if isinstance(definition, list) else [definition]:
                    if isinstance(item, Mapping) and isinstance(item.get("field"), str):
                        title = item.get("title")
                        fmt = item.get("format") or ((item.get("axis") or {}).get("format")
                                                     if isinstance(item.get("axis"), Mapping) else None)
                        match = _DECIMALS.search(fmt or "")
                        decimals = int(match.group(1)) if match else (0 if fmt and "d" in fmt else None)
                        known = found.get(item["field"], ("", None))
                        if isinstance(title, str) and title.strip() and (channel == "tooltip" or not known[0]):
                            known = (title.strip(), known[1])
                        if decimals is not None and known[1] is None:
                            known = (known[0], decimals)
                        found[item["field"]] = known
            for key, value in node.items():
                if key not in ("datasets", "data", "encoding"):
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(spec or {})
    return found


def column_label(column: str, title: str, lang: str) -> str:
    """The heading of `column`: the chart's title for it (without the axis note), else the texts'."""
    title = _AXIS_NOTE.sub("", title or "").strip()
    known = next((labels.t(k, lang) for k in (f"export.col.{column}", f"col.{column}") if k in labels.TEXTS), "")
    fallback = known or column.replace("_", " ").strip().capitalize()
    if len(re.sub(r"[^A-Za-zÀ-ÿ]", "", title)) >= 3:
        return title[:1].upper() + title[1:]
    return f"{fallback} ({title})" if title else fallback


def _territory_name(value, names: Mapping[str, str]):
    if not isinstance(value, str):
        return value
    parts = value.split("+")
    return " + ".join(names.get(p, p) for p in parts) if all(p in names for p in parts) else value


def citable(frame: pd.DataFrame, spec: Mapping | None, lang: str) -> pd.DataFrame:
    """`frame` as a reader quotes it: headed in `lang`, rounded as drawn, names instead of codes."""
    fields = spec_fields(spec)
    names = {**territory.territory_names(), **{p.sigla: p.name for p in territory.provinces()}}
    full = f" ({labels.t('export.full_precision', lang)})"
    out: dict[str, pd.Series] = {}
    extra: dict[str, pd.Series] = {}
    for column in frame.columns:
        values = frame[column]
        title, decimals = fields.get(column, ("", None))
        label = column_label(column, title, lang)
        if pd.api.types.is_bool_dtype(values):
            values = values.map({True: labels.t("export.yes", lang), False: labels.t("export.no", lang)})
        elif pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_numeric_dtype(values):
            numbers = values.astype("Float64")
            if decimals is None:  # not drawn: whole numbers stay whole, others get one decimal
                decimals = 0 if bool(((numbers.dropna() % 1) == 0).all()) else 1
            rounded = numbers.round(decimals)
            if bool((rounded.fillna(0) != numbers.fillna(0)).any()):
                extra[label + full] = values
            values = rounded.astype("Int64") if decimals == 0 else rounded
        elif values.map(lambda v: isinstance(v, str) and all(p in names for p in v.split("+"))).any():
            extra[labels.t("export.code", lang, label=label[:1].lower() + label[1:])] = values
            values = values.map(lambda v: _territory_name(v, names))
        elif column == provenance.COLUMN:  # the rows' kinds in words, as the caption says them
            values = values.map(lambda v: labels.t(f"provenance.{v}", lang) if f"provenance.{v}" in labels.TEXTS else v)
        out[label] = values
    return pd.DataFrame({**out, **extra}, index=frame.index).reset_index(drop=True)


def title_of(spec: Mapping | None) -> str:
    title = (spec or {}).get("title")
    text = title.get("text") if isinstance(title, Mapping) else title
    return " ".join(text) if isinstance(text, list) else str(text or "")


def records_of(dataset_ids: Iterable[str], records: Mapping[str, store.DatasetRecord]) -> list[store.DatasetRecord]:
    return [records[i] for i in dict.fromkeys(dataset_ids) if i in records]


def sources_text(found: list[store.DatasetRecord]) -> str:
    """'ISTAT, Forze di lavoro (CC BY 4.0); …' — each publisher with its dataset and licence."""
    return "; ".join(f"{r.publisher}, {r.title} ({r.licence})" for r in found)


def period_text(found: list[store.DatasetRecord]) -> str:
    spans = dict.fromkeys(labels.fmt_span(r.period_start, r.period_end) for r in found)
    return "; ".join(s for s in spans if s != labels.MISSING) or labels.MISSING


def retrieved_text(found: list[store.DatasetRecord], lang: str) -> str:
    dates = [r.retrieved_at for r in found if r.retrieved_at]
    return labels.fmt_date(max(dates), lang) if dates else labels.MISSING


def citation(title: str, found: list[store.DatasetRecord], url: str, lang: str, today: dt.date | None = None,
             how: str = "") -> str:
    """The text a leader pastes under a quoted figure: title, source (and how the values reached us),
    period, link, date consulted."""
    sources = (sources_text(found) or labels.MISSING) + (f" — {how}" if how else "")
    text = labels.t("cite.text", lang, title=title, sources=sources,
                    period=period_text(found), url=url, today=labels.fmt_date(today or dt.date.today(), lang))
    return text + (" " + labels.t("cite.demo", lang) if any(r.is_demo for r in found) else "")


def metadata(title: str, found: list[store.DatasetRecord], url: str, lang: str, how: str = "",
             rounded: bool = False) -> list[tuple[str, str]]:
    """The Excel file's second sheet: what the rows are, whose, under which licence, from when."""
    rows = [("title", title), ("source", sources_text(found)),
            ("publisher", "; ".join(dict.fromkeys(r.publisher for r in found))),
            ("licence", "; ".join(dict.fromkeys(r.licence for r in found))),
            ("provenance", how or "; ".join(dict.fromkeys(r.provenance for r in found))),
            ("period", period_text(found)), ("retrieved", retrieved_text(found, lang)),
            ("source_url", " ; ".join(dict.fromkeys(r.source_url for r in found if r.source_url))),
            ("view_url", url), ("exported", labels.fmt_date(dt.date.today(), lang)),
            ("citation", citation(title, found, url, lang, how=how))]
    if rounded:
        rows.append(("rounding", labels.t("export.meta.rounding_text", lang,
                                          suffix=labels.t("export.full_precision", lang))))
    return [(labels.t(f"export.meta.{key}", lang), value) for key, value in rows if value]


def with_source_band(png: bytes, lines: list[str], scale: float = 2.0) -> bytes:
    """The chart's PNG with a band below it: the source line(s) and the data date, wrapped to its width."""
    chart = Image.open(io.BytesIO(png)).convert("RGB")
    font = drawn_text.font(int(11 * scale))
    margin, step = int(8 * scale), int(15 * scale)
    probe = ImageDraw.Draw(chart)
    wrapped = [part for line in lines for part in drawn_text.wrapped(probe, line, font, chart.width - 2 * margin)]
    band = margin * 2 + step * len(wrapped)
    page = Image.new("RGB", (chart.width, chart.height + band), "white")
    page.paste(chart, (0, 0))
    draw = ImageDraw.Draw(page)
    draw.line((margin, chart.height + margin // 2, chart.width - margin, chart.height + margin // 2),
              fill=(208, 215, 222), width=max(1, int(scale)))
    for number, line in enumerate(wrapped):
        draw.text((margin, chart.height + margin + number * step), line, font=font, fill=GREY)
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue()


def wrap_title(spec: dict, width_px: int = 900, font_px: float = 16.0) -> dict:
    """A copy of `spec` whose long title is split into lines that fit the image (Vega-Lite draws a
    title as one line otherwise, cut at the image's edge)."""
    title = spec.get("title")
    base = dict(title) if isinstance(title, Mapping) else {"text": title}
    text = base.get("text")
    if not isinstance(text, str) or len(text) * font_px * 0.55 <= width_px:
        return spec
    per_line = max(20, int(width_px / (font_px * 0.55)))
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > per_line:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return {**spec, "title": {**base, "text": lines + [current]}}
