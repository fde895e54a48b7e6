"""Training-data readiness: are there enough good examples to fine-tune for the goal?

The thresholds are the guide's ("How much training data do I need for fine-tuning?"): 50-100
examples as the minimum for style adaptation, 500-2,000 for dependable task performance, and
200 reviewed examples tend to beat 2,000 noisy ones. They live in `figures`, shared with the
advisor. The guide sets no ceiling (more data generally helps, quality more than quantity), so
past its range the check says what more data buys and how to measure it, never "enough".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .figures import (
    EXAMPLE_QUALITY_FIELD,
    NOISY_COUNT,
    PROMPTING_SHARE_PERCENT,
    RANGES,
    REVIEWED_COUNT,
    STYLE,
    TASK,
    TRAINING_DATA_FIGURES,
    TRAINING_EXAMPLES_FIELD,
    ExampleRange,
)
from .kit.calculator import Calculator, Preset
from .kit.html import Markup, tag
from .kit.provenance import Judgement
from .kit.report import Item, KeyFigure, Report, Section
from .kit.schema import ChoiceField, Group, Option, Value, format_number

FIELDS = (
    Group("Your training set", "What you could train on today, and how carefully it was checked.",
          (TRAINING_EXAMPLES_FIELD, EXAMPLE_QUALITY_FIELD)),
    Group("Your goal", "The guide's figures differ for style and for a specific task.", (
        ChoiceField(
            name="goal", label="What fine-tuning should achieve",
            help="Style covers tone, voice and output format; a task is e.g. classification or "
                 "extraction.",
            options=(Option("style", "Adapt style, tone or format"),
                     Option("task", "Dependable results on a specific task")),
            default="task",
        ),
    )),
)

PRESETS = (
    Preset("brand-voice", "A brand voice from 80 reviewed posts",
           {"examples": 80, "quality": "curated", "goal": "style"}),
    Preset("support-triage", "Ticket triage from 5,000 unreviewed tickets",
           {"examples": 5000, "quality": "raw", "goal": "task"}),
)


@dataclass(frozen=True)
class Readiness:
    """Where a training set stands against the guide's figures."""

    examples: int
    curated: bool
    goal: str
    verdict: str  # "ready", "try" (a first run is reasonable) or "not_yet"
    position: str  # "below", "within" or "above" the goal's range
    range_low: int
    range_high: int
    examples_to_minimum: int


def compute(values: dict[str, Value]) -> Readiness:
    """Judge the training set; a pure function of the validated inputs."""
    examples = int(values["examples"])
    curated = values["quality"] == "curated"
    need = RANGES[str(values["goal"])]
    position = "below" if examples < need.low else "within" if examples <= need.high else "above"
    return Readiness(
        examples=examples, curated=curated, goal=need.goal,
        verdict=_verdict(examples, curated, need), position=position,
        range_low=need.low, range_high=need.high,
        examples_to_minimum=max(0, need.low - examples),
    )


def _verdict(examples: int, curated: bool, need: ExampleRange) -> str:
    if examples >= need.low:
        return "ready" if curated else "try"
    if curated and need is TASK and examples >= REVIEWED_COUNT:
        return "try"
    return "not_yet"


# How to find out what more examples buy: the guide says they help and gives no curve.
LEARNING_CURVE = Judgement(
    "The guide says more data generally helps but gives no curve, and only a run on your own "
    "task shows how much the next batch of examples adds.")

_HEADLINES = {
    "ready": "Ready for a first fine-tuning run",
    "try": "Worth a careful first run",
    "not_yet": "Not enough examples yet",
}
_TONES = {"ready": "success", "try": "warning", "not_yet": "failure"}


def report(result: Readiness) -> Report:
    """The verdict, the training set on a scale, and the next steps."""
    quality = "reviewed" if result.curated else "unreviewed"
    goal = "style adaptation" if result.goal == "style" else "a specific task"
    steps = _steps(result.examples, result.curated, RANGES[result.goal], result.position)
    return Report(
        kind="readiness", headline=_HEADLINES[result.verdict], tone=_TONES[result.verdict],
        summary=f"{result.examples:,} {quality} examples for {goal}.",
        chart=_scale(result),
        key_figures=(KeyFigure("You have", f"{result.examples:,} {quality}"),
                     KeyFigure(f"{result.goal.capitalize()} needs",
                               f"{result.range_low:,}\u2013{result.range_high:,}")),
        sections=(Section("What to do next", tuple(Item(step) for step in steps)),),
        sources=tuple(f.source for f in TRAINING_DATA_FIGURES)
        + ((LEARNING_CURVE,) if result.position != "below" and result.curated else ()),
        sources_text="Figures",
    )


