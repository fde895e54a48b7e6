"""Number text: what is read, what is refused, and text that reads back exactly."""

from __future__ import annotations

import html
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.kit.numbers import (
    MAX_NUMBER_TEXT,
    RULE_EXAMPLES,
    Reading,
    exact_text,
    format_number,
    number_from_value,
    read_number_text,
    value_text,
)
from calculators.kit.reference import render_number_rules

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


# The rule, case by case (calculators/kit/numbers.py's docstring says it in words).
READ = [("1500", 1500), ("1,500", 1500), ("1 500", 1500), ("1,500.5", 1500.5), ("2.5", 2.5),
        ("0.500", 0.5), ("1000.000", 1000), ("1,500.000", 1500), ("1.5e3", 1500), ("5e-324", 5e-324),
        ("-0", 0)]
ASKED = {"50.000": ("50 or 50,000", "write 50 or 50000"),
         "2.000": ("2 or 2,000", "write 2 or 2000"),
         "1.500": ("1.5 or 1,500", "write 1.5 or 1500"),
         "1.125": ("1.125 or 1,125", "write 1.1250 or 1125"),
         "-1.500": ("-1.5 or -1,500", "write -1.5 or -1500")}
EUROPEAN = {"1.000,5": "1000.5", "2,50": "2.5", "1,5": "1.5", "1 000,5": "1000.5",
            "1.500.000": "1500000", "0,25": "0.25"}


@pytest.mark.parametrize(("text", "number"), READ)
def test_the_site_s_own_format_is_read(text: str, number: float) -> None:
    assert read_number_text(text) == Reading(number)


@pytest.mark.parametrize("text", sorted(ASKED))
def test_a_point_before_three_digits_is_not_guessed(text: str) -> None:
    readings, how = ASKED[text]
    problem = read_number_text(text).problem
    assert problem == f"“{text}” could mean {readings}; {how} to say which."
    for written in how.removeprefix("write ").split(" or "):
        assert read_number_text(written).number is not None, written


@pytest.mark.parametrize("text", sorted(EUROPEAN))
def test_a_decimal_comma_is_refused_with_the_number_written_as_the_site_reads_it(text: str) -> None:
    problem = read_number_text(text).problem
    assert problem and problem.endswith(f"so write {EUROPEAN[text]}."), problem
    assert read_number_text(EUROPEAN[text]).number == float(EUROPEAN[text])


@pytest.mark.parametrize("text", ["1e-400", "-1e-400", "0.1e-330", "1" + "0" * 5 + "e-999"])
def test_a_number_too_small_to_hold_is_refused_not_read_as_zero(text: str) -> None:
    reading = read_number_text(text)
    assert reading.number is None and "too close to 0" in reading.problem


@given(st.floats(min_value=1, max_value=999.999, allow_nan=False))
def test_exact_text_is_never_the_ambiguous_shape(number: float) -> None:
    text = exact_text(number)
    assert not re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", text), text
    assert read_number_text(text).number == number


def test_the_methodology_s_table_shows_each_example_as_the_rule_reads_it() -> None:
    # The page's table is built from RULE_EXAMPLES by read_number_text itself; one example
    # per clause of the rule, so a clause the table leaves out is caught here.
    table = str(render_number_rules())
    assert table.count("<tr>") == len(RULE_EXAMPLES) + 1
    for text in RULE_EXAMPLES:
        reading = read_number_text(text)
        assert html.escape(reading.problem or format_number(reading.number), quote=False) in table
    problems = [read_number_text(text).problem for text in RULE_EXAMPLES]
    assert None in problems  # a number read
    for refusal in ("could mean", "is not read", "may only separate", "too close to 0"):
        assert any(p and refusal in p for p in problems), refusal
