"""The estimator's inputs as a reader fills them in: essentials first, assumptions folded away.

Each default says where it comes from: the guide's cost and time ranges, the price dataset
(through the model pickers), or this site's judgement with its reason.
"""

from __future__ import annotations

from ..kit.calculator import Preset
from ..kit.provenance import Judgement, Source
from ..kit.schema import ChoiceField, Group, NumberField, Option, Value, format_number
from .model import COST_FIGURES, FIRST_RUNS, ITERATION_READING, PLACEHOLDER_PRICE
from .pricing import CUSTOM, TUNED_FACTOR_READING, TUNED_PRICE_FACTOR, model_options

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

DEFAULT_MODEL = "openai-gpt-4o-mini"
SAME_MODEL = Judgement("GPT-4o mini is one of the models the guide names as tunable, and "
                       "tuning the model that answers compares like with like.")
KNOWLEDGE_RETRIEVED = Judgement(
    "The guide finds fine-tuning no reliable way to add fresh knowledge, so by default the "
    "knowledge is retrieved and updates need no training run.")
BEHAVIOUR_CHANGES = Judgement("An illustrative pace of revisions to tone, format or reasoning: "
                              "enter your own.")
MODEL_LIFE = Judgement("Hosted models are commonly retired within one to two years of "
                       "release; the default sits in the middle.")
EPOCHS = Judgement("Hosted tuning services commonly default to a few passes over the data.")
EXAMPLES = Judgement("Inside the guide's range of examples for dependable results on a "
                     "specific task.")
TRAINING_PRICE = Judgement("The price dataset lists usage, not training, prices; this "
                           "placeholder is of the size hosts charge for small models: enter "
                           "your provider's.")

_MONEY_MAX = 100_000_000  # above this a cost is a typo, not a plan
_PRICE_MAX = 10_000
_TOKENS_MAX = 2_000_000


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
                       default=default, minimum=0, maximum=_PRICE_MAX, source=PLACEHOLDER_PRICE)


def _tokens(name: str, label: str, help: str, default: int) -> NumberField:
    return NumberField(name=name, label=label, unit="tokens", help=help, default=default,
                       minimum=0, maximum=_TOKENS_MAX, integer=True)


