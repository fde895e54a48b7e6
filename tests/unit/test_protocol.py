"""run(): the one call every front end makes. It answers, whatever it is given."""

import json

from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, render_default_widget, run, run_json

KEYS = ("ok", "html", "markdown", "errors", "notes", "notes_html", "state", "result")


@given(st.sampled_from(sorted(CALCULATORS)) | st.text(), st.dictionaries(st.text(), st.text() | st.floats()))
def test_run_always_answers_with_the_same_shape(name, inputs):
    answer = run(name, inputs)
    assert tuple(answer) == KEYS
    assert answer["ok"] == (answer["html"] is not None) == (not answer["errors"])
    json.dumps(answer)  # the browser receives it as JSON


def test_an_unknown_calculator_is_a_message():
    answer = run("nope", {})
    assert not answer["ok"]
    assert "no calculator of that name" in answer["errors"][""]


def test_run_json_survives_broken_json():
    answer = json.loads(run_json("readiness", "{not json"))
    assert answer["ok"] and answer["notes"]


@given(st.text())
def test_markup_from_input_is_escaped(text):
    answer = run("readiness", {"examples": text, "goal": text, text: "1"})
    assert "<script" not in answer["notes_html"].lower()
    assert "<script" not in (answer["html"] or "").lower()


def test_every_calculator_pre_renders_with_labelled_fields():
    for name, calc in CALCULATORS.items():
        widget = render_default_widget(name)
        assert f'data-calculator="{name}"' in widget
        for field in calc.fields:
            assert f'id="calc-{name}-{field.name}-error"' in widget
            assert f'id="calc-{name}-{field.name}-help"' in widget
        assert run(name, {})["html"] in widget  # the build shows exactly what Python computes
