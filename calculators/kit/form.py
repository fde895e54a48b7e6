"""The calculator widget as HTML, derived from the schema: form, status line, result.

The build renders it once per page with the default result; in the browser only the
result and the per-field messages are replaced, so what the reader typed stays put.
"""

from __future__ import annotations

import dataclasses
import json

from .calculator import Calculator, Download
from .html import Markup, tag
from .report import Report, render_html, render_markdown
from .schema import ChoiceField, Field, Group, NumberField, Validated

# Shown until the browser script takes over; it stays if scripts or WebAssembly never run.
STATIC_STATUS = (
    "Showing the result for the values above. Changing them recomputes it here in your "
    "browser, which needs JavaScript and WebAssembly."
)


def render_widget(calc: Calculator, checked: Validated, report: Report,
                  downloads: tuple[Download, ...]) -> Markup:
    """The whole calculator: grouped form, status line, notes, the pre-rendered result and
    the share actions (hidden until the script can run them)."""
    name = calc.name
    return tag(
        "section",
        tag("p", calc.title, class_="calc-title", id=title_id(name)),
        tag("form", [_group(name, i, g, checked) for i, g in enumerate(calc.groups)],
            class_="calc-form", novalidate=True, action=""),
        tag("p", STATIC_STATUS, class_="calc-status", role="status", data_state="static"),
        render_notes(checked.notes),
        # A screen reader reads each new result out when it replaces the last one.
        tag("div", render_html(report), class_="calc-result", aria_live="polite",
            data_markdown=render_markdown(report),
            data_downloads=json.dumps([dataclasses.asdict(d) for d in downloads])),
        _actions(downloads),
        class_="calc",
        data_calculator=name,
        aria_labelledby=title_id(name),
    )


def title_id(name: str) -> str:
    """The id of a calculator's title: the anchor a link to the calculator opens at."""
    return f"calc-{name}-title"


def render_notes(notes: tuple[str, ...]) -> Markup:
    """Notes about ignored input, e.g. an unknown key in a hand-edited link."""
    return tag("ul", render_note_items(notes), class_="calc-notes", hidden=not notes)


def render_note_items(notes: tuple[str, ...]) -> Markup:
    """The notes' list items, which the browser swaps into the list after each answer."""
    return Markup("".join(tag("li", n) for n in notes))


def _actions(downloads: tuple[Download, ...]) -> Markup:
    buttons = [
        tag("button", "Copy link", type="button", data_action="copy-link", class_="md-button"),
        tag("button", "Copy as Markdown", type="button", data_action="copy-markdown",
            class_="md-button"),
    ]
    # The script reads download I from the result's data-downloads, so it names no file.
    buttons += [tag("button", d.label, type="button", data_action="download", data_download=i,
                    class_="md-button") for i, d in enumerate(downloads)]
    return tag("div", buttons, class_="calc-actions", hidden=True)


def _group(calc: str, index: int, group: Group, checked: Validated) -> Markup:
    """A group as a fieldset; an assumptions group folded into a closed <details>."""
    help_id = f"calc-{calc}-group-{index}-help"
    fieldset = tag("fieldset", tag("legend", group.title, class_="calc-group-title"),
                   tag("p", group.help, class_="calc-group-help", id=help_id),
                   [_field(calc, f, checked) for f in group.fields],
                   class_="calc-group", aria_describedby=help_id)
    if not group.assumptions:
        return fieldset
    changed = sum(checked.state[f.name] != f.text(f.default) for f in group.fields)
    count = len(group.fields)
    summary = f"{group.title}: {count} value{'s' if count != 1 else ''}"
    summary += f", {changed} changed from the default" if changed else ", all at their defaults"
    # Open when a value inside is wrong, so its message is not hidden from the reader.
    has_error = any(f.name in checked.errors for f in group.fields)
    return tag("details", tag("summary", summary, class_="calc-assumptions-summary"), fieldset,
               class_="calc-assumptions", open=has_error, data_changed=changed)


def _field(calc: str, f: Field, checked: Validated) -> Markup:
    ids = _Ids(calc, f.name)
    error = checked.errors.get(f.name, "")
    message = tag("p", error, class_="calc-error", id=ids.error, data_error_for=f.name,
                  hidden=not error)
    help_text = tag("p", f.help, class_="calc-help", id=ids.help) if f.help else None
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


class _Ids:
    """Element ids for one field; unique on a page that shows each calculator once."""

    def __init__(self, calc: str, field: str) -> None:
        self.control = f"calc-{calc}-{field}"
        self.help = f"{self.control}-help"
        self.error = f"{self.control}-error"
