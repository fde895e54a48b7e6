"""A calculator's reference: every input default and figure with its source, from the schema.

The methodology page and the command line both print this, so no default, range or
source is ever typed by hand a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from .calculator import Calculator
from .html import Markup, tag
from .schema import ChoiceField, Field, NumberField, Source, format_number

# What a default without a source is: a starting point for the reader's own figure.
ILLUSTRATIVE = "illustrative: enter your own"


@dataclass(frozen=True)
class InputRow:
    """One input as the reference shows it, all text."""

    name: str
    label: str
    default: str
    allowed: str
    source: str
    source_url: str | None = None


@dataclass(frozen=True)
class FigureRow:
    """One figure a calculator relies on, all text."""

    label: str
    value: str
    source: str
    checked: str
    source_url: str | None = None


def input_rows(calc: Calculator) -> tuple[InputRow, ...]:
    """Every input of `calc`: its default with unit, what is allowed, and where it comes from."""
    return tuple(InputRow(f.name, f.label, _default(f), _allowed(f), _source(f.source),
                          f.source.url if f.source else None)
                 for f in calc.fields)


def figure_rows(calc: Calculator) -> tuple[FigureRow, ...]:
    """Every figure `calc` relies on, with its source and the date it was checked."""
    return tuple(FigureRow(f.label, f.value, f.source.label, f.source.checked, f.source.url)
                 for f in calc.figures)


def render_reference(calc: Calculator) -> Markup:
    """The reference as HTML: the inputs table, the figures table and any rules table."""
    rows = input_rows(calc)
    inputs = _table(
        ("Input", "Default", "Allowed", "Source"),
        [(tag("strong", r.label), tag("br"), tag("code", r.name)) for r in rows],
        [(r.default, r.allowed, _linked(r.source, r.source_url)) for r in rows],
    )
    parts: list[Markup] = [tag("p", tag("strong", f"{calc.title}: inputs")), inputs]
    figures = figure_rows(calc)
    if figures:
        parts += [
            tag("p", tag("strong", f"{calc.title}: figures it relies on")),
            _table(("Figure", "Value", "Source", "Checked"),
                   [(r.label,) for r in figures],
                   [(r.value, _linked(r.source, r.source_url), r.checked) for r in figures]),
        ]
    if calc.rules_table is not None:
        parts += [tag("p", tag("strong", f"{calc.title}: rules")),
                  # It scrolls sideways on a phone, so keyboard users must be able to reach it.
                  tag("div", Markup(calc.rules_table()), class_="calc-reference-rules",
                      tabindex="0", role="region", aria_label=f"{calc.title}: rules")]
    return tag("div", parts, class_="calc-reference", data_calculator=calc.name)


def _table(headings: tuple[str, ...], first_cells: list[tuple], other_cells: list[tuple]) -> Markup:
    # No class on <table>: Material styles only class-less tables in the page body.
    head = tag("thead", tag("tr", [tag("th", h, scope="col") for h in headings]))
    # data-label lets a narrow screen show each row as a card, each cell named.
    rows = [tag("tr", tag("th", list(first), scope="row"),
                [tag("td", c, data_label=h) for h, c in zip(headings[1:], rest)])
            for first, rest in zip(first_cells, other_cells)]
    return tag("table", head, tag("tbody", rows))


def _linked(text: str, url: str | None) -> Markup | str:
    return tag("a", text, href=url) if url else text


def _default(f: Field) -> str:
    if isinstance(f, NumberField):
        return f"{format_number(f.default)} {f.unit}"
    return next(o.label for o in f.options if o.value == f.default)


def _allowed(f: Field) -> str:
    if isinstance(f, NumberField):
        kind = "whole numbers " if f.integer else ""
        return f"{kind}from {format_number(f.minimum)} to {format_number(f.maximum)} {f.unit}"
    assert isinstance(f, ChoiceField)
    return "one of: " + "; ".join(o.label for o in f.options)


def _source(source: Source | None) -> str:
    if source is None:
        return ILLUSTRATIVE
    return f"{source.label}, checked {source.checked}"
