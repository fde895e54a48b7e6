"""Counts in words: "1 token", "2 tokens", "1,500 tokens", so no sentence says "1 tokens"."""

from __future__ import annotations

from .numbers import format_number


def counted(number: float, singular: str, plural: str | None = None) -> str:
    """`number` with its noun, singular for exactly one: counted(1, "chunk") -> "1 chunk"."""
    return f"{format_number(number)} {noun(number, singular, plural)}"


def noun(number: float, singular: str, plural: str | None = None) -> str:
    """The noun for `number` of them: the singular for exactly one, else the plural."""
    return singular if number == 1 else (plural or singular + "s")


