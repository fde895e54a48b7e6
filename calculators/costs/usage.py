"""Token costs per month, with the provider's prompt cache: pure arithmetic.

A prompt is a fixed opening (instructions, examples, and for long context every document)
followed by what changes each time (the question, retrieved passages). The opening can be
cached: a write costs the vendor's write factor times the input price, a read the cached
price. A cache unused for longer than its lifetime is gone; so is one whose documents change.

The cheaper of two ways is taken, as an engineer would choose: no cache at all, or a cache
kept warm through the busy hours: written once a busy day and after each update, and read by
every query, with a one-token request each lifetime when queries are too sparse to keep it
warm themselves. An opening shorter than the smallest cacheable prompt may be padded to it.
Each way's cost only grows with the queries and the opening, so the chosen cost does too:
more queries or a longer prompt never lower a bill, and a cache never raises one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.provenance import Judgement
from .pricing import TokenPrices

TOKENS_PER_PRICE_UNIT = 1_000_000  # prices are quoted per million tokens
DAYS_PER_MONTH = 365 / 12
MINUTES_PER_HOUR = 60
KEEP_WARM = Judgement("A cache that expires between sparse queries can be kept warm by a "
                      "one-token request each lifetime, and a prompt just under the cacheable "
                      "size can be padded to it; the estimate uses either when it is cheaper.")


@dataclass(frozen=True)
class Prompt:
    """One query's tokens: the cacheable opening, the rest, and the answer."""

    opening: float
    rest: float
    answer: float

    @property
    def sent(self) -> float:
        """Everything sent to the model: opening and rest."""
        return self.opening + self.rest


@dataclass(frozen=True)
class Usage:
    """A month of one approach's queries on one model."""

    usd: float
    cached: bool  # the opening is read from the cache
    cache_writes: float  # openings written to the cache this month
    warm_pings: float  # one-token requests that keep the cache warm
    saving: float  # USD the cache saves against paying the full input price


def monthly_usage(prompt: Prompt, queries: float, prices: TokenPrices, busy_hours: float,
                  rewrites: float = 0.0) -> Usage:
    """USD a month for `queries` queries of `prompt` on a model with `prices`."""
    rest = queries * (prompt.rest * prices.input + prompt.answer * prices.output)
    uncached = queries * prompt.opening * prices.input
    none = Usage((uncached + rest) / TOKENS_PER_PRICE_UNIT, False, 0.0, 0.0, 0.0)
    if not prices.cache_listed or queries <= 0:
        return none
    opening = max(prompt.opening, prices.cache_min_tokens)
    writes = min(queries, DAYS_PER_MONTH + rewrites)
    lifetimes = busy_hours * MINUTES_PER_HOUR * DAYS_PER_MONTH / prices.cache_minutes
    pings = max(0.0, lifetimes - queries)
    reads = queries - writes + pings
    warm = opening * (writes * prices.write_factor * prices.input + reads * prices.cached_input)
    if warm >= uncached:
        return none
    return Usage((warm + rest) / TOKENS_PER_PRICE_UNIT, True, writes, pings,
                 (uncached - warm) / TOKENS_PER_PRICE_UNIT)