def _steps(examples: int, curated: bool, need: ExampleRange, position: str) -> list[str]:
    steps = []
    if position == "below":
        steps.append(f"Collect at least {need.low - examples:,} more to reach {need.low:,} examples, "
                     f"{need.meaning} ({need.low:,}-{need.high:,}).")
    elif position == "within":
        steps.append(f"{examples:,} examples is within {need.meaning} ({need.low:,}-{need.high:,}). "
                     "More good examples generally improve results further.")
    else:
        steps.append(f"{examples:,} examples is past {need.meaning} ({need.low:,}-{need.high:,}). "
                     "That range is a starting point, not a ceiling: more good examples generally "
                     "keep improving results, though better examples improve them more.")
    if not curated:
        steps.append(f"Review them before training: {REVIEWED_COUNT} reviewed examples tend to do "
                     f"better than {NOISY_COUNT:,} noisy ones, and poor examples make the model worse.")
    elif position == "below" and need is TASK and examples >= REVIEWED_COUNT:
        steps.append(f"Because every one is reviewed, a first run is a fair test: {REVIEWED_COUNT} "
                     f"reviewed examples tend to beat {NOISY_COUNT:,} noisy ones.")
    if need is STYLE and position == "below":
        steps.append(f"Meanwhile, put a few of them into a system prompt as examples: good few-shot "
                     f"prompting gets about {PROMPTING_SHARE_PERCENT}% of fine-tuning's gain on style "
                     "and format, at no cost.")
    if curated and position != "below":
        steps.append("Hold some examples back to evaluate the tuned model against the base model. "
                     "To see what more data buys, train once on part of the set and once on all "
                     "of it: if the held-out score still rises, more examples are paying off.")
    return steps


# The scale is logarithmic: 10 to 10,000 examples spans every figure the guide gives.
_SCALE_MIN, _SCALE_MAX = 10, 10_000
_WIDTH, _LEFT, _RIGHT = 360, 14, 346


def _x(count: float) -> float:
    clamped = min(max(count, _SCALE_MIN), _SCALE_MAX)
    share = math.log10(clamped / _SCALE_MIN) / math.log10(_SCALE_MAX / _SCALE_MIN)
    return round(_LEFT + share * (_RIGHT - _LEFT), 1)


def _scale(result: Readiness) -> Markup:
    description = (f"Scale from {_SCALE_MIN} to {_SCALE_MAX:,} examples: your {result.examples:,} "
                   f"against the style minimum ({STYLE.low}-{STYLE.high}) and the task range "
                   f"({TASK.low:,}-{TASK.high:,}).")
    parts = [tag("title", description),
             tag("line", x1=_LEFT, y1=40, x2=_RIGHT, y2=40, class_="calc-axis")]
    for band in (STYLE, TASK):
        x1, x2 = _x(band.low), _x(band.high)
        goal_class = " calc-band--goal" if band.goal == result.goal else ""
        parts.append(tag("rect", x=x1, y=30, width=round(x2 - x1, 1), height=20, rx=3,
                         class_=f"calc-band{goal_class}"))
        parts.append(tag("text", "style" if band is STYLE else "task",
                         x=round((x1 + x2) / 2, 1), y=22, class_=f"calc-label{goal_class and ' calc-label--goal'}"))
    ticks = (_SCALE_MIN, 50, 100, 500, 2000, _SCALE_MAX)
    for tick in ticks:
        # The end ticks align inwards so their labels stay inside the drawing.
        edge = " calc-tick--start" if tick == ticks[0] else " calc-tick--end" if tick == ticks[-1] else ""
        parts.append(tag("text", format_number(tick), x=_x(tick), y=68, class_=f"calc-tick{edge}"))
    marker = _x(result.examples)
    parts.append(tag("path", d=f"M{marker} 52 l-6 -10 h12 z", class_="calc-marker"))
    parts.append(tag("line", x1=marker, y1=28, x2=marker, y2=52, class_="calc-marker-line"))
    return tag("svg", parts, viewBox=f"0 0 {_WIDTH} 76", role="img", class_="calc-chart",
               aria_label=description)


CALCULATOR = Calculator(
    name="readiness", title="Training-data readiness", groups=FIELDS, presets=PRESETS,
    figures=TRAINING_DATA_FIGURES, compute=compute, report=report, page="fine-tuning/",
)
