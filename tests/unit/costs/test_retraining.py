"""When the tuned model trains again, what a run costs, and the presets that show it."""

from __future__ import annotations

import pytest

from calculators import costs, run
from calculators.kit.schema import defaults, validate

FIELDS = costs.CALCULATOR.fields


def estimate(**changes):
    checked = validate(FIELDS, {**defaults(FIELDS), **changes})
    assert checked.ok, checked.errors
    return costs.compute(checked.values)


def preset(name):
    return next(p for p in costs.PRESETS if p.name == name).values


def test_by_default_knowledge_is_retrieved_and_updates_train_nothing():
    result = estimate()
    # 24 months: a behaviour change a year (2 runs) and a retirement every 18 months (1 run).
    assert result.retrains["ft"] == {"knowledge": 0, "behaviour": 2, "retirement": 1}
    assert result.retrains["both"] == {"knowledge": 0, "behaviour": 2, "retirement": 1}
    assert estimate(updates=30).total == result.total  # more updates cost the tuned model nothing


def test_knowledge_in_the_weights_pays_a_run_per_update_and_says_so():
    result = estimate(**preset("knowledge-in-weights"))
    assert result.retrains["ft"]["knowledge"] == 24
    assert result.retrains["both"]["knowledge"] == 0  # both keeps knowledge in its documents
    extra = estimate(**preset("knowledge-in-weights")).total["ft"].typical - estimate().total["ft"].typical
    assert extra == pytest.approx(24 * 2600)  # 24 runs at the guide's typical 2,600
    html = run("costs", dict(preset("knowledge-in-weights")))["html"]
    assert "The knowledge runs alone cost $62,400" in html


def test_a_retired_base_model_and_behaviour_changes_each_cost_a_run():
    assert estimate(model_life=0, behaviour_changes=0).retrains["ft"] == {
        "knowledge": 0, "behaviour": 0, "retirement": 0}
    assert estimate(model_life=6, behaviour_changes=0, horizon=24).retrains["ft"]["retirement"] == 4
    assert estimate(behaviour_changes=4, horizon=6).retrains["both"]["behaviour"] == 2


def test_training_priced_per_token():
    result = estimate(training_cost="tokens", examples=2000, example_tokens=400, epochs=3,
                      training_price=25)
    run_cost = 2000 * 400 * 3 * 25 / 1_000_000  # $60
    assert (result.run_cost.low, result.run_cost.high) == (run_cost, run_cost)
    assert result.one_time["ft"].typical == pytest.approx(550 + run_cost)  # data prep midpoint + 1 run
    html = run("costs", {"training_cost": "tokens", "examples": "2000", "example_tokens": "400",
                         "epochs": "3", "training_price": "25"})["html"]
    assert "2,400,000 training tokens" in html and "$60" in html


@pytest.mark.parametrize("example", ["customer-support", "medical-assistant", "brand-content",
                                     "legal-analyzer", "code-completion"])
def test_the_guides_five_examples_are_presets(example):
    assert run("costs", dict(preset(example)))["ok"]


def test_a_small_tuned_model_standing_in_for_a_large_one_pays_off_at_volume():
    # The guide's cost-at-scale case: the code completion preset answers RAG with a large
    # model and tunes a small one, at a million queries a month.
    result = estimate(**preset("code-completion"))
    assert result.tuned.input < result.answering.input
    assert result.break_even_ft is not None and result.break_even_ft <= 12
