"""Stacked horizontal bars as SVG: where a budget goes, drawn against its limit.

Shared by the latency and context-window calculators. Every segment has a colour (a CSS
class, so light and dark mode both work), a texture (an SVG pattern or a dashed outline)
and a text label, so colour never carries meaning on its own.

Sized for a phone: the picture is 320 units wide and its text 14 units, so on a 390 px
screen (a chart about 318 px wide) text is about 14 px, and docs/stylesheets/limits.css
caps the width so that on a desktop it is not much larger. No text is drawn over anything
but its own segment: a segment's label goes inside it only when it fits with room to
spare and clear of the limit line; the title sits above the bar, the limit's label below.
"""

from __future__ import annotations

from dataclasses import dataclass

from .html import Markup, tag

# Fills a segment can have on top of its colour; "empty" is a dashed outline (e.g. free space).
TEXTURES = ("solid", "hatch", "dots", "cross", "lines", "empty")

WIDTH, FONT = 320, 14
_LEFT, _RIGHT = 4, 316
_ROW = 74            # one bar: its title, the bar, and the limit's label under it
_TITLE_Y, _BAR_TOP, _BAR_HEIGHT = 14, 22, 26
# A generous width of one character of bold 14-unit text (digits and capitals run ~8.4),
# so an estimate never lets a label spill out of its segment.
_CHAR = 0.62 * FONT
_PAD = 4             # clear space around a label inside its segment, and beside the limit
_SWATCH = 14


@dataclass(frozen=True)
class Segment:
    """One part of a bar: what it is, how big, how the number reads, and how it is drawn."""

    label: str
    value: float
    value_text: str
    texture: str  # one of TEXTURES
    tone: str     # colour: CSS class calc-bar-seg--<tone>


@dataclass(frozen=True)
class Bar:
    """One bar: a title, its segments left to right, and the limit it is measured against."""

    title: str
    segments: tuple[Segment, ...]
    limit: float
    limit_text: str


def stacked_bars(bars: tuple[Bar, ...], description: str, id_prefix: str) -> Markup:
    """The bars on one shared scale, with a key, as an accessible SVG image.

    `description` opens the text alternative; each bar's segments and limit follow it.
    `id_prefix` keeps the pattern ids unique when several charts share a page.
    """
    scale = max([b.limit for b in bars] + [_total(b) for b in bars] + [1e-9])
    alt = " ".join([description] + [_describe(b) for b in bars])
    parts: list[Markup] = [tag("title", alt), _patterns(bars, id_prefix)]
    for row, bar in enumerate(bars):
        parts.append(_bar(bar, row * _ROW, scale, id_prefix))
    key, key_height = _key(bars, len(bars) * _ROW + 4, id_prefix)
    parts.append(key)
    height = len(bars) * _ROW + 4 + key_height
    return tag("svg", parts, viewBox=f"0 0 {WIDTH} {height}", role="img", font_size=FONT,
               class_="calc-bars", aria_label=alt)


def _total(bar: Bar) -> float:
    return sum(s.value for s in bar.segments)


def _describe(bar: Bar) -> str:
    pieces = ", ".join(f"{s.label} {s.value_text}" for s in bar.segments if s.value > 0)
    return f"{bar.title}: {pieces or 'nothing'}; {bar.limit_text}."


def _x(value: float, scale: float) -> float:
    return _tidy(_LEFT + value / scale * (_RIGHT - _LEFT))


def _tidy(number: float) -> float:
    """One decimal place, and none when it is zero, to keep the markup short."""
    rounded = round(number, 1)
    return int(rounded) if rounded == int(rounded) else rounded


def _bar(bar: Bar, top: int, scale: float, id_prefix: str) -> Markup:
    limit_x = _x(bar.limit, scale)
    parts = [tag("text", bar.title, x=_LEFT, y=top + _TITLE_Y, class_="calc-bar-title")]
    start = 0.0
    for segment in bar.segments:
        if segment.value <= 0:
            continue
        x1, x2 = _x(start, scale), _x(start + segment.value, scale)
        parts.append(_segment(segment, x1, x2, top + _BAR_TOP, limit_x, id_prefix))
        start += segment.value
    parts.append(_limit(bar, limit_x, top))
    return tag("g", parts, class_="calc-bar")


