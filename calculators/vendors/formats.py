"""Which vendors can hold a model's output to a JSON schema: the first answer to a format gap."""

from __future__ import annotations

from . import sources as s
from .model import Fact, FormatSupport

FORMAT_SUPPORT = (
    FormatSupport("openai", "OpenAI", True, Fact(
        "OpenAI's Structured Outputs hold a reply to a JSON schema, and strict function calling "
        "holds tool arguments to theirs, from GPT-4o on, GPT-6 models included.",
        s.OPENAI_GPT6_LUNA)),
    FormatSupport("anthropic", "Anthropic", True, Fact(
        "Claude's structured outputs hold a reply to a JSON schema, with strict tool use, on the "
        "Claude API and Bedrock for Claude 4.5 and later.", s.ANTHROPIC_STRUCTURED)),
    FormatSupport("google", "Google", True, Fact(
        "Gemini takes a response schema (and an enum type for classification) but only a subset "
        "of OpenAPI's fields; fields outside it are ignored without a warning.",
        s.GEMINI_STRUCTURED)),
    FormatSupport("mistral", "Mistral", True, Fact(
        "Mistral holds replies to a JSON schema on all its models since 2025-01-28.",
        s.MISTRAL_STRUCTURED)),
)
