"""Who can tune what, as page blocks: the routes open today, the roads closed or closing,
and the guide's March 2026 answer to "can I tune ChatGPT or Claude?" beside today's."""

from __future__ import annotations

from ...guide import GUIDE, Guide
from .. import (
    CHECKED,
    CHOSEN_REGION,
    CLOSED,
    EXISTING_CUSTOMERS,
    HOSTS_CLOUD,
    METHODS,
    OWN_HARDWARE,
    PER_TOKEN,
    ROUTES,
    Fact,
    TuningRoute,
    can_tune_today,
)
from .text import CONFIDENCE_WORDS, as_of, in_sentence, lines, source_label, sources_label, table

RESIDENCY_WORDS = {OWN_HARDWARE: "on hardware you run",
                   CHOSEN_REGION: "in a cloud region you choose",
                   HOSTS_CLOUD: "wherever the host runs it"}
ACCESS_WORDS = {CLOSED: "closed", EXISTING_CUSTOMERS: "existing customers only"}
# The guide's answer to "can I tune ChatGPT or Claude?" (March 2026), by the makers the data
# files routes under.
GUIDE_ANSWER = Guide("Can I fine-tune ChatGPT or Claude on my data?")
GUIDE_SAID = (
    ("OpenAI (the GPT models behind ChatGPT)", ("openai",),
     "Tuning offered for GPT-4o and GPT-4o mini, through OpenAI's API."),
    ("Anthropic (Claude)", ("anthropic",),
     "Anthropic “does not currently offer” tuning of Claude models (the guide's words)."),
    ("Google (Gemini)", ("google",), "Tuning offered for Gemini models."),
    ("Amazon (Nova)", ("amazon",), "Not covered."),
    ("Open-weight models", ("open", "mistral"),
     "Llama 3 and Mistral can be tuned freely, within their licences."),
)


def route_facts(r: TuningRoute) -> tuple[Fact, ...]:
    """A route's facts, with the note on its price where the price is a stand-in."""
    return (*r.facts, *((r.price_note,) if r.price_note else ()))


def _billing(r: TuningRoute) -> str:
    factor = r.tuned_price_factor
    if r.serving == PER_TOKEN:
        if factor is None:
            return "per token; the tuned rate was not in the pages read"
        return ("per token, at the base model's price" if factor == 1 else
                f"per token, at {factor:g}× the base model's price")
    tokens = "" if factor is None else f", plus tokens at {factor:g}× the base model's price"
    return f"on a dedicated deployment, billed for the time it runs, used or not{tokens}"


def _dates(r: TuningRoute) -> str:
    parts = [f"last day to start a job {r.jobs_until}"] if r.jobs_until else []
    if r.retires:
        ended = r.retires <= CHECKED
        parts.append(f"{'ended' if ended else 'tuned models retire'} {r.retires}"
                     f"{' or later' if r.retires_or_later and not ended else ''}")
    return "; ".join(parts) or "none announced"


def _route_name(r: TuningRoute) -> str:
    return f"**{r.family}**<br>{r.platform}"


def tuning_routes() -> str:
    """Who can tune what today: every route open on the checked date, and what is uncertain."""
    routes = [r for r in ROUTES if can_tune_today(r)]
    rows = [(_route_name(r), lines(("Methods", ", ".join(METHODS[m] for m in r.methods)),
                                   ("Tuned model served", _billing(r)),
                                   ("Your data stays", RESIDENCY_WORDS[r.residency]),
                                   ("Dates", _dates(r)),
                                   ("Sources", sources_label(route_facts(r)))))
            for r in routes]
    by_fact: dict[Fact, list[str]] = {}
    for r in routes:
        for f in (f for f in route_facts(r) if f.confidence != "high"):
            by_fact.setdefault(f, []).append(f"{r.family} on {in_sentence(r.platform)}")
    notes = [f"- **{' and '.join(names)}**: {f.claim} ({CONFIDENCE_WORDS[f.confidence]}; "
             f"{source_label(f.source)})" for f, names in by_fact.items()]
    return "\n".join([as_of("Where a model can be tuned") + ":", "",
                      *table(("Models and platform", "Tuning, serving and dates"), rows),
                      *(["", "Where a source is less than sure:", "", *notes] if notes else [])])


def closed_routes() -> str:
    """Roads that are closed, or open with an announced end, with their dates."""
    order = {CLOSED: 0, EXISTING_CUSTOMERS: 1}
    routes = sorted((r for r in ROUTES if not can_tune_today(r) or r.jobs_until or r.retires),
                    key=lambda r: (order.get(r.access, 2), r.jobs_until or r.retires or ""))
    status = {r: ACCESS_WORDS.get(r.access) or ("open, with an end announced" if can_tune_today(r)
                                                else "ended") for r in routes}
    rows = [(_route_name(r), lines(("Status", status[r]), ("Dates", _dates(r)),
                                   ("", " ".join(f.claim for f in r.facts)),
                                   ("Sources", sources_label(r.facts))))
            for r in routes]
    return "\n".join([as_of("Tuning routes that are closed or have an announced end") + ":", "",
                      *table(("Models and platform", "Status and dates"), rows)])


def _today_for(makers: tuple[str, ...]) -> str:
    """Where these makers' models can be tuned on the checked date, and which roads closed."""
    mine = [r for r in ROUTES if r.maker in makers]
    open_ = [r for r in mine if can_tune_today(r)]
    shut = [r for r in mine if not can_tune_today(r)]
    where = "; ".join(f"{r.family} on {in_sentence(r.platform)}"
                      + (f" (last day to start a job {r.jobs_until})" if r.jobs_until else "")
                      for r in open_) or "nowhere this site found"
    facts = [f for r in (*open_, *shut) for f in r.facts]
    return lines(("Can be tuned", where + "."),
                 ("Closed", " ".join(f.claim for r in shut for f in r.facts)),
                 ("Sources", sources_label(facts)))


def can_i_tune() -> str:
    """The guide's March 2026 answer beside today's, maker by maker."""
    guide = source_label(GUIDE_ANSWER)
    rows = [(f"**{name}**<br>{said}", _today_for(makers)) for name, makers, said in GUIDE_SAID]
    intro = (f"What the guide said when it was published on {GUIDE.published} ({guide}), beside "
             + as_of("what the vendors' own pages say") + ":")
    header = (f"The guide, published {GUIDE.published}", f"As of {CHECKED}")
    return "\n".join([intro, "", *table(header, rows)])
