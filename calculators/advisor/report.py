"""The advice in words: the recommendation, why, warnings, where to tune, and what would
change it."""

from __future__ import annotations

from ..kit.provenance import Judgement, Source
from ..kit.report import Item, KeyFigure, Link, Report, Section
from ..kit.schema import flat_fields
from ..vendors import route
from .advice import Advice
from .diagram import path_diagram
from .facts import OUTCOMES, PAGE_NAMES, PROMPTS, RETRIEVAL_LATENCY_MS, STRUCTURED, Facts, Outcome
from .inputs import FIELDS
from .platforms import TuningOptions
from .rules import RULES, Rule
from .tuning_words import road_name, road_sources, road_text, section_title

# Said after a reason or warning that rests on the site's judgement; the sources line gives why.
JUDGEMENT_MARK = "(This site's judgement, not the guide's.)"
_BY_ID = {r.id: r for r in RULES}
_BY_NAME = {f.name: f for f in flat_fields(FIELDS)}
_LOW, _HIGH = RETRIEVAL_LATENCY_MS


def report(result: Advice) -> Report:
    """The recommendation with its guide page, every rule that fired, where to tune, the path."""
    outcome = OUTCOMES[result.outcome]
    fired = (_BY_ID[result.decided_by], *(_BY_ID[i] for i in result.reasons))
    warnings = tuple(_BY_ID[i] for i in result.warnings)
    sections = [Section("Why", tuple(_item(r, result.facts, outcome) for r in fired),
                        css_class="calc-advisor-reasons")]
    if warnings:
        sections.append(Section("Warnings", tuple(_item(r, result.facts, outcome) for r in warnings),
                                tone="warning", css_class="calc-advisor-warnings"))
    if result.tuning is not None:
        sections.append(_roads(result.tuning))
    sections.append(Section(
        "What would change the answer",
        tuple(Item(f"{_BY_NAME[c.field].label} {_BY_NAME[c.field].shown(c.old)} \u2192 "
                   f"{_BY_NAME[c.field].shown(c.new)}",
                   outcome=OUTCOMES[c.outcome].title, data=(("field", c.field),))
              for c in result.changes),
        empty="No single change of input gives a different answer.",
        css_class="calc-advisor-changes"))
    rules = (*fired, *warnings)
    vendor_pages: tuple[Source, ...] = tuple(s for r in rules for s in r.cites(result.facts))
    if result.tuning is not None:
        vendor_pages += road_sources(result.tuning)
    condition = condition_of(result)
    because = _BY_ID[result.decided_by].short
    return Report(
        kind="advisor", headline=f"Recommendation: {outcome.title}",
        tone="tip" if outcome in (PROMPTS, STRUCTURED) else "success", summary=outcome.summary,
        summary_link=_guide_link(outcome.page), verdict_data=(("outcome", outcome.key),),
        key_figures=(KeyFigure("Because", because),),
        condition=condition,
        chart=path_diagram(result.path, outcome.title, because, condition=condition),
        sections=tuple(sections),
        sources=(*(r.source for r in rules), *vendor_pages),
        sources_text="Rules and vendor facts" if vendor_pages else "Rules",
    )


# Warnings that undo the answer unless something holds: the answer is said with that condition.
CONDITIONS = {
    "realtime-with-retrieval": f"if retrieval's {_LOW}-{_HIGH} ms fits your real-time budget",
    "platform-cannot-tune": "on another model: yours cannot be tuned",
}


def condition_of(result: Advice) -> str:
    """The condition the answer holds under, from the first warning that undoes it."""
    return next((CONDITIONS[w] for w in result.warnings if w in CONDITIONS), "")


def _item(rule: Rule, facts: Facts, outcome: Outcome) -> Item:
    text = rule.then if rule.detail is None else f"{rule.then} {rule.detail(facts, outcome)}"
    if isinstance(rule.source, Judgement):
        text += f" {JUDGEMENT_MARK}"
    return Item(text, lead=rule.when, link=_guide_link(rule.page), data=(("rule", rule.id),))


def _roads(options: TuningOptions) -> Section:
    """The open roads, each with what it costs and until when; then the platform's closed ones,
    said as closed, unless a warning has already said so."""
    items = [Item(road_text(route(k)), lead=road_name(route(k)), data=(("route", k),))
             for k in options.routes]
    if options.model_tunable and not options.embedding:
        items += [Item(" ".join(f.claim for f in route(k).facts),
                       lead=f"Closed: {road_name(route(k))}", data=(("closed", k),))
                  for k in options.closed]
    return Section(section_title(options), tuple(items), css_class="calc-advisor-roads")


def _guide_link(page: str) -> Link:
    return Link(f"Guide: {PAGE_NAMES[page]}", page)
