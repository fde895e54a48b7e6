"""The advisor's path through the guide's five questions, drawn as an SVG flow.

Each question is marked with the reader's answer; the answers that counted are lit and
lead down to the answer, which says what decided it. The marks name no destination: a
"yes" to Q2 does not always mean tuning (a prompt comes first), so the only outcome drawn
is the one the rules gave. An answer that holds only under a condition (a warning that
would undo it) is drawn dashed, with its condition, never as a plain answer.

Sized for a phone: 360 units wide with 14.5-unit text, about 12.8 px on a 390 px screen.
"""

from __future__ import annotations

from ..kit.html import Markup, tag
from .advice import Step

# Each question as the diagram names it.
QUESTIONS = {
    1: "Specific, current knowledge?",
    2: "Different behaviour?",
    3: "Changes more than monthly?",
    4: "Citations required?",
    5: "Both knowledge and behaviour?",
}
WIDTH, FONT = 360, 14.5
_LEFT, _RIGHT = 4, 356
_ROW, _BOX_H, _LINE = 46, 34, 20
# The width of one character of this text, on the generous side: in Chromium with Arial's
# metrics the questions average 0.45-0.51 of the font size. Q3's row, with the widest mark,
# is the tightest fit; tests/e2e/test_phone.py checks it in the browser.
_CHAR = 0.52 * FONT
_MARK_CHAR = 0.5 * FONT  # "yes, no effect" measures 0.47
_SPINE = 40  # x of the line that joins the lit questions down to the answer


def path_diagram(path: tuple[Step, ...], answer: str, because: str, condition: str = "") -> Markup:
    """The five questions top to bottom, each marked with its answer, ending in `answer`
    and, under it, what decided it (`because`) and any `condition` it holds only under."""
    marks = [_mark(step) for step in path]
    description = ("Path through the five questions: "
                   + "; ".join(f"Q{s.number} {QUESTIONS[s.number]} {m}" for s, m in zip(path, marks, strict=True))
                   + f"; answer: {answer}" + (f", {condition}" if condition else "")
                   + f", because {because}.")
    parts: list[Markup] = [tag("title", description)]
    for step, mark in zip(path, marks, strict=True):
        parts.append(_question(step, mark, 4 + (step.number - 1) * _ROW))
    top = 4 + 5 * _ROW
    lines = [f"Answer: {answer}", *_wrapped(f"because {because}")]
    lines += _wrapped(condition.capitalize()) if condition else []
    height = 12 + _LINE * len(lines)
    texts = [tag("text", line, x=_LEFT + 10, y=top + 6 + _LINE * (i + 0.5),
                 class_="calc-advisor-q" if i == 0 else "calc-advisor-because")
             for i, line in enumerate(lines)]
    state = " calc-advisor-answer--conditional" if condition else ""
    parts.append(tag("g", tag("rect", x=_LEFT, y=top, width=_RIGHT - _LEFT, height=height, rx=4,
                              class_="calc-advisor-box"),
                     texts, class_=f"calc-advisor-answer{state}"))
    return tag("svg", parts, viewBox=f"0 0 {WIDTH} {top + height + 4}", role="img",
               class_="calc-chart calc-advisor-path", aria_label=description)


def _question(step: Step, mark: str, y: float) -> Markup:
    state = "yes" if step.answer and step.counted else "no"
    pill = len(mark) * _MARK_CHAR + 12
    return tag(
        "g",
        tag("rect", x=_LEFT, y=y, width=_RIGHT - _LEFT, height=_BOX_H, rx=4,
            class_="calc-advisor-box"),
        tag("text", f"Q{step.number} {QUESTIONS[step.number]}", x=_LEFT + 10, y=y + _BOX_H / 2,
            class_="calc-advisor-q"),
        tag("rect", x=round(_RIGHT - 3 - pill, 1), y=y + 5, width=round(pill, 1), height=_BOX_H - 10,
            rx=12, class_="calc-advisor-pill"),
        tag("text", mark, x=round(_RIGHT - 3 - pill / 2, 1), y=y + _BOX_H / 2,
            class_="calc-advisor-mark"),
        tag("line", x1=_SPINE, y1=y + _BOX_H, x2=_SPINE, y2=y + _ROW, class_="calc-advisor-link"),
        class_=f"calc-advisor-step calc-advisor-step--{state}", data_step=step.number,
    )


def _mark(step: Step) -> str:
    if not step.answer:
        return "no"
    return "yes" if step.counted else "yes, no effect"


def _wrapped(text: str) -> list[str]:
    """`text` in lines that fit the answer's box, broken at spaces."""
    most = int((_RIGHT - _LEFT - 20) / _CHAR)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
