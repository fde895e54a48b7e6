"""run() and run_json() answer every call, whatever a caller or a hostile link hands them:
any value, any key, any text, always in the same shape. A call they cannot use is an error
with a message, never an exception and never the defaults passed off as what the caller
asked for; each bad field is named, and no input comes back as markup."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run, run_json
from calculators.kit.schema import ChoiceField, NumberField, validate
from calculators.kit.widget import render_widget

NAMES = sorted(CALCULATORS)
# More digits than CPython turns into text by default (sys.get_int_max_str_digits()).
HUGE = 10**5000
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Hostile:
    """A value whose every conversion fails, as a library caller's own object might."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no comparing")

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    __str__ = __repr__

    def __float__(self) -> float:
        raise RuntimeError("no float")

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # how hypothesis reports it
        printer.text("Hostile()")


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
                        st.sampled_from([math.nan, math.inf, -math.inf, 5e-324, 10**300]))
# Built, not sampled: hypothesis would describe a sampled one with repr(), which fails.
SCALARS = JSON_SCALARS | st.builds(lambda sign, extra: sign * (HUGE + extra),
                                   st.sampled_from([1, -1]), st.integers(0, 10))


def nested(scalars: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=12)


JSON_LIKE = nested(JSON_SCALARS)  # what JSON.parse can produce, and json.dumps can write
PYTHON_ONLY = st.one_of(
    st.binary(max_size=8), st.complex_numbers(), st.sampled_from(
        [Decimal("NaN"), Decimal("1e999999"), Fraction(1, 3), (1, 2), frozenset({1}), Hostile(),
         b"\xff\xfe", object()]),
)
ANY_VALUE = nested(SCALARS) | PYTHON_ONLY
ANY_KEY = st.one_of(st.text(max_size=8), st.integers(), st.sampled_from([None, (1,), 1.5]),
                    st.builds(lambda extra: HUGE + extra, st.integers(0, 10)))


def inputs_for(name: str) -> st.SearchStrategy[object]:
    """The calculator's own fields and any other keys, each with any value; or no mapping."""
    fields = st.sampled_from([f.name for f in CALCULATORS[name].fields])
    return st.one_of(st.dictionaries(fields | ANY_KEY, ANY_VALUE, max_size=6), ANY_VALUE)


KEYS = ("ok", "html", "markdown", "downloads", "errors", "notes", "notes_html", "state", "result",
        "headline", "preset", "groups")


def assert_an_answer(answer: object) -> None:
    assert isinstance(answer, dict) and tuple(answer) == KEYS and isinstance(answer["ok"], bool)
    json.dumps(answer, allow_nan=False)  # the browser reads it with JSON.parse
    assert answer["ok"] == (answer["html"] is not None) == (not answer["errors"])
    if not answer["ok"]:
        assert answer["errors"] and all(isinstance(m, str) and m for m in answer["errors"].values())
        assert answer["downloads"] == []
    # Validation itself reads all of these; run()'s last-resort guard is for stranger objects.
    assert "could not be read" not in answer["errors"].get("", "")


def test_an_object_that_fails_even_as_a_mapping_gets_an_answer() -> None:
    class Broken(dict):
        def get(self, *args: object) -> object:
            raise RuntimeError("no reading me")

    answer = run("readiness", Broken(examples=5))
    assert not answer["ok"] and "could not be read (RuntimeError)" in answer["errors"][""]


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(data=st.data())
def test_run_answers_any_value_under_any_key(name: str, data: st.DataObject) -> None:
    assert_an_answer(run(name, data.draw(inputs_for(name))))


def test_an_unknown_calculator_is_a_message() -> None:
    for name in ("nope", "", None, 3):
        answer = run(name, {})
        assert_an_answer(answer)
        assert "no calculator of that name" in answer["errors"][""]


@pytest.mark.parametrize("name", NAMES)
def test_an_integer_too_long_for_text_is_a_message_as_value_and_as_key(name: str) -> None:
    number_field = next(f for f in CALCULATORS[name].fields if hasattr(f, "minimum"))
    as_value = run(name, {number_field.name: HUGE})
    assert_an_answer(as_value)
    assert not as_value["ok"] and number_field.name in as_value["errors"]
    as_key = run(name, {HUGE: 1})
    assert_an_answer(as_key)
    assert as_key["notes"], "an unknown key is reported, whatever it is"


@pytest.mark.parametrize("name", NAMES)
def test_a_call_without_named_values_is_an_error_not_the_defaults(name: str) -> None:
    for inputs in (None, [1, 2], "examples=5", 5):
        answer = run(name, inputs)
        assert not answer["ok"] and answer["errors"].get(""), inputs


UNREADABLE = {
    "broken": "{not json", "empty": "", "blank": "   ", "single quotes": "{'examples': 1}",
    "unclosed": '{"examples": 1', "lone surrogate": "\udcff", "trailing text": "{}x",
    "deep arrays": "[" * 5_000, "deep objects": '{"a":' * 5_000,
}


@pytest.mark.parametrize("text", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_json_it_cannot_read_is_an_error_with_a_message(text: str) -> None:
    answer = json.loads(run_json("readiness", text))
    assert not answer["ok"]
    assert answer["errors"].get(""), "the problem is with the call, not a field"
    assert answer["html"] is None and answer["result"] is None


def test_broken_json_is_called_so() -> None:
    answer = json.loads(run_json("readiness", "{not json"))
    assert "not valid JSON" in answer["errors"][""]


def test_a_number_with_too_many_digits_for_python_is_a_field_error() -> None:
    answer = json.loads(run_json("readiness", '{"examples": ' + "9" * 5000 + "}"))
    assert not answer["ok"] and "examples" in answer["errors"]


def test_json_that_is_not_an_object_is_an_error() -> None:
    for text in ("null", "[]", "3", '"examples"'):
        answer = json.loads(run_json("readiness", text))
        assert not answer["ok"] and answer["errors"].get(""), text


@given(st.text() | st.binary().map(lambda b: b.decode("utf-8", "surrogateescape")))
@example("[" * 5_000)
@example('{"examples": ' + "1" * 4301 + "}")
@SETTINGS
def test_run_json_answers_any_text_with_json(text: str) -> None:
    answer = json.loads(run_json("readiness", text))
    assert_an_answer(answer)


@given(st.sampled_from(NAMES), JSON_LIKE)
@SETTINGS
def test_run_json_answers_whatever_json_holds(name: str, value: object) -> None:
    assert_an_answer(json.loads(run_json(name, json.dumps(value))))


def test_run_json_answers_values_that_are_not_text() -> None:
    for value in (None, 5, ["{}"]):
        answer = json.loads(run_json("readiness", value))  # type: ignore[arg-type]
        assert not answer["ok"] and answer["errors"].get("")


# Hostile text: markup that must stay text, numbers no field accepts.
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

def hostile_inputs_for(name: str) -> st.SearchStrategy[object]:
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
    @given(hostile_inputs_for(name))
    def check(inputs: object) -> None:
        answer = run(name, inputs)
        assert_an_answer(answer)
        for key, message in answer["errors"].items():
            assert key in {"", *(f.name for f in calc.fields)} and isinstance(message, str) and message
        given_values = inputs if isinstance(inputs, dict) else {}
        for field in calc.fields:
            if field.name in given_values and definitely_invalid(field, given_values[field.name]):
                assert field.name in answer["errors"], (field.name, given_values[field.name])
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
