"""The cumulative-cost chart: one band (low to high) and one typical line per approach, as SVG.

Drawn with `tag` like every other piece of markup. Colour comes from CSS classes (Material's
variables, so dark mode follows); each line also has its own dash pattern, and the legend names
it in words, so colour never carries the meaning alone. Presentation attributes give a plain
but readable chart even where the stylesheet is missing. Months where a model retires are
marked, so the step a forced migration adds can be seen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..kit.html import Markup, tag
from .approaches import LABELS

# A viewBox 320 wide is drawn about 1:1 in a 390 px phone's column, so 12-unit text stays 12 px.
WIDTH = 320
LEFT, RIGHT = 48, 312
LEGEND_ROW = 18
FONT = 12
DASHES = {"prompt": "1 3", "long_context": "6 2 1 2", "rag": None, "ft": "7 4",
          "ft_rag": "2 3"}


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


def cumulative_chart(cumulative: dict[str, dict[str, Sequence[float]]],
                     marks: Sequence[tuple[int, str]], description: str) -> Markup:
    """The chart: bands and typical lines for each approach, axes in USD and months, a legend,
    and a dotted line at each (month, label) in `marks`."""
    approaches = list(cumulative)
    horizon = len(cumulative[approaches[0]]["typical"]) - 1
    top_value = max(max(cumulative[a]["high"]) for a in approaches) or 1.0
    step = nice_step(top_value, 4)
    y_max = step * max(1, math.ceil(top_value / step - 1e-9))
    legend_rows = len(approaches)
    top = 20 + legend_rows * LEGEND_ROW
    bottom = top + 160
    height = bottom + 40
    xs = [LEFT + (RIGHT - LEFT) * m / max(horizon, 1) for m in range(horizon + 1)]
    scale = (bottom - top) / y_max

    def x(month: float) -> float:
        return round(LEFT + (RIGHT - LEFT) * month / max(horizon, 1), 1)

    def y(amount: float) -> float:
        return round(bottom - amount * scale, 1)

    def points(values: Sequence[float], backwards: bool = False) -> str:
        pairs = (zip(reversed(xs), reversed(values), strict=True) if backwards
                 else zip(xs, values, strict=True))
        return " L".join([f"{px:.1f} {bottom - v * scale:.1f}" for px, v in pairs])

    parts: list[Markup] = [tag("title", description)]
    parts += _axes(x, y, horizon, step, y_max, top, bottom, height)
    for approach in approaches:
        series = cumulative[approach]
        outline = f"M{points(series['high'])} L{points(series['low'], backwards=True)} Z"
        parts.append(tag("path", d=outline, fill="currentColor", fill_opacity="0.1",
                         class_=f"calc-cost-band calc-cost--{approach}"))
    for approach in approaches:
        parts.append(tag("path", d=f"M{points(cumulative[approach]['typical'])}", fill="none",
                         stroke="currentColor", stroke_width="2", stroke_dasharray=DASHES[approach],
                         class_=f"calc-cost-line calc-cost--{approach}"))
    for i, (month, label) in enumerate(marks):
        mx = x(month)
        parts.append(tag("line", x1=mx, y1=top, x2=mx, y2=bottom, stroke="currentColor",
                         stroke_dasharray="1 3", class_="calc-cost-marker"))
        anchor = "end" if mx > (LEFT + RIGHT) / 2 else "start"
        parts.append(tag("text", label, x=mx + (-4 if anchor == "end" else 4), y=top + 14 + 16 * i,
                         text_anchor=anchor, class_="calc-cost-note"))
    parts += _legend(approaches)
    return tag("svg", parts, viewBox=f"0 0 {WIDTH} {height}", role="img", aria_label=description,
               class_="calc-cost-chart", font_size=str(FONT), fill="currentColor")


def _axes(x, y, horizon: int, step: float, y_max: float, top: float, bottom: float,
          height: float) -> list[Markup]:
    parts = [tag("text", "USD", x=4, y=top - 6, class_="calc-cost-axis-label"),
             tag("text", "month", x=(LEFT + RIGHT) / 2, y=height - 4, text_anchor="middle",
                 class_="calc-cost-axis-label")]
    ticks = round(y_max / step)
    for i in range(ticks + 1):
        ty = y(i * step)
        parts.append(tag("line", x1=LEFT, y1=ty, x2=RIGHT, y2=ty, stroke="currentColor",
                         stroke_opacity="0.15", class_="calc-cost-grid"))
        parts.append(tag("text", short_usd(i * step), x=LEFT - 4, y=ty + 4, text_anchor="end",
                         class_="calc-cost-tick"))
    for month in month_ticks(horizon):
        parts.append(tag("text", str(month), x=x(month), y=bottom + 18, text_anchor="middle",
                         class_="calc-cost-tick"))
    parts.append(tag("line", x1=LEFT, y1=bottom, x2=RIGHT, y2=bottom, stroke="currentColor",
                     class_="calc-cost-axis"))
    return parts


def _legend(approaches: Sequence[str]) -> list[Markup]:
    parts = []
    for i, approach in enumerate(approaches):
        lx, ly = 4, 14 + i * LEGEND_ROW
        parts.append(tag("line", x1=lx, y1=ly - 4, x2=lx + 22, y2=ly - 4, stroke="currentColor",
                         stroke_width="2", stroke_dasharray=DASHES[approach],
                         class_=f"calc-cost-line calc-cost--{approach}"))
        parts.append(tag("text", LABELS[approach], x=lx + 27, y=ly, class_="calc-cost-legend"))
    return parts
