"""Calculator inputs as data: one schema drives the form, validation, URL state and docs.

Everything a reader types arrives here as text (from the form, a shared link or the
command line) or as a plain Python value (from the library API). `validate` turns it
into typed values or a message per field, and never raises.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

from .provenance import ILLUSTRATIVE, Source

Value = Union[int, float, str]

# Longest text we try to read as a number; anything longer is a paste accident.
MAX_NUMBER_TEXT = 40
# Unknown keys are reported, but a hostile link must not produce a page of notes.
MAX_NOTES = 5


@dataclass(frozen=True)
class NumberField:
    """A numeric input with its unit, bounds, and where its default comes from."""

    name: str
    label: str
    unit: str
    help: str
    default: float
    minimum: float
    maximum: float
    integer: bool = False
    source: Source = ILLUSTRATIVE

    def parse(self, raw: object) -> tuple[Value | None, str | None]:
        """Return (value, None) or (None, message) for what the reader entered."""
        number, problem = _read_number(raw)
        if problem:
            return None, problem
        assert number is not None
        if self.integer and number != math.floor(number):
            return None, f"Enter a whole number of {self.unit}."
        if number < self.minimum:
            return None, f"Enter at least {format_number(self.minimum)} {self.unit}."
        if number > self.maximum:
            return None, f"Enter at most {format_number(self.maximum)} {self.unit}."
        return (int(number) if self.integer else number), None

    def text(self, value: Value) -> str:
        """The canonical text of a valid value, as the form and the URL show it."""
        return format_number(float(value), grouping=False)


@dataclass(frozen=True)
class Option:
    """One choice of a ChoiceField: the value kept in the URL and the label a reader sees."""

    value: str
    label: str


@dataclass(frozen=True)
class ChoiceField:
    """An input with a fixed set of options, shown as radio buttons."""

    name: str
    label: str
    help: str
    options: tuple[Option, ...]
    default: str
    source: Source = ILLUSTRATIVE

    def parse(self, raw: object) -> tuple[Value | None, str | None]:
        """Return (value, None) or (None, message) for what the reader chose."""
        text = raw.strip() if isinstance(raw, str) else raw
        for option in self.options:
            if text == option.value:
                return option.value, None
        choices = ", ".join(f"“{o.label}”" for o in self.options)
        return None, f"Choose one of {choices}."

    def text(self, value: Value) -> str:
        """The canonical text of a valid value: the option's value."""
        return str(value)


Field = Union[NumberField, ChoiceField]


@dataclass(frozen=True)
class Group:
    """Inputs a reader fills in together, under one title and one line of help.

    An assumptions group holds values most readers leave alone; the form folds it away.
    """

    title: str
    help: str
    fields: tuple[Field, ...]
    assumptions: bool = False


def flat_fields(groups: tuple[Group, ...]) -> tuple[Field, ...]:
    """Every field of every group, in reading order."""
    return tuple(f for g in groups for f in g.fields)


@dataclass(frozen=True)
class Validated:
    """The outcome of validation: typed values, or a message per field.

    `state` holds, for every field, the text to show in the form and keep in the URL:
    the canonical text of a valid value, or exactly what the reader typed when it was
    not valid, so nothing they entered is lost.
    """

    values: dict[str, Value]
    errors: dict[str, str]
    state: dict[str, str]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when every input was valid."""
        return not self.errors


def defaults(fields: tuple[Field, ...]) -> dict[str, Value]:
    """Every field's default value."""
    return {f.name: f.default for f in fields}


def validate(fields: tuple[Field, ...], raw: object) -> Validated:
    """Check the reader's inputs against the schema; missing fields take their default."""
    notes: list[str] = []
    if not isinstance(raw, Mapping):
        notes.append("The inputs were not a set of named values; the defaults are shown.")
        raw = {}
    values: dict[str, Value] = {}
    errors: dict[str, str] = {}
    state: dict[str, str] = {}
    for f in fields:
        given = raw.get(f.name, f.default)
        value, problem = f.parse(given)
        if problem:
            errors[f.name] = problem
            state[f.name] = given if isinstance(given, str) else repr(given)
        else:
            assert value is not None
            values[f.name] = value
            state[f.name] = f.text(value)
    known = {f.name for f in fields}
    unknown = [str(k) for k in raw if k not in known]
    for key in unknown[:MAX_NOTES]:
        notes.append(f"Ignored “{_shorten(key)}”: this calculator has no input of that name.")
    if len(unknown) > MAX_NOTES:
        notes.append(f"Ignored {len(unknown) - MAX_NOTES} more unknown inputs.")
    return Validated(values, errors, state, tuple(notes))


def format_number(number: float, grouping: bool = True) -> str:
    """Format a number the way a reader writes it: 1,500 or 0.25, never 1500.0 or 1e3."""
    if number == math.floor(number) and abs(number) < 1e15:
        return f"{int(number):,}" if grouping else str(int(number))
    text = f"{number:,.6f}" if grouping else f"{number:.6f}"
    return text.rstrip("0").rstrip(".")


_NUMBER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?")
_NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


def _read_number(raw: object) -> tuple[float | None, str | None]:
    if isinstance(raw, bool):
        return None, "Enter a number, not true or false."
    if isinstance(raw, (int, float)):
        number = float(raw) if abs(raw) < 1e300 else math.inf
    elif isinstance(raw, str):
        text = raw.strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return None, "Enter a number."
        if len(text) > MAX_NUMBER_TEXT:
            return None, "That is too long to be a number."
        if text.lower() in _NOT_FINITE:
            return None, f"Enter a finite number; “{text}” is not one."
        if not _NUMBER.fullmatch(text) or not any(c.isdigit() for c in text):
            return None, f"“{_shorten(text)}” is not a number. Use digits, like 250 or 1,500."
        number = float(text.replace(",", ""))
    else:
        return None, "Enter a number."
    if not math.isfinite(number):
        return None, "That number is too large."
    return number, None


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
