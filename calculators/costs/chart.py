"""The cumulative-cost chart: one band (low to high) and one typical line per approach, as SVG.

Drawn with `tag` like every other piece of markup. Colour comes from CSS classes (Material's
variables, so dark mode follows); each line also has its own dash pattern, and the legend names
it in words, so colour never carries the meaning alone. Presentation attributes give a plain
but readable chart even where the stylesheet is missing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .model import APPROACH_LABELS, APPROACHES
from ..kit.html import Markup, tag

# A viewBox 360 wide keeps 11 px text legible when a 390 px phone scales the chart down.
WIDTH, HEIGHT = 360, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 350, 44, 198
DASHES = {"rag": None, "ft": "7 4", "both": "2 3"}  # solid, dashed, dotted
_LEGEND_X = {"rag": 4, "ft": 70, "both": 174}


def nice_step(span: float, most_ticks: int) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving at most `most_ticks` steps."""
    if span <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(span / most_ticks))
    for multiple in (1, 2, 2.5, 5, 10):
        if span / (multiple * power) <= most_ticks:
            return multiple * power
    return 10 * power


def short_usd(amount: float) -> str:
    """A tick label: $500, $2.5k, $1.2M, $3B, $4T."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(amount) >= size:
            return f"${amount / size:,.1f}".rstrip("0").rstrip(".") + suffix
    return f"${amount:,.0f}"


def month_ticks(horizon: int) -> list[int]:
    """Month ticks at a round step: at most about six labels, always including month 0."""
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120) if horizon / s <= 6)
    return list(range(0, horizon + 1, step))


def cumulative_chart(cumulative: dict[str, dict[str, Sequence[float]]], break_even: int | None,
                     description: str) -> Markup:
    """The chart: bands and typical lines for each approach, axes in USD and months, a legend."""
    horizon = len(cumulative["rag"]["typical"]) - 1
    top_value = max(max(cumulative[a]["high"]) for a in APPROACHES)
    step = nice_step(top_value, 4)
    y_max = step * max(1, math.ceil(top_value / step - 1e-9))

    xs = [LEFT + (RIGHT - LEFT) * m / max(horizon, 1) for m in range(horizon + 1)]
    scale = (BOTTOM - TOP) / y_max

    def x(month: float) -> float:
        return round(LEFT + (RIGHT - LEFT) * month / max(horizon, 1), 1)

    def y(amount: float) -> float:
        return round(BOTTOM - amount * scale, 1)

    def points(values: Sequence[float], backwards: bool = False) -> str:
        pairs = zip(reversed(xs), reversed(values)) if backwards else zip(xs, values)
        return " L".join([f"{px:.1f} {BOTTOM - v * scale:.1f}" for px, v in pairs])

    parts: list[Markup] = [tag("title", description)]
    parts += _axes(x, y, horizon, step, y_max)
    for approach in APPROACHES:
        series = cumulative[approach]
        outline = f"M{points(series['high'])} L{points(series['low'], backwards=True)} Z"
        parts.append(tag("path", d=outline, fill="currentColor", fill_opacity="0.1",
                         class_=f"calc-cost-band calc-cost--{approach}"))
    for approach in APPROACHES:
        parts.append(tag("path", d=f"M{points(cumulative[approach]['typical'])}", fill="none",
                         stroke="currentColor", stroke_width="2", stroke_dasharray=DASHES[approach],
                         class_=f"calc-cost-line calc-cost--{approach}"))
    if break_even:
        bx = x(break_even)
        parts.append(tag("line", x1=bx, y1=TOP, x2=bx, y2=BOTTOM, stroke="currentColor",
                         stroke_dasharray="1 3", class_="calc-cost-marker"))
        anchor = "end" if bx > (LEFT + RIGHT) / 2 else "start"
        parts.append(tag("text", f"break-even, month {break_even}", x=bx + (-4 if anchor == "end" else 4),
                         y=TOP + 12, text_anchor=anchor, class_="calc-cost-note"))
    parts += _legend()
    return tag("svg", parts, viewBox=f"0 0 {WIDTH} {HEIGHT}", role="img", aria_label=description,
               class_="calc-cost-chart", font_size="11", fill="currentColor")


def _axes(x, y, horizon: int, step: float, y_max: float) -> list[Markup]:
    parts = [tag("text", "USD", x=4, y=TOP - 8, class_="calc-cost-axis-label"),
             tag("text", "month", x=(LEFT + RIGHT) / 2, y=HEIGHT - 6, text_anchor="middle",
                 class_="calc-cost-axis-label")]
    ticks = round(y_max / step)
    for i in range(ticks + 1):
        ty = y(i * step)
        parts.append(tag("line", x1=LEFT, y1=ty, x2=RIGHT, y2=ty, stroke="currentColor",
                         stroke_opacity="0.15", class_="calc-cost-grid"))
        parts.append(tag("text", short_usd(i * step), x=LEFT - 4, y=ty + 4, text_anchor="end",
                         class_="calc-cost-tick"))
    for month in month_ticks(horizon):
        parts.append(tag("text", str(month), x=x(month), y=BOTTOM + 16, text_anchor="middle",
                         class_="calc-cost-tick"))
    parts.append(tag("line", x1=LEFT, y1=BOTTOM, x2=RIGHT, y2=BOTTOM, stroke="currentColor",
                     class_="calc-cost-axis"))
    return parts


def _legend() -> list[Markup]:
    parts = []
    for approach in APPROACHES:
        lx = _LEGEND_X[approach]
        parts.append(tag("line", x1=lx, y1=12, x2=lx + 24, y2=12, stroke="currentColor",
                         stroke_width="2", stroke_dasharray=DASHES[approach],
                         class_=f"calc-cost-line calc-cost--{approach}"))
        label = "Both (tuned + RAG)" if approach == "both" else APPROACH_LABELS[approach]
        parts.append(tag("text", label, x=lx + 30, y=16, class_="calc-cost-legend"))
    return parts
