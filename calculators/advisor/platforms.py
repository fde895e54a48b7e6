"""The reader's platform and where their data must stay, read against the vendor facts.

The advisor states no vendor fact of its own: which tuning roads are open, closing or closed,
and whose API holds a reply to a schema, all come from `calculators.vendors`, as of its
CHECKED date. This module picks the roads for one reader; `tuning_words` says them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.schema import Option
from ..vendors import (
    CHOSEN_REGION,
    EXISTING_CUSTOMERS,
    FORMAT_SUPPORT,
    OWN_HARDWARE,
    ROUTES,
    FormatSupport,
    can_tune_today,
    format_support,
    routes_for,
)

NOT_DECIDED = "undecided"
# The platform a reader answers with or would use; each value is a platform key of the routes.
PLATFORMS = (
    Option("openai", "OpenAI API (GPT models)"),
    Option("anthropic", "Claude, on any platform"),
    Option("google", "Gemini (Gemini API or Google's Agent Platform)"),
    Option("azure", "Azure AI Foundry (OpenAI's models on Azure)"),
    Option("aws", "Amazon Bedrock (Nova or open-weight models)"),
    Option("open", "An open-weight model (Llama, Qwen, gpt-oss, Mistral)"),
    Option(NOT_DECIDED, "Not decided"),
)
# Whose structured-output facts hold on a platform: only where the model's maker runs the API.
MAKER = {"openai": "openai", "anthropic": "anthropic", "google": "google"}

ANYWHERE = "anywhere"
# Where the data must stay; the two bounded answers are the vendor data's own residency keys.
RESIDENCIES = (
    Option(ANYWHERE, "Anywhere the platform runs it"),
    Option(CHOSEN_REGION, "In a cloud region I choose"),
    Option(OWN_HARDWARE, "On my own hardware"),
)


@dataclass(frozen=True)
class TuningOptions:
    """Where this reader could tune, as route keys of `calculators.vendors` (data, no words)."""

    model_tunable: bool  # False: no model on the reader's platform can be tuned today
    closed: tuple[str, ...]  # the platform's roads that are closed or closing, to say so
    routes: tuple[str, ...]  # open roads that keep the data where it must stay
    elsewhere: bool  # the roads are not on the reader's platform
    separate: bool  # the tuned model is a separate small one, not the answering model
    embedding: bool  # that separate model is the retriever's embedding model


def residency_key(answer: str) -> str | None:
    """The vendor data's residency constant for the reader's answer (None: anywhere)."""
    return None if answer == ANYWHERE else answer


def closed_roads(platform: str) -> tuple[str, ...]:
    """The platform's tuning roads that nobody can start on today."""
    return tuple(r.key for r in ROUTES if platform in r.platforms and not can_tune_today(r))


def model_tunable(platform: str) -> bool:
    """Whether a model on this platform can be tuned today, on a road that is not closing.

    A platform whose own tuning admits only existing customers is closing it, so a new plan
    cannot rest on it (OpenAI's API); a platform with no open road cannot tune at all (Claude).
    """
    if platform == NOT_DECIDED:
        return True
    closing = any(r.access == EXISTING_CUSTOMERS for r in ROUTES if platform in r.platforms)
    return bool(routes_for(platform)) and not closing


def tuning_options(platform: str, residency: str, tunes_model: bool,
                   embedding: bool) -> TuningOptions:
    """The roads to show a reader whose plan tunes a model: their platform's if it tunes and
    the data may go there, else every open road that keeps the data where it must stay."""
    keep = residency_key(residency)
    tunable = model_tunable(platform)
    if embedding:
        # The routes data lists where language models are tuned; an embedding model is
        # tuned wherever its open weights are held, the one road that meets any residency.
        routes, elsewhere = routes_for(residency=OWN_HARDWARE), False
    else:
        mine = routes_for(None if platform == NOT_DECIDED else platform, keep) if tunable else ()
        routes, elsewhere = mine or routes_for(residency=keep), not mine
    return TuningOptions(model_tunable=tunable, closed=closed_roads(platform),
                         routes=tuple(r.key for r in routes), elsewhere=elsewhere,
                         separate=not tunes_model, embedding=embedding)


def format_facts(platform: str) -> tuple[FormatSupport, ...]:
    """Structured-output support for the reader's platform, or every maker's if unknown."""
    mine = format_support(MAKER[platform]) if platform in MAKER else None
    return (mine,) if mine else tuple(f for f in FORMAT_SUPPORT if f.schema_enforced)
