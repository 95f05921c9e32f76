"""Chart titles that wrap on a narrow screen (issue 16): the title and subtitle of a finished spec
broken into lines chosen by the drawn width, so a phone shows the whole title with its number."""

from __future__ import annotations

import json

from observatory import style


def _wrap(text: str, chars: int) -> list[str]:
    """`text` in lines of at most `chars` characters, broken at spaces only (a word longer than
    that keeps its own line); joined with spaces, the lines give `text` back."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _lines_for_width(text: str, char_px: float) -> str | dict:
    """`text` as it fits the chart's width: a Vega expression choosing, by the container's width,
    the lines wrapped for the nearest of style.TITLE_WIDTHS; plain text when it fits them all."""
    options = [(width, _wrap(text, max(12, int(width / char_px)))) for width in style.TITLE_WIDTHS]
    if all(len(lines) == 1 for _, lines in options):
        return text
    expr = json.dumps(options[-1][1], ensure_ascii=False)
    for (_, lines), (upper, _) in zip(reversed(options[:-1]), reversed(options[1:])):
        expr = f"{style.DRAWN_WIDTH} < {upper} ? {json.dumps(lines, ensure_ascii=False)} : ({expr})"
    # nothing to measure (PNG export): the widest lines
    return {"expr": f"{style.MEASURED} ? ({expr}) : {json.dumps(options[-1][1], ensure_ascii=False)}"}


def wrapping(spec: dict) -> dict:
    """`spec` with its title and subtitle broken into lines that fit the chart's width, so a long
    title wraps on a phone instead of being cut before its number. The title as written stays in
    `usermeta.title` (what the chart says, for readers of the spec)."""
    title = spec.get("title")
    if not title:
        return spec
    title = {"text": title} if isinstance(title, str) else dict(title)
    text, subtitle = title.get("text"), title.get("subtitle")
    if not isinstance(text, str):
        return spec
    title["text"] = _lines_for_width(text, style.TITLE_CHAR_PX)
    if isinstance(subtitle, str):
        title["subtitle"] = _lines_for_width(subtitle, style.SUBTITLE_CHAR_PX)
    usermeta = {**spec.get("usermeta", {}), "title": text}
    return {**spec, "title": title, "usermeta": usermeta}