def _segment(segment: Segment, x1: float, x2: float, y: int, limit_x: float,
             id_prefix: str) -> Markup:
    width = _tidy(max(x2 - x1, 0.5))
    hover = tag("title", f"{segment.label}: {segment.value_text}")
    shapes = [tag("rect", hover, x=x1, y=y, width=width, height=_BAR_HEIGHT,
                  class_=f"calc-bar-seg calc-bar-seg--{segment.tone}")]
    if segment.texture not in ("solid", "empty"):
        shapes.append(tag("rect", x=x1, y=y, width=width, height=_BAR_HEIGHT,
                          fill=f"url(#{id_prefix}-{segment.texture})", class_="calc-bar-texture"))
    spot = label_spot(segment, x1, x2, limit_x)
    if spot:
        text, middle = spot
        shapes.append(tag("text", text, x=middle, y=y + _BAR_HEIGHT / 2 + 5,
                          text_anchor="middle", class_="calc-bar-text"))
    return tag("g", shapes)


def label_spot(segment: Segment, x1: float, x2: float, limit_x: float) -> tuple[str, float] | None:
    """Where the segment's label goes, (text, middle x), or None when no label fits: the full
    label, else the number alone, in the widest stretch of the segment the limit line
    leaves clear. The key and the text alternative name every segment anyway."""
    stretches = [(x1, x2)]
    if x1 < limit_x < x2:
        stretches = [(x1, limit_x - _PAD), (limit_x + _PAD, x2)]
    for text in (f"{segment.label} {segment.value_text}", segment.value_text):
        need = len(text) * _CHAR + 2 * _PAD
        room = [(b - a, a, b) for a, b in stretches if b - a >= need]
        if room:
            _, a, b = max(room)
            return text, _tidy((a + b) / 2)
    return None


def _limit(bar: Bar, x: float, top: int) -> Markup:
    # Keep the label inside the picture when the limit sits near either edge.
    room = len(bar.limit_text) * _CHAR / 2
    anchor = "end" if x + room > _RIGHT else "start" if x - room < _LEFT else "middle"
    return tag(
        "g",
        tag("line", x1=x, y1=top + _BAR_TOP - 3, x2=x, y2=top + _BAR_TOP + _BAR_HEIGHT + 3,
            class_="calc-bar-limit"),
        tag("text", bar.limit_text, x=x, y=top + _BAR_TOP + _BAR_HEIGHT + 18,
            text_anchor=anchor, class_="calc-bar-limit-text"),
    )


def _patterns(bars: tuple[Bar, ...], id_prefix: str) -> Markup:
    used = {s.texture for b in bars for s in b.segments}
    shapes = {
        "hatch": [tag("line", x1=0, y1=0, x2=0, y2=6)],
        "cross": [tag("line", x1=0, y1=0, x2=0, y2=6), tag("line", x1=0, y1=3, x2=6, y2=3)],
        "lines": [tag("line", x1=0, y1=3, x2=6, y2=3)],
        "dots": [tag("circle", cx=3, cy=3, r=1.3)],
    }
    turned = {"hatch": "rotate(45)", "cross": "rotate(45)"}
    return tag("defs", [
        tag("pattern", tag("g", shapes[t], class_="calc-bar-pattern"), id=f"{id_prefix}-{t}",
            patternUnits="userSpaceOnUse", width=6, height=6, patternTransform=turned.get(t))
        for t in TEXTURES if t in used and t in shapes
    ])


def _key(bars: tuple[Bar, ...], top: int, id_prefix: str) -> tuple[Markup, int]:
    """A key naming each kind of segment beside its swatch, wrapped to the chart's width."""
    seen: dict[tuple[str, str, str], None] = {}
    for bar in bars:
        for s in bar.segments:
            if s.value > 0:
                seen.setdefault((s.label, s.texture, s.tone), None)
    items, x, y = [], float(_LEFT), top
    for label, texture, tone in seen:
        width = _SWATCH + 6 + len(label) * _CHAR + 14
        if x > _LEFT and x + width > _RIGHT:
            x, y = _LEFT, y + _SWATCH + 8
        swatch = [tag("rect", x=x, y=y, width=_SWATCH, height=_SWATCH,
                      class_=f"calc-bar-seg calc-bar-seg--{tone}")]
        if texture not in ("solid", "empty"):
            swatch.append(tag("rect", x=x, y=y, width=_SWATCH, height=_SWATCH,
                              fill=f"url(#{id_prefix}-{texture})", class_="calc-bar-texture"))
        swatch.append(tag("text", label, x=_tidy(x + _SWATCH + 5), y=y + 12, class_="calc-bar-key-text"))
        items.append(tag("g", swatch))
        x = _tidy(x + width)
    height = (y - top) + _SWATCH + 4 if items else 0
    return tag("g", items, class_="calc-bar-key"), height
