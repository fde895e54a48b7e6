"""Announced retirements and price changes of the models a reader may answer with.

Keyed by the price table's model keys; a model with no entry has no date announced in the
pages read, which the estimator says rather than assuming it lives for ever.
"""

from __future__ import annotations

from . import sources as s
from .model import Fact, Lifecycle

_GPT_4_SHUTDOWN = Fact("OpenAI shuts GPT-4o, GPT-4o mini, GPT-4.1 and GPT-4.1 mini down on "
                       "2027-01-14, about three months after announcing it.",
                       s.OPENAI_DEPRECATIONS)

LIFECYCLES = (
    Lifecycle("openai-gpt-5-mini", Fact("OpenAI shuts GPT-5, GPT-5 mini and GPT-5 nano down on "
                                        "2026-12-11.", s.OPENAI_DEPRECATIONS), "2026-12-11"),
    *(Lifecycle(key, _GPT_4_SHUTDOWN, "2027-01-14")
      for key in ("openai-gpt-4.1", "openai-gpt-4.1-mini", "openai-gpt-4o", "openai-gpt-4o-mini",
                  "openai-ft-gpt-4o", "openai-ft-gpt-4o-mini")),
    Lifecycle("openai-gpt-3.5-turbo", Fact("OpenAI shut gpt-3.5-turbo and its fine-tunes down on "
                                           "2026-10-23.", s.OPENAI_DEPRECATIONS), "2026-10-23"),
    Lifecycle("openai-ft-gpt-3.5-turbo", Fact("OpenAI shut gpt-3.5-turbo and its fine-tunes down "
                                              "on 2026-10-23.", s.OPENAI_DEPRECATIONS),
              "2026-10-23"),
    Lifecycle("google-gemini-2.5-pro", Fact(
        "The Gemini API shut Gemini 2.5 Pro down on 2026-12-01, routing its calls to a newer "
        "model at that model's price; Google's dates for this retirement disagree between pages.",
        s.GEMINI_DEPRECATIONS, "medium"), "2026-12-01"),
    Lifecycle("google-gemini-3.5-flash-lite", Fact(
        "Gemini 3.5 Flash-Lite retires on 2027-07-21 or later.", s.GEAP_LIFECYCLE),
        "2027-07-21", or_later=True),
    Lifecycle("google-gemini-3.8-flash", Fact(
        "Gemini 3.8 Flash is a short-availability model, retired 45 days after its replacement "
        "ships (Agent Platform lifecycle); its price doubles on 2027-01-01, from 0.75 to 1.50 "
        "USD per million input tokens (Gemini API pricing, read through a third-party copy).",
        s.GEMINI_PRICING, "medium"), price_change="2027-01-01"),
)
