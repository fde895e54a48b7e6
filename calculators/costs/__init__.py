"""Cost and time estimator: RAG, fine-tuning and both, over a horizon the reader picks.

The ranges for setup, running, training and data preparation, and the weeks to production,
are the guide's; every total is a low-typical-high band built from those ranges. Token
prices have no guide figure: their defaults are placeholders for the reader's own prices.
The arithmetic lives in `model`, the words in `report`, the chart in `chart`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.calculator import Calculator, Figure, Preset
from ..kit.provenance import Source
from ..kit.report import Table
from ..kit.schema import Group, NumberField, Value, format_number
from . import model
from .model import (APPROACHES, BANDS, COST_FIGURES, FIRST_RUNS, ITERATION_READING, MIDPOINT,
                    PLACEHOLDER_PRICE, Band, CostInputs, Range, Swing, TimeInputs)
from .report import downloads, report

# The guide's ranges (USD unless named), as (low, high).
RAG_SETUP = (0, 500)
RAG_MONTHLY = (50, 300)
FT_RUN = (200, 5000)
FT_DATA_PREP = (100, 1000)
RAG_WEEKS = (1, 2)
FT_WEEKS = (4, 8)
# The guide gives iteration times in words: RAG "minutes", fine-tuning "hours to days".
# These are our reading of those words as numbers: up to an hour, and up to three days.
RAG_ITERATION_MINUTES = (1, 60)
FT_ITERATION_HOURS = (1, 72)
SENSITIVITY_SHARE = 0.1  # the +/- change the sensitivity line tries on each input


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
)

_MONEY_MAX = 100_000_000  # above this a cost is a typo, not a plan


def _range(name: str, label: str, unit: str, help_text: str, bounds: tuple[float, float],
           maximum: float, source: Source = COST_FIGURES) -> tuple[NumberField, NumberField]:
    """A range from the guide as two number fields, `<name>_low` and `<name>_high`."""
    low, high = (NumberField(name=f"{name}_{end}", label=f"{label}, {end}", unit=unit,
                             help=help_text, default=value, minimum=0, maximum=maximum,
                             source=source)
                 for end, value in zip(("low", "high"), bounds))
    return low, high


def _price(name: str, label: str, default: float) -> NumberField:
    return NumberField(name=name, label=label, unit="USD per million tokens", help="",
                       default=default, minimum=0, maximum=10_000, source=PLACEHOLDER_PRICE)


def _tokens(name: str, label: str, help: str, default: int) -> NumberField:
    return NumberField(name=name, label=label, unit="tokens", help=help, default=default,
                       minimum=0, maximum=2_000_000, integer=True)


RANGES = (
    ("rag_setup", "RAG setup", "USD", "Vector database and generating the embeddings.",
     RAG_SETUP, _MONEY_MAX),
    ("rag_monthly", "RAG running cost", "USD a month",
     "Running the retrieval system each month; the guide's range grows with scale.",
     RAG_MONTHLY, _MONEY_MAX),
    ("ft_run", "Fine-tuning run", "USD a run",
     "One training run; depends on model size and data volume. The guide's 5,000 is an open "
     "upper end: bigger models cost more.", FT_RUN, _MONEY_MAX),
    ("ft_data_prep", "Training data preparation", "USD", "Collecting and cleaning examples, once.",
     FT_DATA_PREP, _MONEY_MAX),
    ("rag_weeks", "RAG time to production", "weeks", "From start to a system in use.",
     RAG_WEEKS, 520),
    ("ft_weeks", "Fine-tuning time to production", "weeks",
     "Data collection, cleaning, training and evaluation.", FT_WEEKS, 520),
    ("rag_iteration", "RAG update time", "minutes",
     "Editing a document. The guide says minutes; read here as 1 to 60.",
     RAG_ITERATION_MINUTES, 1_000_000, ITERATION_READING),
    ("ft_iteration", "Retraining time", "hours",
     "One retraining run, end to end. The guide says hours to days; read here as 1 to 72 hours.",
     FT_ITERATION_HOURS, 100_000, ITERATION_READING),
)
RANGE_UNITS = {name: unit for name, _, unit, *_ in RANGES}

FIELDS = (
    Group("Your plan", "How far ahead to look, and how often the knowledge changes.", (
        NumberField(name="horizon", label="Horizon", unit="months", default=24, minimum=1,
                    maximum=120, integer=True,
                    help="How far ahead to add up costs: 1 month to 10 years."),
        NumberField(name="updates", label="Knowledge updates a month", unit="updates", default=1,
                    minimum=0, maximum=1000,
                    help="How often the facts the model must know change: 4 for weekly, 0.25 "
                         "for quarterly."),
        NumberField(name="retrain_every", label="Retrain the fine-tuned model every",
                    unit="updates", default=1, minimum=0, maximum=1000, integer=True,
                    source=COST_FIGURES,
                    help="The guide expects a run for each knowledge update (1). Enter N to batch "
                         "N updates into one run, or 0 if the model never needs to learn them."),
    )),
    Group("Traffic", "The guide gives no volumes: the defaults illustrate, enter your own.", (
        NumberField(name="queries", label="Queries a month", unit="queries", default=10_000,
                    minimum=0, maximum=10_000_000_000, integer=True,
                    help="Questions the system answers each month."),
        _tokens("input_tokens", "Prompt tokens per query",
                "Instructions and question, before retrieval.", 500),
        _tokens("output_tokens", "Answer tokens per query", "What the model writes back.", 300),
        _tokens("context_tokens", "Retrieved context per query (RAG)",
                "Extra prompt tokens from retrieved documents; RAG and both pay for them.", 2000),
    )),
    Group("Token prices", "USD per million tokens. The defaults are placeholders, not quoted "
                          "prices: enter your provider's current ones.", (
        _price("base_input_price", "Base model, input price", 2),
        _price("base_output_price", "Base model, output price", 8),
        _price("tuned_input_price", "Fine-tuned model, input price", 0.5),
        _price("tuned_output_price", "Fine-tuned model, output price", 2),
    )),
    Group("The guide's cost ranges", "Each range's low and high end, as the guide gives them; "
                                     "change them when you have quotes.", (
        *(f for spec in RANGES[:4] for f in _range(*spec)),
        NumberField(name="ft_first_runs", label="Runs for the first fine-tuned version",
                    unit="runs", default=1, minimum=1, maximum=1000, integer=True,
                    source=FIRST_RUNS,
                    help="One is the least; trying settings and data usually takes more."),
    ), assumptions=True),
    Group("The guide's time ranges", "Weeks to production and the time one update takes, "
                                     "low and high.", (
        *(f for spec in RANGES[4:] for f in _range(*spec)),
    ), assumptions=True),
)

PRESETS = (
    Preset("weekly-knowledge", "Knowledge that changes every week (guide ranges, no prices)",
           {"updates": 4, "retrain_every": 1}),
    Preset("stable-high-volume", "Stable knowledge, a million queries a month (no prices)",
           {"updates": 0, "queries": 1_000_000}),
)

def check(values: dict[str, Value]) -> dict[str, str]:
    """Messages for ranges entered upside down (low above high), beside both ends."""
    errors = {}
    for name, *_ in RANGES:
        low, high = float(values[f"{name}_low"]), float(values[f"{name}_high"])
        if low > high:
            unit = RANGE_UNITS[name]
            errors[f"{name}_low"] = f"The low end is above the high end ({format_number(high)} {unit})."
            errors[f"{name}_high"] = f"The high end must be at least the low end ({format_number(low)} {unit})."
    return errors


@dataclass(frozen=True)
class CostEstimate:
    """Costs and times of RAG, fine-tuning and both over the horizon, as bands."""

    horizon_months: int
    one_time: dict[str, Band]
    monthly: dict[str, Band]  # average a month over the horizon, retraining included
    total: dict[str, Band]
    token_cost_monthly: dict[str, float]
    per_1000_queries: dict[str, Band] | None  # everything over the horizon / queries; None: no queries
    retrains: int  # retraining runs over the horizon
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


def cost_inputs(values: dict[str, Value]) -> CostInputs:
    """The cost model's inputs from validated field values."""
    def pair(name: str) -> Range:
        return _pair(values, name)

    def number(name: str) -> float:
        return float(values[name])

    return CostInputs(
        horizon_months=int(values["horizon"]), updates_per_month=number("updates"),
        retrain_every=int(values["retrain_every"]), rag_setup=pair("rag_setup"),
        rag_monthly=pair("rag_monthly"), ft_run=pair("ft_run"), ft_data_prep=pair("ft_data_prep"),
        ft_first_runs=number("ft_first_runs"), queries_per_month=number("queries"),
        input_tokens=number("input_tokens"), output_tokens=number("output_tokens"),
        context_tokens=number("context_tokens"), base_input_price=number("base_input_price"),
        base_output_price=number("base_output_price"), tuned_input_price=number("tuned_input_price"),
        tuned_output_price=number("tuned_output_price"),
    )