RANGES = (
    ("rag_setup", "RAG setup", "USD", "Vector database and generating the embeddings.",
     RAG_SETUP, _MONEY_MAX),
    ("rag_monthly", "RAG running cost", "USD a month",
     "Running the retrieval system each month; the guide's range grows with scale.",
     RAG_MONTHLY, _MONEY_MAX),
    ("ft_run", "Fine-tuning run", "USD a run",
     "One training run, when the training cost is the guide's range; depends on model size and "
     "data volume. The guide's 5,000 is an open upper end.", FT_RUN, _MONEY_MAX),
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
TRAINING_COST = (Option("guide", "The guide's range"), Option("tokens", "Training tokens"))

FIELDS = (
    Group("Your use", "Volume, the models, and how the knowledge changes.", (
        NumberField(name="queries", label="Queries a month", unit="queries", default=10_000,
                    minimum=0, maximum=10_000_000_000, integer=True,
                    help="Questions the system answers each month."),
        ChoiceField(name="model", label="Answering model", options=model_options(False),
                    default=DEFAULT_MODEL, source=SAME_MODEL,
                    help="Its prices from the price dataset; Custom to type your own."),
        ChoiceField(name="tuned_model", label="Model to fine-tune", options=model_options(True),
                    default=DEFAULT_MODEL, source=SAME_MODEL,
                    help="Tuned at the dataset's price where listed, otherwise at its own price "
                         "times the tuned-price factor."),
        NumberField(name="updates", label="Knowledge updates a month", unit="updates", default=1,
                    minimum=0, maximum=1000,
                    help="How often the facts the model must know change: 4 for weekly, 0.25 "
                         "for quarterly."),
        NumberField(name="retrain_every", label="Retrain for knowledge updates, every",
                    unit="updates", default=0, minimum=0, maximum=1000, integer=True,
                    source=KNOWLEDGE_RETRIEVED,
                    help="0: the knowledge is retrieved, never trained in. 1 keeps it in the "
                         "weights: fine-tuning alone then needs a run for every update."),
        NumberField(name="horizon", label="Horizon", unit="months", default=24, minimum=1,
                    maximum=120, integer=True,
                    help="How far ahead to add up costs: 1 month to 10 years."),
    )),
    Group("Tokens per query", "One query's prompt and answer; the defaults illustrate, enter "
                              "your own.", (
        _tokens("input_tokens", "Prompt", "Instructions, examples and the question, before "
                "retrieval.", 500),
        NumberField(name="repeated_share", label="Of the prompt, repeated every time", unit="%",
                    default=50, minimum=0, maximum=100,
                    help="The system prompt and examples: billed at the cached-input price where "
                         "the model lists one."),
        _tokens("context_tokens", "Retrieved context",
                "Added to the prompt by retrieval; RAG and both pay for it.", 2000),
        _tokens("output_tokens", "Answer", "What the model writes back.", 300),
    ), assumptions=True),
    Group("Retraining", "What makes the tuned model train again, besides knowledge updates.", (
        NumberField(name="behaviour_changes", label="Behaviour changes a year", unit="changes",
                    default=1, minimum=0, maximum=365, source=BEHAVIOUR_CHANGES,
                    help="New tone, format or reasoning to teach: one run each."),
        NumberField(name="model_life", label="Base model retired after", unit="months",
                    default=18, minimum=0, maximum=120, integer=True, source=MODEL_LIFE,
                    help="Then the tuned model is trained again on its successor; 0: never."),
    ), assumptions=True),
    Group("Training cost", "The guide's range per run, or priced by the training token.", (
        ChoiceField(name="training_cost", label="Price a run by", options=TRAINING_COST,
                    default="guide", source=COST_FIGURES, help=""),
        NumberField(name="examples", label="Training examples", unit="examples", default=1000,
                    minimum=1, maximum=10_000_000, integer=True, source=EXAMPLES, help=""),
        _tokens("example_tokens", "Tokens per example", "", 500),
        NumberField(name="epochs", label="Epochs", unit="passes", default=3, minimum=1,
                    maximum=100, integer=True, source=EPOCHS, help="Passes over the examples."),
        NumberField(name="training_price", label="Training price", unit="USD per million tokens",
                    default=3, minimum=0, maximum=_PRICE_MAX, source=TRAINING_PRICE,
                    help="Examples x tokens x epochs at this price make one run."),
    ), assumptions=True),
    Group("Prices you type", "USD per million tokens, for a custom model; and the factor for a "
                             "tuned model whose price the dataset does not list.", (
        _price("custom_input_price", "Answering model, input", 2),
        _price("custom_cached_price", "Answering model, cached input", 0.5),
        _price("custom_output_price", "Answering model, output", 8),
        _price("custom_tuned_input_price", "Tuned model, input", 2),
        _price("custom_tuned_cached_price", "Tuned model, cached input", 0.5),
        _price("custom_tuned_output_price", "Tuned model, output", 8),
        NumberField(name="tuned_price_factor", label="Tuned-price factor", unit="x base price",
                    default=TUNED_PRICE_FACTOR, minimum=0, maximum=100,
                    source=TUNED_FACTOR_READING, help=TUNED_FACTOR_READING.reason),
    ), assumptions=True),
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

# The guide's five examples as cost profiles (their volumes are illustrative), and the
# pattern the site advises against, to show what it costs.
PRESETS = (
    Preset("knowledge-in-weights", "Knowledge in the weights: a run for every update",
           {"retrain_every": 1}),
    Preset("customer-support", "Customer support bot",
           {"queries": 50_000, "updates": 4, "context_tokens": 3000, "output_tokens": 250}),
    Preset("medical-assistant", "Medical diagnosis assistant",
           {"queries": 5_000, "updates": 4, "context_tokens": 4000, "output_tokens": 600,
            "examples": 2000}),
    Preset("brand-content", "Brand content generator",
           {"queries": 2_000, "updates": 0, "context_tokens": 0, "input_tokens": 800,
            "output_tokens": 800, "behaviour_changes": 2}),
    Preset("legal-analyzer", "Legal document analyser",
           {"queries": 5_000, "updates": 8, "context_tokens": 8000, "output_tokens": 800}),
    Preset("code-completion", "Code completion tool",
           {"queries": 1_000_000, "updates": 0, "input_tokens": 1500, "repeated_share": 80,
            "context_tokens": 0, "output_tokens": 60, "model": "openai-gpt-4o",
            "behaviour_changes": 2}),
)


def check(values: dict[str, Value]) -> dict[str, str]:
    """Messages for ranges entered upside down, and typed cached prices above the input price."""
    errors = {}
    for name, *_ in RANGES:
        low, high = float(values[f"{name}_low"]), float(values[f"{name}_high"])
        if low > high:
            unit = RANGE_UNITS[name]
            errors[f"{name}_low"] = f"The low end is above the high end ({format_number(high)} {unit})."
            errors[f"{name}_high"] = f"The high end must be at least the low end ({format_number(low)} {unit})."
    for picker, model in (("model", ""), ("tuned_model", "tuned_")):
        full = float(values[f"custom_{model}input_price"])
        if values[picker] == CUSTOM and float(values[f"custom_{model}cached_price"]) > full:
            errors[f"custom_{model}cached_price"] = (
                f"A cached token costs no more than a fresh one: enter at most {format_number(full)}.")
    return errors
