"""Calculator inputs as data: one schema drives the form, validation, URL state and docs.

Everything a reader types arrives here as text (from the form, a shared link or the
command line) or as a plain Python value (from the library API). `validate` turns it
into typed values or a message per field, and never raises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

from .numbers import exact_text, format_number, number_from_value, read_number_text, shorten, value_text
from .provenance import ILLUSTRATIVE, Source

Value = Union[int, float, str]

# More choices than this are a list to pick from rather than a row of radio buttons.
MOST_RADIOS = 6
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
        if number is None:
            return None, problem
        if math.isnan(number):
            return None, (f"NaN is not a number: enter one from {format_number(self.minimum)} "
                          f"to {format_number(self.maximum)} {self.unit}.")
        if self.integer and math.isfinite(number) and number != math.floor(number):
            return None, f"Enter a whole number of {self.unit}."
        if number < self.minimum:
            return None, f"Enter at least {format_number(self.minimum)} {self.unit}."
        if number > self.maximum:
            return None, f"Enter at most {format_number(self.maximum)} {self.unit}."
        return (int(number) if self.integer else number), None

    def text(self, value: Value) -> str:
        """The canonical text of a valid value, as the form and the URL show it: it reads
        back as exactly the same number, so a link reopens the same answer."""
        return exact_text(float(value))

    def shown(self, value: Value) -> str:
        """A valid value as a reader reads it: the number, grouped, and its unit."""
        return f"{format_number(float(value))} {self.unit}"


@dataclass(frozen=True)
class Option:
    """One choice of a ChoiceField: the value kept in the URL and the label a reader sees."""

    value: str
    label: str
    group: str = ""  # a long list shows its options under these headings, e.g. the provider


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
        """Return (value, None) or (None, message) for what the reader chose.

        An option's value or its label is accepted, in any case and spacing: a message
        that names a label must not then refuse it.
        """
        if isinstance(raw, str):
            typed = _folded(raw)
            for option in self.options:
                if typed in (_folded(option.value), _folded(option.label)):
                    return option.value, None
        choices = ", ".join(o.value if _folded(o.label) == _folded(o.value)
                            else f"{o.value} (“{o.label}”)" for o in self.options)
        return None, f"Choose one of: {choices}."

    @property
    def long(self) -> bool:
        """Too many options for radio buttons: the form shows a drop-down list instead."""
        return len(self.options) > MOST_RADIOS

    def text(self, value: Value) -> str:
        """The canonical text of a valid value: the option's value."""
        return str(value)

    def shown(self, value: Value) -> str:
        """A valid value as a reader reads it: its option's label."""
        return next(o.label for o in self.options if o.value == value)


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
    if not isinstance(raw, Mapping):
        example = f"{{\"{fields[0].name}\": …}}"
        problem = f"The inputs must be named values, like {example}, not {_kind(raw)}."
        state = {f.name: f.text(f.default) for f in fields}  # the form still shows something
        return Validated({}, {"": problem}, state, ())
    notes: list[str] = []
    values: dict[str, Value] = {}
    errors: dict[str, str] = {}
    state: dict[str, str] = {}
    for f in fields:
        given = raw.get(f.name, f.default)
        value, problem = f.parse(given)
        if problem:
            errors[f.name] = problem
            state[f.name] = value_text(given)  # what was given, never lost
        else:
            assert value is not None
            values[f.name] = value
            state[f.name] = f.text(value)
    known = {f.name for f in fields}
    unknown = [k for k in raw if k not in known]
    for key in unknown[:MAX_NOTES]:
        shown = shorten(value_text(key))
        notes.append(f"Ignored “{shown}”: this calculator has no input of that name.")
    if len(unknown) > MAX_NOTES:
        notes.append(f"Ignored {len(unknown) - MAX_NOTES} more unknown inputs.")
    return Validated(values, errors, state, tuple(notes))


def _read_number(raw: object) -> tuple[float | None, str | None]:
    """A number (perhaps infinite or NaN, which the field words itself) or why there is none."""
    if isinstance(raw, bool):
        return None, "Enter a number, not true or false."
    if isinstance(raw, (int, float)):
        return number_from_value(raw), None
    if isinstance(raw, str):
        reading = read_number_text(raw)
        return reading.number, reading.problem
    return None, "Enter a number."


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _kind(raw: object) -> str:
    """What a caller passed instead of named values, in a caller's words."""
    if raw is None:
        return "null"
    kinds = {bool: "true or false", str: "text", list: "a list", tuple: "a list", int: "a number",
             float: "a number"}
    return kinds.get(type(raw), f"a {type(raw).__name__}")
