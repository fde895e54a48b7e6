"""The cost arithmetic of the cost and time estimator: pure functions on plain numbers.

Every cumulative cost here is a sum of non-negative amounts times non-negative counts, so
more queries, more months or more retraining can only raise it, and the band built from the
low end of every range can never sit above the one built from the high ends.

Three ways to build, each costed over months 0..horizon (month 0 holds the one-time costs):
  rag   the base model answers, with retrieved context added to every prompt;
  ft    a fine-tuned model answers, retrained as the knowledge changes;
  both  a fine-tuned model answers with retrieved context; knowledge changes go into the
        documents, so the model is trained for behaviour once and not retrained for them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace

from ..kit.provenance import Guide, Judgement

# What the model's inputs and readings rest on.
COST_FIGURES = Guide("Cost and time figures")
# The guide gives ranges and no likeliest value; the site takes each range's midpoint.
MIDPOINT = Judgement("The guide gives ranges and no likeliest value, so typical is each "
                     "range's midpoint.")
# The guide's words "minutes" and "hours to days", read as numbers by the site.
ITERATION_READING = Judgement("The guide gives these times in words, minutes for a RAG update and "
                              "hours to days for retraining; the site reads the words as numbers.")
FIRST_RUNS = Judgement("The guide gives no count of runs for a first version; one is the least "
                       "there can be.")
PLACEHOLDER_PRICE = Judgement("An illustrative placeholder, not a quoted price: the guide gives "
                              "no token prices, so enter your provider's current ones.")

APPROACHES = ("rag", "ft", "both")
APPROACH_LABELS = {"rag": "RAG", "ft": "Fine-tuning", "both": "Both"}
BANDS = ("low", "typical", "high")
TOKENS_PER_PRICE_UNIT = 1_000_000  # prices are quoted per million tokens
HOURS_PER_WEEK = 7 * 24
# Guards floor(months x updates / every) against binary rounding, e.g. 3 x 0.1 / 0.3.
_ROUNDING_SLACK = 1e-9


@dataclass(frozen=True)
class Range:
    """A figure known only as a range; "typical" is its midpoint."""

    low: float
    high: float

    def at(self, band: str) -> float:
        if band == "low":
            return self.low
        if band == "high":
            return self.high
        return (self.low + self.high) / 2

    def scaled(self, factor: float) -> Range:
        return Range(self.low * factor, self.high * factor)


@dataclass(frozen=True)
class Band:
    """One amount as low, typical and high."""

    low: float
    typical: float
    high: float


@dataclass(frozen=True)
class CostInputs:
    """Everything the cost model reads; money in USD, prices per million tokens."""

    horizon_months: int
    updates_per_month: float
    retrain_every: int  # retrain the fine-tuned model every N knowledge updates; 0: never
    rag_setup: Range
    rag_monthly: Range
    ft_run: Range
    ft_data_prep: Range
    ft_first_runs: float
    queries_per_month: float
    input_tokens: float
    output_tokens: float
    context_tokens: float
    base_input_price: float
    base_output_price: float
    tuned_input_price: float
    tuned_output_price: float


@dataclass(frozen=True)
class Plan:
    """One approach in one band: cost(m) = one_time + m * monthly + retrains(m) * per_retrain."""

    one_time: float
    monthly: float
    per_retrain: float


def monthly_token_cost(queries: float, input_tokens: float, output_tokens: float,
                       input_price: float, output_price: float) -> float:
    """USD a month for `queries` each reading and writing that many tokens at per-million prices."""
    per_query = input_tokens * input_price + output_tokens * output_price
    return queries * per_query / TOKENS_PER_PRICE_UNIT


def token_costs(inputs: CostInputs) -> dict[str, float]:
    """Monthly token cost of each approach; retrieval adds its context to every prompt."""
    with_context = inputs.input_tokens + inputs.context_tokens
    q = inputs.queries_per_month
    return {
        "rag": monthly_token_cost(q, with_context, inputs.output_tokens,
                                  inputs.base_input_price, inputs.base_output_price),
        "ft": monthly_token_cost(q, inputs.input_tokens, inputs.output_tokens,
                                 inputs.tuned_input_price, inputs.tuned_output_price),
        "both": monthly_token_cost(q, with_context, inputs.output_tokens,
                                   inputs.tuned_input_price, inputs.tuned_output_price),
    }


def retrains_by_month(month: int, updates_per_month: float, retrain_every: int) -> int:
    """How many retraining runs the knowledge updates of months 1..month have triggered."""
    if retrain_every <= 0 or updates_per_month <= 0 or month <= 0:
        return 0
    return math.floor(month * updates_per_month / retrain_every + _ROUNDING_SLACK)


def plan(inputs: CostInputs, approach: str, band: str, tokens: dict[str, float] | None = None) -> Plan:
    """The cost parameters of one approach in one band."""
    tokens = tokens if tokens is not None else token_costs(inputs)
    first_version = inputs.ft_data_prep.at(band) + inputs.ft_first_runs * inputs.ft_run.at(band)
    if approach == "rag":
        return Plan(inputs.rag_setup.at(band), inputs.rag_monthly.at(band) + tokens["rag"], 0.0)
    if approach == "ft":
        return Plan(first_version, tokens["ft"], inputs.ft_run.at(band))
    if approach == "both":
        return Plan(inputs.rag_setup.at(band) + first_version,
                    inputs.rag_monthly.at(band) + tokens["both"], 0.0)
    raise ValueError(f"unknown approach {approach!r}")


def cumulative_cost(p: Plan, month: int, updates_per_month: float, retrain_every: int) -> float:
    """Total spent by the end of `month` (0: the one-time costs alone)."""
    retrains = retrains_by_month(month, updates_per_month, retrain_every)
    return p.one_time + month * p.monthly + retrains * p.per_retrain


def retrain_counts(inputs: CostInputs) -> tuple[int, ...]:
    """Retraining runs triggered by the end of each month 0..horizon."""
    u, every = inputs.updates_per_month, inputs.retrain_every
    return tuple(retrains_by_month(m, u, every) for m in range(inputs.horizon_months + 1))


def cumulative_series(inputs: CostInputs, approach: str, band: str,
                      tokens: dict[str, float] | None = None,
                      retrains: Sequence[int] | None = None) -> tuple[float, ...]:
    """Cumulative cost at the end of each month 0..horizon."""
    counts = retrains if retrains is not None else retrain_counts(inputs)
    return series_of(plan(inputs, approach, band, tokens), counts)


def series_of(p: Plan, retrains: Sequence[int]) -> tuple[float, ...]:
    """A plan's cumulative cost for each month, given the retraining runs counted by then.

    The same sum as `cumulative_cost`, written out for speed: a chart needs it for every month.
    """
    return tuple(p.one_time + m * p.monthly + r * p.per_retrain for m, r in enumerate(retrains))


def horizon_total(inputs: CostInputs, approach: str, band: str,
                  tokens: dict[str, float] | None = None) -> float:
    """Cumulative cost at the end of the horizon, without building the series."""
    p = plan(inputs, approach, band, tokens)
    return cumulative_cost(p, inputs.horizon_months, inputs.updates_per_month, inputs.retrain_every)


def band_of(values: Sequence[float]) -> Band:
    """A Band from (low, typical, high) values."""
    low, typical, high = values
    return Band(low, typical, high)


def break_even_month(dearer: Sequence[float], other: Sequence[float]) -> int | None:
    """The first month in which `dearer` costs no more than `other` so far; None if never.

    0 means it was never dearer at all. Both series are cumulative, month by month.
    """
    for month, (a, b) in enumerate(zip(dearer, other)):
        if a <= b:
            return month
    return None


def dearer_again(dearer: Sequence[float], other: Sequence[float], month: int | None) -> bool:
    """Whether `dearer`, having broken even in `month`, costs more than `other` in a later month."""
    if month is None:
        return False
    return any(a > b for a, b in zip(dearer[month:], other[month:]))


@dataclass(frozen=True)
class Swing:
    """How far a +/- change to one input moves an approach's typical horizon total."""

    input: str
    approach: str
    change: float  # the larger of the two moves, in USD, never negative


