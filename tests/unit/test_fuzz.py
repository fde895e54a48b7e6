"""Hostile and broken input to every calculator's `run`, as a shared link or a script could
send it: it always answers, names each bad field, and never echoes input as markup."""

from __future__ import annotations

import json
import math
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators.kit.schema import ChoiceField, NumberField, validate
from calculators.kit.widget import render_widget

# Text that would become an element or an attribute named x-inj if it reached markup raw.
MARKERS = ("<x-inj>", '"><x-inj x-inj="1">', "' x-inj='1", "<x-inj/onerror=alert(1)>",
           "</p><x-inj>", "<!--<x-inj>-->", "&lt;x-inj&gt;")
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(),  # NaN, infinities, subnormals, -0.0 included
    st.sampled_from([math.nan, math.inf, -math.inf, 5e-324, 1e308, -1e308, 1e-300, 0.0, -0.0]),
)
TEXT = st.one_of(
    st.text(),
    st.text(min_size=1_000, max_size=5_000),
    st.sampled_from(MARKERS),
    st.builds(lambda a, m, b: a + m + b, st.text(max_size=5), st.sampled_from(MARKERS),
              st.text(max_size=5)),
    st.sampled_from(["NaN", "inf", "-Infinity", "1e999", "1e-999", "0x10", "١٢٣", "1,5,0", " 12 ",
                     "\u00a0250", "12\u200b", "9" * 400]),
    NUMBERS.map(str),
)
# Wrong types, too: what JSON.parse or a library caller could hand over.
VALUES = st.one_of(TEXT, NUMBERS, st.none(), st.booleans(),
                   st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3),
                                                                        st.integers(), max_size=2))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def inputs_for(name: str) -> st.SearchStrategy[object]:
    """Some of the calculator's own fields with any value, plus unknown keys, or no dict at all."""
    fields = [f.name for f in CALCULATORS[name].fields]
    own = st.dictionaries(st.sampled_from(fields), VALUES)
    extra = st.dictionaries(TEXT, VALUES, max_size=8)
    mixed = st.builds(lambda a, b: {**b, **a}, own, extra)
    return st.one_of(mixed, own, st.none(), st.lists(VALUES, max_size=3), TEXT, NUMBERS)


class _Markup(HTMLParser):
    """Every element and attribute name in a piece of HTML."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.names.update(name for name, _ in attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.names.add("<!--")


def definitely_invalid(field: NumberField | ChoiceField, value: object) -> bool:
    """Values no field may accept, judged without asking the field's own parser."""
    if value is None or isinstance(value, (bool, list, dict)):
        return True
    if isinstance(value, str) and "x-inj" in value:
        return True
    if isinstance(field, NumberField) and isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return True
        return not field.minimum <= value <= field.maximum  # exact, even for huge ints
    if isinstance(field, ChoiceField):  # a value or a label, in any case and spacing
        accepted = {" ".join(t.split()).casefold() for o in field.options for t in (o.value, o.label)}
        return not isinstance(value, str) or " ".join(value.split()).casefold() not in accepted
    return False


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_run_answers_names_bad_fields_and_escapes_everything(name: str) -> None:
    calc = CALCULATORS[name]

    @SETTINGS
    @given(inputs_for(name))
    def check(inputs: object) -> None:
        answer = run(name, inputs)
        # The worker hands this to JSON.parse, which has no NaN or Infinity.
        json.dumps(answer, allow_nan=False)
        assert answer["ok"] == (not answer["errors"]) == (answer["html"] is not None)
        for key, message in answer["errors"].items():
            assert key in {"", *(f.name for f in calc.fields)} and isinstance(message, str) and message
        given_values = inputs if isinstance(inputs, dict) else {}
        for field in calc.fields:
            if field.name in given_values and definitely_invalid(field, given_values[field.name]):
                assert field.name in answer["errors"], (field.name, given_values[field.name])
        if not isinstance(inputs, dict):
            assert answer["errors"][""], "a call without named values is an error, not the defaults"
        for html in (answer["html"] or "", answer["notes_html"], answer["markdown"] or ""):
            assert "<x-inj" not in html
        for html in (answer["html"] or "", answer["notes_html"]):
            assert not {"x-inj", "<!--"} & _Markup(html).names

    check()


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_the_form_keeps_hostile_text_as_text(name: str) -> None:
    """What the reader typed goes back into the form's value attributes, escaped."""
    calc = CALCULATORS[name]
    default = calc.compute(validate(calc.fields, {}).values)

    @settings(max_examples=40, deadline=None)
    @given(st.dictionaries(st.sampled_from([f.name for f in calc.fields]) | TEXT, TEXT))
    def check(inputs: dict[str, str]) -> None:
        checked = validate(calc.fields, inputs)
        widget = render_widget(calc, checked, calc.report(default), calc.downloads(default))
        assert "<x-inj" not in widget
        assert not {"x-inj", "<!--"} & _Markup(widget).names

    check()
