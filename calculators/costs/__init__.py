"""Cost and time estimator: RAG, fine-tuning and both, over a horizon the reader picks.

The ranges for setup, running, training and data preparation, and the weeks to production,
are the guide's; every total is a low-typical-high band built from those ranges. Token
prices are the price dataset's for the models the reader picks (or the reader's own).
The inputs live in `fields`, the prices in `pricing`, the arithmetic in `model` and
`timing`, the words in `report`, the chart in `chart`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.calculator import Calculator, Figure
from ..kit.report import Table
from ..kit.schema import Value, format_number
from . import model, timing
from .fields import (FIELDS, FT_DATA_PREP, FT_ITERATION_HOURS, FT_RUN, FT_WEEKS, PRESETS,
                     RAG_ITERATION_MINUTES, RAG_MONTHLY, RAG_SETUP, RAG_WEEKS, check)
from .model import (APPROACHES, BANDS, COST_FIGURES, ITERATION_READING, MIDPOINT,
                    TOKENS_PER_PRICE_UNIT, Band, CostInputs, Range, Swing)
from .pricing import (CUSTOM, PRICE_DATASET, TokenPrices, listed_prices, price_figures, tuned_prices,
                      typed_prices)
from .report import downloads, report
from .timing import TimeInputs

SENSITIVITY_SHARE = 0.1  # the +/- change the sensitivity line tries on each input
TUNED = ("ft", "both")


def _span(bounds: tuple[float, float]) -> str:
    return f"{format_number(bounds[0])}-{format_number(bounds[1])}"


FIGURES = (
    Figure("RAG setup (vector database and embeddings)", f"{_span(RAG_SETUP)} USD", COST_FIGURES),
    Figure("RAG running cost, by scale", f"{_span(RAG_MONTHLY)} USD a month", COST_FIGURES),
    Figure("Fine-tuning, per training run (model size, data volume)", f"{_span(FT_RUN)}+ USD", COST_FIGURES),
    Figure("Fine-tuning data preparation, once", f"{_span(FT_DATA_PREP)} USD", COST_FIGURES),
    Figure("Retraining", "needed for each knowledge update", COST_FIGURES),
    Figure("Time to production", f"RAG {_span(RAG_WEEKS)} weeks; fine-tuning {_span(FT_WEEKS)} weeks",
           COST_FIGURES),
    Figure("One iteration", "RAG minutes and about free; fine-tuning hours to days", COST_FIGURES),
    Figure("Typical value of a range", "its midpoint", MIDPOINT),
    Figure("Update and retraining times as numbers",
           f"RAG {_span(RAG_ITERATION_MINUTES)} minutes; fine-tuning {_span(FT_ITERATION_HOURS)} hours",
           ITERATION_READING),
    *price_figures(),
)


@dataclass(frozen=True)
class CostEstimate:
    """Costs and times of RAG, fine-tuning and both over the horizon, as bands."""

    horizon_months: int
    answering: TokenPrices
    tuned: TokenPrices
    tuned_price_factor: float  # used when the dataset lists no price for the tuned model
    training_cost: str  # "guide" (the guide's range per run) or "tokens"
    training_tokens: int  # examples x tokens per example x epochs, for "tokens"
    training_price: float  # USD per million training tokens, for "tokens"
    run_cost: Band  # one training run
    one_time: dict[str, Band]
    monthly: dict[str, Band]  # average a month over the horizon, retraining included
    total: dict[str, Band]
    token_cost_monthly: dict[str, float]
    repeated_share: float  # of the prompt before retrieval, 0 to 1
    caching_saving_monthly: dict[str, float]  # what the cached price saves each month
    prompt_tokens: dict[str, float]  # one query's prompt, retrieved context included
    over_window: tuple[str, ...]  # approaches whose query does not fit their model's window
    past_higher_rate: tuple[str, ...]  # approaches whose prompt passes their model's higher-rate threshold
    per_1000_queries: dict[str, Band] | None  # everything over the horizon / queries; None: no queries
    retrains: dict[str, dict[str, int]]  # "ft"/"both" -> cause -> runs over the horizon
    break_even_ft: int | None  # month fine-tuning's typical cumulative cost first <= RAG's
    break_even_both: int | None
    dearer_later: dict[str, bool]  # "ft"/"both": dearer than RAG again after breaking even
    weeks_to_production: dict[str, Band]
    build_gap_weeks: float  # typical fine-tuning weeks minus typical RAG weeks
    iteration_weeks: dict[str, float]  # typical elapsed weeks applying updates, over the horizon
    time_driver: str  # "build" or "updates": which part of the time gap is larger
    sensitivity: tuple[Swing, ...]  # largest first
    sensitivity_share: float
    # The month-by-month series, built once: the table's totals, the chart and the CSV
    # download all read it. Cumulative USD by approach and band, months 0..horizon.
    cumulative: dict[str, dict[str, tuple[float, ...]]]


def training_tokens(values: dict[str, Value]) -> int:
    """Tokens one training run reads: every example, every epoch."""
    return int(values["examples"]) * int(values["example_tokens"]) * int(values["epochs"])


def run_cost(values: dict[str, Value]) -> Range:
    """One training run: the guide's range, or training tokens x price (a single figure)."""
    if values["training_cost"] == "guide":
        return _pair(values, "ft_run")
    cost = training_tokens(values) * float(values["training_price"]) / TOKENS_PER_PRICE_UNIT
    return Range(cost, cost)


