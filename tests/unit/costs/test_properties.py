"""Properties that hold for any valid inputs: the estimate's shape, not particular figures."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.costs.approaches import TUNES
from calculators.costs.pricing import listed_prices
from calculators.costs.usage import Prompt, monthly_usage

from .conftest import estimate_of

models = st.sampled_from(["google-gemini-3.5-flash-lite", "anthropic-claude-haiku-5-5",
                          "openai-gpt-6-luna", "mistral-mistral-large-4", "custom"])
routes = st.sampled_from(["geap-gemini-3.5-flash-lite", "azure-gpt-4.1-mini",
                          "fireworks-gpt-oss-20b", "custom"])
situations = st.fixed_dictionaries({
    "queries": st.integers(0, 20_000_000), "documents": st.integers(0, 200_000),
    "document_tokens": st.integers(1, 20_000), "updates": st.sampled_from([0, 0.25, 1, 4, 30]),
    "citations": st.sampled_from(["yes", "no"]),
    "prompt_reach": st.sampled_from(["untried", "yes", "no"]), "model": models,
    "tuned_model": routes, "horizon": st.integers(1, 60),
    "tuned_knowledge": st.sampled_from(["retrain", "cannot"]),
    "busy_hours": st.integers(1, 24)})
FAST = settings(max_examples=60, deadline=None)


@FAST
@given(situations)
def test_an_approach_that_cannot_do_the_job_never_wins(inputs):
    e = estimate_of(**inputs)
    assert e.cheapest in e.costed and e.fit[e.cheapest] == ""
    assert all(e.total[e.cheapest].typical <= e.total[a].typical for a in e.costed)


@FAST
@given(situations, st.integers(1, 10_000_000))
def test_more_queries_never_lower_a_total(inputs, more):
    before = estimate_of(**inputs)
    after = estimate_of(**{**inputs, "queries": inputs["queries"] + more})
    for a in before.costed:
        for band in ("low", "typical", "high"):
            assert getattr(after.total[a], band) >= getattr(before.total[a], band) - 1e-6


@FAST
@given(st.sampled_from(["google-gemini-3.5-flash-lite", "anthropic-claude-haiku-5-5",
                        "openai-gpt-6-luna", "openai-gpt-4o"]),
       st.integers(0, 2_000_000), st.integers(0, 50_000), st.integers(0, 5_000),
       st.floats(0, 1e7), st.floats(1, 24), st.floats(0, 60))
def test_caching_never_raises_a_bill(model, opening, rest, answer, queries, hours, rewrites):
    prices = listed_prices(model)
    prompt = Prompt(opening, rest, answer)
    cached = monthly_usage(prompt, queries, prices, hours, rewrites).usd
    uncached = monthly_usage(prompt, queries, replace(prices, cached_input=prices.input), hours,
                             rewrites).usd
    assert cached <= uncached + 1e-9


@FAST
@given(st.sampled_from(["google-gemini-3.5-flash-lite", "anthropic-claude-haiku-5-5",
                        "openai-gpt-6-luna", "mistral-mistral-large-4"]),
       st.integers(0, 20_000), st.integers(0, 20_000), st.integers(0, 5_000), st.floats(1, 1e7),
       st.floats(1, 24))
def test_a_shorter_prompt_never_costs_more_on_the_same_model(model, short, extra, rest, queries,
                                                             hours):
    prices = listed_prices(model)
    shorter = monthly_usage(Prompt(short, rest, 300), queries, prices, hours).usd
    longer = monthly_usage(Prompt(short + extra, rest, 300), queries, prices, hours).usd
    assert shorter <= longer + 1e-9


@FAST
@given(situations)
def test_the_low_band_never_sits_above_the_high_band(inputs):
    e = estimate_of(**inputs)
    for a in e.costed:
        assert e.total[a].low <= e.total[a].typical <= e.total[a].high
        assert list(e.cumulative[a]["typical"]) == sorted(e.cumulative[a]["typical"])


@FAST
@given(situations)
def test_tuned_options_name_the_model_mix_only_when_the_models_differ(inputs):
    e = estimate_of(**inputs)
    same = e.tuned.base_model == e.answering.model != "custom"
    assert e.like_for_like == same
    if e.like_for_like:
        assert any(a in TUNES for a in ("ft", "ft_rag"))
