"""What every calculator module provides: one `Calculator` value built from its parts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .provenance import Source
from .report import Report, Table
from .schema import Field, Group, Value, flat_fields


@dataclass(frozen=True)
class Preset:
    """A named set of inputs, e.g. one of the guide's real-world examples."""

    name: str
    label: str
    values: Mapping[str, Value]


@dataclass(frozen=True)
class Figure:
    """A figure a calculator's rules rely on, e.g. "500-2,000 examples", with its source."""

    label: str
    value: str
    source: Source


@dataclass(frozen=True)
class Download:
    """A file the reader can save from a result, e.g. the month-by-month costs as CSV."""

    label: str
    filename: str
    media_type: str
    text: str


@dataclass(frozen=True)
class Calculator:
    """A calculator: its grouped inputs, presets, a pure compute step and one report.

    `compute` takes validated values and returns a frozen dataclass of data (numbers,
    keys, flags; no sentences, no HTML). `report` turns that result into a `Report`,
    which kit renders as HTML, Markdown and plain text. `downloads` offers files made
    from the same result.
    """

    name: str
    title: str
    groups: tuple[Group, ...]
    presets: tuple[Preset, ...]
    figures: tuple[Figure, ...]
    compute: Callable[[dict[str, Value]], Any]
    report: Callable[[Any], Report]
    downloads: Callable[[Any], tuple[Download, ...]] = lambda result: ()
    # For calculators whose logic is a rule table: that table, for the methodology page.
    rules_table: Callable[[], Table] | None = None
    # Checks across fields once each is valid alone (e.g. a range's low end above its high end):
    # returns {field: message}, empty when all is well.
    check: Callable[[dict[str, Value]], dict[str, str]] | None = None
    # The site page that places this calculator, as a directory URL relative to the site
    # root (e.g. "decide/"), so the command line can print a link that opens it.
    page: str = ""

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every input, in reading order."""
        return flat_fields(self.groups)
