"""The advisor's compute: a pure walk of the rule table, and what would change the answer.

Situations a reader brings, one per outcome and warning, are in test_situations.py.
"""

from hypothesis import given
from hypothesis import strategies as st

from calculators import run
from calculators.advisor import FIELDS, _trials, compute
from calculators.advisor.facts import FREQUENCIES, OUTCOMES, SMALL_KNOWLEDGE_DOCUMENTS
from calculators.kit.schema import ChoiceField, NumberField, defaults, flat_fields

FIELD = {f.name: f for f in flat_fields(FIELDS)}

# Nothing needed, prompting tried, plenty of reviewed examples.
QUIET = {"knowledge": "no", "tone": "no", "reasoning": "no", "accuracy": "no", "change": "never",
         "citations": "no", "prompting": "yes", "documents": 0, "vocabulary": "no", "access": "no",
         "latency": "flexible", "volume": "modest", "examples": 2000, "quality": "curated",
         "provider": "open"}


def _field_values(f):
    if isinstance(f, ChoiceField):
        return st.sampled_from([o.value for o in f.options])
    return st.integers(min_value=int(f.minimum), max_value=100_000)


inputs = st.fixed_dictionaries({f.name: _field_values(f) for f in flat_fields(FIELDS)})

def test_change_frequency_options_are_in_order():
    assert [o.value for o in FIELD["change"].options] == list(FREQUENCIES)
    assert FREQUENCIES == ("never", "yearly", "quarterly", "monthly", "weekly", "daily")


@given(inputs)
def test_compute_leaves_its_inputs_alone(values):
    before = dict(values)
    compute(values)
    assert values == before


@given(inputs)
def test_requiring_citations_never_takes_retrieval_away(values):
    without = compute({**values, "citations": "no"})
    with_citations = compute({**values, "citations": "yes"})
    assert with_citations.retrieval
    assert with_citations.retrieval >= without.retrieval


@given(inputs)
def test_each_change_shown_really_flips_the_answer(values):
    result = compute(values)
    for change in result.changes:
        value, problem = FIELD[change.field].parse(change.new)
        assert problem is None
        assert FIELD[change.field].text(values[change.field]) == change.old
        flipped = compute({**values, change.field: value})
        assert flipped.outcome == change.outcome != result.outcome


@given(inputs)
def test_every_choice_that_flips_the_answer_is_shown_at_its_nearest(values):
    result = compute(values)
    shown = {c.field: c for c in result.changes}
    for f in flat_fields(FIELDS):
        if not isinstance(f, ChoiceField):
            continue
        keys = [o.value for o in f.options]
        flips = [k for k in keys if compute({**values, f.name: k}).outcome != result.outcome]
        assert (f.name in shown) == bool(flips)
        if flips:
            at = keys.index(values[f.name])
            assert abs(keys.index(shown[f.name].new) - at) == min(abs(keys.index(k) - at) for k in flips)


def test_q3_has_no_effect_without_knowledge():
    steps = compute({**QUIET, "change": "weekly"}).path
    assert (steps[2].answer, steps[2].counted) == (True, False)


def test_defaults_and_bad_input_never_raise():
    assert compute(defaults(flat_fields(FIELDS))).outcome in OUTCOMES
    answer = run("advisor", {"change": "hourly", "documents": "-1", "provider": "<b>"})
    assert not answer["ok"] and sorted(answer["errors"]) == ["change", "documents", "provider"]
    assert all(isinstance(f, (ChoiceField, NumberField)) for f in flat_fields(FIELDS))


def test_single_field_search_tries_the_nearest_answers_first():
    assert _trials(FIELD["change"], "monthly") == ["quarterly", "weekly", "yearly", "daily", "never"]
    assert _trials(FIELD["examples"], 60) == [50, 0, 500]
    small = SMALL_KNOWLEDGE_DOCUMENTS
    assert _trials(FIELD["documents"], 2000) == [small + 1, small, 1, 0]
    assert _trials(FIELD["knowledge"], "yes") == ["no"]
