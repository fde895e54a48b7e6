"""The advisor on situations a reader brings: each outcome and warning for its real reason.

Everything here goes through the public `calculators.run("advisor", ...)`, so these tests say
what the advisor promises, whatever shape its modules take.
"""

import subprocess
import sys

import pytest

from calculators import CALCULATORS, run

from .answers import QUIET

OUTCOMES = {"prompts", "structured_outputs", "long_context", "rag", "fine_tuning", "fine_tuned_rag", "tuned_retriever",
            "tuned_router"}

# situation: (answers that differ from QUIET, outcome, rules that must fire, rules that must not)
SITUATIONS = {
    # Prompts first.
    "a_general_chat_helper_needs_nothing_beyond_a_prompt": (
        {}, "prompts", {"nothing-to-add"}, {"change-without-knowledge"}),
    "a_new_voice_not_yet_tried_in_a_prompt_starts_with_prompts": (
        {"tone": "yes", "prompting": "no"}, "prompts",
        {"prompts-before-tuning", "prompt-the-style-first"}, {"q2-tone", "prompt-the-task-first"}),
    "a_classifier_not_yet_tried_in_a_prompt_gets_a_baseline_not_the_style_figure": (
        {"accuracy": "yes", "prompting": "no"}, "prompts",
        {"prompts-before-tuning", "prompt-the-task-first"}, {"prompt-the-style-first"}),
    # Structured outputs (the site's judgement, given the vendors' schema support).
    "a_fixed_json_shape_alone_is_held_by_structured_outputs": (
        {"format": "yes"}, "structured_outputs", {"format-only-gap"},
        {"format-by-schema", "too-few-examples"}),
    "a_fixed_format_not_yet_prompted_is_still_structured_outputs_first": (
        {"format": "yes", "prompting": "no"}, "structured_outputs", {"format-only-gap"}, set()),
    "a_format_over_a_catalogue_is_rag_with_the_format_held_by_schema": (
        {"format": "yes", "knowledge": "yes"}, "rag", {"knowledge-only", "format-by-schema"},
        {"format-only-gap"}),
    "a_voice_and_a_format_tune_the_voice_and_hold_the_format_by_schema": (
        {"format": "yes", "tone": "yes"}, "fine_tuning", {"behaviour-only", "format-by-schema"},
        set()),
    "prices_that_change_weekly_but_are_not_needed_change_nothing_and_warn": (
        {"change": "weekly"}, "prompts", {"nothing-to-add", "change-without-knowledge"}, set()),
    # Fine-tuning.
    "a_brand_voice_that_prompting_could_not_hold_is_fine_tuned": (
        {"tone": "yes"}, "fine_tuning", {"behaviour-only", "q2-tone"}, {"too-few-examples"}),
    "a_ticket_classifier_without_documents_is_fine_tuned": (
        {"accuracy": "yes", "documents": 0}, "fine_tuning", {"behaviour-only", "q2-accuracy"},
        {"no-documents"}),
    "a_narrow_task_at_high_volume_is_cheaper_on_a_small_tuned_model": (
        {"accuracy": "yes", "volume": "high"}, "fine_tuning", {"q2-accuracy", "cost-at-scale"}, set()),
    "completion_while_someone_types_saves_the_retrieval_step": (
        {"tone": "yes", "latency": "realtime"}, "fine_tuning", {"realtime-without-retrieval"},
        {"realtime-with-retrieval"}),
    "facts_changing_daily_without_knowledge_warn_against_a_frozen_model": (
        {"tone": "yes", "change": "daily"}, "fine_tuning", {"change-without-knowledge"}, set()),
    # Plain RAG.
    "a_large_catalogue_alone_is_rag": (
        {"knowledge": "yes"}, "rag", {"knowledge-only", "q1-current-knowledge", "large-corpus"},
        {"q3-frequent-change"}),
    "a_help_centre_edited_weekly_is_rag": (
        {"knowledge": "yes", "change": "weekly"}, "rag", {"q3-frequent-change"}, set()),
    "monthly_edits_are_not_more_than_once_a_month": (
        {"knowledge": "yes", "change": "monthly"}, "rag", set(), {"q3-frequent-change"}),
    "999_documents_are_not_yet_thousands": (
        {"knowledge": "yes", "documents": 999}, "rag", set(), {"large-corpus"}),
    "per_team_document_sets_are_filtered_at_retrieval": (
        {"knowledge": "yes", "access": "yes"}, "rag", {"access-control"}, set()),
    "citations_without_knowledge_keep_retrieval_and_warn": (
        {"citations": "yes"}, "rag", {"q4-citations", "citations-without-knowledge"}, set()),
    "knowledge_and_a_voice_not_yet_prompted_start_with_rag": (
        {"knowledge": "yes", "tone": "yes", "prompting": "no"}, "rag",
        {"rag-before-tuning", "prompt-the-style-first"}, {"q2-tone"}),
    "a_knowledge_assistant_with_no_documents_yet_warns": (
        {"knowledge": "yes", "documents": 0}, "rag", {"no-documents"}, set()),
    "a_support_bot_on_a_realtime_budget_is_warned_about_retrieval_time": (
        {"knowledge": "yes", "latency": "realtime"}, "rag", {"realtime-with-retrieval"}, set()),
    # Long context with prompt caching (the site's judgement).
    "a_small_stable_handbook_goes_in_the_prompt": (
        {"knowledge": "yes", "documents": 12}, "long_context",
        {"knowledge-fits-in-prompt", "cache-the-prompt"}, {"no-documents", "q1-current-knowledge"}),
    "four_hundred_short_records_fit_a_million_token_window": (
        {"knowledge": "yes", "documents": 400}, "long_context", set(), set()),
    "twenty_long_reports_do_not_fit_and_are_retrieved": (
        {"knowledge": "yes", "documents": 20, "document_tokens": 60_000}, "rag", set(), set()),
    "a_handbook_that_fits_a_new_window_is_retrieved_on_an_older_smaller_one": (
        {"knowledge": "yes", "documents": 100, "window": 128_000}, "rag", set(), set()),
    "a_small_handbook_edited_weekly_is_retrieved": (
        {"knowledge": "yes", "documents": 12, "change": "weekly"}, "rag", {"q3-frequent-change"},
        set()),
    "a_small_handbook_that_must_be_cited_is_retrieved": (
        {"knowledge": "yes", "documents": 12, "citations": "yes"}, "rag", {"q4-citations"}, set()),
    "a_small_handbook_with_per_user_access_is_retrieved": (
        {"knowledge": "yes", "documents": 12, "access": "yes"}, "rag", {"access-control"}, set()),
    "a_small_handbook_and_a_voice_not_yet_prompted_go_in_one_prompt": (
        {"knowledge": "yes", "documents": 12, "tone": "yes", "prompting": "no"}, "long_context",
        {"prompt-the-style-first"}, set()),
    # A tuned model with retrieval.
    "a_ticket_classifier_that_needs_the_catalogue_tunes_the_model_with_retrieval": (
        {"knowledge": "yes", "accuracy": "yes"}, "fine_tuned_rag",
        {"knowledge-and-behaviour", "q2-accuracy", "q1-current-knowledge"}, set()),
    "a_clinical_assistant_reasons_like_a_clinician_over_current_guidelines": (
        {"knowledge": "yes", "reasoning": "yes"}, "fine_tuned_rag",
        {"knowledge-and-behaviour", "q2-reasoning"}, set()),
    "a_tuned_model_over_jargon_also_gets_a_tuned_retriever_suggested": (
        {"knowledge": "yes", "tone": "yes", "vocabulary": "yes"}, "fine_tuned_rag",
        {"retriever-too"}, set()),
    # A tuned retriever.
    "legal_terms_missed_by_search_tune_the_retriever": (
        {"knowledge": "yes", "citations": "yes", "vocabulary": "yes"}, "tuned_retriever",
        {"search-misses-domain-words", "retrieval-is-the-bottleneck"}, {"q2-accuracy"}),
    "part_codes_missed_by_search_on_claude_still_tune_the_retriever": (
        {"knowledge": "yes", "vocabulary": "yes", "platform": "anthropic"}, "tuned_retriever",
        {"tuned-part-is-separate"}, {"platform-cannot-tune"}),
    "jargon_and_mixed_traffic_tune_the_retriever_and_suggest_a_router": (
        {"knowledge": "yes", "vocabulary": "yes", "volume": "mixed"}, "tuned_retriever",
        {"router-too"}, set()),
    # A small tuned router.
    "a_busy_faq_bot_with_a_few_hard_questions_gets_a_router": (
        {"knowledge": "yes", "volume": "mixed"}, "tuned_router", {"mixed-traffic-at-volume"}, set()),
    "a_busy_faq_bot_whose_queries_are_alike_is_plain_rag": (
        {"knowledge": "yes", "volume": "high"}, "rag", set(), {"mixed-traffic-at-volume"}),
    # Training data and vendors, wherever something is tuned.
    "thirty_examples_are_too_few_for_a_voice": (
        {"tone": "yes", "examples": 30}, "fine_tuning", {"too-few-examples"}, set()),
    "fifty_reviewed_examples_are_enough_for_a_voice": (
        {"tone": "yes", "examples": 50}, "fine_tuning", set(), {"too-few-examples"}),
    "a_style_sized_set_is_too_few_for_reasoning": (
        {"reasoning": "yes", "examples": 100}, "fine_tuning", {"too-few-examples"}, set()),
    "a_tuned_retriever_with_no_examples_warns": (
        {"knowledge": "yes", "vocabulary": "yes", "examples": 0}, "tuned_retriever",
        {"too-few-examples"}, set()),
    "unreviewed_examples_warn": (
        {"tone": "yes", "quality": "raw"}, "fine_tuning", {"unreviewed-examples"}, set()),
    "claude_cannot_be_fine_tuned": (
        {"tone": "yes", "platform": "anthropic"}, "fine_tuning", {"platform-cannot-tune"}, set()),
    "openais_current_models_cannot_be_fine_tuned": (
        {"tone": "yes", "platform": "openai"}, "fine_tuning", {"platform-cannot-tune"}, set()),
    "gemini_can_be_tuned_on_its_agent_platform": (
        {"tone": "yes", "platform": "google"}, "fine_tuning", set(), {"platform-cannot-tune"}),
    "a_router_for_an_openai_app_is_tuned_elsewhere": (
        {"knowledge": "yes", "volume": "mixed", "platform": "openai"}, "tuned_router",
        {"tuned-part-is-separate"}, {"platform-cannot-tune"}),
    "an_undecided_team_is_told_where_one_can_tune": (
        {"tone": "yes", "platform": "undecided"}, "fine_tuning", {"platform-not-decided"}, set()),
    "data_kept_in_house_rules_out_a_hosted_platform": (
        {"knowledge": "yes", "platform": "anthropic", "residency": "own_hardware"}, "rag",
        {"hosted-platform-leaves-your-hardware"}, set()),
    "data_kept_in_house_is_no_conflict_for_an_open_weight_model": (
        {"tone": "yes", "residency": "own_hardware"}, "fine_tuning", set(),
        {"hosted-platform-leaves-your-hardware"}),
}


