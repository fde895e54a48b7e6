"""What a rule adds for the reader's own answers: their counts, and the dated vendor facts
for their platform, each with the pages it rests on."""

from __future__ import annotations

from ..figures import NOISY_COUNT, REVIEWED_COUNT, TASK
from ..kit.provenance import Source
from ..vendors import ROUTES, can_tune_today, route
from .facts import QUESTION_AND_ANSWER_TOKENS, Facts, Outcome, examples_needed
from .platforms import MAKER, closed_roads, format_facts
from .tuning_words import WITHOUT_TUNING, closed_text, format_text, road_name


def few_examples(f: Facts, o: Outcome) -> str:
    """How many examples the reader has against what this tuning needs."""
    need = examples_needed(f, o)
    text = f"You have {f.examples:,}; this needs at least {need.low:,}."
    if f.curated and need is TASK and f.examples >= REVIEWED_COUNT:
        text += (f" As they are reviewed, a first run is a fair test: {REVIEWED_COUNT} reviewed "
                 f"examples tend to beat {NOISY_COUNT:,} noisy ones.")
    return text


def fits_the_window(f: Facts, o: Outcome) -> str:
    """The documents' tokens, the room kept, and the window they fit."""
    return (f"Your documents come to about {f.knowledge_tokens:,} tokens; with "
            f"{QUESTION_AND_ANSWER_TOKENS:,} kept for the question and the answer, they fit a "
            f"{f.window:,}-token window.")


def schema_support(f: Facts, o: Outcome) -> str:
    """Who holds a reply to a schema: the reader's platform, or every vendor checked."""
    return format_text(format_facts(f.platform), f.platform in MAKER)


def schema_pages(f: Facts) -> tuple[Source, ...]:
    """The pages behind `schema_support`."""
    return tuple(s.fact.source for s in format_facts(f.platform))


def cannot_tune(f: Facts, o: Outcome) -> str:
    """What closed on the reader's platform, in the facts' words, and the options left."""
    return (f"{closed_text(closed_roads(f.platform))} Your options: tune another model on one of "
            f"the roads listed below, {WITHOUT_TUNING}.")


def closed_pages(f: Facts) -> tuple[Source, ...]:
    """The pages behind `cannot_tune`."""
    return tuple(fact.source for k in closed_roads(f.platform) for fact in route(k).facts)


def roads_left_out(f: Facts, o: Outcome) -> str:
    """The closed or closing roads an undecided reader is not offered."""
    gone = "; ".join(road_name(r) for r in ROUTES if not can_tune_today(r))
    return f"Roads that have closed or are closing are left out: {gone}."
