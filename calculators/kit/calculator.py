"""What every calculator module provides: one `Calculator` value built from its parts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .schema import Field, Source, Value


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
class Calculator:
    """A calculator: its input schema, presets, a pure compute step and an HTML renderer.

    `compute` takes validated values and returns a frozen dataclass (no HTML, no I/O);
    `render` turns that result into HTML and `summarize` into Markdown (what "copy as
    Markdown" puts on the clipboard). Keeping them apart lets the command line and the
    tests use the result without parsing markup.
    """

    name: str
    title: str
    fields: tuple[Field, ...]
    presets: tuple[Preset, ...]
    figures: tuple[Figure, ...]
    compute: Callable[[dict[str, Value]], Any]
    render: Callable[[Any], str]
    summarize: Callable[[Any], str]
    # For calculators whose logic is a rule table: that table as HTML, for the methodology page.
    rules_table: Callable[[], str] | None = None
    # Checks across fields once each is valid alone (e.g. a range's low end above its high end):
    # returns {field: message}, empty when all is well.
    check: Callable[[dict[str, Value]], dict[str, str]] | None = None
    # The site page that places this calculator, as a directory URL relative to the site
    # root (e.g. "decide/"), so the command line can print a link that opens it.
    page: str = ""
