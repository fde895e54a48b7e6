"""Numbers and choices as readers and links write them: what is read, what is refused and
what the message says, and a state that reopens exactly the same answer."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators.kit.schema import ChoiceField, NumberField, format_number

NAMES = sorted(CALCULATORS)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Answers compared for "the same result": everything a reader sees or copies.
SAME = ("ok", "html", "markdown", "result", "errors", "state")


def number_fields(name: str) -> list[NumberField]:
    return [f for f in CALCULATORS[name].fields if isinstance(f, NumberField)]


def choice_fields() -> list[tuple[str, ChoiceField]]:
    return [(name, f) for name in NAMES for f in CALCULATORS[name].fields
            if isinstance(f, ChoiceField)]


def value_for(field: NumberField | ChoiceField) -> st.SearchStrategy[object]:
    """A value the field may accept, as a library caller or the form would send it."""
    if isinstance(field, ChoiceField):
        return st.sampled_from([o.value for o in field.options])
    low, high = field.minimum, field.maximum
    if field.integer:
        whole = st.integers(math.ceil(low), math.floor(high))
        return whole | whole.map(str) | whole.map(lambda n: f"{n:,}")
    real = st.floats(low, high, allow_nan=False) | st.sampled_from([low, high, 4e-7, 1 / 3, 0.1 + 0.2])
    return real | real.map(repr) | real.map(lambda x: f"{x:,.9f}") | st.integers(int(low), int(high))


def inputs_for(name: str) -> st.SearchStrategy[dict[str, object]]:
    fields = CALCULATORS[name].fields
    return st.fixed_dictionaries({}, optional={f.name: value_for(f) for f in fields})


# --- the state reopens the same answer -------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_state_of_an_answer_reopens_exactly_that_answer(name: str) -> None:
    @SETTINGS
    @given(inputs_for(name))
    def check(inputs: dict[str, object]) -> None:
        first = run(name, inputs)
        again = run(name, first["state"])
        assert again["state"] == first["state"], "the state is already in its own terms"
        if first["ok"]:
            assert {k: again[k] for k in SAME} == {k: first[k] for k in SAME}

    check()


def test_a_tiny_price_survives_the_link() -> None:
    field = next(f for f in number_fields("costs") if "price" in f.name)
    first = run("costs", {field.name: 0.0000004})
    assert float(first["state"][field.name]) == 0.0000004
    assert run("costs", first["state"])["result"] == first["result"]


@pytest.mark.parametrize("name", NAMES)
def test_the_state_of_bad_input_keeps_what_was_typed(name: str) -> None:
    field = number_fields(name)[0]
    for typed in ("12abc", "", "<b>", "1,5,0"):
        assert run(name, {field.name: typed})["state"][field.name] == typed


# --- spaces only between groups of thousands -------------------------------------------

ACCEPTED = [("1 500", 1500), ("12 345 678", 12345678), ("1\u00a0500", 1500), ("1,500", 1500),
            (" 1 500 ", 1500), ("1 500.5", 1500.5), ("+1 500", 1500), ("1\u202f500", 1500),
            ("1\u2009500", 1500)]
REFUSED = ["3+0+0", "1,5,0", "1_500", "1 500 00x", "1,500 000", "1 500,000", "1 5", "3 0 0", "15 00",
           "1 5000", "1  500", "1 500 00", "1 5.5", ". 5"]


@pytest.mark.parametrize(("text", "number"), ACCEPTED, ids=ascii)
def test_spaces_between_thousands_are_read(text: str, number: float) -> None:
    answer = run("costs", {"rag_setup_high": text})
    assert answer["ok"], answer["errors"]
    assert float(answer["state"]["rag_setup_high"]) == number


@pytest.mark.parametrize("text", REFUSED, ids=ascii)
def test_spaces_anywhere_else_are_refused(text: str) -> None:
    answer = run("costs", {"rag_setup_high": text})
    assert not answer["ok"] and "rag_setup_high" in answer["errors"]
    assert answer["state"]["rag_setup_high"] == text


# --- one rule for grouping and decimal marks, in every field, link and command --------

# A number the reader may have meant two ways, a decimal comma, and an underflow: each is
# refused with the same message whichever field, link or command line it arrives by.
UNREAD = {"50.000": "could mean 50 or 50,000; write 50 or 50000 to say which.",
          "1.000,5": "so write 1000.5.",
          "1e-400": "is too close to 0 to work with here: enter 0, or a larger number."}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("text", sorted(UNREAD))
def test_every_number_field_reads_by_the_one_rule(name: str, text: str) -> None:
    for field in number_fields(name):
        answer = run(name, {field.name: text})
        assert answer["errors"][field.name].endswith(UNREAD[text]), answer["errors"][field.name]
        assert answer["state"][field.name] == text, "the link holds what the box shows"


@pytest.mark.parametrize("text", sorted(UNREAD))
def test_the_command_line_reads_by_the_same_rule(text: str) -> None:
    field = number_fields("latency")[0]
    done = subprocess.run([sys.executable, "-m", "calculators", "latency",
                           "--" + field.name.replace("_", "-"), text],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and UNREAD[text] in done.stderr, done.stderr


def test_a_figure_as_the_site_writes_it_reads_back_in_its_field() -> None:
    for name in NAMES:
        for field in number_fields(name):
            for number in (field.minimum, field.default, field.maximum):
                value, problem = field.parse(format_number(number))
                assert problem is None and value == number, (name, field.name, problem)


# --- NaN and infinities ----------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("given_as", ["value", "text"])
def test_nan_and_infinities_get_a_message_that_names_the_range(name: str, given_as: str) -> None:
    field = number_fields(name)[0]
    low, high = format_number(field.minimum), format_number(field.maximum)
    cases = {math.nan: "NaN", math.inf: "Infinity", -math.inf: "-Infinity"}
    for value, text in cases.items():
        message = run(name, {field.name: value if given_as == "value" else text})["errors"][field.name]
        if math.isnan(value):
            assert "large" not in message and "small" not in message, message
            assert low in message and high in message, message
        elif value > 0:
            assert f"at most {high}" in message, message
        else:
            assert f"at least {low}" in message, message


@pytest.mark.parametrize("text", ["9" * 39, "1e999", "-1e999"])
def test_a_number_beyond_any_float_names_the_limit(text: str) -> None:
    field = next(f for f in number_fields("costs") if f.minimum == 0)
    message = run("costs", {field.name: text})["errors"][field.name]
    limit = format_number(field.minimum if text.startswith("-") else field.maximum)
    assert limit in message, message


# --- choices ---------------------------------------------------------------------------

QUOTED = re.compile(r"“([^”]+)”")


@pytest.mark.parametrize(("name", "field"), choice_fields(), ids=lambda v: getattr(v, "name", v))
def test_a_choice_error_names_only_what_the_field_accepts(name: str, field: ChoiceField) -> None:
    message = run(name, {field.name: "nonsense"})["errors"][field.name]
    for option in field.options:
        assert option.value in message, (option.value, message)
    for quoted in QUOTED.findall(message):
        assert run(name, {field.name: quoted})["ok"], f"the message offers {quoted!r}; it is refused"


@pytest.mark.parametrize(("name", "field"), choice_fields(), ids=lambda v: getattr(v, "name", v))
def test_a_label_is_read_as_its_choice(name: str, field: ChoiceField) -> None:
    for option in field.options:
        for typed in (option.label, option.label.upper(), f"  {option.label} "):
            answer = run(name, {field.name: typed})
            assert field.name not in answer["errors"], (typed, answer["errors"])
            assert answer["state"][field.name] == option.value


@given(st.text(max_size=12))
@example("curated ")
@example("Curated")
@SETTINGS
def test_a_choice_is_read_only_as_one_of_its_options(text: str) -> None:
    field = next(f for f in CALCULATORS["readiness"].fields if isinstance(f, ChoiceField))
    answer = run("readiness", {field.name: text})
    known = {o.value.casefold() for o in field.options} | {o.label.casefold() for o in field.options}
    assert (field.name not in answer["errors"]) == (" ".join(text.split()).casefold() in known)
