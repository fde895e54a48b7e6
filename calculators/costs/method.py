"""How the estimate is worked out, and the figures it rests on, for the methodology page."""

from __future__ import annotations

from ..kit.calculator import Figure
from ..kit.report import Table
from ..kit.schema import format_number
from ..price_dataset import PRICE_DATASET
from ..prices import EMBEDDING_MODEL, EMBEDDING_PRICE, MODELS
from .fields import COST_COMPARISON, FT_DATA_PREP, FT_RUN, FT_WEEKS, RAG_MONTHLY, RAG_SETUP, RAG_WEEKS
from .pricing import model_name
from .timing import PROMPT_WEEKS, PROMPT_WEEKS_READING


def _span(bounds: tuple[float, float]) -> str:
    return f"{format_number(bounds[0])}-{format_number(bounds[1])}"


def _price(m) -> str:
    cached = "none listed" if m.cached_input is None else format_number(m.cached_input)
    window = ("; window as its base model's" if m.tuned_from else "; window not listed"
              if m.context_window is None else f"; {format_number(m.context_window)}-token window")
    return (f"USD per million tokens: input {format_number(m.input)}, cached input {cached}, "
            f"output {format_number(m.output)}{window}")


FIGURES = (
    Figure("RAG setup (vector database and embeddings)", f"{_span(RAG_SETUP)} USD", COST_COMPARISON),
    Figure("RAG running cost, by scale", f"{_span(RAG_MONTHLY)} USD a month", COST_COMPARISON),
    Figure("Fine-tuning, per training run (model size, data volume)", f"{_span(FT_RUN)}+ USD",
           COST_COMPARISON),
    Figure("Fine-tuning data preparation, once", f"{_span(FT_DATA_PREP)} USD", COST_COMPARISON),
    Figure("Retraining", "needed for each knowledge update", COST_COMPARISON),
    Figure("Time to production", f"RAG {_span(RAG_WEEKS)} weeks; fine-tuning {_span(FT_WEEKS)} weeks",
           COST_COMPARISON),
    Figure("Time to production for a prompt or long context",
           f"{format_number(PROMPT_WEEKS.low)}-{format_number(PROMPT_WEEKS.high)} weeks",
           PROMPT_WEEKS_READING),
    Figure(f"Embedding ({EMBEDDING_MODEL})", f"{format_number(EMBEDDING_PRICE)} USD per million "
           "tokens", PRICE_DATASET),
    *(Figure(model_name(m.key), _price(m), PRICE_DATASET) for m in MODELS),
)

METHODOLOGY = (
    ("Approaches", "A base model with a good prompt, long context with prompt caching, RAG, a "
     "fine-tuned model, and a fine-tuned model with RAG. One that cannot do what the inputs "
     "describe (no way to see the documents, no citations, a prompt that falls short, documents "
     "that do not fit the window) is named with its reason and not costed."),
    ("Headline", "The approach with the lowest typical total among those that can do the job."),
    ("Bands", "Low adds up the low end of every range, high the high ends; typical uses each "
     "range's midpoint, since the guide gives ranges and no likeliest value."),
    ("Month 0", "One-time costs: an evaluation for every approach; RAG's first embeddings (or the "
     "guide's setup range); for tuned models, data preparation and the first version's runs."),
    ("Tokens", "Queries x tokens x price per million. The fixed opening of each prompt "
     "(instructions and examples, and for long context every document) is read from the "
     "provider's cache once it is written; writes cost the vendor's write factor, and the cache "
     "is written again after each quiet spell longer than its lifetime and each update. A tuned "
     "model takes its own, shorter prompt."),
    ("Retrieval", "From its parts: embedding the documents once, re-embedding the share each "
     "update changes, a vector store priced by the passages it holds, reranking per query, and "
     "embedding everything again for each new embedding model. Or the guide's ranges."),
    ("Tuned models", "Served at the route's tuned price per token (its base price times a "
     "factor), plus an hourly dedicated endpoint where the route bills one. Retrained for each "
     "behaviour change and, alone and keeping knowledge in its weights, each update."),
    ("Retirements", "The plan starts in the month the vendor facts were checked. When the "
     "answering model or the tuned model retires inside the horizon, on its announced date, the "
     "plan moves to a successor that month: a new evaluation, and for a tuned model new training "
     "runs too; successors are assumed to retire again after the successor life."),
    ("Break-even", "The first month in which a tuned option's typical cumulative cost is no more "
     "than the cheapest option without tuning."),
    ("Not modelled", "Higher rates for very long prompts (flagged instead), batch discounts, "
     "price changes after the table's date (flagged), and the small-model router pattern."),
)


def methodology_table() -> Table:
    """How the estimate is worked out, as a table for the methodology page."""
    return Table(header=("Part", "How it is worked out"), rows=METHODOLOGY,
                 css_class="calc-methodology")
