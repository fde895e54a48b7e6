"""The API's HTML: input comes back escaped, and every calculator pre-renders a complete widget.

That run() answers every call, in one shape, is tests/unit/test_run.py."""

import json
import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, render_default_widget, run

# Text that carries markup every time, wrapped in arbitrary text.
MARKUP = st.builds(lambda a, tag, b: a + tag + b, st.text(max_size=6),
                   st.sampled_from(["<script>", "<img src=x onerror=1>", '"><b>', "</li><li>"]),
                   st.text(max_size=6))


@given(MARKUP)
def test_markup_from_input_is_escaped(text):
    answer = run("readiness", {"examples": text, "goal": text, text: "1"})
    assert answer["errors"] and text in answer["state"].values()
    notes = answer["notes_html"]
    assert "&lt;" in notes  # the unknown key is named in a note, as text
    assert "<script" not in notes.lower() and "<img" not in notes and "<b>" not in notes


def test_every_calculator_pre_renders_with_labelled_fields():
    for name, calc in CALCULATORS.items():
        widget = render_default_widget(name)
        assert f'data-calculator="{name}"' in widget
        for field in calc.fields:
            assert f'id="calc-{name}-{field.name}-error"' in widget
            assert (f'id="calc-{name}-{field.name}-help"' in widget) == bool(field.help)
        assert run(name, {})["html"] in widget  # the build shows exactly what Python computes


def test_the_pre_rendered_widget_carries_the_downloads_and_one_button_each():
    widget = render_default_widget("costs")
    offered = run("costs", {})["downloads"]
    (attribute,) = re.findall(r'data-downloads="([^"]*)"', widget)
    assert json.loads(unescape(attribute)) == offered
    assert '<button type="button" data-action="download" data-download="0" class="md-button">' \
        'Download CSV</button>' in widget
    assert "data-csv" not in widget


def test_a_calculator_without_downloads_offers_none():
    widget = render_default_widget("readiness")
    assert 'data-downloads="[]"' in widget and 'data-action="download"' not in widget
