"""The advisor's compute: a pure walk of the rule table, and what would change the answer.

Situations a reader brings, one per outcome and warning, are in test_situations.py.
"""

from hypothesis import given

from calculators import run
from calculators.advisor.advice import compute, trials
from calculators.advisor.facts import FREQUENCIES, OUTCOMES, QUESTION_AND_ANSWER_TOKENS
from calculators.advisor.inputs import FIELDS
from calculators.kit.schema import ChoiceField, NumberField, defaults, flat_fields

from .answers import FIELD, INPUTS, QUIET


def test_change_frequency_options_are_in_order():
    assert [o.value for o in FIELD["change"].options] == list(FREQUENCIES)
    assert FREQUENCIES == ("never", "yearly", "quarterly", "monthly", "weekly", "daily")


@given(INPUTS)
def test_compute_leaves_its_inputs_alone(values):
    before = dict(values)
    compute(values)
    assert values == before


@given(INPUTS)
def test_requiring_citations_never_takes_retrieval_away(values):
    without = compute({**values, "citations": "no"})
    with_citations = compute({**values, "citations": "yes"})
    assert with_citations.retrieval
    assert with_citations.retrieval >= without.retrieval


@given(INPUTS)
def test_each_change_shown_really_flips_the_answer(values):
    result = compute(values)
    for change in result.changes:
        value, problem = FIELD[change.field].parse(change.new)
        assert problem is None
        assert FIELD[change.field].text(values[change.field]) == change.old
        flipped = compute({**values, change.field: value})
        assert flipped.outcome == change.outcome != result.outcome


@given(INPUTS)
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
    answer = run("advisor", {"change": "hourly", "documents": "-1", "platform": "<b>",
                             "window": "500", "document_tokens": "0"})
    assert not answer["ok"]
    assert sorted(answer["errors"]) == ["change", "document_tokens", "documents", "platform", "window"]
    assert all(isinstance(f, (ChoiceField, NumberField)) for f in flat_fields(FIELDS))


def test_single_field_search_tries_the_nearest_answers_first():
    assert trials(FIELD["change"], {**QUIET, "change": "monthly"}) == [
        "quarterly", "weekly", "yearly", "daily", "never"]
    assert trials(FIELD["examples"], {**QUIET, "examples": 60}) == [50, 0, 500]
    assert trials(FIELD["knowledge"], {**QUIET, "knowledge": "yes"}) == ["no"]


def test_sizes_are_tried_at_the_edge_of_the_window():
    # 2,000 documents of 2,000 tokens in a million-token window: at most 475 fit beside the
    # room kept for the question and the answer (950,000 tokens).
    assert QUESTION_AND_ANSWER_TOKENS == 50_000
    assert trials(FIELD["documents"], QUIET) == [476, 475, 1, 0]
    assert trials(FIELD["document_tokens"], {**QUIET, "documents": 100}) == [9500, 9501]
    assert trials(FIELD["window"], {**QUIET, "documents": 100}) == [250_000, 249_999]


def test_a_change_of_size_names_the_edge_that_flips_the_answer():
    result = compute({**QUIET, "knowledge": "yes", "documents": 100, "document_tokens": 20_000})
    assert result.outcome == "rag"
    shown = {c.field: (c.new, c.outcome) for c in result.changes}
    assert shown["documents"] == ("47", "long_context")
    assert shown["document_tokens"] == ("9500", "long_context")
    assert shown["window"] == ("2050000", "long_context")


def test_the_long_context_rule_counts_tokens_not_documents():
    def outcome(documents, length, window=1_000_000):
        return compute({**QUIET, "knowledge": "yes", "documents": documents,
                        "document_tokens": length, "window": window}).outcome
    # Three short documents fit where twenty long ones do not.
    assert outcome(3, 2_000) == "long_context"
    assert outcome(20, 60_000) == "rag"
    # Hundreds of short records can fit a million-token window...
    assert outcome(400, 2_000) == "long_context"
    # ...but not an older 128,000-token one, once the question and answer have their room.
    assert outcome(400, 2_000, window=128_000) == "rag"
    assert outcome(39, 2_000, window=128_000) == "long_context"
    assert outcome(40, 2_000, window=128_000) == "rag"
    # The edge itself: the documents may fill exactly what the room leaves.
    assert outcome(1, 950_000) == "long_context" and outcome(1, 950_001) == "rag"