def compute(values: dict[str, Value]) -> CostEstimate:
    """Estimate every approach's costs and times; a pure function of the validated inputs."""
    inputs = cost_inputs(values)
    horizon = inputs.horizon_months
    tokens = model.token_costs(inputs)
    retrains = model.retrain_counts(inputs)
    plans = {a: {b: model.plan(inputs, a, b, tokens) for b in BANDS} for a in APPROACHES}
    cumulative = {a: {b: model.series_of(plans[a][b], retrains) for b in BANDS} for a in APPROACHES}
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
    weeks = model.weeks_to_production(times)
    build_gap = weeks["ft"].typical - weeks["rag"].typical
    iteration = model.iteration_weeks(times, inputs)
    iteration_gap = iteration["ft"] - iteration["rag"]
    typical = {a: cumulative[a]["typical"] for a in APPROACHES}
    break_even = {a: model.break_even_month(typical[a], typical["rag"]) for a in ("ft", "both")}
    return CostEstimate(
        horizon_months=horizon, one_time=one_time, monthly=monthly, total=total,
        token_cost_monthly=tokens, per_1000_queries=per_1000,
        retrains=retrains[-1], break_even_ft=break_even["ft"], break_even_both=break_even["both"],
        dearer_later={a: model.dearer_again(typical[a], typical["rag"], break_even[a])
                      for a in ("ft", "both")},
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
    ("Retraining", "Fine-tuning pays one run per N knowledge updates, counted when the Nth "
     "update arrives. In both, the knowledge lives in the documents, so updates need no run."),
    ("Tokens", "Queries times tokens times price per million. RAG and both add the retrieved "
     "context to each prompt; fine-tuning and both pay the fine-tuned model's prices."),
    ("Prices", "Token prices and volumes have no guide figure: the defaults only illustrate."),
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
