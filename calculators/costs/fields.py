"""The estimator's inputs as a reader fills them in: the task first, assumptions folded away.

Each default says where it comes from: the guide's cost and time ranges, the price dataset,
the vendor facts, or this site's judgement with its reason.
"""

from __future__ import annotations

from ..guide import Guide
from ..kit.calculator import Preset
from ..kit.provenance import Judgement, Source
from ..kit.schema import ChoiceField, Group, NumberField, Option, Value, format_number
from ..price_dataset import PRICE_DATASET
from ..prices import EMBEDDING_MODEL, EMBEDDING_PRICE
from ..vendors import route
from .pricing import CUSTOM, DEFAULT_ANSWERING, DEFAULT_TUNED, answering_options, tuned_options

COST_COMPARISON = Guide("Cost Comparison")
# The guide's ranges (USD unless named), as (low, high).
RAG_SETUP = (0, 500)
RAG_MONTHLY = (50, 300)
FT_RUN = (200, 5000)
FT_DATA_PREP = (100, 1000)
RAG_WEEKS = (1, 2)
FT_WEEKS = (4, 8)

LIKE_FOR_LIKE = Judgement("Gemini 3.5 Flash-Lite is a current small model that can be tuned "
                          "today at its base price, so every option answers with the same model.")
FEW_SHOT_PROMPT = Judgement("A system prompt with a handful of worked examples runs to a "
                            "thousand tokens or two; enter your own.")
SHORT_TUNED_PROMPT = Judgement("A tuned model has learnt the examples and the format, so its "
                               "prompt keeps only brief instructions.")
CHUNKS = Judgement("Passages of a few hundred tokens are a common retrieval unit; four or five "
                   "of them fill the default retrieved context.")
CHANGED_SHARE = Judgement("An update usually touches a few documents, not the whole collection; "
                          "enter the share yours changes.")
VECTOR_STORE = Judgement("The guide's low monthly figure stands for a small managed vector "
                         "database; the per-million rate is an illustrative size for stored "
                         "vectors: enter your provider's.")
REEMBED = Judgement("Embedding models are replaced about yearly, and a new one means embedding "
                    "every document again.")
BUSY_HOURS = Judgement("Traffic that keeps to working hours leaves the cache cold overnight; "
                       "enter 24 for traffic around the clock.")
EVALUATION = Judgement("Running a test set and reading the answers takes an engineer a day or "
                       "two, about a thousand dollars; enter your own.")
FIRST_RUNS = Judgement("A first version rarely works at the first run: two runs try one change "
                       "of data or settings.")
EXAMPLES = Judgement("Inside the guide's range of examples for dependable results on a "
                     "specific task.")
EPOCHS = Judgement("Hosted tuning services commonly default to a few passes over the data.")
BEHAVIOUR_CHANGES = Judgement("An illustrative pace of revisions to tone, format or reasoning: "
                              "enter your own.")
MODEL_LIFE = Judgement("Vendors retired models within months in 2026; a successor is assumed to "
                       "last a year before the next forced move.")
DEDICATED_RATE = Judgement("The pages read give no hourly rate for dedicated endpoints; this is "
                           "an illustrative size for one GPU: enter your host's quote.")
ALWAYS_ON = Judgement("A production endpoint stays up all month: about 730 hours.")
PLACEHOLDER_PRICE = Judgement("An illustrative placeholder, used only when you choose Custom: "
                              "enter your provider's current prices.")
TRAINING_PRICE_SOURCE: Source = route(DEFAULT_TUNED).price_note.source  # type: ignore[union-attr]
EMBEDDING_SOURCE = PRICE_DATASET

_MONEY_MAX = 100_000_000  # above this a cost is a typo, not a plan
_PRICE_MAX = 10_000
_TOKENS_MAX = 2_000_000
_CORPUS_MAX = 100_000_000


def _range(name: str, label: str, unit: str, help_text: str, bounds: tuple[float, float],
           maximum: float, source: Source = COST_COMPARISON) -> tuple[NumberField, NumberField]:
    """A range from the guide as two number fields, `<name>_low` and `<name>_high`."""
    return tuple(NumberField(name=f"{name}_{end}", label=f"{label}, {end}", unit=unit,
                             help=help_text, default=value, minimum=0, maximum=maximum,
                             source=source)
                 for end, value in zip(("low", "high"), bounds, strict=True))  # type: ignore[return-value]


