"""The cost model's arithmetic: hand-checked examples, then the shapes every estimate must keep."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.costs import model
from calculators.costs.model import APPROACHES, BANDS, CostInputs, Range, TimeInputs

# The calculator's defaults: the guide's ranges and illustrative volumes and prices.
DEFAULTS = CostInputs(
    horizon_months=24, updates_per_month=1, retrain_every=1,
    rag_setup=Range(0, 500), rag_monthly=Range(50, 300), ft_run=Range(200, 5000),
    ft_data_prep=Range(100, 1000), ft_first_runs=1, queries_per_month=10_000,
    input_tokens=500, output_tokens=300, context_tokens=2000,
    base_input_price=2, base_output_price=8, tuned_input_price=0.5, tuned_output_price=2,
)


def test_monthly_token_cost_by_hand():
    # 10,000 queries x (2,500 input tokens x $2 + 300 output tokens x $8) per million tokens
    # = 10,000 x (5,000 + 2,400) / 1,000,000 = $74.00 a month
    assert model.monthly_token_cost(10_000, 2500, 300, 2, 8) == pytest.approx(74.0)


def test_retrieved_context_is_paid_by_rag_and_both_only():
    tokens = model.token_costs(DEFAULTS)
    # RAG:  base model, (500 + 2,000) in at $2, 300 out at $8: 10,000 x 7,400 / 1e6 = $74.00
    # FT:   tuned model, 500 in at $0.50, 300 out at $2:      10,000 x   850 / 1e6 =  $8.50
    # both: tuned model, 2,500 in at $0.50, 300 out at $2:    10,000 x 1,850 / 1e6 = $18.50
    assert tokens == pytest.approx({"rag": 74.0, "ft": 8.5, "both": 18.5})


@pytest.mark.parametrize(("month", "updates", "every", "runs"), [
    (12, 1, 1, 12),      # one update a month, a run for each: 12
    (12, 1, 3, 4),       # batching three updates per run: 12 / 3 = 4
    (12, 0.25, 1, 3),    # quarterly updates: 12 x 0.25 = 3
    (5, 0.25, 1, 1),     # 1.25 updates so far: the second has not arrived
    (50, 0.58, 1, 29),   # 50 x 0.58 is 28.999999999999996 in binary; it means 29
    (12, 4, 0, 0),       # 0: the model never retrains
    (0, 4, 1, 0),        # month 0 holds one-time costs only
])
def test_retrains_by_month(month, updates, every, runs):
    assert model.retrains_by_month(month, updates, every) == runs


def test_two_year_totals_by_hand():
    # RAG typical: setup 250; a month 175 running + 74 tokens = 249; 250 + 24 x 249 = 6,226
    assert model.horizon_total(DEFAULTS, "rag", "typical") == pytest.approx(6226)
    # Fine-tuning typical: 550 preparation + 1 run x 2,600 = 3,150 up front; then 8.50 tokens and
    # one 2,600 retraining run a month: 3,150 + 24 x 8.5 + 24 x 2,600 = 65,754
    assert model.horizon_total(DEFAULTS, "ft", "typical") == pytest.approx(65_754)
    # Both, low: setup 0 + preparation 100 + one run 200 = 300; a month 50 + 18.50 = 68.50;
    # no retraining (knowledge is in the documents): 300 + 24 x 68.5 = 1,944
    assert model.horizon_total(DEFAULTS, "both", "low") == pytest.approx(1944)


def test_stable_knowledge_fine_tuning_breaks_even_in_month_13():
    stable = replace(DEFAULTS, updates_per_month=0)
    rag = model.cumulative_series(stable, "rag", "typical")
    ft = model.cumulative_series(stable, "ft", "typical")
    # FT 3,150 + 8.5 m against RAG 250 + 249 m: equal when 2,900 = 240.5 m, m = 12.06,
    # so month 12 is still dearer (3,252 > 3,238) and month 13 is not (3,260.5 <= 3,487).
    assert ft[12] > rag[12] and ft[13] <= rag[13]
    assert model.break_even_month(ft, rag) == 13


@pytest.mark.parametrize(("dearer", "other", "month"), [
    ([10, 12, 14], [5, 10, 15], 2),
    ([1, 2], [1, 2], 0),          # never dearer: even at month 0
    ([10, 20], [1, 2], None),     # never catches up
])
def test_break_even_month_examples(dearer, other, month):
    assert model.break_even_month(dearer, other) == month


def test_retraining_can_make_fine_tuning_dearer_again():
    rag = [150, 170, 190]
    # never dearer after month 0: 100 <= 150, 100 <= 170, 180 <= 190
    assert not model.dearer_again([100, 100, 180], rag, 0)
    # a 150 retraining run in month 2 gives 250 > 190: dearer again
    assert model.dearer_again([100, 100, 250], rag, 0)
    assert not model.dearer_again([100, 100, 250], rag, None)


def test_time_to_production_both_is_rag_then_fine_tuning():
    times = TimeInputs(Range(1, 2), Range(4, 8), Range(1 / 60, 1), Range(1, 72))
    weeks = model.weeks_to_production(times)
    # both: RAG first (1-2 weeks), then fine-tuning (4-8): 5-10 weeks, typical 1.5 + 6 = 7.5
    assert (weeks["both"].low, weeks["both"].typical, weeks["both"].high) == (5, 7.5, 10)
    spent = model.iteration_weeks(times, DEFAULTS)
    # fine-tuning: 24 runs x 36.5 hours typical = 876 hours = 876 / 168 = 5.21 weeks
    assert spent["ft"] == pytest.approx(876 / 168)


def test_sensitivity_by_hand():
    swings = {s.input: s for s in model.sensitivity(DEFAULTS, 0.1)}
    # cost per run +/-10% (260 USD typical) over 1 first run + 24 retraining runs: 25 x 260 = 6,500
    assert swings["ft_run"].change == pytest.approx(6500)
    assert swings["ft_run"].approach == "ft"
    # 0.9 updates a month gives floor(21.6) = 21 runs, 3 fewer than 24: 3 x 2,600 = 7,800
    assert swings["updates_per_month"].change == pytest.approx(7800)
    assert model.sensitivity(DEFAULTS, 0.1)[0].input == "updates_per_month"


# --- properties -----------------------------------------------------------------------------


@st.composite
def ranges(draw, top=1e6):
    a, b = draw(st.floats(0, top)), draw(st.floats(0, top))
    return Range(min(a, b), max(a, b))


cost_inputs = st.builds(
    CostInputs,
    horizon_months=st.integers(1, 120), updates_per_month=st.floats(0, 50),
    retrain_every=st.integers(0, 12), rag_setup=ranges(), rag_monthly=ranges(),
    ft_run=ranges(), ft_data_prep=ranges(), ft_first_runs=st.integers(1, 20),
    queries_per_month=st.floats(0, 1e7), input_tokens=st.integers(0, 100_000),
    output_tokens=st.integers(0, 100_000), context_tokens=st.integers(0, 100_000),
    base_input_price=st.floats(0, 100), base_output_price=st.floats(0, 100),
    tuned_input_price=st.floats(0, 100), tuned_output_price=st.floats(0, 100),
)
more = st.floats(1, 10)


@given(cost_inputs, more)
def test_totals_never_fall_with_more_queries(inputs, factor):
    busier = replace(inputs, queries_per_month=inputs.queries_per_month * factor)
    for a in APPROACHES:
        for b in BANDS:
            assert model.horizon_total(busier, a, b) >= model.horizon_total(inputs, a, b)


@given(cost_inputs)
def test_totals_never_fall_month_to_month(inputs):
    for a in APPROACHES:
        for b in BANDS:
            series = model.cumulative_series(inputs, a, b)
            assert len(series) == inputs.horizon_months + 1
            assert all(later >= earlier for earlier, later in zip(series, series[1:]))
            assert series[-1] == model.horizon_total(inputs, a, b)


@given(cost_inputs, more, st.integers(0, 12))
def test_totals_never_fall_with_more_retraining(inputs, factor, every):
    more_updates = replace(inputs, updates_per_month=inputs.updates_per_month * factor)
    # retraining more often: every `every` updates instead of never, or a smaller batch
    oftener = replace(inputs, retrain_every=every) if every and (
        inputs.retrain_every == 0 or every <= inputs.retrain_every) else inputs
    for a in APPROACHES:
        for b in BANDS:
            base = model.horizon_total(inputs, a, b)
            assert model.horizon_total(more_updates, a, b) >= base
            assert model.horizon_total(oftener, a, b) >= base


@given(cost_inputs)
def test_bands_are_ordered_every_month(inputs):
    for a in APPROACHES:
        low, typical, high = (model.cumulative_series(inputs, a, b) for b in BANDS)
        assert all(lo <= ty <= hi for lo, ty, hi in zip(low, typical, high))


@given(cost_inputs)
def test_break_even_agrees_with_the_series(inputs):
    rag = model.cumulative_series(inputs, "rag", "typical")
    for a in ("ft", "both"):
        series = model.cumulative_series(inputs, a, "typical")
        month = model.break_even_month(series, rag)
        if month is None:
            assert all(s > r for s, r in zip(series, rag))
        else:
            assert series[month] <= rag[month]
            assert all(s > r for s, r in zip(series[:month], rag[:month]))
            later = [m for m in range(month, len(rag)) if series[m] > rag[m]]
            assert model.dearer_again(series, rag, month) == bool(later)


@settings(max_examples=50)
@given(cost_inputs)
def test_sensitivity_is_sorted_and_never_negative(inputs):
    swings = model.sensitivity(inputs)
    assert {s.input for s in swings} == set(model.SENSITIVE_INPUTS)
    changes = [s.change for s in swings]
    assert changes == sorted(changes, reverse=True) and min(changes) >= 0
