"""The calculator widget as HTML, derived from the schema: form, status line, result.

The build renders it once per page with the default result; in the browser only the
result and the per-field messages are replaced, so what the reader typed stays put.
"""

from __future__ import annotations

from .html import Markup, tag
from .schema import ChoiceField, Field, NumberField, Validated

# Shown until the browser script takes over; it stays if scripts or WebAssembly never run.
STATIC_STATUS = (
    "Showing the result for the values above. Changing them recomputes it here in your "
    "browser, which needs JavaScript and WebAssembly."
)


def render_widget(name: str, title: str, fields: tuple[Field, ...], checked: Validated,
                  result_html: str, result_markdown: str, result_csv: str | None) -> Markup:
    """The whole calculator: form, status line, notes, the pre-rendered result and the
    share actions (hidden until the script can run them)."""
    return tag(
        "section",
        tag("p", title, class_="calc-title", id=title_id(name)),
        tag("form", [_field(name, f, checked) for f in fields],
            class_="calc-form", novalidate=True, action=""),
        tag("p", STATIC_STATUS, class_="calc-status", role="status", data_state="static"),
        render_notes(checked.notes),
        # A screen reader reads each new result out when it replaces the last one.
        tag("div", Markup(result_html), class_="calc-result", aria_live="polite",
            data_markdown=result_markdown, data_csv=result_csv),
        _actions(has_csv=result_csv is not None),
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


def _actions(has_csv: bool) -> Markup:
    buttons = [
        tag("button", "Copy link", type="button", data_action="copy-link", class_="md-button"),
        tag("button", "Copy as Markdown", type="button", data_action="copy-markdown",
            class_="md-button"),
    ]
    if has_csv:
        buttons.append(tag("button", "Download CSV", type="button", data_action="download-csv",
                           class_="md-button"))
    return tag("div", buttons, class_="calc-actions", hidden=True)


def _field(calc: str, f: Field, checked: Validated) -> Markup:
    ids = _Ids(calc, f.name)
    error = checked.errors.get(f.name, "")
    message = tag("p", error, class_="calc-error", id=ids.error, data_error_for=f.name,
                  hidden=not error)
    help_text = tag("p", f.help, class_="calc-help", id=ids.help)
    if isinstance(f, NumberField):
        box = tag(
            "input", type="text", id=ids.control, name=f.name, value=checked.state[f.name],
            inputmode="numeric" if f.integer else "decimal", autocomplete="off",
            spellcheck="false", aria_describedby=f"{ids.help} {ids.error}",
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
        class_="calc-field", data_field=f.name, aria_describedby=f"{ids.help} {ids.error}",
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
