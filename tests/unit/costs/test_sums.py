"""Hand-checked sums: each approach's total, worked out on paper from typed prices.

Custom prices have no announced retirement, and a successor life of 120 months keeps forced
moves out of a 24-month plan, so every figure below is arithmetic a reader can redo.
"""

from __future__ import annotations

import pytest

from .conftest import estimate_of

# Answering: input 2, cached 0.2, output 8 USD per million; tuned: input 2, output 8, no cache.
HAND = {"model": "custom", "tuned_model": "custom", "model_life": 120, "queries": 10_000}
DAYS = 365 / 12


def test_a_prompt_alone_pays_evaluation_and_tokens_with_its_opening_cached():
    e = estimate_of(**HAND, documents=0)
    # Warm cache (a query every 1.8 busy minutes, lifetime 5): one write a busy day.
    opening = (DAYS * 2 + (10_000 - DAYS) * 0.2) * 1_500 / 1e6  # writes at 1.0x, reads at 0.2
    rest = 10_000 * (100 * 2 + 300 * 8) / 1e6
    assert e.usage["prompt"].usd == pytest.approx(opening + rest)  # 3.08 + 26.00
    assert e.total["prompt"].typical == pytest.approx(1_000 + 24 * (opening + rest))  # 1,697.97


def test_a_tuned_model_pays_data_runs_retraining_and_its_short_prompt():
    e = estimate_of(**HAND, documents=0)
    runs = 2 * 1_000 * 500 * 3 * 3 / 1e6  # two runs of 1.5M training tokens at 3 USD: 9
    first = 1_000 + 550 + runs  # evaluation, data preparation (midpoint), runs
    tokens = 10_000 * ((300 + 100) * 2 + 300 * 8) / 1e6  # 32 a month, nothing cached
    behaviour = 2 * (550 + runs + 1_000)  # months 12 and 24: new examples, runs, evaluation
    assert e.one_time["ft"].typical == pytest.approx(first)
    assert e.total["ft"].typical == pytest.approx(first + 24 * tokens + behaviour)  # 5,445
    assert e.total["ft"].low == pytest.approx(1_000 + 100 + runs + 24 * tokens + 2 * (100 + runs + 1_000))


def test_rag_by_its_parts_grows_with_the_documents():
    e = estimate_of(**HAND, documents=10_000, document_tokens=1_000, updates=2, changed_share=5,
                    reembed_months=12, rerank_price=1)
    corpus = 10_000 * 1_000
    embed = corpus * 0.02 / 1e6  # 0.20 once
    store = 50 + corpus / 500 / 1e6 * 25  # 20,000 passages: 50.50 a month
    monthly = store + 2 * 0.05 * embed + 10_000 / 1_000 * 1  # re-embedding and reranking
    r = e.retrieval
    assert (r.setup.low, r.store_monthly) == (pytest.approx(embed), pytest.approx(store))
    assert r.monthly.low == pytest.approx(monthly)
    tokens = e.usage["rag"].usd
    assert e.total["rag"].typical == pytest.approx(1_000 + embed + 24 * (monthly + tokens) + 2 * embed)
    bigger = estimate_of(**HAND, documents=500_000, document_tokens=1_000, updates=2,
                         changed_share=5, reembed_months=12, rerank_price=1)
    assert bigger.retrieval.store_monthly == pytest.approx(50 + 1_000_000 / 1e6 * 25)
    assert bigger.retrieval.setup.low == pytest.approx(50 * embed)


def test_long_context_writes_its_documents_once_a_busy_day_and_after_each_update():
    e = estimate_of(**HAND, documents=10, document_tokens=2_000, updates=1, busy_hours=10)
    opening = 1_500 + 10 * 2_000
    writes = DAYS + 1
    cost = (opening * (writes * 2 + (10_000 - writes) * 0.2)
            + 10_000 * (100 * 2 + 300 * 8)) / 1e6
    assert e.usage["long_context"].cache_writes == pytest.approx(writes)
    assert e.usage["long_context"].usd == pytest.approx(cost)


def test_a_dedicated_endpoint_is_billed_every_hour_of_the_month():
    e = estimate_of(tuned_model="fireworks-gpt-oss-20b", dedicated_rate=3, dedicated_hours=730)
    assert e.hosting_monthly == pytest.approx(2_190)
    assert e.monthly["ft_rag"].typical > 2_190


def test_a_tuned_model_that_holds_the_documents_reads_them_all_each_run():
    e = estimate_of(**HAND, documents=10_000, document_tokens=1_000, updates=1)
    assert e.knowledge_training_tokens == 10_000 * 1_000 * 3  # every document, every epoch
    assert e.knowledge_run_cost.typical == pytest.approx(30_000_000 * 3 / 1e6)  # 90 a run
    first = 1_000 + 550 + 2 * 90
    assert e.one_time["ft"].typical == pytest.approx(first)
    embed = 10_000 * 1_000 * 0.02 / 1e6  # retrieval holds them: its first embeddings, 0.20
    assert e.one_time["ft_rag"].typical == pytest.approx(1_000 + 550 + 2 * 4.5 + embed)
