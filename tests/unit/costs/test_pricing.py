"""Model prices in the estimator: picked from the dataset's table, typed, or assumed for tuning."""

from __future__ import annotations

import pytest

from calculators import costs, run
from calculators.costs import pricing
from calculators.costs.model import TOKENS_PER_PRICE_UNIT
from calculators.kit.provenance import Dataset
from calculators.kit.schema import defaults, validate
from calculators.prices import MODELS

FIELDS = costs.CALCULATOR.fields
BY_KEY = {m.key: m for m in MODELS}


def estimate(**changes):
    checked = validate(FIELDS, {**defaults(FIELDS), **changes})
    assert checked.ok, checked.errors
    return costs.compute(checked.values)


def field(name):
    return next(f for f in FIELDS if f.name == name)


def test_the_pickers_offer_every_untuned_model_and_custom():
    for name in ("model", "tuned_model"):
        values = [o.value for o in field(name).options]
        assert values == [m.key for m in MODELS if m.tuned_from is None] + ["custom"]
        assert {o.group for o in field(name).options} >= {"OpenAI", "Anthropic", "Google", "Mistral"}


def test_a_model_with_a_listed_tuned_price_pays_the_datasets_price():
    tuned = next(m for m in MODELS if m.tuned_from)
    result = estimate(tuned_model=tuned.tuned_from)
    assert (result.tuned.input, result.tuned.output) == (tuned.input, tuned.output)
    assert result.tuned.basis == pricing.TUNED_LISTED


def test_without_a_listed_tuned_price_the_factor_scales_the_base_price():
    base = next(m for m in MODELS if m.tuned_from is None and m.key not in pricing.LISTED_TUNED
                and m.cached_input is not None)
    result = estimate(tuned_model=base.key, tuned_price_factor="1.5")
    assert result.tuned.basis == pricing.TUNED_BY_FACTOR
    assert (result.tuned.input, result.tuned.cached_input, result.tuned.output) == pytest.approx(
        (1.5 * base.input, 1.5 * base.cached_input, 1.5 * base.output))
    assert "times its price (the tuned-price factor)" in run("costs", {"tuned_model": base.key})["html"]


def test_the_default_factor_sits_where_the_judgement_says_among_the_listed_ratios():
    # The factor's stated reason spans the listed tuned-to-base ratios; a new dataset must keep it true.
    assert pricing.RATIO_LOW <= pricing.TUNED_PRICE_FACTOR <= pricing.RATIO_HIGH
    assert field("tuned_price_factor").default == pricing.TUNED_PRICE_FACTOR


def test_custom_uses_the_typed_prices():
    result = estimate(model="custom", custom_input_price="4", custom_cached_price="1",
                      custom_output_price="16")
    assert (result.answering.input, result.answering.cached_input, result.answering.output) == (4, 1, 16)
    assert result.answering.basis == pricing.TYPED


def test_a_cached_price_above_the_input_price_is_an_error_beside_it():
    typed = {"custom_tuned_input_price": "1", "custom_tuned_cached_price": "2"}
    answer = run("costs", {**typed, "tuned_model": "custom"})
    assert not answer["ok"]
    assert list(answer["errors"]) == ["custom_tuned_cached_price"]
    assert run("costs", typed)["ok"]  # prices that are not in use are not checked


def test_default_token_costs_by_hand_from_the_table():
    answering, tuned = BY_KEY["openai-gpt-4o-mini"], BY_KEY["openai-ft-gpt-4o-mini"]
    # 10,000 queries; prompt 500 tokens, half of it repeated; 2,000 retrieved; 300 out.
    # Today's table: RAG 10,000 x (250 x 0.075 + 2,250 x 0.15 + 300 x 0.6) / 1e6 = $5.36;
    # the tuned model lists no cached price, so fine-tuning pays 10,000 x (500 x 0.3 +
    # 300 x 1.2) / 1e6 = $5.10 and both 10,000 x (2,500 x 0.3 + 300 x 1.2) / 1e6 = $11.10.
    rag = 10_000 * (250 * answering.cached_input + 2250 * answering.input + 300 * answering.output)
    ft = 10_000 * (500 * tuned.input + 300 * tuned.output)
    both = 10_000 * (2500 * tuned.input + 300 * tuned.output)
    expected = [x / TOKENS_PER_PRICE_UNIT for x in (rag, ft, both)]
    assert [estimate().token_cost_monthly[a] for a in ("rag", "ft", "both")] == pytest.approx(expected)


def test_prices_from_the_table_cite_the_dataset_with_version_and_date():
    assert pricing.PRICE_DATASET == Dataset("genai-prices", costs.pricing.DATASET_VERSION,
                                            costs.pricing.PRICES_AS_OF)
    html = run("costs", {})["html"]
    assert f"genai-prices {pricing.DATASET_VERSION}, {pricing.PRICES_AS_OF}" in html


def test_methodology_lists_every_model_price_with_the_dataset():
    figures = [f for f in costs.FIGURES if f.source == pricing.PRICE_DATASET]
    assert len(figures) == len(MODELS)
    gpt = next(f for f in figures if f.label == pricing.model_name("openai-gpt-4o-mini"))
    m = BY_KEY["openai-gpt-4o-mini"]
    assert f"input {m.input:g}" in gpt.value and f"output {m.output:g}" in gpt.value


def test_a_prompt_too_long_for_the_window_is_flagged():
    window = BY_KEY["openai-gpt-4o-mini"].context_window
    result = estimate(context_tokens=window)
    assert set(result.over_window) == {"rag", "both"}
    assert "do not fit the model's window" in run("costs", {"context_tokens": str(window)})["html"]
