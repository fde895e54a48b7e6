"""Decision advisor: the guide's five questions as a calculator that explains its answer.

The rules live in `rules` as a table; this module holds the inputs, walks the table and
finds which single change of input would flip the answer. `report` puts it into words
and `diagram` draws the path through the five questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import figures
from ..kit.calculator import Calculator, Figure, Preset
from ..kit.schema import ChoiceField, Field, Value, flat_fields
from .inputs import FIELDS
from .report import report
from .facts import (LARGE_CORPUS, LARGE_CORPUS_DOCUMENTS, VENDORS, VENDORS_SOURCE, Facts,
                    facts_from)
from .rules import REASONS, WARNINGS, Rule, decide, rules_table

FIGURES = figures.TRAINING_DATA_FIGURES + (
    figures.RETRIEVAL_LATENCY,
    Figure("A large knowledge base", f"{LARGE_CORPUS_DOCUMENTS:,} documents or more", LARGE_CORPUS),
    Figure("Fine-tuning offered by vendor (as of the 2026-03 source)",
           "; ".join(f"{v.name}: {v.models}" for v in VENDORS), VENDORS_SOURCE),
)


def _preset(name: str, label: str, **answers: Value) -> Preset:
    return Preset(name, label, {f.name: answers.get(f.name, f.default) for f in flat_fields(FIELDS)})


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
class Change:
    """One input changed on its own that gives a different answer."""

    field: str
    old: str  # the input now, as the form and the URL hold it
    new: str  # the input that flips the answer, likewise
    outcome: str  # the outcome it gives instead


@dataclass(frozen=True)
class Step:
    """One of the five questions on the path to the answer."""

    number: int
    answer: bool
    counted: bool  # False when the answer has no effect (Q3 without Q1)


@dataclass(frozen=True)
class Advice:
    """The outcome, the rules that fired, what would change it, and the path taken."""

    outcome: str
    retrieval: bool
    decided_by: str
    reasons: tuple[str, ...]  # ids of the reason rules that hold, in table order
    warnings: tuple[str, ...]  # likewise for warnings
    changes: tuple[Change, ...]
    path: tuple[Step, ...]
    facts: Facts  # the answers in the rules' terms, which the rules' details read


def compute(values: dict[str, Value]) -> Advice:
    """Walk the rule table for these answers; a pure function of the validated inputs."""
    facts = facts_from(values)
    deciding = decide(facts)
    outcome = deciding.outcome
    assert outcome is not None
    return Advice(
        outcome=outcome.key, retrieval=outcome.retrieval, decided_by=deciding.id,
        reasons=tuple(r.id for r in REASONS if r.test(facts, outcome)),
        warnings=tuple(r.id for r in WARNINGS if r.test(facts, outcome)),
        changes=_changes(values, deciding), path=_path(facts), facts=facts,
    )


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
    for field in flat_fields(FIELDS):
        current = values[field.name]
        for trial in _trials(field, current):
            rule = decide(facts_from({**values, field.name: trial}))
            if rule.outcome is deciding.outcome:
                continue
            assert rule.outcome is not None
            found.append(Change(field.name, field.text(current), field.text(trial), rule.outcome.key))
            break
    return tuple(found)


def _path(f: Facts) -> tuple[Step, ...]:
    return (Step(1, f.knowledge, True), Step(2, f.behaviour, True),
            Step(3, f.frequent_change, f.knowledge), Step(4, f.citations, True),
            Step(5, f.both, True))


CALCULATOR = Calculator(
    name="advisor", title="Decision advisor", groups=FIELDS, presets=PRESETS, figures=FIGURES,
    compute=compute, report=report, rules_table=rules_table, page="decide/",
)
