"""A calculator's inputs as HTML, derived from the schema: one fieldset per group, the
assumptions folded into a closed <details>. The rest of the widget is in widget.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from .calculator import Calculator
from .html import Markup, tag, unbroken
from .schema import ChoiceField, Field, Group, NumberField, Validated


def render_form(calc: Calculator, checked: Validated, group_lines: Mapping[str, str]) -> Markup:
    """The form; `group_lines` holds each folded group's summary line by the group's index."""
    return tag("form", [_group(calc.name, str(i), g, checked, group_lines.get(str(i), ""))
                        for i, g in enumerate(calc.groups)],
               class_="calc-form", novalidate=True, action="")


def title_id(name: str) -> str:
    """The id of a calculator's title: the anchor a link to the calculator opens at."""
    return f"calc-{name}-title"


def _group(calc: str, index: str, group: Group, checked: Validated, line: str) -> Markup:
    """A group as a fieldset described by its help line; an assumptions group folded
    into a closed <details>."""
    help_id = f"calc-{calc}-group-{index}-help"
    fieldset = tag("fieldset", tag("legend", group.title, class_="calc-group-title"),
                   tag("p", unbroken(group.help), class_="calc-group-help", id=help_id),
                   tag("div", [_field(calc, f, checked) for f in group.fields],
                       class_="calc-group-fields"),
                   class_="calc-group", aria_describedby=help_id)
    if not group.assumptions:
        return fieldset
    # Open when a value inside is wrong, so its message is not hidden from the reader.
    has_error = any(f.name in checked.errors for f in group.fields)
    return tag("details", tag("summary", line, class_="calc-assumptions-summary"), fieldset,
               class_="calc-assumptions", open=has_error, data_group=index)


def _field(calc: str, f: Field, checked: Validated) -> Markup:
    ids = _Ids(calc, f.name)
    error = checked.errors.get(f.name, "")
    message = tag("p", error, class_="calc-error", id=ids.error, data_error_for=f.name,
                  hidden=not error)
    help_text = tag("p", unbroken(f.help), class_="calc-help", id=ids.help) if f.help else None
    described = f"{ids.help} {ids.error}" if f.help else ids.error
    if isinstance(f, NumberField):
        box = tag(
            "input", type="text", id=ids.control, name=f.name, value=checked.state[f.name],
            inputmode="numeric" if f.integer else "decimal", autocomplete="off",
            spellcheck="false", aria_describedby=described,
            aria_invalid="true" if error else None,
        )
        return tag(
            "div",
            tag("label", f.label, for_=ids.control),
            tag("div", box, tag("span", f.unit, class_="calc-unit", aria_hidden="true"),
                class_="calc-input"),
            help_text, message,
            class_="calc-field", data_field=f.name,
        )
    assert isinstance(f, ChoiceField)
    if f.long:
        return _select(ids, f, checked, help_text, message, described)
    return tag(
        "fieldset",
        tag("legend", f.label),
        tag("div", [_radio(ids, f, i, checked.state[f.name]) for i in range(len(f.options))],
            class_="calc-options"),
        help_text, message,
        class_="calc-field", data_field=f.name, aria_describedby=described,
    )


def _radio(ids: _Ids, f: ChoiceField, index: int, current: str) -> Markup:
    option = f.options[index]
    control = f"{ids.control}-{index}"
    return tag(
        "label",
        tag("input", type="radio", id=control, name=f.name, value=option.value,
            checked=option.value == current),
        tag("span", option.label),
        for_=control, class_="calc-option",
    )


def _select(ids: _Ids, f: ChoiceField, checked: Validated, help_text: Markup | None,
            message: Markup, described: str) -> Markup:
    """A long list of options as a drop-down, under their group headings where they have one."""
    current = checked.state[f.name]
    headings = list(dict.fromkeys(o.group for o in f.options))

    def options(group: str) -> list[Markup]:
        return [tag("option", o.label, value=o.value, selected=o.value == current)
                for o in f.options if o.group == group]

    listing = [tag("optgroup", options(g), label=g) if g else options(g) for g in headings]
    return tag(
        "div",
        tag("label", f.label, for_=ids.control),
        tag("select", listing, id=ids.control, name=f.name, aria_describedby=described,
            aria_invalid="true" if checked.errors.get(f.name) else None),
        help_text, message,
        class_="calc-field", data_field=f.name,
    )


class _Ids:
    """Element ids for one field; unique on a page that shows each calculator once."""

    def __init__(self, calc: str, field: str) -> None:
        self.control = f"calc-{calc}-{field}"
        self.help = f"{self.control}-help"
        self.error = f"{self.control}-error"
