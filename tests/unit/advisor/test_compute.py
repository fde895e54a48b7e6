"""The advisor's compute: the guide's five questions, its examples, and what would change the answer."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import run
from calculators.advisor import FIELDS, PRESETS, _trials, compute
from calculators.kit.schema import flat_fields
from calculators.advisor.facts import FREQUENCIES, OUTCOMES
from calculators.advisor.rules import RULES
from calculators.kit.schema import ChoiceField, NumberField, defaults

FIELD = {f.name: f for f in flat_fields(FIELDS)}

# Nothing needed, prompting tried, plenty of reviewed examples: each case adds only its situation.
QUIET = {"knowledge": "no", "tone": "no", "reasoning": "no", "accuracy": "no", "change": "never",
         "citations": "no", "prompting": "yes", "documents": 0, "access": "no",
         "latency": "flexible", "volume": "modest", "examples": 2000, "quality": "curated",
         "provider": "open"}


def _field_values(f):
    if isinstance(f, ChoiceField):
        return st.sampled_from([o.value for o in f.options])
    return st.integers(min_value=int(f.minimum), max_value=100_000)


inputs = st.fixed_dictionaries({f.name: _field_values(f) for f in flat_fields(FIELDS)})

# situation: (answers that differ from QUIET, outcome, rules that must fire, rules that must not)
SITUATIONS = {
    "nothing_needed_starts_with_prompts": ({}, "prompts", {"nothing-to-add"}, set()),
    "behaviour_before_prompting_starts_with_prompts": (
        {"tone": "yes", "prompting": "no"}, "prompts", {"prompts-before-tuning"}, {"q2-tone"}),
    "brand_voice_after_prompting_is_fine_tuning": (
        {"tone": "yes"}, "fine_tuning", {"behaviour-only", "q2-tone"}, {"too-few-examples"}),
    "current_knowledge_alone_is_rag": (
        {"knowledge": "yes"}, "rag", {"knowledge-only", "q1-current-knowledge"}, {"q3-frequent-change"}),
    "weekly_changing_knowledge_needs_retrieval": (
        {"knowledge": "yes", "change": "weekly"}, "rag", {"q3-frequent-change"}, set()),
    "monthly_changing_knowledge_is_not_frequent": (
        {"knowledge": "yes", "change": "monthly"}, "rag", set(), {"q3-frequent-change"}),
    "citations_alone_keep_retrieval_and_warn": (
        {"citations": "yes"}, "rag", {"q4-citations", "citations-without-knowledge"}, set()),
    "knowledge_and_domain_reasoning_is_a_tuned_model_with_rag": (
        {"knowledge": "yes", "reasoning": "yes"}, "fine_tuned_rag",
        {"both-knowledge-and-behaviour", "q2-reasoning"}, set()),
    "knowledge_and_tone_before_prompting_is_rag_first": (
        {"knowledge": "yes", "tone": "yes", "prompting": "no"}, "rag", {"rag-before-tuning"}, {"q2-tone"}),
    "accuracy_with_retrieval_tunes_the_retriever": (
        {"knowledge": "yes", "accuracy": "yes"}, "tuned_retriever", {"accuracy-with-retrieval"},
        {"q2-accuracy"}),
    "accuracy_with_retrieval_at_high_volume_routes": (
        {"knowledge": "yes", "accuracy": "yes", "volume": "high"}, "tuned_router",
        {"accuracy-at-volume"}, set()),
    "narrow_task_at_high_volume_is_cheaper_tuned": (
        {"accuracy": "yes", "volume": "high"}, "fine_tuning", {"q2-accuracy", "cost-at-scale"}, set()),
    "realtime_budget_favours_a_tuned_model": (
        {"tone": "yes", "latency": "realtime"}, "fine_tuning", {"realtime-without-retrieval"},
        {"realtime-with-retrieval"}),
    "realtime_budget_with_retrieval_warns": (
        {"knowledge": "yes", "latency": "realtime"}, "rag", {"realtime-with-retrieval"}, set()),
    "large_access_controlled_corpus_adds_reasons": (
        {"knowledge": "yes", "documents": 1000, "access": "yes"}, "rag",
        {"large-corpus", "access-control"}, set()),
    "corpus_just_below_large_adds_no_reason": (
        {"knowledge": "yes", "documents": 999}, "rag", set(), {"large-corpus"}),
    "claude_cannot_be_fine_tuned": (
        {"tone": "yes", "provider": "anthropic"}, "fine_tuning", {"vendor-cannot-tune"}, set()),
    "claude_with_a_tuned_retriever_still_works": (
        {"knowledge": "yes", "accuracy": "yes", "provider": "anthropic"}, "tuned_retriever",
        {"tuned-part-is-separate"}, {"vendor-cannot-tune"}),
    "undecided_vendor_is_told_which_ones_tune": (
        {"tone": "yes", "provider": "undecided"}, "fine_tuning", {"vendor-not-decided"}, set()),
    "thirty_examples_are_too_few_for_style": (
        {"tone": "yes", "examples": 30}, "fine_tuning", {"too-few-examples"}, set()),
    "fifty_reviewed_examples_suffice_for_style": (
        {"tone": "yes", "examples": 50}, "fine_tuning", set(), {"too-few-examples"}),
    "style_sized_set_is_too_few_for_reasoning": (
        {"reasoning": "yes", "examples": 100}, "fine_tuning", {"too-few-examples"}, set()),
    "unreviewed_examples_warn": (
        {"tone": "yes", "quality": "raw"}, "fine_tuning", {"unreviewed-examples"}, set()),
    "daily_facts_in_a_tuned_model_warn": (
        {"tone": "yes", "change": "daily"}, "fine_tuning", {"frequent-change-tuning-only"}, set()),
}


def _fired(result):
    return set(result.reasons + result.warnings) | {result.decided_by}


@pytest.mark.parametrize("situation", SITUATIONS)
def test_situation(situation):
    answers, outcome, fires, silent = SITUATIONS[situation]
    result = compute({**QUIET, **answers})
    assert result.outcome == outcome
    assert fires <= _fired(result)
    assert not silent & _fired(result)


def test_every_rule_fires_in_some_situation():
    fired = set().union(*(_fired(compute({**QUIET, **a})) for a, *_ in SITUATIONS.values()))
    assert fired == {r.id for r in RULES}


# The guide's five real-world examples and the approach it gives each.
GUIDE_APPROACH = {
    "customer-support": "rag",
    "medical-assistant": "fine_tuned_rag",
    "brand-content": "fine_tuning",
    "legal-analyzer": "tuned_retriever",
    "code-completion": "fine_tuning",
}


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_preset_reproduces_the_guides_approach(preset):
    assert run("advisor", dict(preset.values))["result"]["outcome"] == GUIDE_APPROACH[preset.name]


def test_there_is_one_preset_per_real_world_example():
    assert [p.name for p in PRESETS] == list(GUIDE_APPROACH)


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
    assert _trials(FIELD["knowledge"], "yes") == ["no"]