def _money(name: str, label: str, unit: str, help_text: str, default: float,
           source: Source, maximum: float = _MONEY_MAX) -> NumberField:
    return NumberField(name=name, label=label, unit=unit, help=help_text, default=default,
                       minimum=0, maximum=maximum, source=source)


def _tokens(name: str, label: str, help_text: str, default: int, source: Source,
            maximum: int = _TOKENS_MAX, minimum: int = 0) -> NumberField:
    return NumberField(name=name, label=label, unit="tokens", help=help_text, default=default,
                       minimum=minimum, maximum=maximum, integer=True, source=source)


def _price(name: str, label: str, default: float) -> NumberField:
    return _money(name, label, "USD per million tokens", f"{label}: used only with Custom.",
                  default, PLACEHOLDER_PRICE, _PRICE_MAX)


RANGES = (
    ("rag_setup", "RAG setup, the guide's range", "USD",
     "Vector database and the first embeddings, when RAG is costed by the guide's range.",
     RAG_SETUP, _MONEY_MAX),
    ("rag_monthly", "RAG running cost, the guide's range", "USD a month",
     "Running retrieval each month, when RAG is costed by the guide's range; it grows with scale.",
     RAG_MONTHLY, _MONEY_MAX),
    ("ft_run", "Training run, the guide's range", "USD a run",
     "One run when training is priced by the guide's range; 5,000 is an open upper end.",
     FT_RUN, _MONEY_MAX),
    ("ft_data_prep", "Training data preparation", "USD", "Collecting and cleaning examples, once.",
     FT_DATA_PREP, _MONEY_MAX),
    ("rag_weeks", "RAG time to production", "weeks", "From start to a system in use.",
     RAG_WEEKS, 520),
    ("ft_weeks", "Fine-tuning time to production", "weeks",
     "Data collection, cleaning, training and evaluation.", FT_WEEKS, 520),
)
RANGE_UNITS = {name: unit for name, _, unit, *_ in RANGES}
YES_NO = (Option("no", "No"), Option("yes", "Yes"))
PROMPT_REACH = (Option("untried", "Not tried yet"), Option("yes", "Yes, a prompt gets there"),
                Option("no", "No: tried, and it falls short"))
RAG_COSTING = (Option("components", "From its parts"), Option("guide", "The guide's range"))
TRAINING_COST = (Option("tokens", "Training tokens"), Option("guide", "The guide's range"))
TUNED_KNOWLEDGE = (Option("retrain", "Train again after every update"),
                   Option("cannot", "Count it as unable to keep up"))

