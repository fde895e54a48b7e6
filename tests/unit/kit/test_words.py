"""Counts in words: singular for exactly one, plural otherwise."""

from hypothesis import given
from hypothesis import strategies as st

from calculators.kit.schema import ChoiceField, Option
from calculators.kit.words import choice_label, counted


@given(st.floats(0, 1e9, allow_nan=False) | st.integers(0, 10**9))
def test_exactly_one_is_singular_and_any_other_count_plural(number: float) -> None:
    text = counted(number, "chunk")
    assert text.endswith(" chunk") == (number == 1)
    assert text.endswith(" chunks") == (number != 1)


def test_an_irregular_plural_is_used_when_given() -> None:
    assert counted(3, "query", "queries") == "3 queries" and counted(1, "query", "queries") == "1 query"


def test_a_choice_is_named_by_the_label_the_form_shows() -> None:
    field = ChoiceField("goal", "Goal", "", (Option("task", "A task"), Option("style", "A style")), "task")
    assert choice_label(field, "style") == "A style" and choice_label(field, "task") == "A task"