def _limits(inputs: CostInputs, prompt: dict[str, float]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Approaches whose query overflows the model's window, and whose prompt pays a higher rate."""
    prices = {"rag": inputs.answering, "ft": inputs.tuned, "both": inputs.tuned}
    over = tuple(a for a in APPROACHES if prices[a].context_window is not None
                 and prompt[a] + inputs.output_tokens > prices[a].context_window)
    higher = tuple(a for a in APPROACHES if prices[a].higher_price_above is not None
                   and prompt[a] > prices[a].higher_price_above)
    return over, higher


def model_prices(values: dict[str, Value]) -> tuple[TokenPrices, TokenPrices]:
    """The answering model's prices and the tuned model's, from the pickers or typed."""
    def typed(prefix: str) -> TokenPrices:
        return typed_prices(*(float(values[f"custom_{prefix}{kind}_price"])
                              for kind in ("input", "cached", "output")))

    key = str(values["model"])
    answering = typed("") if key == CUSTOM else listed_prices(key)
    tuned = tuned_prices(str(values["tuned_model"]), float(values["tuned_price_factor"]),
                         typed("tuned_"))
    return answering, tuned


def cost_inputs(values: dict[str, Value]) -> CostInputs:
    """The cost model's inputs from validated field values."""
    def number(name: str) -> float:
        return float(values[name])

    answering, tuned = model_prices(values)
    return CostInputs(
        horizon_months=int(values["horizon"]), updates_per_month=number("updates"),
        retrain_every=int(values["retrain_every"]),
        behaviour_changes_per_year=number("behaviour_changes"),
        model_life_months=int(values["model_life"]),
        rag_setup=_pair(values, "rag_setup"), rag_monthly=_pair(values, "rag_monthly"),
        ft_run=run_cost(values), ft_data_prep=_pair(values, "ft_data_prep"),
        ft_first_runs=number("ft_first_runs"), queries_per_month=number("queries"),
        input_tokens=number("input_tokens"), repeated_share=number("repeated_share") / 100,
        output_tokens=number("output_tokens"), context_tokens=number("context_tokens"),
        answering=answering, tuned=tuned,
    )


def compute(values: dict[str, Value]) -> CostEstimate:
    """Estimate every approach's costs and times; a pure function of the validated inputs."""
    inputs = cost_inputs(values)
    horizon = inputs.horizon_months
    tokens = model.token_costs(inputs)
    retrains = {a: model.retrain_counts(inputs, a) for a in APPROACHES}
    cumulative = {a: {b: model.series_of(model.plan(inputs, a, b, tokens), retrains[a])
                      for b in BANDS} for a in APPROACHES}
    one_time = {a: model.band_of([cumulative[a][b][0] for b in BANDS]) for a in APPROACHES}
    total = {a: model.band_of([cumulative[a][b][-1] for b in BANDS]) for a in APPROACHES}
    monthly = {a: model.band_of([(cumulative[a][b][-1] - cumulative[a][b][0]) / horizon
                                 for b in BANDS]) for a in APPROACHES}
    queries = inputs.queries_per_month * horizon
    per_1000 = None if queries == 0 else {
        a: model.band_of([cumulative[a][b][-1] / queries * 1000 for b in BANDS]) for a in APPROACHES}
    times = TimeInputs(
        rag_weeks=_pair(values, "rag_weeks"), ft_weeks=_pair(values, "ft_weeks"),
        rag_iteration_hours=_pair(values, "rag_iteration").scaled(1 / 60),
        ft_iteration_hours=_pair(values, "ft_iteration"),
    )
    weeks = timing.weeks_to_production(times)
    build_gap = weeks["ft"].typical - weeks["rag"].typical
    iteration = timing.iteration_weeks(times, inputs)
    iteration_gap = iteration["ft"] - iteration["rag"]
    typical = {a: cumulative[a]["typical"] for a in APPROACHES}
    break_even = {a: model.break_even_month(typical[a], typical["rag"]) for a in TUNED}
    with_context = inputs.input_tokens + inputs.context_tokens
    prompt = {"rag": with_context, "ft": inputs.input_tokens, "both": with_context}
    over_window, past_higher_rate = _limits(inputs, prompt)
    return CostEstimate(
        horizon_months=horizon, answering=inputs.answering, tuned=inputs.tuned,
        tuned_price_factor=float(values["tuned_price_factor"]),
        training_cost=str(values["training_cost"]), training_tokens=training_tokens(values),
        training_price=float(values["training_price"]),
        run_cost=model.band_of([inputs.ft_run.at(b) for b in BANDS]),
        one_time=one_time, monthly=monthly, total=total, token_cost_monthly=tokens,
        repeated_share=inputs.repeated_share,
        caching_saving_monthly=model.caching_savings(inputs),
        prompt_tokens=prompt, over_window=over_window, past_higher_rate=past_higher_rate,
        per_1000_queries=per_1000,
        retrains={a: model.retrains_by_cause(horizon, inputs, a) for a in TUNED},
        break_even_ft=break_even["ft"], break_even_both=break_even["both"],
        dearer_later={a: model.dearer_again(typical[a], typical["rag"], break_even[a])
                      for a in TUNED},
        weeks_to_production=weeks, build_gap_weeks=build_gap, iteration_weeks=iteration,
        time_driver="build" if abs(build_gap) >= abs(iteration_gap) else "updates",
        sensitivity=model.sensitivity(inputs, SENSITIVITY_SHARE)[:3],
        sensitivity_share=SENSITIVITY_SHARE, cumulative=cumulative,
    )


def _pair(values: dict[str, Value], name: str) -> Range:
    return Range(float(values[f"{name}_low"]), float(values[f"{name}_high"]))


# How the estimate is worked out, for the methodology page and the result's details.
METHODOLOGY = (
    ("Bands", "Low adds up the low end of every range, high the high ends; typical uses each "
     "range's midpoint, since the guide gives ranges and no likeliest value."),
    ("Month 0", "One-time costs: RAG setup; data preparation plus the first version's runs."),
    ("Retraining", "A tuned model is trained again for each behaviour change and each time its "
     "base model is retired. Fine-tuning alone is also retrained every N knowledge updates when "
     "the knowledge lives in its weights; both keeps knowledge in the documents. Runs from "
     "different causes are counted separately, even in the same month."),
    ("Training run", "The guide's range per run, or examples x tokens per example x epochs x "
     "the price per training token (one figure, so all three bands share it)."),
    ("Tokens", "Queries x tokens x price per million. RAG and both add the retrieved context "
     "to each prompt; fine-tuning and both pay the tuned model's prices. The repeated share of "
     "the prompt is billed at the cached-input price; retrieved context is not cached."),
    ("Prices", f"Each model's standard-tier prices from {PRICE_DATASET.name} "
     f"{PRICE_DATASET.version}, in force on {PRICE_DATASET.date}. A tuned model the dataset does "
     "not list costs its base price times the tuned-price factor. Longer prompts, batch and "
     "cache-write prices are not modelled."),
    ("Presets", "The guide's five examples as cost profiles; their volumes are illustrative."),
    ("Break-even", "The first month in which fine-tuning's (or both's) typical cumulative cost "
     "is no more than RAG's."),
    ("Time", "Both follows the guide's path: RAG first, fine-tuning added after it; update time "
     "is one document edit per update for RAG and one run's wait per retraining."),
    ("Sensitivity", f"Each cost input is moved {SENSITIVITY_SHARE:.0%} down and up; the line "
     "names the one that moves a typical horizon total the most."),
)


def methodology_table() -> Table:
    """How the estimate is worked out, as a table for the methodology page."""
    return Table(header=("Part", "How it is worked out"), rows=METHODOLOGY,
                 css_class="calc-methodology")


CALCULATOR = Calculator(
    name="costs", title="Cost and time estimator", groups=FIELDS, presets=PRESETS,
    figures=FIGURES, compute=compute, report=report, downloads=downloads,
    rules_table=methodology_table, check=check, page="costs/",
)
