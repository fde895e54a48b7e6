"""Weeks to production for each approach, from the guide's ranges and the site's reading."""

from __future__ import annotations

from ..kit.provenance import Judgement
from .approaches import APPROACHES, LONG_CONTEXT, PROMPT, RAG, TUNED, TUNED_RAG
from .plan import BANDS, Band, Range

# The guide times RAG and fine-tuning only; a prompt or a long prompt has no pipeline to build.
PROMPT_WEEKS = Range(0.5, 1)
PROMPT_WEEKS_READING = Judgement("The guide times only RAG and fine-tuning; a prompt, or documents "
                                 "placed in it, needs writing and testing but no pipeline, so half "
                                 "a week to a week.")


def weeks_to_production(rag: Range, tuned: Range) -> dict[str, Band]:
    """Weeks until each approach is live; tuning on top of RAG follows the guide's path: RAG first."""
    ranges = {PROMPT: PROMPT_WEEKS, LONG_CONTEXT: PROMPT_WEEKS, RAG: rag, TUNED: tuned,
              TUNED_RAG: Range(rag.low + tuned.low, rag.high + tuned.high)}
    return {a: Band.of([ranges[a].at(b) for b in BANDS]) for a in APPROACHES}
