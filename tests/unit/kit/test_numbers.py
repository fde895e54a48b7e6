"""Number text: what is read, what is refused, and text that reads back exactly."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.kit.numbers import (
    MAX_NUMBER_TEXT,
    exact_text,
    format_number,
    number_from_value,
    read_number_text,
    value_text,
)

SEPARATORS = [",", " ", "\u00a0", "\u202f", "\u2009"]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_exact_text_reads_back_as_the_same_float(number: float) -> None:
    text = exact_text(number)
    assert len(text) <= MAX_NUMBER_TEXT
    assert read_number_text(text).number == number


@given(st.integers(0, 10**15), st.sampled_from(SEPARATORS))
def test_groups_of_thousands_read_with_any_one_separator(number: int, separator: str) -> None:
    assert read_number_text(f"{number:,}".replace(",", separator)).number == number


@given(st.text("0123456789 ,.", min_size=1, max_size=14))
def test_a_space_is_accepted_only_between_groups_of_three_digits(text: str) -> None:
    reading = read_number_text(text)
    whole = text.strip().split(".")[0]
    if reading.number is not None and " " in whole:
        first, *rest = whole.split(" ")
        assert 1 <= len(first) <= 3 and all(len(group) == 3 for group in rest), text
    if reading.number is None:
        assert reading.problem


@pytest.mark.parametrize("text", ["1 5", "3 0 0", "15 00", "1  500", "1 500,000", "e5", ".", "1.",
                                  "0x10", "1_000", "--5", "5-"])
def test_text_that_is_not_one_number_is_refused_with_a_reason(text: str) -> None:
    reading = read_number_text(text)
    assert reading.number is None and text.strip() in reading.problem


@pytest.mark.parametrize(("text", "number"), [("NaN", math.nan), ("-nan", math.nan), ("inf", math.inf),
                                              ("-Infinity", -math.inf), ("1e999", math.inf),
                                              ("-1e999", -math.inf)])
def test_words_and_overflows_for_the_non_finite_are_read_as_such(text: str, number: float) -> None:
    got = read_number_text(text).number
    assert got is not None and (math.isnan(got) if math.isnan(number) else got == number)


def test_an_int_too_big_for_a_float_is_infinite_not_an_exception() -> None:
    assert number_from_value(10**5000) == math.inf and number_from_value(-(10**400)) == -math.inf


def test_value_text_never_fails() -> None:
    class Unprintable:
        def __repr__(self) -> str:
            raise RuntimeError

    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    assert value_text(Unprintable()) == "<Unprintable>"
    assert value_text(nested) == "<list>"
    assert read_number_text(value_text(10**5000)).number == math.inf


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).filter(lambda x: x != 0))
def test_a_number_is_never_shown_as_zero_unless_it_is(number: float) -> None:
    assert re.sub(r"[-0.,]", "", format_number(number)), format_number(number)
