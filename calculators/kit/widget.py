"""The calculator widget as HTML: title, presets, headline, grouped form and result.

The build renders it once per page with the default result. In the browser only the
result, the headline, the per-field messages and the lines `form_status` gives (which
preset the form holds, what each folded group holds) change, so what the reader typed
stays put.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .calculator import Calculator, Download
from .form import render_form, title_id
from .html import Markup, tag
from .links import state_query
from .report import Report, render_html, render_key_figures, render_markdown
from .schema import Validated, defaults, validate

# Shown until the browser script takes over; it stays if scripts or WebAssembly never run.
STATIC_STATUS = (
    "Showing the result for the values above. Changing them recomputes it here in your "
    "browser, which needs JavaScript and WebAssembly."
)
PRESETS_LABEL = "Start from"
# The choice that puts every input back to its default; no calculator names a preset this.
DEFAULTS = "defaults"
DEFAULTS_LABEL = "The defaults"
FULL_RESULT = "Full result"


def render_widget(calc: Calculator, checked: Validated, report: Report,
                  downloads: tuple[Download, ...]) -> Markup:
    """The whole calculator. Narrow screens read it top to bottom with the headline pinned
    over the form; wide ones put the result beside the form (docs/stylesheets/calculator-layout.css)."""
    name = calc.name
    status = form_status(calc, checked)
    return tag(
        "section",
        tag("p", calc.title, class_="calc-title", id=title_id(name)),
        _presets(calc, status["preset"]),
        tag("div",
            tag("div", _headline(name, report), render_form(calc, checked, status["groups"]),
                class_="calc-inputs"),
            _output(calc, report, checked, downloads),
            class_="calc-body"),
        class_="calc",
        data_calculator=name,
        aria_labelledby=title_id(name),
    )


def form_status(calc: Calculator, checked: Validated) -> dict[str, Any]:
    """What the form holds, for the lines around it: the preset it matches (or None) and,
    for each folded group by its index, a line saying how many values it holds and how
    many differ from their defaults. The build and every answer use this one function."""
    state = checked.state
    matching = [name for name, preset_state in _preset_states(calc) if preset_state == state]
    groups = {}
    for index, group in enumerate(calc.groups):
        if group.assumptions:
            changed = sum(state[f.name] != f.text(f.default) for f in group.fields)
            count = len(group.fields)
            line = f"{group.title}: {count} value{'s' if count != 1 else ''}"
            groups[str(index)] = line + (f", {changed} changed from the default" if changed
                                         else ", all at their defaults")
    return {"preset": matching[0] if matching else None, "groups": groups}


def headline(report: Report) -> dict[str, str]:
    """The result in brief, for the pinned headline: the headline (with its condition), its
    tone, and the key figures as HTML (empty when the report names none)."""
    return {"text": report.title, "tone": report.verdict_tone,
            "figures": render_key_figures(report.key_figures)}


def result_id(name: str) -> str:
    """The id of a calculator's full result, which the pinned headline links to."""
    return f"calc-{name}-result"


def _preset_states(calc: Calculator) -> list[tuple[str, dict[str, str]]]:
    chosen = [(DEFAULTS, defaults(calc.fields))] + [(p.name, p.values) for p in calc.presets]
    return [(name, validate(calc.fields, values).state) for name, values in chosen]


def _presets(calc: Calculator, active: str | None) -> Markup:
    """Links that open the page filled in with each preset; the script fills in place."""
    if not calc.presets:
        return Markup("")
    labels = {DEFAULTS: DEFAULTS_LABEL} | {p.name: p.label for p in calc.presets}
    label_id = f"calc-{calc.name}-presets"
    links = [
        tag("li", tag("a", labels[name], class_="calc-preset", data_preset=name,
                      href=f"?{state_query(calc.name, state)}#{title_id(calc.name)}",
                      aria_current="true" if name == active else None))
        for name, state in _preset_states(calc)
    ]
    return tag("div", tag("p", PRESETS_LABEL, class_="calc-presets-label", id=label_id),
               tag("ul", links), class_="calc-presets", role="group", aria_labelledby=label_id)


def _headline(name: str, report: Report) -> Markup:
    """The headline and key figures a narrow screen keeps pinned, in full and updated with
    every answer, and, apart, what a screen reader hears after a change: the same words,
    politely, once typing pauses (calculator-layout.js fills the live region)."""
    line = headline(report)
    return tag("div",
               tag("div", tag("p", line["text"], class_="calc-summary-text"),
                   tag("div", Markup(line["figures"]), class_="calc-summary-figures"),
                   class_="calc-summary-words"),
               tag("a", FULL_RESULT, href=f"#{result_id(name)}", class_="calc-summary-link"),
               tag("p", "", class_="calc-summary-said", aria_live="polite", aria_atomic="true"),
               class_="calc-summary", data_tone=line["tone"])


def _output(calc: Calculator, report: Report, checked: Validated,
            downloads: tuple[Download, ...]) -> Markup:
    # Focusable: on a wide screen the column scrolls on its own when taller than the window.
    return tag(
        "div",
        tag("p", STATIC_STATUS, class_="calc-status", role="status", data_state="static"),
        render_notes(checked.notes),
        tag("div", render_html(report), class_="calc-result", id=result_id(calc.name),
            data_markdown=render_markdown(report),
            data_downloads=json.dumps([dataclasses.asdict(d) for d in downloads])),
        _actions(downloads),
        class_="calc-output", role="region", aria_label=f"{calc.title}: result", tabindex="0",
    )


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
