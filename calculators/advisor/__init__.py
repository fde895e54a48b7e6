"""Decision advisor: the guide's five questions as a calculator that explains its answer.

The rules live in `advisor_rules` as a table; this module holds the inputs, walks the
table, finds which single change of input would flip the answer, and renders the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import figures
from .rules import (FREQUENCIES, LARGE_CORPUS_DOCUMENTS, PROMPTS, REASONS,
                            RETRIEVAL_LATENCY_MS, RULES, SECTION_NAMES, VENDORS, WARNINGS, Facts,
                            Outcome, Rule, decide, facts_from)
from ..kit.calculator import Calculator, Figure, Preset
from ..kit.html import Markup, tag, verdict
from ..kit.schema import ChoiceField, Field, NumberField, Option, Value, format_number
from ..kit.provenance import GUIDE_2026

_YES_NO = (Option("yes", "Yes"), Option("no", "No"))

FIELDS: tuple[Field, ...] = (
    ChoiceField("knowledge", "Q1. Does the model need specific, current information?",
                "Facts it cannot know from training: your catalogue, prices, policies, documents, news.",
                _YES_NO, "yes"),
    ChoiceField("tone", "Q2a. Must its tone, style or output format change?",
                "A brand voice, your code conventions, an output format it must always follow.",
                _YES_NO, "yes"),
    ChoiceField("reasoning", "Q2b. Must it reason like a specialist in your domain?",
                "The way a radiologist, a financial analyst or a lawyer works through a case.",
                _YES_NO, "no"),
    ChoiceField("accuracy", "Q2c. Must one narrow task be right almost every time?",
                "Classification, extraction or scoring, where a near miss counts as an error.",
                _YES_NO, "no"),
    ChoiceField("change", "Q3. How often does that knowledge change?",
                "More than once a month (weekly or daily) is too often to keep retraining a model.",
                tuple(Option(key, key.capitalize()) for key in FREQUENCIES), "monthly"),
    ChoiceField("citations", "Q4. Must answers cite their sources?",
                "Common in legal, medical and compliance work.", _YES_NO, "no"),
    ChoiceField("prompting", "Have you tried a good system prompt with few-shot examples?",
                "A few worked examples in the prompt often get most of the way on style and format.",
                _YES_NO, "no"),
    NumberField("documents", "Knowledge base size", "documents",
                "Documents, articles or records the answers draw on; 0 if there are none.",
                default=2000, minimum=0, maximum=1_000_000_000, integer=True),
    ChoiceField("access", "Do different users see different documents?",
                "Access control per user or team over the knowledge base.", _YES_NO, "no"),
    ChoiceField("latency", "Latency budget",
                f"Real-time means a retrieval step ({RETRIEVAL_LATENCY_MS[0]}-{RETRIEVAL_LATENCY_MS[1]} ms) "
                "would break it, as in code completion while someone types.",
                (Option("flexible", "Flexible"), Option("realtime", "Hard real-time budget")), "flexible"),
    ChoiceField("volume", "Query volume",
                "High means the cost of each query decides whether the product pays.",
                (Option("modest", "Modest"), Option("high", "High: cost per query matters")), "modest"),
    figures.TRAINING_EXAMPLES_FIELD,
    figures.EXAMPLE_QUALITY_FIELD,
    ChoiceField("provider", "Model provider in mind",
                "Fine-tuning availability differs by vendor, as of the 2026-03 source.",
                tuple(Option(v.key, f"{v.name} ({v.models})") for v in VENDORS)
                + (Option("undecided", "Not decided"),), "undecided", source=GUIDE_2026),
)

_LOW, _HIGH = RETRIEVAL_LATENCY_MS
FIGURES = figures.TRAINING_DATA_FIGURES + (
    figures.RETRIEVAL_LATENCY,
    Figure("A large knowledge base (the guide's \u201cmany thousands of documents\u201d)",
           f"{LARGE_CORPUS_DOCUMENTS:,} documents or more, as this advisor reads it", GUIDE_2026),
    Figure("Fine-tuning offered by vendor (as of the 2026-03 source)",
           "; ".join(f"{v.name}: {v.models}" for v in VENDORS), GUIDE_2026),
)


def _preset(name: str, label: str, **answers: Value) -> Preset:
    return Preset(name, label, {f.name: answers.get(f.name, f.default) for f in FIELDS})


# The guide's five real-world examples; each reproduces the approach the guide gives it.
PRESETS = (
    _preset("customer-support", "Customer support bot", knowledge="yes", tone="no", change="weekly",
            citations="yes", prompting="yes", documents=5000, examples=0, quality="raw"),
    _preset("medical-assistant", "Medical diagnosis assistant", knowledge="yes", tone="no",
            reasoning="yes", change="monthly", citations="yes", prompting="yes", documents=20000,
            examples=1500),
    _preset("brand-content", "Brand content generator", knowledge="no", tone="yes", change="never",
            prompting="yes", documents=0, examples=300),
    _preset("legal-analyzer", "Legal document analyzer", knowledge="yes", tone="no", accuracy="yes",
            change="monthly", citations="yes", prompting="yes", documents=50000, examples=1000),
    _preset("code-completion", "Code completion tool", knowledge="no", tone="yes", change="yearly",
            prompting="yes", documents=0, latency="realtime", volume="high", examples=2000,
            provider="open"),
)


@dataclass(frozen=True)
class Line:
    """A rule that fired, in the words the reader sees."""

    rule: str
    when: str
    text: str
    section: str


@dataclass(frozen=True)
class Change:
    """One input changed on its own that gives a different answer."""

    field: str
    question: str
    old: str
    new: str
    value: str  # the new input, as the form and the URL hold it
    outcome: str
    outcome_title: str


@dataclass(frozen=True)
class Step:
    """One of the five questions on the path to the answer."""

    number: int
    question: str
    answer: bool
    counted: bool  # False when the answer has no effect (Q3 without Q1)
    leads_to: str


@dataclass(frozen=True)
class Advice:
    """The recommendation, every rule that fired, what would change it, and the path taken."""

    outcome: str
    title: str
    summary: str
    section: str
    retrieval: bool
    decided_by: str
    reasons: tuple[Line, ...]
    warnings: tuple[Line, ...]
    changes: tuple[Change, ...]
    path: tuple[Step, ...]


def compute(values: dict[str, Value]) -> Advice:
    """Walk the rule table for these answers; a pure function of the validated inputs."""
    facts = facts_from(values)
    deciding = decide(facts)
    outcome = deciding.outcome
    assert outcome is not None
    reasons = [_line(deciding, facts, outcome)]
    reasons += [_line(r, facts, outcome) for r in REASONS if r.test(facts, outcome)]
    return Advice(
        outcome=outcome.key, title=outcome.title, summary=outcome.summary, section=outcome.section,
        retrieval=outcome.retrieval, decided_by=deciding.id, reasons=tuple(reasons),
        warnings=tuple(_line(r, facts, outcome) for r in WARNINGS if r.test(facts, outcome)),
        changes=_changes(values, deciding), path=_path(facts),
    )


def _line(rule: Rule, facts: Facts, outcome: Outcome) -> Line:
    text = rule.then if rule.detail is None else f"{rule.then} {rule.detail(facts, outcome)}"
    return Line(rule.id, rule.when, text, rule.section)


# Number inputs are tried at the figures the rules compare them with, nearest first.
_NUMBER_TRIALS: dict[str, tuple[int, ...]] = {
    "documents": (0, LARGE_CORPUS_DOCUMENTS),
    "examples": (0, figures.STYLE.low, figures.TASK.low),
}


def _trials(field: Field, current: Value) -> list[Value]:
    if isinstance(field, ChoiceField):
        keys = [o.value for o in field.options]
        at = keys.index(str(current))
        return sorted((k for k in keys if k != current), key=lambda k: abs(keys.index(k) - at))
    trials = _NUMBER_TRIALS.get(field.name, ())
    return sorted((t for t in trials if t != current), key=lambda t: abs(t - float(current)))


def _changes(values: dict[str, Value], deciding: Rule) -> tuple[Change, ...]:
    """For each input, the nearest other value that alone gives a different answer."""
    found = []
    for field in FIELDS:
        current = values[field.name]
        for trial in _trials(field, current):
            rule = decide(facts_from({**values, field.name: trial}))
            if rule.outcome is deciding.outcome:
                continue
            assert rule.outcome is not None
            found.append(Change(field.name, field.label, _shown(field, current), _shown(field, trial),
                                field.text(trial), rule.outcome.key, rule.outcome.title))
            break
    return tuple(found)


def _shown(field: Field, value: Value) -> str:
    if isinstance(field, ChoiceField):
        return next(o.label for o in field.options if o.value == value)
    return f"{format_number(float(value))} {field.unit}"


def _path(f: Facts) -> tuple[Step, ...]:
    return (
        Step(1, "Specific, current knowledge?", f.knowledge, True, "RAG"),
        Step(2, "Different behaviour?", f.behaviour, True, "tuning"),
        Step(3, "Changes more than monthly?", f.frequent_change, f.knowledge, "RAG"),
        Step(4, "Citations required?", f.citations, True, "RAG"),
        Step(5, "Both knowledge and behaviour?", f.both, True, "both"),
    )


def render(result: Advice) -> str:
    """The advice as HTML: recommendation, reasons, warnings, what would change it, the path."""
    kind = "tip" if result.outcome == PROMPTS.key else "success"
    parts = [
        verdict(kind, f"Recommendation: {result.title}",
                result.summary, " ", tag("a", f"Guide: {SECTION_NAMES[result.section]}",
                                         href=result.section),
                data_outcome=result.outcome),
        tag("p", tag("strong", "Why")),
        tag("ul", [_item(line) for line in result.reasons], class_="calc-advisor-reasons"),
    ]
    if result.warnings:
        parts.append(tag("div", tag("p", "Warnings", class_="admonition-title"),
                         tag("ul", [_item(line) for line in result.warnings]),
                         class_="admonition warning calc-advisor-warnings"))
    parts.append(tag("p", tag("strong", "What would change the answer")))
    if result.changes:
        parts.append(tag("ul", [tag("li", f"{c.question} {c.old} \u2192 {c.new}: ",
                                    tag("strong", c.outcome_title), data_field=c.field)
                                for c in result.changes], class_="calc-advisor-changes"))
    else:
        parts.append(tag("p", "No single change of input gives a different answer."))
    parts.append(_diagram(result))
    parts.append(tag("p", f"Rules and figures: {GUIDE_2026.label}, checked {GUIDE_2026.checked}.",
                     class_="calc-source"))
    return tag("div", parts, class_="calc-advisor")


def _item(line: Line) -> Markup:
    return tag("li", tag("span", f"{line.when}.", class_="calc-advisor-when"), " ", line.text, " ",
               tag("a", f"Guide: {SECTION_NAMES[line.section]}", href=line.section),
               data_rule=line.rule)


def summarize(result: Advice) -> str:
    """The advice as Markdown, for a design doc."""
    lines = [f"**Recommendation: {result.title}.** {result.summary}", "", "Why:"]
    lines += [f"- {line.when}. {line.text}" for line in result.reasons]
    if result.warnings:
        lines += ["", "Warnings:"] + [f"- {line.when}. {line.text}" for line in result.warnings]
    if result.changes:
        lines += ["", "What would change the answer:"]
        lines += [f"- {c.question} {c.old} \u2192 {c.new}: {c.outcome_title}" for c in result.changes]
    lines += ["", f"_Rules and figures: {GUIDE_2026.label}, checked {GUIDE_2026.checked}._"]
    return "\n".join(lines)


_BOX_W, _MARK_X, _MARK_W, _ROW, _BOX_H = 236, 252, 100, 44, 32


def _diagram(result: Advice) -> Markup:
    marks = [_mark(step) for step in result.path]
    description = ("Path through the five questions: "
                   + "; ".join(f"Q{s.number} {s.question} {m}" for s, m in zip(result.path, marks))
                   + f"; answer: {result.title}.")
    parts: list[Markup] = [tag("title", description)]
    for step, mark in zip(result.path, marks):
        y = 6 + (step.number - 1) * _ROW
        state = "yes" if step.answer and step.counted else "no"
        parts.append(tag(
            "g",
            tag("rect", x=6, y=y, width=_BOX_W, height=_BOX_H, rx=4, class_="calc-advisor-box"),
            tag("text", f"Q{step.number} {step.question}", x=14, y=y + 16, class_="calc-advisor-q"),
            tag("rect", x=_MARK_X, y=y, width=_MARK_W, height=_BOX_H, rx=16, class_="calc-advisor-pill"),
            tag("text", mark, x=_MARK_X + _MARK_W / 2, y=y + 16, class_="calc-advisor-mark"),
            tag("line", x1=124, y1=y + _BOX_H, x2=124, y2=y + _ROW, class_="calc-advisor-link"),
            class_=f"calc-advisor-step calc-advisor-step--{state}", data_step=step.number,
        ))
    y = 6 + 5 * _ROW
    parts.append(tag("g",
                     tag("rect", x=6, y=y, width=346, height=_BOX_H + 4, rx=4, class_="calc-advisor-box"),
                     tag("text", f"Answer: {result.title}", x=14, y=y + 18, class_="calc-advisor-q"),
                     class_="calc-advisor-answer"))
    return tag("svg", parts, viewBox=f"0 0 360 {y + _BOX_H + 12}", role="img",
               class_="calc-chart calc-advisor-path", aria_label=description)


def _mark(step: Step) -> str:
    if not step.answer:
        return "no"
    return f"yes \u2192 {step.leads_to}" if step.counted else "yes, no effect"


def rules_table() -> str:
    """Every rule as an HTML table, in the order compute walks them, for the methodology page."""
    kinds = {"decides": "Decides", "reason": "Reason", "warning": "Warning"}
    head = tag("tr", [tag("th", h, scope="col") for h in ("Rule", "Kind", "When", "Then", "Guide", "Source")])
    rows = [tag("tr",
                tag("td", tag("code", r.id)),
                tag("td", kinds[r.kind]),
                tag("td", r.when),
                tag("td", f"Answer: {r.outcome.title}. " if r.outcome else "", r.then),
                tag("td", tag("a", SECTION_NAMES[r.section], href=r.section)),
                tag("td", f"{r.source.label}, checked {r.source.checked}"))
            for r in RULES]
    caption = tag("caption", "Deciding rules are tried in order and the first that holds gives the "
                             "answer; every reason and warning that holds is shown with it.")
    return tag("table", caption, tag("thead", head), tag("tbody", rows), class_="calc-rules")


CALCULATOR = Calculator(
    name="advisor", title="Decision advisor", fields=FIELDS, presets=PRESETS, figures=FIGURES,
    compute=compute, render=render, summarize=summarize, rules_table=rules_table,
    page="decide/",
)
