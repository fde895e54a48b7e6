"""The cost model's arithmetic: hand-checked examples, then the shapes every estimate must keep."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.costs import model
from calculators.costs.model import APPROACHES, BANDS, CostInputs, Range
from calculators.costs.timing import TimeInputs, iteration_weeks, weeks_to_production


@dataclass(frozen=True)
class Prices:
    input: float
    cached_input: float
    output: float

    def scaled(self, factor: float) -> Prices:
        return Prices(self.input * factor, self.cached_input * factor, self.output * factor)


# The guide's ranges with round prices: the answering model at 2 in, 0.5 cached, 8 out; a
# smaller tuned model at 0.5, 0.125 and 2. Knowledge kept in the weights (a run per update),
# no behaviour changes and no retirement, so the knowledge runs stand alone.
KNOWLEDGE_IN_WEIGHTS = CostInputs(
    horizon_months=24, updates_per_month=1, retrain_every=1, behaviour_changes_per_year=0,
    model_life_months=0, rag_setup=Range(0, 500), rag_monthly=Range(50, 300),
    ft_run=Range(200, 5000), ft_data_prep=Range(100, 1000), ft_first_runs=1,
    queries_per_month=10_000, input_tokens=500, repeated_share=0, output_tokens=300,
    context_tokens=2000, answering=Prices(2, 0.5, 8), tuned=Prices(0.5, 0.125, 2),
)


def test_query_token_cost_by_hand():
    # 2,500 prompt tokens, 250 of them repeated, 300 out at 2 / 0.5 / 8 per million:
    # (2,250 x 2 + 250 x 0.5 + 300 x 8) / 1e6 = (4,500 + 125 + 2,400) / 1e6 = $0.007025
    assert model.query_token_cost(2500, 250, 300, Prices(2, 0.5, 8)) == pytest.approx(0.007025)


def test_retrieved_context_is_paid_by_rag_and_both_only():
    tokens = model.token_costs(KNOWLEDGE_IN_WEIGHTS)
    # RAG:  answering model, (500 + 2,000) in at $2, 300 out at $8: 10,000 x 7,400 / 1e6 = $74.00
    # FT:   tuned model, 500 in at $0.50, 300 out at $2:           10,000 x   850 / 1e6 =  $8.50
    # both: tuned model, 2,500 in at $0.50, 300 out at $2:         10,000 x 1,850 / 1e6 = $18.50
    assert tokens == pytest.approx({"rag": 74.0, "ft": 8.5, "both": 18.5})


def test_the_repeated_share_is_billed_at_the_cached_price():
    cached = replace(KNOWLEDGE_IN_WEIGHTS, repeated_share=0.4)
    # 200 of the 500 prompt tokens repeat: RAG saves 10,000 x 200 x (2 - 0.5) / 1e6 = $3.00,
    # the tuned model 10,000 x 200 x (0.5 - 0.125) / 1e6 = $0.75; retrieved context is not cached.
    assert model.caching_savings(cached) == pytest.approx({"rag": 3.0, "ft": 0.75, "both": 0.75})
    assert model.token_costs(cached) == pytest.approx({"rag": 71.0, "ft": 7.75, "both": 17.75})


@pytest.mark.parametrize(("month", "updates", "every", "runs"), [
    (12, 1, 1, 12),      # one update a month, a run for each: 12
    (12, 1, 3, 4),       # batching three updates per run: 12 / 3 = 4
    (12, 0.25, 1, 3),    # quarterly updates: 12 x 0.25 = 3
    (5, 0.25, 1, 1),     # 1.25 updates so far: the second has not arrived
    (50, 0.58, 1, 29),   # 50 x 0.58 is 28.999999999999996 in binary; it means 29
    (12, 4, 0, 0),       # 0: knowledge is retrieved, never trained in
    (0, 4, 1, 0),        # month 0 holds one-time costs only
])
def test_knowledge_runs_by_month(month, updates, every, runs):
    inputs = replace(KNOWLEDGE_IN_WEIGHTS, updates_per_month=updates, retrain_every=every)
    assert model.retrains_by_cause(month, inputs, "ft")["knowledge"] == runs
    assert model.retrains_by_cause(month, inputs, "both")["knowledge"] == 0


@pytest.mark.parametrize(("month", "per_year", "life", "behaviour", "retirement"), [
    (12, 1, 18, 1, 0),   # a change a year; the base model lives 18 months
    (18, 1, 18, 1, 1),   # the retirement lands in month 18
    (6, 4, 0, 2, 0),     # four changes a year: two by month 6; 0 months: never retired
    (36, 0, 12, 0, 3),
])
def test_behaviour_changes_and_retirements_retrain_both_tuned_approaches(
        month, per_year, life, behaviour, retirement):
    inputs = replace(KNOWLEDGE_IN_WEIGHTS, behaviour_changes_per_year=per_year,
                     model_life_months=life)
    for approach in ("ft", "both"):
        runs = model.retrains_by_cause(month, inputs, approach)
        assert (runs["behaviour"], runs["retirement"]) == (behaviour, retirement)
    assert sum(model.retrains_by_cause(month, inputs, "rag").values()) == 0


def test_two_year_totals_by_hand():
    # RAG typical: setup 250; a month 175 running + 74 tokens = 249; 250 + 24 x 249 = 6,226
    assert model.horizon_total(KNOWLEDGE_IN_WEIGHTS, "rag", "typical") == pytest.approx(6226)
    # Fine-tuning typical: 550 preparation + 1 run x 2,600 = 3,150 up front; then 8.50 tokens and
    # one 2,600 retraining run a month: 3,150 + 24 x 8.5 + 24 x 2,600 = 65,754
    assert model.horizon_total(KNOWLEDGE_IN_WEIGHTS, "ft", "typical") == pytest.approx(65_754)
    # Both, low: setup 0 + preparation 100 + one run 200 = 300; a month 50 + 18.50 = 68.50;
    # no retraining (knowledge is in the documents): 300 + 24 x 68.5 = 1,944
    assert model.horizon_total(KNOWLEDGE_IN_WEIGHTS, "both", "low") == pytest.approx(1944)


def test_with_knowledge_retrieved_fine_tuning_breaks_even_in_month_13():
    retrieved = replace(KNOWLEDGE_IN_WEIGHTS, retrain_every=0)
    rag = model.cumulative_series(retrieved, "rag", "typical")
    ft = model.cumulative_series(retrieved, "ft", "typical")
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
    weeks = weeks_to_production(times)
    # both: RAG first (1-2 weeks), then fine-tuning (4-8): 5-10 weeks, typical 1.5 + 6 = 7.5
    assert (weeks["both"].low, weeks["both"].typical, weeks["both"].high) == (5, 7.5, 10)
    spent = iteration_weeks(times, KNOWLEDGE_IN_WEIGHTS)
    # fine-tuning: 24 runs x 36.5 hours typical = 876 hours = 876 / 168 = 5.21 weeks
    assert spent["ft"] == pytest.approx(876 / 168)


def test_sensitivity_by_hand():
    swings = {s.input: s for s in model.sensitivity(KNOWLEDGE_IN_WEIGHTS, 0.1)}
    # cost per run +/-10% (260 USD typical) over 1 first run + 24 retraining runs: 25 x 260 = 6,500
    assert swings["ft_run"].change == pytest.approx(6500)
    assert swings["ft_run"].approach == "ft"
    # 0.9 updates a month gives floor(21.6) = 21 runs, 3 fewer than 24: 3 x 2,600 = 7,800
    assert swings["updates_per_month"].change == pytest.approx(7800)
    assert model.sensitivity(KNOWLEDGE_IN_WEIGHTS, 0.1)[0].input == "updates_per_month"


# --- properties -----------------------------------------------------------------------------


@st.composite
def ranges(draw, top=1e6):
    a, b = draw(st.floats(0, top)), draw(st.floats(0, top))
    return Range(min(a, b), max(a, b))


@st.composite
def prices(draw):
    full = draw(st.floats(0, 100))
    return Prices(full, draw(st.floats(0, full)), draw(st.floats(0, 100)))


cost_inputs = st.builds(
    CostInputs,
    horizon_months=st.integers(1, 120), updates_per_month=st.floats(0, 50),
    retrain_every=st.integers(0, 12), behaviour_changes_per_year=st.floats(0, 24),
    model_life_months=st.integers(0, 60), rag_setup=ranges(), rag_monthly=ranges(),
    ft_run=ranges(), ft_data_prep=ranges(), ft_first_runs=st.integers(1, 20),
    queries_per_month=st.floats(0, 1e7), input_tokens=st.integers(0, 100_000),
    repeated_share=st.floats(0, 1), output_tokens=st.integers(0, 100_000),
    context_tokens=st.integers(0, 100_000), answering=prices(), tuned=prices(),
)
more = st.floats(1, 10)
# The suite shares two cores with other work: how long an example takes is not what these test.
UNTIMED = settings(deadline=None)


@UNTIMED
@given(cost_inputs, more)
def test_totals_never_fall_with_more_queries(inputs, factor):
    busier = replace(inputs, queries_per_month=inputs.queries_per_month * factor)
    for a in APPROACHES:
        for b in BANDS:
            assert model.horizon_total(busier, a, b) >= model.horizon_total(inputs, a, b)


@UNTIMED
@given(cost_inputs, st.floats(0, 1))
def test_caching_never_raises_a_total(inputs, share):
    low, high = sorted((inputs.repeated_share, share))
    less, more = replace(inputs, repeated_share=low), replace(inputs, repeated_share=high)
    for a in APPROACHES:
        for b in BANDS:
            assert model.horizon_total(more, a, b) <= model.horizon_total(less, a, b) * (1 + 1e-12)


@UNTIMED
@given(cost_inputs)
def test_totals_never_fall_month_to_month(inputs):
    for a in APPROACHES:
        for b in BANDS:
            series = model.cumulative_series(inputs, a, b)
            assert len(series) == inputs.horizon_months + 1
            assert all(later >= earlier for earlier, later in zip(series, series[1:]))
            assert series[-1] == model.horizon_total(inputs, a, b)


@UNTIMED
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


@UNTIMED
@given(cost_inputs)
def test_bands_are_ordered_every_month(inputs):
    for a in APPROACHES:
        low, typical, high = (model.cumulative_series(inputs, a, b) for b in BANDS)
        assert all(lo <= ty <= hi for lo, ty, hi in zip(low, typical, high))


@UNTIMED
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


@settings(max_examples=50, deadline=None)
@given(cost_inputs)
def test_sensitivity_is_sorted_and_never_negative(inputs):
    swings = model.sensitivity(inputs)
    assert {s.input for s in swings} == set(model.SENSITIVE_INPUTS)
    changes = [s.change for s in swings]
    assert changes == sorted(changes, reverse=True) and min(changes) >= 0
