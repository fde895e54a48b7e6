"""Each approach's costs month by month: one-time costs, a steady monthly bill, and events.

An event is a cost that falls in one month: a retraining run, a forced move to a successor
model (a new training run and an evaluation for a tuned model, an evaluation for the others),
or embedding every document again for a new embedding model. Amounts are non-negative and
counts never fall, so more months, queries or events can only raise a cumulative cost, and
the band built from every range's low end never sits above the one built from the high ends.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

BANDS = ("low", "typical", "high")
MONTHS_PER_YEAR = 12
# Guards floor(month x rate) against binary rounding, e.g. 3 x 0.1 / 0.3.
_ROUNDING_SLACK = 1e-9


@dataclass(frozen=True)
class Range:
    """A figure known only as a range; "typical" is its midpoint."""

    low: float
    high: float

    def at(self, band: str) -> float:
        return {"low": self.low, "high": self.high}.get(band, (self.low + self.high) / 2)

    @staticmethod
    def point(value: float) -> Range:
        return Range(value, value)


@dataclass(frozen=True)
class Band:
    """One amount as low, typical and high."""

    low: float
    typical: float
    high: float

    @staticmethod
    def of(values: Sequence[float]) -> Band:
        low, typical, high = values
        return Band(low, typical, high)


@dataclass(frozen=True)
class Event:
    """Something that costs money in one month of one approach's plan."""

    month: int
    approach: str
    cause: str  # "retirement", "behaviour", "knowledge" or "reembedding"
    count: int  # runs or passes in that month for that cause
    cost: Range  # the whole month's amount for this cause


@dataclass(frozen=True)
class Plan:
    """One approach: what it costs up front, each month, and in the months events fall."""

    one_time: Range
    monthly: Range
    events: tuple[Event, ...]

    def series(self, horizon: int, band: str) -> tuple[float, ...]:
        """Cumulative USD at the end of each month 0..horizon, in one band."""
        by_month = [0.0] * (horizon + 1)
        for e in self.events:
            if 0 < e.month <= horizon:
                by_month[e.month] += e.cost.at(band)
        total, out = self.one_time.at(band), []
        for month in range(horizon + 1):
            total += (self.monthly.at(band) if month else 0.0) + by_month[month]
            out.append(total)
        return tuple(out)


def occurrences(horizon: int, per_month: float) -> list[int]:
    """The months in which an event happening `per_month` times a month falls, with repeats."""
    if per_month <= 0:
        return []
    months, done = [], 0
    for month in range(1, horizon + 1):
        due = math.floor(month * per_month + _ROUNDING_SLACK)
        months += [month] * (due - done)
        done = due
    return months


def forced_moves(horizon: int, first: int | None, every: int) -> list[int]:
    """Months of forced moves to a successor: the announced date, then every `every` months
    (the first also `every` months in when no date is announced)."""
    month = first if first is not None else every
    month = max(month, 1)
    out = []
    while month <= horizon:
        out.append(month)
        month += every
    return out


def grouped(months: Sequence[int], approach: str, cause: str, unit: Range) -> tuple[Event, ...]:
    """One Event per month in which `months` lists something, costing `unit` each time."""
    counts: dict[int, int] = {}
    for month in months:
        counts[month] = counts.get(month, 0) + 1
    return tuple(Event(m, approach, cause, n, Range(unit.low * n, unit.high * n))
                 for m, n in sorted(counts.items()))


def break_even_month(dearer: Sequence[float], other: Sequence[float]) -> int | None:
    """The first month from which `dearer` has cost no more than `other` so far; None if never."""
    for month, (a, b) in enumerate(zip(dearer, other, strict=True)):
        if a <= b:
            return month
    return None
