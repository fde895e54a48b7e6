"""How each vendor's prompt cache bills writes, and how long it keeps a prompt.

The price table gives each model's cached-read price; what it does not give (the price of
writing a prompt into the cache, the shortest prompt that is cached, how long a cached prompt
lives) is here, per vendor or model family.
"""

from __future__ import annotations

from ..kit.provenance import Judgement
from . import sources as s
from .model import CacheRule, Fact

CACHE_RULES = (
    CacheRule("openai-gpt-5.6-and-later", ("openai-gpt-6*",), 1.25, 1024, 30, Fact(
        "From GPT-5.6 on, OpenAI bills a cache write at 1.25 times the input price and a cached "
        "read at a tenth of it or less; prompts of 1,024 tokens or more are cached for 30 "
        "minutes.", s.OPENAI_CACHING)),
    CacheRule("openai-before-gpt-5.6", ("openai-gpt-5*", "openai-gpt-4*", "openai-ft-*"), 1.0,
              1024, 5, Fact(
        "Before GPT-5.6, OpenAI's cache writes cost nothing extra; prompts of 1,024 tokens or more "
        "are kept for five to ten minutes without use (five here).", s.OPENAI_CACHING)),
    CacheRule("anthropic-5.5", ("anthropic-claude-opus-5-5", "anthropic-claude-sonnet-5-5"), 1.25,
              512, 5, Fact(
                  "Anthropic bills a five-minute cache write at 1.25 times the input price (a "
                  "one-hour write at twice it); Opus 5.5 and Sonnet 5.5 cache prompts from 512 "
                  "tokens.", s.ANTHROPIC_CACHING)),
    CacheRule("anthropic-other", ("anthropic-*",), 1.25, 4096, 5, Fact(
        "Anthropic bills a five-minute cache write at 1.25 times the input price; the smallest "
        "cacheable prompt is 1,024 to 4,096 tokens by model (4,096 for Haiku 4.5; Haiku 5.5 is "
        "not listed, so the largest minimum is assumed).", s.ANTHROPIC_CACHING, "medium")),
    CacheRule("google-implicit", ("google-*",), 1.0, 4096, 5, Fact(
        "Gemini caches repeated prompts of 4,096 tokens or more implicitly, at no charge for the "
        "write and 90% off the read; Google does not say how long an implicit cache lasts, so "
        "five minutes is assumed.", s.GEMINI_CACHING, "medium")),
    CacheRule("other", ("*",), 1.0, 1024, 5, Fact(
        "For Mistral, Fireworks and prices you type, the pages read gave no write price, minimum "
        "or lifetime; the estimate assumes writes at the input price, 1,024 tokens and five "
        "minutes, the terms of OpenAI's older models.", Judgement(
            "With no published terms, the plainest published terms stand in, and the estimate "
            "says so."), "low")),
)
