"""The cost arithmetic of the cost and time estimator: pure functions on plain numbers.

Every cumulative cost here is a sum of non-negative amounts times non-negative counts, so
more queries, more months or more retraining can only raise it, and the band built from the
low end of every range can never sit above the one built from the high ends.

Three ways to build, each costed over months 0..horizon (month 0 holds the one-time costs):
  rag   the base model answers, with retrieved context added to every prompt;
  ft    a fine-tuned model answers from its weights alone;
  both  a fine-tuned model answers with retrieved context.
A tuned model is retrained when its behaviour must change and when its base model is
retired; fine-tuning alone is also retrained for knowledge updates when the reader keeps
knowledge in the weights (both keeps it in the documents, so an update needs no run).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Protocol

from ..guide import Guide
from ..kit.provenance import Judgement

# What the model's inputs and readings rest on.
COST_FIGURES = Guide("Cost Comparison")
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
MONTHS_PER_YEAR = 12
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


class Prices(Protocol):
    """USD per million tokens: fresh input, input read from the provider's cache, output."""

    input: float
    cached_input: float
    output: float

    def scaled(self, factor: float) -> Prices: ...


@dataclass(frozen=True)
class CostInputs:
    """Everything the cost model reads; money in USD, prices per million tokens."""

    horizon_months: int
    updates_per_month: float
    retrain_every: int  # fine-tuning alone retrains every N knowledge updates; 0: never
    behaviour_changes_per_year: float  # each one retrains every tuned model
    model_life_months: int  # the tuned model's base is retired this often; 0: never
    rag_setup: Range
    rag_monthly: Range
    ft_run: Range  # one training run
    ft_data_prep: Range
    ft_first_runs: float
    queries_per_month: float
    input_tokens: float
    repeated_share: float  # the part of `input_tokens` sent unchanged every time (0 to 1)
    output_tokens: float
    context_tokens: float
    answering: Prices  # the model that answers in RAG
    tuned: Prices  # the fine-tuned model


@dataclass(frozen=True)
class Plan:
    """One approach in one band: cost(m) = one_time + m * monthly + retrains(m) * per_retrain."""

    one_time: float
    monthly: float
    per_retrain: float


def query_token_cost(prompt_tokens: float, repeated_tokens: float, output_tokens: float,
                     prices: Prices) -> float:
    """USD for one query: the repeated prompt prefix at the cached price, the rest in full."""
    full = prompt_tokens * prices.input + output_tokens * prices.output
    return (full - caching_discount(repeated_tokens, prices)) / TOKENS_PER_PRICE_UNIT


def caching_discount(repeated_tokens: float, prices: Prices) -> float:
    """What reading the repeated tokens from the cache takes off a query's bill, per million."""
    return repeated_tokens * (prices.input - prices.cached_input)


def caching_savings(inputs: CostInputs) -> dict[str, float]:
    """USD a month that the cached price saves each approach; never negative."""
    repeated = inputs.input_tokens * inputs.repeated_share * inputs.queries_per_month
    prices = {"rag": inputs.answering, "ft": inputs.tuned, "both": inputs.tuned}
    return {a: caching_discount(repeated, p) / TOKENS_PER_PRICE_UNIT for a, p in prices.items()}


def token_costs(inputs: CostInputs) -> dict[str, float]:
    """Monthly token cost of each approach; retrieval adds its context to every prompt."""
    with_context = inputs.input_tokens + inputs.context_tokens
    repeated = inputs.input_tokens * inputs.repeated_share
    out, q = inputs.output_tokens, inputs.queries_per_month
    return {
        "rag": q * query_token_cost(with_context, repeated, out, inputs.answering),
        "ft": q * query_token_cost(inputs.input_tokens, repeated, out, inputs.tuned),
        "both": q * query_token_cost(with_context, repeated, out, inputs.tuned),
    }


def _events(month: int, per_month: float) -> int:
    """How many events at `per_month` a month have happened by the end of `month`."""
    if per_month <= 0 or month <= 0:
        return 0
    return math.floor(month * per_month + _ROUNDING_SLACK)


