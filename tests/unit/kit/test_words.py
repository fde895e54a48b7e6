"""Counts in words: singular for exactly one, plural otherwise."""

from hypothesis import given
from hypothesis import strategies as st

from calculators.kit.schema import ChoiceField, NumberField, Option
from calculators.kit.words import counted


@given(st.floats(0, 1e9, allow_nan=False) | st.integers(0, 10**9))
def test_exactly_one_is_singular_and_any_other_count_plural(number: float) -> None:
    text = counted(number, "chunk")
    assert text.endswith(" chunk") == (number == 1)
    assert text.endswith(" chunks") == (number != 1)


def test_an_irregular_plural_is_used_when_given() -> None:
    assert counted(3, "query", "queries") == "3 queries" and counted(1, "query", "queries") == "1 query"


def test_a_value_is_shown_as_the_form_shows_it() -> None:
    field = ChoiceField("goal", "Goal", "", (Option("task", "A task"), Option("style", "A style")), "task")
    assert field.shown("style") == "A style" and field.shown("task") == "A task"
    count = NumberField("examples", "Examples", "examples", "", 300, 0, 10**7, integer=True)
    assert count.shown(2000) == "2,000 examples"
