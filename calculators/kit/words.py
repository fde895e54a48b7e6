"""Values in words: counts ("1 token", "2 tokens", "1,500 tokens", so no sentence says
"1 tokens") and a choice by the label the reader saw."""

from __future__ import annotations

from .numbers import format_number
from .schema import ChoiceField


def counted(number: float, singular: str, plural: str | None = None) -> str:
    """`number` with its noun, singular for exactly one: counted(1, "chunk") -> "1 chunk"."""
    return f"{format_number(number)} {noun(number, singular, plural)}"


def noun(number: float, singular: str, plural: str | None = None) -> str:
    """The noun for `number` of them: the singular for exactly one, else the plural."""
    return singular if number == 1 else (plural or singular + "s")


def choice_label(field: ChoiceField, value: str) -> str:
    """The label the form shows for one of `field`'s values: choice_label(goal, "task") -> "A task"."""
    return next(option.label for option in field.options if option.value == value)