def advise(answers):
    answer = run("advisor", {**QUIET, **answers})
    assert answer["ok"], answer["errors"]
    return answer["result"]


def fired(result):
    """Every rule id in the result: the deciding rule, the reasons and the warnings."""
    return {result["decided_by"], *result["reasons"], *result["warnings"]}


@pytest.mark.parametrize("situation", SITUATIONS)
def test_situation(situation):
    answers, outcome, fires, silent = SITUATIONS[situation]
    result = advise(answers)
    assert result["outcome"] == outcome
    assert fires <= fired(result), fires - fired(result)
    assert not silent & fired(result)


def test_every_outcome_is_reached_by_some_situation():
    assert {outcome for _, outcome, *_ in SITUATIONS.values()} == OUTCOMES
    assert {advise(answers)["outcome"] for answers, *_ in SITUATIONS.values()} == OUTCOMES


def test_every_rule_and_warning_fires_in_some_situation():
    from calculators.advisor.rules import RULES

    every = set().union(*(fired(advise(answers)) for answers, *_ in SITUATIONS.values()))
    assert every == {r.id for r in RULES}


# The guide's five real-world examples: the approach it gives each, and the rules that carry the
# reason it gives (a preset that reached the right approach by another road would fail here).
GUIDE_EXAMPLES = {
    "customer-support": ("rag", {"knowledge-only", "q3-frequent-change", "q4-citations"}),
    "medical-assistant": ("fine_tuned_rag", {"knowledge-and-behaviour", "q2-reasoning",
                                             "q1-current-knowledge"}),
    "brand-content": ("fine_tuning", {"behaviour-only", "q2-tone"}),
    "legal-analyzer": ("tuned_retriever", {"search-misses-domain-words",
                                           "retrieval-is-the-bottleneck"}),
    "code-completion": ("fine_tuning", {"behaviour-only", "q2-tone", "realtime-without-retrieval"}),
}


