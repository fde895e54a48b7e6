"""The page's promises over inputs hypothesis picks, priced through the real model table.

test_model.py proves the same shapes on the bare arithmetic with arbitrary prices."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import costs
from calculators.costs.model import APPROACHES, BANDS
from calculators.kit.schema import defaults, validate

MODEL_KEYS = [o.value for o in next(f for f in costs.CALCULATOR.fields if f.name == "model").options]

scenarios = st.fixed_dictionaries({
    "queries": st.integers(0, 5_000_000),
    "model": st.sampled_from(MODEL_KEYS),
    "tuned_model": st.sampled_from(MODEL_KEYS),
    "updates": st.sampled_from([0, 0.25, 1, 4, 30]),
    "horizon": st.integers(1, 60),
    "input_tokens": st.integers(0, 20_000),
    "repeated_share": st.integers(0, 100),
    "context_tokens": st.integers(0, 20_000),
    "output_tokens": st.integers(0, 5_000),
    "training_cost": st.sampled_from(["guide", "tokens"]),
    "retrain_every": st.integers(0, 5),
    "behaviour_changes": st.sampled_from([0, 1, 2.5, 12]),
    "model_life": st.integers(0, 36),
    "tuned_price_factor": st.sampled_from([0.5, 1, 2, 6]),
})


def estimate(values: dict):
    checked = validate(costs.CALCULATOR.fields, {**defaults(costs.CALCULATOR.fields), **values})
    assert checked.ok, checked.errors
    assert not costs.check(checked.values)
    return costs.compute(checked.values)


@settings(max_examples=60, deadline=None)
@given(scenarios, st.integers(1, 5_000_000))
def test_cost_never_falls_as_queries_rise(values, more):
    fewer, busier = estimate(values), estimate({**values, "queries": values["queries"] + more})
    for a in APPROACHES:
        for b in BANDS:
            assert all(x <= y + 1e-6 for x, y in zip(fewer.cumulative[a][b], busier.cumulative[a][b]))


@settings(max_examples=60, deadline=None)
@given(scenarios, st.integers(0, 100))
def test_caching_never_raises_cost(values, share):
    low, high = sorted((values["repeated_share"], share))
    less, more = estimate({**values, "repeated_share": low}), estimate({**values, "repeated_share": high})
    for a in APPROACHES:
        assert more.token_cost_monthly[a] <= less.token_cost_monthly[a] + 1e-9
        assert more.total[a].high <= less.total[a].high + 1e-6
        assert more.caching_saving_monthly[a] >= 0


@settings(max_examples=60, deadline=None)
@given(scenarios)
def test_break_even_month_is_where_the_series_cross(values):
    result = estimate(values)
    rag = result.cumulative["rag"]["typical"]
    for approach, month in (("ft", result.break_even_ft), ("both", result.break_even_both)):
        series = result.cumulative[approach]["typical"]
        earlier = range(len(series)) if month is None else range(month)
        assert all(series[m] > rag[m] for m in earlier)
        if month is not None:
            assert series[month] <= rag[month]
