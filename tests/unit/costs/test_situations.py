"""Real situations, each with the answer a careful engineer would give and why."""

from __future__ import annotations

from calculators.costs.approaches import APPROACHES, LONG_CONTEXT, PROMPT, RAG, TUNED, TUNED_RAG
from calculators.costs.estimate import CANNOT_SEE_DOCUMENTS, DOES_NOT_FIT, NO_CITATIONS, NOTHING_TO_ADD

from .conftest import estimate_of, preset


def test_support_bot_at_volume_is_never_fine_tuning_alone():
    # Help articles change weekly and answers cite them: a tuned model alone cannot cite.
    e = preset("customer-support", queries=1_500_000)
    assert e.fit[TUNED] == NO_CITATIONS and TUNED not in e.costed
    assert e.cheapest in (RAG, TUNED_RAG)


def test_knowledge_in_the_weights_costs_many_times_retrieval():
    e = estimate_of(documents=2_000, updates=4, citations="no")
    assert e.total[TUNED].typical > 5 * e.total[RAG].typical
    assert e.cheapest != TUNED


def test_ticket_classifier_is_a_prompt_or_a_small_tuned_model_never_rag():
    e = preset("ticket-classifier")
    assert e.fit[RAG] == NOTHING_TO_ADD and e.fit[TUNED_RAG] == NOTHING_TO_ADD
    assert e.cheapest in (PROMPT, TUNED)
    # At five million tickets a month the tuned model's short prompt pays for its training.
    assert e.cheapest == TUNED


def test_forty_internal_documents_are_costed_as_long_context_with_caching():
    e = preset("internal-documents")  # 40 x 7,500 = 300,000 tokens, 200 queries a day
    assert LONG_CONTEXT in e.costed and e.usage[LONG_CONTEXT].cached
    assert e.prompt[LONG_CONTEXT].opening == 1_500 + 300_000
    assert e.fit[PROMPT] == CANNOT_SEE_DOCUMENTS


def test_half_a_million_contracts_cost_retrieval_that_grows_with_them():
    e = preset("legal-analyzer")  # 500,000 contracts of 5,000 tokens, cited answers
    assert e.fit[LONG_CONTEXT] == DOES_NOT_FIT and e.fit[TUNED] == NO_CITATIONS
    assert e.cheapest == RAG
    small = preset("legal-analyzer", documents=5_000)
    assert e.retrieval.store_monthly > small.retrieval.store_monthly
    assert e.total[RAG].typical > small.total[RAG].typical


def test_a_report_writer_with_no_documents_pays_for_no_vector_store():
    e = estimate_of(documents=0, prompt_reach="yes")
    assert e.fit[RAG] == NOTHING_TO_ADD and e.cheapest in (PROMPT, TUNED)


def test_a_prompt_that_falls_short_leaves_only_the_tuned_options():
    e = estimate_of(prompt_reach="no")
    assert set(e.costed) == {TUNED, TUNED_RAG}


def test_the_guides_five_examples():
    # The guide's answers: support RAG only; medical tuning + RAG; brand and code completion
    # tuning only; legal RAG with a tuned retriever (costed here as RAG: the retriever's
    # tuning is not modelled).
    assert preset("customer-support", prompt_reach="yes").cheapest == RAG
    assert preset("medical-assistant").cheapest == TUNED_RAG
    assert preset("brand-content").cheapest == TUNED
    assert preset("code-completion").cheapest == TUNED
    assert preset("legal-analyzer").cheapest == RAG


def test_every_approach_is_either_costed_or_says_why_not():
    for inputs in ({}, {"documents": 0}, {"prompt_reach": "no"}, {"citations": "yes"}):
        e = estimate_of(**inputs)
        assert {a for a in APPROACHES if not e.fit[a]} == set(e.costed)