def _preset(name):
    return dict(next(p for p in CALCULATORS["advisor"].presets if p.name == name).values)


@pytest.mark.parametrize("example", GUIDE_EXAMPLES)
def test_each_guide_example_reaches_its_approach_for_the_guides_reason(example):
    outcome, reasons = GUIDE_EXAMPLES[example]
    answer = run("advisor", _preset(example))
    assert answer["result"]["outcome"] == outcome
    assert reasons <= fired(answer["result"])
    assert not answer["result"]["warnings"]


def test_the_legal_analyzer_tunes_its_retriever_for_the_words_not_for_accuracy():
    values = _preset("legal-analyzer")
    assert values["accuracy"] == "no"
    assert run("advisor", {**values, "vocabulary": "no"})["result"]["outcome"] == "rag"


def test_the_presets_are_the_guides_five_examples_in_order():
    assert [p.name for p in CALCULATORS["advisor"].presets] == list(GUIDE_EXAMPLES)


def test_volume_keeps_its_old_values_so_shared_links_still_open():
    for volume in ("modest", "high"):
        assert run("advisor", {**QUIET, "volume": volume})["ok"]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "calculators", "advisor", *args],
                          capture_output=True, text=True, check=True).stdout


def test_the_command_line_asks_the_new_questions_and_gives_the_same_advice():
    help_text = " ".join(_cli("--help").split())
    assert "--vocabulary {yes,no}" in help_text and "--volume {modest,high,mixed}" in help_text
    text = " ".join(_cli("--preset", "legal-analyzer").split())
    assert "Recommendation: RAG + fine-tuned retriever." in text
    assert "standard search misses the domain's words" in text