FIELDS = (
    Group("Your task", "What the system must do, how much, and for how long.", (
        NumberField(name="queries", label="Queries a month", unit="queries", default=10_000,
                    minimum=0, maximum=10_000_000_000, integer=True,
                    help="Questions or requests the system answers each month."),
        NumberField(name="documents", label="Documents it must know", unit="documents",
                    default=2_000, minimum=0, maximum=100_000_000, integer=True,
                    help="Articles, pages or records the answers draw on; 0 if the task needs "
                         "no knowledge of yours (a classifier, a writer in your style)."),
        _tokens("document_tokens", "Average document length",
                "About 750 words make 1,000 tokens.", 1_000, Judgement(
                    "A help article or a short policy runs to about a thousand tokens."),
                _CORPUS_MAX, minimum=1),
        NumberField(name="updates", label="Knowledge updates a month", unit="updates", default=1,
                    minimum=0, maximum=1000,
                    help="How often the documents change: 4 for weekly, 0.25 for quarterly."),
        ChoiceField("citations", "Must answers cite their sources?",
                    "A tuned model cannot say where its knowledge came from; retrieval and long "
                    "context can.", YES_NO, "no"),
        ChoiceField("prompt_reach", "Does a good prompt get the behaviour you need?",
                    "Tone, format, reasoning or accuracy. If a prompt was tried and falls short, "
                    "only a tuned model can close the gap.", PROMPT_REACH, "untried"),
        NumberField(name="horizon", label="Horizon", unit="months", default=24, minimum=1,
                    maximum=120, integer=True, help="How far ahead to add up costs."),
    )),
    Group("Models", "Which model answers, and which would be tuned.", (
        ChoiceField("model", "Answering model", "Prices from the price dataset; Custom to type "
                    "your own. Models already shut down are not offered.", answering_options(),
                    DEFAULT_ANSWERING, source=LIKE_FOR_LIKE),
        ChoiceField("tuned_model", "Model to fine-tune, and where",
                    "Only routes open today are offered, with the date a tuned model retires.",
                    tuned_options(), DEFAULT_TUNED, source=LIKE_FOR_LIKE),
    )),
    Group("Prompt and answer", "One query's tokens; the defaults illustrate.", (
        _tokens("prompt_tokens", "Instructions and worked examples",
                "Sent with every query; the provider can cache it.", 1_500, FEW_SHOT_PROMPT),
        _tokens("tuned_prompt_tokens", "Instructions for the tuned model",
                "Shorter: the tuned model has learnt the examples.", 300, SHORT_TUNED_PROMPT),
        _tokens("question_tokens", "The question", "The part that differs every time.", 100,
                Judgement("A question or a short ticket is about a hundred tokens.")),
        _tokens("answer_tokens", "The answer", "What the model writes back.", 300,
                Judgement("A few paragraphs of answer are about three hundred tokens.")),
    ), assumptions=True),
    Group("Retrieval (RAG)", "From its parts, or the guide's monthly range.", (
        ChoiceField("rag_costing", "Cost RAG", "The parts scale with your documents; the guide's "
                    "range does not.", RAG_COSTING, "components", source=VECTOR_STORE),
        _tokens("context_tokens", "Retrieved passages per query",
                "Added to each prompt by retrieval.", 2_000, CHUNKS),
        _tokens("chunk_tokens", "Passage length", "Documents are cut into passages this long "
                "for the vector store.", 500, CHUNKS, minimum=50),
        NumberField(name="changed_share", label="Documents an update changes", unit="%",
                    default=1, minimum=0, maximum=100, source=CHANGED_SHARE,
                    help="Each update re-embeds this share of the documents."),
        _money("embedding_price", "Embedding price", "USD per million tokens",
               f"{EMBEDDING_MODEL}'s price in the price dataset.", EMBEDDING_PRICE,
               EMBEDDING_SOURCE, _PRICE_MAX),
        NumberField(name="reembed_months", label="New embedding model every", unit="months",
                    default=12, minimum=0, maximum=120, integer=True, source=REEMBED,
                    help="Then every document is embedded again; 0: never."),
        _money("vector_store_base", "Vector store, base", "USD a month",
               "The smallest plan that serves you.", RAG_MONTHLY[0], VECTOR_STORE),
        _money("vector_store_per_million", "Vector store, per million passages", "USD a month",
               "Added for every million passages stored.", 25, VECTOR_STORE),
        _money("rerank_price", "Reranking", "USD per 1,000 queries",
               "A reranker re-orders the retrieved passages; 0 if you use none.", 0,
               Judgement("Not every RAG system reranks; enter your reranker's price if yours does.")),
    ), assumptions=True),
    Group("Long context", "How the provider's prompt cache sees your traffic.", (
        NumberField(name="busy_hours", label="Hours a day with traffic", unit="hours", default=10,
                    minimum=1, maximum=24, source=BUSY_HOURS,
                    help="When queries stop for longer than the cache lasts, the next one writes "
                         "it again."),
    ), assumptions=True),
    Group("Fine-tuning", "Training, serving and retraining the tuned model.", (
        ChoiceField("training_cost", "Price a run by", "Training tokens when you know the rate; "
                    "the guide's range otherwise.", TRAINING_COST, "tokens",
                    source=TRAINING_PRICE_SOURCE),
        NumberField(name="examples", label="Training examples", unit="examples", default=1000,
                    minimum=1, maximum=10_000_000, integer=True, source=EXAMPLES, help=""),
        _tokens("example_tokens", "Tokens per example", "", 500, Judgement(
            "A question with its ideal answer is a few hundred tokens.")),
        NumberField(name="epochs", label="Epochs", unit="passes", default=3, minimum=1,
                    maximum=100, integer=True, source=EPOCHS, help="Passes over the examples."),
        _money("training_price", "Training price", "USD per million tokens",
               "Examples x tokens x epochs at this price make one run.", 3,
               TRAINING_PRICE_SOURCE, _PRICE_MAX),
        NumberField(name="ft_first_runs", label="Runs for the first version", unit="runs",
                    default=2, minimum=1, maximum=1000, integer=True, source=FIRST_RUNS,
                    help="Also the runs each later retraining takes."),
        ChoiceField("tuned_knowledge", "When the documents change, a tuned model alone",
                    "Its knowledge is frozen at training time.", TUNED_KNOWLEDGE, "retrain",
                    source=Guide("Fine-Tuning Limitations")),
        NumberField(name="behaviour_changes", label="Behaviour changes a year", unit="changes",
                    default=1, minimum=0, maximum=365, source=BEHAVIOUR_CHANGES,
                    help="New tone, format or reasoning to teach: a retraining each."),
        _money("dedicated_rate", "Dedicated endpoint", "USD an hour",
               "For routes that serve a tuned model on its own endpoint.", 3, DEDICATED_RATE),
        NumberField(name="dedicated_hours", label="Endpoint hours a month", unit="hours",
                    default=730, minimum=0, maximum=744, source=ALWAYS_ON,
                    help="Billed whether it answers or not."),
    ), assumptions=True),
    Group("Model changes and evaluation", "Forced moves to a successor model, and what testing costs.", (
        _money("evaluation", "Evaluation of a model version", "USD",
               "Before launch and after each forced change of model.", 1000, EVALUATION),
        NumberField(name="model_life", label="A successor model lasts", unit="months",
                    default=12, minimum=1, maximum=120, integer=True, source=MODEL_LIFE,
                    help="After a forced move, the next one comes this much later."),
    ), assumptions=True),
    Group("Prices you type", "USD per million tokens, used only when a model is Custom.", (
        _price("custom_input_price", "Answering model, input", 2),
        _price("custom_cached_price", "Answering model, cached input", 0.2),
        _price("custom_output_price", "Answering model, output", 8),
        _price("custom_tuned_input_price", "Tuned model, input", 2),
        _price("custom_tuned_output_price", "Tuned model, output", 8),
    ), assumptions=True),
    Group("The guide's cost ranges", "Each range's low and high end, as the guide gives them; "
                                     "change them when you have quotes.", (
        *(f for spec in RANGES[:4] for f in _range(*spec)),
    ), assumptions=True),
    Group("The guide's time ranges", "Weeks to production, low and high.", (
        *(f for spec in RANGES[4:] for f in _range(*spec)),
    ), assumptions=True),
)

