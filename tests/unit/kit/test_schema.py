"""Validation: whatever arrives, a typed value or a message, never an exception."""

import math

from hypothesis import given
from hypothesis import strategies as st

from calculators.kit.schema import ChoiceField, NumberField, Option, format_number, validate

COUNT = NumberField(name="n", label="Count", unit="examples", help="", default=10,
                    minimum=0, maximum=1_000_000, integer=True)
SHARE = NumberField(name="share", label="Share", unit="%", help="", default=0.5,
                    minimum=0, maximum=100)
PICK = ChoiceField(name="pick", label="Pick", help="", default="a",
                   options=(Option("a", "Alpha"), Option("b", "Beta")))
FIELDS = (COUNT, SHARE, PICK)

anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.sampled_from(["n", "share", "pick", "other"]) | st.text(), anything))
def test_any_mapping_gives_a_value_or_a_message_for_every_field(raw):
    checked = validate(FIELDS, raw)
    for f in FIELDS:
        assert (f.name in checked.values) != (f.name in checked.errors)
        assert isinstance(checked.state[f.name], str)


@given(anything)
def test_anything_at_all_is_handled(raw):
    checked = validate(FIELDS, raw)
    assert set(checked.state) == {"n", "share", "pick"}


@given(st.integers(min_value=0, max_value=1_000_000))
def test_valid_counts_round_trip_through_their_text(number):
    checked = validate(FIELDS, {"n": f"{number:,}"})
    assert checked.values["n"] == number
    assert validate(FIELDS, {"n": checked.state["n"]}).values["n"] == number


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_is_accepted_only_when_finite_and_in_range(number):
    checked = validate(FIELDS, {"share": number})
    if math.isfinite(number) and 0 <= number <= 100:
        assert checked.values["share"] == number
    else:
        assert "share" in checked.errors


def test_messages_name_the_problem_and_the_unit():
    cases = {
        "": "Enter a number.",
        "abc": "“abc” is not a number. Use digits, like 250, 1,500 or 2.5.",
        "2.000": "“2.000” could mean 2 or 2,000; write 2 or 2000 to say which.",
        "1.000,5": "“1.000,5” is not read: here a point marks decimals and a comma only "
                   "separates thousands, so write 1000.5.",
        "1e-400": "“1e-400” is too close to 0 to work with here: enter 0, or a larger number.",
        "NaN": "NaN is not a number: enter one from 0 to 1,000,000 examples.",
        "-inf": "Enter at least 0 examples.",
        "1 5": "“1 5” is not a number: a space may only separate groups of three digits, like 1 500.",
        "-3": "Enter at least 0 examples.",
        "2000000": "Enter at most 1,000,000 examples.",
        "1.5": "Enter a whole number of examples.",
        "9e999": "Enter at most 1,000,000 examples.",
        "1" * 50: "That is too long to be a number.",
    }
    for text, message in cases.items():
        assert validate(FIELDS, {"n": text}).errors["n"] == message, text


def test_what_the_reader_typed_is_kept_when_invalid():
    checked = validate(FIELDS, {"n": " 12 apples "})
    assert checked.state["n"] == " 12 apples "


def test_readers_number_formats_are_understood():
    for text, value in {"1,500": 1500, " 42 ": 42, "1e3": 1000, "+7": 7, "1 000": 1000}.items():
        assert validate(FIELDS, {"n": text}).values["n"] == value, text
    assert validate(FIELDS, {"share": ".5"}).values["share"] == 0.5


def test_grouping_must_be_in_threes():
    assert "n" in validate(FIELDS, {"n": "1,50"}).errors


def test_unknown_choices_and_keys():
    checked = validate(FIELDS, {"pick": "c", "x": 1})
    assert checked.errors["pick"] == "Choose one of: a (“Alpha”), b (“Beta”)."
    assert checked.notes == ("Ignored “x”: this calculator has no input of that name.",)


def test_a_flood_of_unknown_keys_gives_a_bounded_list_of_notes():
    checked = validate(FIELDS, {f"k{i}": i for i in range(500)})
    assert len(checked.notes) == 6


def test_format_number():
    assert format_number(1500) == "1,500"
    assert format_number(0.25) == "0.25"
    assert format_number(0.0000004) == "0.0000004"  # never rounded to a free "0"
