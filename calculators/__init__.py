"""Calculators for choosing between RAG, fine-tuning, both, or better prompts.

Standard library only, so the same code runs in CPython and in the browser on Pyodide.
This module is the public API: the registry of calculators and the one call the browser,
the build and the command line make, `run(name, inputs)`.

    >>> from calculators import run
    >>> run("readiness", {"examples": "600", "quality": "curated", "goal": "task"})["ok"]
    True
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from ._precompiled import precompiled_dataclasses

# In the browser, the dataclasses these define come with their methods compiled (_precompiled.py).
with precompiled_dataclasses():
    from ._registry import Registry
    from .kit.calculator import Calculator, Download, Preset
    from .kit.html import Markup
    from .kit.links import state_query
    from .kit.reference import render_reference
    from .kit.report import Report, render_html, render_markdown
    from .kit.schema import ChoiceField, Group, NumberField, Option, Validated, defaults, validate
    from .kit.widget import form_status, headline, render_note_items, render_widget

__all__ = [
    "CALCULATORS", "Calculator", "ChoiceField", "Download", "Group", "NumberField", "Option",
    "Preset", "Report", "Validated", "preset_query", "render_default_widget", "render_reference",
    "run", "run_json", "validate",
]
__version__ = "0.1.0"

# Every calculator the site, the command line and the tests know, by name, in page order,
# each with the module that defines it (imported on first use: _registry.py).
CALCULATORS: Mapping[str, Calculator] = Registry(__name__, {
    "readiness": "readiness", "advisor": "advisor", "latency": "latency",
    "context": "context_window", "costs": "costs",
})


def run(name: str, inputs: object) -> dict[str, Any]:
    """Validate `inputs` for calculator `name` and compute; never raises, whatever it is given.

    Returns a JSON-ready dict:

    - `ok`: True when every input was valid and `html` holds a fresh result
    - `html`: the result as HTML, or None when an input was invalid
    - `markdown`: the result as Markdown, for pasting into a design doc, or None
    - `downloads`: files made from the result, `[{label, filename, media_type, text}]`, or `[]`
    - `errors`: `{field: message}` for each invalid input (the key `""` marks a problem with the call)
    - `notes`: messages about ignored input; `notes_html` has them as `<li>` items
    - `state`: `{field: text}` to keep in the form and the URL; it reopens exactly this answer
    - `result`: the computed result as plain data, or None
    - `headline`: `{text, tone}`, the result in one line for the pinned headline, or None
    - `preset`: the name of the preset the inputs match (`"defaults"` for the defaults), or None
    - `groups`: `{group index: line}` for each folded group: how many values, how many changed
    """
    return run_with_report(name, inputs)[0]


def run_with_report(name: str, inputs: object) -> tuple[dict[str, Any], Report | None]:
    """`run`'s answer and the Report it rendered (None when an input was invalid)."""
    try:
        return _run(name, inputs)
    except Exception as error:  # noqa: BLE001 (the promise: an answer, whatever the call)
        # Validation reads every value a caller can send; this is for an object whose own
        # methods fail, and names the failure so a bug report can point at it.
        problem = f"These inputs could not be read ({type(error).__name__})."
        return _answer(errors={"": problem}), None


def _run(name: object, inputs: object) -> tuple[dict[str, Any], Report | None]:
    calc = CALCULATORS.get(name) if isinstance(name, str) else None
    if calc is None:
        known = ", ".join(sorted(CALCULATORS))
        return _answer(errors={"": f"There is no calculator of that name; known: {known}."}), None
    checked = validate(calc.fields, inputs)
    answer = _answer(errors=checked.errors, notes=checked.notes, state=checked.state)
    answer.update(form_status(calc, checked))
    if checked.ok and calc.check is not None:
        answer["errors"] = dict(calc.check(checked.values))
    if not checked.ok or answer["errors"]:
        return answer, None
    result = calc.compute(checked.values)
    report = calc.report(result)
    answer.update(ok=True, html=render_html(report), markdown=render_markdown(report),
                  headline=headline(report),
                  downloads=[dataclasses.asdict(d) for d in calc.downloads(result)],
                  result=dataclasses.asdict(result))
    return answer, report


def run_json(name: str, inputs_json: str) -> str:
    """`run` for the Web Worker: JSON text in, JSON text out; text that is not JSON is an error."""
    inputs, problem = _read_json(inputs_json)
    answer = _answer(errors={"": problem}) if problem else run(name, inputs)
    return json.dumps(answer)


def _read_json(text: object) -> tuple[object, str | None]:
    if not isinstance(text, str):
        return None, "The inputs must be JSON text."
    try:
        # A number with more digits than Python turns into an int is read as a float
        # (infinite if need be), so the field can say it is out of range.
        return json.loads(text, parse_int=_json_int), None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        return None, f"The inputs are not valid JSON: {error.msg} ({where})."
    except RecursionError:
        return None, "The inputs are nested too deeply to read."


def _json_int(digits: str) -> int | float:
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def render_default_widget(name: str) -> Markup:
    """The calculator's form and its default result, as the build puts it into a page."""
    calc = CALCULATORS[name]
    checked = validate(calc.fields, defaults(calc.fields))
    result = calc.compute(checked.values)
    return render_widget(calc, checked, calc.report(result), calc.downloads(result))


def preset_query(name: str, preset: str) -> str:
    """The URL query that opens calculator `name` filled in with one of its presets."""
    calc = CALCULATORS[name]
    chosen = {p.name: p for p in calc.presets}
    if preset not in chosen:
        raise ValueError(f"{name} has no preset {preset!r}; it has: {', '.join(chosen)}")
    state = validate(calc.fields, chosen[preset].values).state
    return state_query(name, state)


def _answer(errors: dict[str, str], notes: tuple[str, ...] = (),
            state: dict[str, str] | None = None) -> dict[str, Any]:
    return {"ok": False, "html": None, "markdown": None, "downloads": [], "errors": errors,
            "notes": list(notes),
            "notes_html": render_note_items(notes), "state": state or {}, "result": None,
            "headline": None, "preset": None, "groups": {}}