# The guide's five examples as cost profiles (volumes and sizes illustrative), and two
# situations the guide does not cover that the estimator must get right.
PRESETS = (
    Preset("customer-support", "Customer support bot",
           {"queries": 50_000, "documents": 3_000, "updates": 4, "citations": "yes", "prompt_reach": "yes",
            "answer_tokens": 250}),
    Preset("medical-assistant", "Medical diagnosis assistant",
           {"queries": 5_000, "documents": 20_000, "document_tokens": 2_000, "updates": 4,
            "citations": "yes", "prompt_reach": "no", "answer_tokens": 600, "examples": 2000}),
    Preset("brand-content", "Brand content generator",
           {"queries": 2_000, "documents": 0, "updates": 0, "prompt_reach": "no",
            "answer_tokens": 800, "behaviour_changes": 2}),
    Preset("legal-analyzer", "Legal document analyser",
           {"queries": 5_000, "documents": 500_000, "document_tokens": 5_000, "updates": 8,
            "citations": "yes", "context_tokens": 8_000, "answer_tokens": 800}),
    Preset("code-completion", "Code completion tool",
           {"queries": 1_000_000, "documents": 0, "updates": 0, "prompt_reach": "no",
            "prompt_tokens": 1_500, "tuned_prompt_tokens": 200, "question_tokens": 400,
            "answer_tokens": 60, "behaviour_changes": 2}),
    Preset("ticket-classifier", "Ticket classifier",
           {"queries": 5_000_000, "documents": 0, "updates": 0, "prompt_tokens": 2_000,
            "tuned_prompt_tokens": 100, "question_tokens": 200, "answer_tokens": 10,
            "examples": 20_000, "example_tokens": 250}),
    Preset("internal-documents", "A few internal documents",
           {"queries": 6_000, "documents": 40, "document_tokens": 7_500, "updates": 1,
            "context_tokens": 3_000}),
)


def check(values: dict[str, Value]) -> dict[str, str]:
    """Messages for ranges entered upside down, and a typed cached price above the input price."""
    errors = {}
    for name, *_ in RANGES:
        low, high = float(values[f"{name}_low"]), float(values[f"{name}_high"])
        if low > high:
            unit = RANGE_UNITS[name]
            errors[f"{name}_low"] = f"The low end is above the high end ({format_number(high)} {unit})."
            errors[f"{name}_high"] = f"The high end must be at least the low end ({format_number(low)} {unit})."
    full = float(values["custom_input_price"])
    if values["model"] == CUSTOM and float(values["custom_cached_price"]) > full:
        errors["custom_cached_price"] = (
            f"A cached token costs no more than a fresh one: enter at most {format_number(full)}.")
    return errors
