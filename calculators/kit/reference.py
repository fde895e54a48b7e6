"""A calculator's reference: every input default, figure and rule with its source.

The methodology page and the command line both read this, so no default, range or
source is ever typed by hand a second time. Every row names the kind of its source
(the guide, a dataset, or this site's judgement) and that source's detail.
"""

from __future__ import annotations

from dataclasses import dataclass

from .calculator import Calculator
from .html import Markup, tag
from .numbers import RULE_EXAMPLES, read_number_text
from .provenance import Source
from .report import render_table_html
from .schema import ChoiceField, Field, NumberField, format_number


@dataclass(frozen=True)
class InputRow:
    """One input as the reference shows it, all text but its source."""

    name: str
    label: str
    group: str
    default: str
    allowed: str
    source: Source


def input_rows(calc: Calculator) -> tuple[InputRow, ...]:
    """Every input of `calc`: its group, default with unit, what is allowed, and its source."""
    return tuple(InputRow(f.name, f.label, g.title, _default(f), _allowed(f), f.source)
                 for g in calc.groups for f in g.fields)


def render_reference(calc: Calculator) -> Markup:
    """The reference as HTML: the inputs table, the figures table and any rules table."""
    rows = input_rows(calc)
    inputs = _table(
        ("Input", "Default", "Allowed", "Source", "Detail"),
        [(tag("strong", r.label), tag("br"), tag("code", r.name)) for r in rows],
        [(r.default, r.allowed, r.source.kind, r.source.detail) for r in rows],
    )
    parts: list[Markup] = [tag("p", tag("strong", f"{calc.title}: inputs")), inputs]
    if calc.figures:
        parts += [
            tag("p", tag("strong", f"{calc.title}: figures it relies on")),
            _table(("Figure", "Value", "Source", "Detail"),
                   [(f.label,) for f in calc.figures],
                   [(f.value, f.source.kind, f.source.detail) for f in calc.figures]),
        ]
    if calc.rules_table is not None:
        parts += [tag("p", tag("strong", f"{calc.title}: rules")),
                  # It scrolls sideways on a phone, so keyboard users must be able to reach it.
                  tag("div", render_table_html(calc.rules_table()), class_="calc-reference-rules",
                      tabindex="0", role="region", aria_label=f"{calc.title}: rules")]
    # Folded: the methodology page lists every calculator's tables, over 2,000 elements in
    # all, and a closed <details> is neither styled nor laid out until opened, which keeps a
    # phone's first load short. Unlike `content-visibility: auto`, it also hides the tables
    # honestly from accessibility checkers, which could not read colours in skipped content.
    return tag("details", tag("summary", _summary(calc, len(rows))),
               tag("div", parts, class_="calc-reference", data_calculator=calc.name),
               class_="calc-reference-fold")


def render_number_rules() -> Markup:
    """The number rule (kit.numbers), shown by what each example reads as in any field."""
    readings = [read_number_text(text) for text in RULE_EXAMPLES]
    return _table(("You type", "What a field, a link and the command line read"),
                  [(tag("code", text),) for text in RULE_EXAMPLES],
                  [(r.problem or format_number(r.number),) for r in readings])


def _summary(calc: Calculator, inputs: int) -> str:
    """What the folded tables hold, counted: "Cost estimator: 12 inputs and 9 figures"."""
    counts = [_count(inputs, "input"), _count(len(calc.figures), "figure")]
    if calc.rules_table is not None:
        counts.append(_count(len(calc.rules_table().rows), "rule"))
    listed = [c for c in counts if c]
    said = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return f"{calc.title}: {said}, each with its source"


def _count(n: int, noun: str) -> str:
    return "" if n == 0 else f"{n:,} {noun}{'' if n == 1 else 's'}"


def _table(headings: tuple[str, ...], first_cells: list[tuple], other_cells: list[tuple]) -> Markup:
    # No class on <table>: the page's tables get the site's table look (build_hooks/tables.py).
    head = tag("thead", tag("tr", [tag("th", h, scope="col") for h in headings]))
    # data-label lets a narrow screen show each row as a card, each cell named.
    rows = [tag("tr", tag("th", list(first), scope="row"),
                [tag("td", c, data_label=h) for h, c in zip(headings[1:], rest, strict=True)])
            for first, rest in zip(first_cells, other_cells, strict=True)]
    return tag("table", head, tag("tbody", rows))


def _default(f: Field) -> str:
    return f.shown(f.default)


def _allowed(f: Field) -> str:
    if isinstance(f, NumberField):
        kind = "whole numbers " if f.integer else ""
        return f"{kind}from {format_number(f.minimum)} to {format_number(f.maximum)} {f.unit}"
    assert isinstance(f, ChoiceField)
    return "one of: " + "; ".join(o.label for o in f.options)
