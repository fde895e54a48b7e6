"""run() and run_json() answer every call, whatever a caller or a hostile link hands them:
any value, any key, any text. A call they cannot use is an error with a message, never an
exception and never the defaults passed off as what the caller asked for."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run, run_json

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


def assert_an_answer(answer: object) -> None:
    assert isinstance(answer, dict) and isinstance(answer["ok"], bool)
    json.dumps(answer, allow_nan=False)  # the browser reads it with JSON.parse
    if not answer["ok"]:
        assert answer["errors"] and all(isinstance(m, str) and m for m in answer["errors"].values())
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
