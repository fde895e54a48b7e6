"""The advisor's answer as data: walk the rule table, find what would change the answer, and
pick the tuning roads for the reader's platform. No sentences here; `report` says it."""

from __future__ import annotations

from dataclasses import dataclass

from .. import figures
from ..kit.schema import ChoiceField, Field, Value, flat_fields
from .facts import QUESTION_AND_ANSWER_TOKENS, RETRIEVER, Facts, facts_from
from .inputs import FIELDS
from .platforms import TuningOptions, tuning_options
from .rules import REASONS, WARNINGS, Rule, decide


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
    """The outcome, the rules that fired, what would change it, the path, where to tune."""

    outcome: str
    retrieval: bool
    decided_by: str
    reasons: tuple[str, ...]  # ids of the reason rules that hold, in table order
    warnings: tuple[str, ...]  # likewise for warnings
    changes: tuple[Change, ...]
    path: tuple[Step, ...]
    facts: Facts  # the answers in the rules' terms, which the rules' details read
    tuning: TuningOptions | None  # the roads to tune on, when the plan tunes some model


def compute(values: dict[str, Value]) -> Advice:
    """Walk the rule table for these answers; a pure function of the validated inputs."""
    facts = facts_from(values)
    deciding = decide(facts)
    outcome = deciding.outcome
    assert outcome is not None
    tuning = (tuning_options(facts.platform, facts.residency, outcome.tunes_model,
                             embedding=outcome is RETRIEVER) if outcome.tunes_any else None)
    return Advice(
        outcome=outcome.key, retrieval=outcome.retrieval, decided_by=deciding.id,
        reasons=tuple(r.id for r in REASONS if r.test(facts, outcome)),
        warnings=tuple(r.id for r in WARNINGS if r.test(facts, outcome)),
        changes=_changes(values, deciding), path=_path(facts), facts=facts, tuning=tuning,
    )


def _number_trials(name: str, values: dict[str, Value]) -> tuple[int, ...]:
    """The figures a number is tried at: the edges of the rules that compare it."""
    if name == "examples":
        return (0, figures.STYLE.low, figures.TASK.low)
    documents, length, window = (int(values[k]) for k in ("documents", "document_tokens", "window"))
    room = window - QUESTION_AND_ANSWER_TOKENS  # what the documents may fill
    if name == "documents":  # none, one, and either side of the most that fit
        most = max(room // length, 0)
        return (0, 1, most, most + 1)
    if name == "document_tokens" and documents:  # either side of the longest average that fits
        longest = room // documents
        return (longest, longest + 1) if longest >= 1 else ()
    if name == "window" and documents:  # either side of the smallest window that holds them
        return (documents * length + QUESTION_AND_ANSWER_TOKENS - 1,
                documents * length + QUESTION_AND_ANSWER_TOKENS)
    return ()


def trials(field: Field, values: dict[str, Value]) -> list[Value]:
    """Other values of one input to try, nearest to the current one first."""
    current = values[field.name]
    if isinstance(field, ChoiceField):
        keys = [o.value for o in field.options]
        at = keys.index(str(current))
        return sorted((k for k in keys if k != current), key=lambda k: abs(keys.index(k) - at))
    tried = {t for t in _number_trials(field.name, values)
             if t != current and field.minimum <= t <= field.maximum}
    return sorted(tried, key=lambda t: (abs(t - float(current)), t))


def _changes(values: dict[str, Value], deciding: Rule) -> tuple[Change, ...]:
    """For each input, the nearest other value that alone gives a different answer."""
    found = []
    for field in flat_fields(FIELDS):
        for trial in trials(field, values):
            rule = decide(facts_from({**values, field.name: trial}))
            if rule.outcome is deciding.outcome:
                continue
            assert rule.outcome is not None
            found.append(Change(field.name, field.text(values[field.name]), field.text(trial),
                                rule.outcome.key))
            break
    return tuple(found)


def _path(f: Facts) -> tuple[Step, ...]:
    # Q2: a format-only gap is a yes the site answers with structured outputs, not tuning.
    return (Step(1, f.knowledge, True), Step(2, f.behaviour or f.format, f.behaviour),
            Step(3, f.frequent_change, f.knowledge), Step(4, f.citations, True),
            Step(5, f.both, True))