def retrains_by_cause(month: int, inputs: CostInputs, approach: str) -> dict[str, int]:
    """Retraining runs of one approach by the end of `month`, by what made each necessary."""
    if approach == "rag":
        return {"knowledge": 0, "behaviour": 0, "retirement": 0}
    knowledge = (_events(month, inputs.updates_per_month / inputs.retrain_every)
                 if approach == "ft" and inputs.retrain_every > 0 else 0)
    life = inputs.model_life_months
    return {"knowledge": knowledge,
            "behaviour": _events(month, inputs.behaviour_changes_per_year / MONTHS_PER_YEAR),
            "retirement": month // life if life > 0 else 0}


def retrain_counts(inputs: CostInputs, approach: str) -> tuple[int, ...]:
    """Retraining runs of one approach by the end of each month 0..horizon."""
    return tuple(sum(retrains_by_cause(m, inputs, approach).values())
                 for m in range(inputs.horizon_months + 1))


def plan(inputs: CostInputs, approach: str, band: str, tokens: dict[str, float] | None = None) -> Plan:
    """The cost parameters of one approach in one band."""
    tokens = tokens if tokens is not None else token_costs(inputs)
    run = inputs.ft_run.at(band)
    first_version = inputs.ft_data_prep.at(band) + inputs.ft_first_runs * run
    if approach == "rag":
        return Plan(inputs.rag_setup.at(band), inputs.rag_monthly.at(band) + tokens["rag"], 0.0)
    if approach == "ft":
        return Plan(first_version, tokens["ft"], run)
    if approach == "both":
        return Plan(inputs.rag_setup.at(band) + first_version,
                    inputs.rag_monthly.at(band) + tokens["both"], run)
    raise ValueError(f"unknown approach {approach!r}")


def series_of(p: Plan, retrains: Sequence[int]) -> tuple[float, ...]:
    """A plan's cumulative cost for each month, given the retraining runs counted by then."""
    return tuple(p.one_time + m * p.monthly + r * p.per_retrain for m, r in enumerate(retrains))


def cumulative_series(inputs: CostInputs, approach: str, band: str,
                      tokens: dict[str, float] | None = None) -> tuple[float, ...]:
    """Cumulative cost of one approach in one band at the end of each month 0..horizon."""
    return series_of(plan(inputs, approach, band, tokens), retrain_counts(inputs, approach))


def horizon_total(inputs: CostInputs, approach: str, band: str,
                  tokens: dict[str, float] | None = None) -> float:
    """Cumulative cost at the end of the horizon, without building the series."""
    p = plan(inputs, approach, band, tokens)
    runs = sum(retrains_by_cause(inputs.horizon_months, inputs, approach).values())
    return p.one_time + inputs.horizon_months * p.monthly + runs * p.per_retrain


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


# Inputs that scale smoothly. The horizon, the retraining rule, the model's life and the
# behaviour changes are choices or counts, not estimates, and the repeated share is a
# fraction that cannot pass 1.
SENSITIVE_INPUTS = tuple(
    f.name for f in fields(CostInputs)
    if f.name not in ("horizon_months", "retrain_every", "model_life_months",
                      "behaviour_changes_per_year", "repeated_share")
)


def sensitivity(inputs: CostInputs, share: float = 0.1) -> tuple[Swing, ...]:
    """For each input, its largest move of any approach's typical total under +/- share; largest first."""
    base = {a: horizon_total(inputs, a, "typical") for a in APPROACHES}
    swings = []
    for name in SENSITIVE_INPUTS:
        best = Swing(name, "rag", 0.0)
        for factor in (1 - share, 1 + share):
            value = getattr(inputs, name)
            moved = replace(inputs, **{name: value * factor if isinstance(value, (int, float))
                                       else value.scaled(factor)})
            tokens = token_costs(moved)
            for approach in APPROACHES:
                change = abs(horizon_total(moved, approach, "typical", tokens) - base[approach])
                if change > best.change:
                    best = Swing(name, approach, change)
        swings.append(best)
    return tuple(sorted(swings, key=lambda s: -s.change))