# Inputs that scale smoothly; the horizon and the retraining rule are choices, not estimates.
SENSITIVE_INPUTS = tuple(
    f.name for f in fields(CostInputs) if f.name not in ("horizon_months", "retrain_every")
)


def sensitivity(inputs: CostInputs, share: float = 0.1) -> tuple[Swing, ...]:
    """For each input, its largest move of any approach's typical total under +/- share; largest first."""
    base = {a: horizon_total(inputs, a, "typical") for a in APPROACHES}
    swings = []
    for name in SENSITIVE_INPUTS:
        best = Swing(name, "rag", 0.0)
        for factor in (1 - share, 1 + share):
            value = getattr(inputs, name)
            moved = replace(inputs, **{name: value.scaled(factor) if isinstance(value, Range)
                                       else value * factor})
            tokens = token_costs(moved)
            for approach in APPROACHES:
                change = abs(horizon_total(moved, approach, "typical", tokens) - base[approach])
                if change > best.change:
                    best = Swing(name, approach, change)
        swings.append(best)
    return tuple(sorted(swings, key=lambda s: -s.change))


@dataclass(frozen=True)
class TimeInputs:
    """Weeks to production and hours per iteration, each a range."""

    rag_weeks: Range
    ft_weeks: Range
    rag_iteration_hours: Range
    ft_iteration_hours: Range


def weeks_to_production(times: TimeInputs) -> dict[str, Band]:
    """Weeks until each approach is live; both follows the guide's path: RAG first, then tuning."""
    out = {}
    for approach in APPROACHES:
        values = []
        for band in BANDS:
            rag, ft = times.rag_weeks.at(band), times.ft_weeks.at(band)
            values.append({"rag": rag, "ft": ft, "both": rag + ft}[approach])
        out[approach] = band_of(values)
    return out


def iteration_weeks(times: TimeInputs, inputs: CostInputs) -> dict[str, float]:
    """Typical elapsed weeks spent applying knowledge updates over the horizon.

    RAG edits a document per update; fine-tuning waits for each retraining run.
    """
    updates = inputs.updates_per_month * inputs.horizon_months
    retrains = retrains_by_month(inputs.horizon_months, inputs.updates_per_month, inputs.retrain_every)
    return {
        "rag": updates * times.rag_iteration_hours.at("typical") / HOURS_PER_WEEK,
        "ft": retrains * times.ft_iteration_hours.at("typical") / HOURS_PER_WEEK,
    }
