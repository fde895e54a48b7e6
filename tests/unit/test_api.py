"""run(): the one call every front end makes. It answers, whatever it is given."""

import json
import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, render_default_widget, run, run_json

KEYS = ("ok", "html", "markdown", "downloads", "errors", "notes", "notes_html", "state", "result",
        "headline", "preset", "groups")


@given(st.sampled_from(sorted(CALCULATORS)) | st.text(), st.dictionaries(st.text(), st.text() | st.floats()))
def test_run_always_answers_with_the_same_shape(name, inputs):
    answer = run(name, inputs)
    assert tuple(answer) == KEYS
    assert answer["ok"] == (answer["html"] is not None) == (not answer["errors"])
    assert answer["ok"] or answer["downloads"] == []
    json.dumps(answer)  # the browser receives it as JSON


def test_an_unknown_calculator_is_a_message():
    answer = run("nope", {})
    assert not answer["ok"]
    assert "no calculator of that name" in answer["errors"][""]


def test_run_json_answers_broken_json_with_an_error():
    answer = json.loads(run_json("readiness", "{not json"))
    assert not answer["ok"] and "not valid JSON" in answer["errors"][""]


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
