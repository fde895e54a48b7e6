"""What each model costs: answering models from the price table, tuned models by route.

The answering model is picked from `calculators.prices` (or typed as custom prices). The model
to tune is picked from the tuning routes open today (`calculators.vendors`): its per-token
price is its base model's times the route's tuned-price factor, and a route that serves tuned
models on a dedicated endpoint also bills the endpoint by the hour.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..kit.schema import Option
from ..price_dataset import CUSTOM
from ..prices import MODELS, ModelPrice
from ..vendors import (
    CACHE_RULES,
    DEDICATED,
    CacheRule,
    TuningRoute,
    cache_rule,
    lifecycle,
    offered_routes,
    retired,
    route,
)

BY_KEY = {m.key: m for m in MODELS}
DEFAULT_ANSWERING = "google-gemini-3.5-flash-lite"
DEFAULT_TUNED = "geap-gemini-3.5-flash-lite"
# Custom prices get the rule of the vendors the pages say least about.
CUSTOM_CACHE = CACHE_RULES[-1]


@dataclass(frozen=True)
class TokenPrices:
    """One model's USD per million tokens, its cache rule, and what it is."""

    model: str  # the price table's key, or CUSTOM
    input: float
    cached_input: float  # the input price where the table lists no cached price
    output: float
    cache_rule: str  # the key of its vendor's CacheRule
    write_factor: float  # a cache write costs this times the input price
    cache_min_tokens: int  # shorter openings are not cached
    cache_minutes: int  # an unused cached opening lives this long
    context_window: int | None = None
    higher_price_above: int | None = None  # longer prompts pay a higher rate, not modelled
    retires: str | None = None  # an announced shutdown, ISO date
    retires_or_later: bool = False
    price_change: str | None = None  # an announced price change, ISO date

    @property
    def cache_listed(self) -> bool:
        return self.cached_input < self.input


def _cache_fields(rule: CacheRule) -> tuple[str, float, int, int]:
    return rule.key, rule.write_factor, rule.min_tokens, rule.lifetime_minutes


def _offered_answering() -> tuple[ModelPrice, ...]:
    return tuple(m for m in MODELS if m.tuned_from is None and not retired(m.key))


def answering_options() -> tuple[Option, ...]:
    """Every untuned model not yet shut down, under its provider, then custom prices."""
    return (*(Option(m.key, m.model, group=m.provider) for m in _offered_answering()),
            Option(CUSTOM, "Custom: type the prices", group="Your own prices"))


def route_label(r: TuningRoute) -> str:
    """"Gemini 3.5 Flash-Lite on Gemini Enterprise Agent Platform, retires 2027-07-21 or later"."""
    when = (f", retires {r.retires}{' or later' if r.retires_or_later else ''}" if r.retires
            else ", no retirement announced")
    return f"{r.family} on {r.platform}{when}"


def tuned_options() -> tuple[Option, ...]:
    """The routes open today whose base model the price table lists, then custom prices."""
    return (*(Option(r.key, route_label(r), group=r.platform) for r in offered_routes()),
            Option(CUSTOM, "Custom: type the prices", group="Your own prices"))


def model_name(key: str) -> str:
    """The model's name and provider as a reader knows them, e.g. "GPT-6 Luna (OpenAI)"."""
    if key == CUSTOM:
        return "a model at prices you typed"
    m = BY_KEY[key]
    return f"{m.model} ({m.provider})"


def tuned_name(route_key: str) -> str:
    """"Gemini 3.5 Flash-Lite, tuned on Gemini Enterprise Agent Platform"."""
    if route_key == CUSTOM:
        return "a tuned model at prices you typed"
    r = route(route_key)
    return f"{r.family}, tuned on {r.platform}"


def cache_rule_by_key(key: str) -> CacheRule:
    return next(rule for rule in CACHE_RULES if rule.key == key)


def listed_prices(key: str) -> TokenPrices:
    """A model's prices as the table lists them, with its cache rule and lifecycle."""
    m = BY_KEY[key]
    life = lifecycle(key)
    return TokenPrices(
        key, m.input, m.cached_input if m.cached_input is not None else m.input,
        m.output, *_cache_fields(cache_rule(key)), m.context_window, m.higher_price_above,
        life.retires if life else None, bool(life and life.or_later),
        life.price_change if life else None)


def typed_prices(input_price: float, cached_price: float, output_price: float) -> TokenPrices:
    """Prices the reader typed, for a model the table does not hold."""
    return TokenPrices(CUSTOM, input_price, cached_price, output_price,
                       *_cache_fields(CUSTOM_CACHE))


@dataclass(frozen=True)
class TunedServing:
    """How the tuned model is billed: per-token prices, plus an hourly endpoint on some routes."""

    route: str  # the route's key, or CUSTOM
    prices: TokenPrices
    dedicated: bool  # billed by the hour on its own endpoint, used or not
    base_model: str  # the price table's key of the model tuned, or CUSTOM
    factor: float | None  # tuned per-token price / base price; None when tokens are not billed


def tuned_serving(key: str, typed: TokenPrices) -> TunedServing:
    """The tuned model's billing on route `key`, or the reader's typed prices."""
    if key == CUSTOM:
        return TunedServing(CUSTOM, typed, False, CUSTOM, 1.0)
    r = route(key)
    assert r.price_key is not None
    base = listed_prices(r.price_key)
    factor = r.tuned_price_factor
    # A dedicated endpoint with no per-token rate bills GPU time only.
    scale = factor if factor is not None else (0.0 if r.serving == DEDICATED else 1.0)
    prices = replace(base, input=base.input * scale, cached_input=base.cached_input * scale,
                     output=base.output * scale, retires=r.retires,
                     retires_or_later=r.retires_or_later, price_change=None)
    return TunedServing(key, prices, r.serving == DEDICATED, r.price_key, factor)
