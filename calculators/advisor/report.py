"""The advice in words: the recommendation, why, warnings, and what would change it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kit.report import Item, Link, Report, Section
from ..kit.schema import ChoiceField, Field, flat_fields, format_number
from .diagram import path_diagram
from .inputs import FIELDS
from .facts import OUTCOMES, PAGE_NAMES, PROMPTS, Facts, Outcome
from .rules import RULES, Rule

if TYPE_CHECKING:
    from . import Advice

_BY_ID = {r.id: r for r in RULES}
_BY_NAME = {f.name: f for f in flat_fields(FIELDS)}


def report(result: Advice) -> Report:
    """The recommendation with its guide page, every rule that fired, and the path taken."""
    outcome = OUTCOMES[result.outcome]
    fired = (_BY_ID[result.decided_by], *(_BY_ID[i] for i in result.reasons))
    warnings = tuple(_BY_ID[i] for i in result.warnings)
    sections = [Section("Why", tuple(_item(r, result.facts, outcome) for r in fired),
                        css_class="calc-advisor-reasons")]
    if warnings:
        sections.append(Section("Warnings", tuple(_item(r, result.facts, outcome) for r in warnings),
                                tone="warning", css_class="calc-advisor-warnings"))
    sections.append(Section(
        "What would change the answer",
        tuple(Item(f"{_BY_NAME[c.field].label} {_shown(c.field, c.old)} \u2192 {_shown(c.field, c.new)}",
                   outcome=OUTCOMES[c.outcome].title, data=(("field", c.field),))
              for c in result.changes),
        empty="No single change of input gives a different answer.",
        css_class="calc-advisor-changes"))
    return Report(
        kind="advisor", headline=f"Recommendation: {outcome.title}",
        tone="tip" if outcome is PROMPTS else "success", summary=outcome.summary,
        summary_link=_guide_link(outcome.page), verdict_data=(("outcome", outcome.key),),
        chart=path_diagram(result.path, outcome.title), sections=tuple(sections),
        sources=tuple(r.source for r in (*fired, *warnings)), sources_text="Rules",
    )


def _item(rule: Rule, facts: Facts, outcome: Outcome) -> Item:
    text = rule.then if rule.detail is None else f"{rule.then} {rule.detail(facts, outcome)}"
    return Item(text, lead=rule.when, link=_guide_link(rule.page), data=(("rule", rule.id),))


def _guide_link(page: str) -> Link:
    return Link(f"Guide: {PAGE_NAMES[page]}", page)


def _shown(name: str, text: str) -> str:
    field: Field = _BY_NAME[name]
    if isinstance(field, ChoiceField):
        return next(o.label for o in field.options if o.value == text)
    return f"{format_number(float(text))} {field.unit}"

