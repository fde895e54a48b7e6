"""Token prices for the estimator: a model from the dated price table, or the reader's own.

The answering model and the model to tune are picked from `calculators.prices`, the table
generated from the genai-prices dataset, or typed in as custom prices. A tuned model costs
what the dataset lists for it where it lists one; otherwise its base model's prices times
a factor the reader can change, and the result says which it used.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..kit.calculator import Figure
from ..kit.provenance import Dataset, Judgement
from ..kit.schema import Option, format_number
from ..prices import DATASET_NAME, DATASET_VERSION, MODELS, PRICES_AS_OF, ModelPrice

PRICE_DATASET = Dataset(DATASET_NAME, DATASET_VERSION, PRICES_AS_OF)
CUSTOM = "custom"
BY_KEY = {m.key: m for m in MODELS}
# What a reader picks from: untuned models; a tuned row is reached through its base.
BASE_MODELS = tuple(m for m in MODELS if m.tuned_from is None)
LISTED_TUNED = {m.tuned_from: m for m in MODELS if m.tuned_from}

# How a price was found: read from the table, the table's tuned-model price, the base
# model's price times the tuned-price factor, or typed by the reader.
LISTED, TUNED_LISTED, TUNED_BY_FACTOR, TYPED = "listed", "tuned_listed", "tuned_by_factor", "typed"


def _listed_tuned_ratios() -> tuple[float, float]:
    ratios = [getattr(t, side) / getattr(BY_KEY[t.tuned_from], side)
              for t in LISTED_TUNED.values() for side in ("input", "output")]
    return min(ratios), max(ratios)


RATIO_LOW, RATIO_HIGH = _listed_tuned_ratios()
TUNED_PRICE_FACTOR = 2.0
TUNED_FACTOR_READING = Judgement(
    f"The tuned models the price dataset lists cost {format_number(RATIO_LOW)} to "
    f"{format_number(RATIO_HIGH)} times their base model's token price, and the default sits in "
    "that span; a host that serves adapters (LoRA) at the base model's price would be a factor "
    "of one.")


@dataclass(frozen=True)
class TokenPrices:
    """One model's USD per million tokens, and where the prices come from."""

    input: float
    cached_input: float  # the input price where no cached price is listed
    output: float
    basis: str  # LISTED, TUNED_LISTED, TUNED_BY_FACTOR or TYPED
    model: str  # the model's key in the table, or CUSTOM
    cache_listed: bool  # False: repeated prompt tokens pay the full input price
    higher_price_above: int | None = None  # longer prompts pay a higher rate, not modelled
    context_window: int | None = None

    def scaled(self, factor: float) -> TokenPrices:
        """Every price times `factor`, for the sensitivity line."""
        return replace(self, input=self.input * factor, cached_input=self.cached_input * factor,
                       output=self.output * factor)


def model_options(for_tuning: bool) -> tuple[Option, ...]:
    """The picker's choices: each untuned model under its provider, then custom prices."""
    def label(m: ModelPrice) -> str:
        listed = for_tuning and m.key in LISTED_TUNED
        return f"{m.model} (tuned price listed)" if listed else m.model

    return (*(Option(m.key, label(m), group=m.provider) for m in BASE_MODELS),
            Option(CUSTOM, "Custom: type the prices below", group="Your own prices"))


def listed_prices(key: str) -> TokenPrices:
    """A model's prices as the table lists them; a missing cached price is the input price."""
    m = BY_KEY[key]
    return TokenPrices(m.input, m.cached_input if m.cached_input is not None else m.input,
                       m.output, TUNED_LISTED if m.tuned_from else LISTED, key,
                       m.cached_input is not None, m.higher_price_above,
                       m.context_window or _base_window(m))


def _base_window(m: ModelPrice) -> int | None:
    # The dataset gives a tuned model no window of its own; it reads as many tokens as its base.
    return BY_KEY[m.tuned_from].context_window if m.tuned_from else None


def typed_prices(input_price: float, cached_price: float, output_price: float) -> TokenPrices:
    """Prices the reader typed, for a model the table does not hold."""
    return TokenPrices(input_price, cached_price, output_price, TYPED, CUSTOM, True)


def tuned_prices(key: str, factor: float, typed: TokenPrices) -> TokenPrices:
    """What the tuned model costs: listed, or its base's prices times `factor`, or typed."""
    if key == CUSTOM:
        return typed
    if key in LISTED_TUNED:
        return listed_prices(LISTED_TUNED[key].key)
    return replace(listed_prices(key).scaled(factor), basis=TUNED_BY_FACTOR)


def model_name(key: str) -> str:
    """The model's name and provider as a reader knows them, e.g. "gpt-4o-mini (OpenAI)"."""
    m = BY_KEY[key]
    return f"{m.model} ({m.provider})"


def price_figures() -> tuple[Figure, ...]:
    """Every model in the table with its prices and window, for the methodology page."""
    def value(m: ModelPrice) -> str:
        cached = "none listed" if m.cached_input is None else format_number(m.cached_input)
        window = ("; window as its base model's" if m.tuned_from else "; window not listed"
                  if m.context_window is None else f"; {format_number(m.context_window)}-token window")
        return (f"USD per million tokens: input {format_number(m.input)}, cached input {cached}, "
                f"output {format_number(m.output)}{window}")

    return tuple(Figure(model_name(m.key), value(m), PRICE_DATASET) for m in MODELS)
