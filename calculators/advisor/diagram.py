"""The advisor's path through the guide's five questions, drawn as an SVG flow."""

from __future__ import annotations

from ..kit.html import Markup, tag
from .advice import Step

# Each question as the diagram names it, and what a counted "yes" leads to.
QUESTIONS = {
    1: ("Specific, current knowledge?", "RAG"),
    2: ("Different behaviour?", "tuning"),
    3: ("Changes more than monthly?", "RAG"),
    4: ("Citations required?", "RAG"),
    5: ("Both knowledge and behaviour?", "both"),
}
_BOX_W, _MARK_X, _MARK_W, _ROW, _BOX_H, _ANSWER_H = 236, 252, 100, 44, 32, 52


def path_diagram(path: tuple[Step, ...], answer: str, because: str) -> Markup:
    """The five questions top to bottom, each marked with its answer, ending in `answer`
    and, under it, what decided it (`because`)."""
    marks = [_mark(step) for step in path]
    description = ("Path through the five questions: "
                   + "; ".join(f"Q{s.number} {QUESTIONS[s.number][0]} {m}"
                               for s, m in zip(path, marks, strict=True))
                   + f"; answer: {answer}, because {because}.")
    parts: list[Markup] = [tag("title", description)]
    for step, mark in zip(path, marks, strict=True):
        y = 6 + (step.number - 1) * _ROW
        state = "yes" if step.answer and step.counted else "no"
        parts.append(tag(
            "g",
            tag("rect", x=6, y=y, width=_BOX_W, height=_BOX_H, rx=4, class_="calc-advisor-box"),
            tag("text", f"Q{step.number} {QUESTIONS[step.number][0]}", x=14, y=y + 16,
                class_="calc-advisor-q"),
            tag("rect", x=_MARK_X, y=y, width=_MARK_W, height=_BOX_H, rx=16,
                class_="calc-advisor-pill"),
            tag("text", mark, x=_MARK_X + _MARK_W / 2, y=y + 16, class_="calc-advisor-mark"),
            tag("line", x1=124, y1=y + _BOX_H, x2=124, y2=y + _ROW, class_="calc-advisor-link"),
            class_=f"calc-advisor-step calc-advisor-step--{state}", data_step=step.number,
        ))
    y = 6 + 5 * _ROW
    parts.append(tag("g",
                     tag("rect", x=6, y=y, width=346, height=_ANSWER_H, rx=4,
                         class_="calc-advisor-box"),
                     tag("text", f"Answer: {answer}", x=14, y=y + 17, class_="calc-advisor-q"),
                     tag("text", f"because {because}", x=14, y=y + 37,
                         class_="calc-advisor-because"),
                     class_="calc-advisor-answer"))
    return tag("svg", parts, viewBox=f"0 0 360 {y + _ANSWER_H + 6}", role="img",
               class_="calc-chart calc-advisor-path", aria_label=description)


def _mark(step: Step) -> str:
    if not step.answer:
        return "no"
    return f"yes \u2192 {QUESTIONS[step.number][1]}" if step.counted else "yes, no effect"
