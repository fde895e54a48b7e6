"""Vendor facts as dated data: who can tune what, how tuned models are billed, when models
retire, how prompt caches bill, who enforces output schemas, and what vendors do with the
data sent to them.

Everything here was read on `CHECKED` from the pages in `sources`, each fact with how sure
its page is. The advisor, the estimator and the pages read these tables through the
functions below; nothing else states a vendor fact. `stale_problems` is what the scheduled
check runs: it takes today's date as an argument, so no calculation here reads a clock.
"""

from __future__ import annotations

from datetime import date
from fnmatch import fnmatch

from ..kit.provenance import Page
from .caching import CACHE_RULES
from .data_terms import DATA_TERMS
from .formats import FORMAT_SUPPORT
from .lifecycles import LIFECYCLES
from .model import (
    CHOSEN_REGION,
    CLOSED,
    DEDICATED,
    EXISTING_CUSTOMERS,
    HOSTS_CLOUD,
    METHODS,
    OPEN,
    OWN_HARDWARE,
    PER_TOKEN,
    CacheRule,
    DataTerm,
    Fact,
    FormatSupport,
    Lifecycle,
    TuningRoute,
)
from .tuning import ROUTES

__all__ = [
    "CACHE_RULES", "CHECKED", "CHOSEN_REGION", "CLOSED", "DATA_TERMS", "DEDICATED",
    "EXISTING_CUSTOMERS", "FORMAT_SUPPORT", "HOSTS_CLOUD", "LIFECYCLES", "METHODS", "OPEN",
    "OWN_HARDWARE", "PER_TOKEN", "ROUTES", "STALE_AFTER_DAYS", "CacheRule", "DataTerm", "Fact",
    "FormatSupport", "Lifecycle", "TuningRoute",
    "all_facts", "cache_rule", "can_tune_today", "format_support", "lifecycle", "months_after",
    "offered_routes", "retired", "route", "routes_for", "stale_problems",
]

CHECKED = "2026-12-04"  # the day every fact here was last read against its source
STALE_AFTER_DAYS = 90  # the scheduled check fails once the facts are older than this

_BY_KEY = {r.key: r for r in ROUTES}
_LIFECYCLES = {life.price_key: life for life in LIFECYCLES}


def route(key: str) -> TuningRoute:
    """The tuning route with this key."""
    return _BY_KEY[key]


def can_tune_today(r: TuningRoute, on: str = CHECKED) -> bool:
    """Whether anyone may start a tuning job on this route on the day given."""
    return (r.access == OPEN and (r.jobs_until is None or on <= r.jobs_until)
            and (r.retires is None or on < r.retires))


def routes_for(platform: str | None = None, residency: str | None = None) -> tuple[TuningRoute, ...]:
    """Routes open today, for a platform key if given, that keep data where `residency` needs.

    Residency: OWN_HARDWARE allows only routes on the reader's own hardware; CHOSEN_REGION
    allows those and region-bound platforms; None allows any.
    """
    allowed = {None: None, OWN_HARDWARE: {OWN_HARDWARE},
               CHOSEN_REGION: {OWN_HARDWARE, CHOSEN_REGION}}[residency]
    return tuple(r for r in ROUTES if can_tune_today(r)
                 and (platform is None or platform in r.platforms)
                 and (allowed is None or r.residency in allowed))


def offered_routes() -> tuple[TuningRoute, ...]:
    """Routes the estimator offers: open today, on a model whose token prices the table lists."""
    return tuple(r for r in routes_for() if r.price_key is not None)


def lifecycle(price_key: str) -> Lifecycle | None:
    """The announced retirement or price change of a model in the price table, if any."""
    return _LIFECYCLES.get(price_key)


def retired(price_key: str, on: str = CHECKED) -> bool:
    """Whether the model has already been shut down on the day given."""
    life = lifecycle(price_key)
    return life is not None and life.retires is not None and life.retires <= on


def cache_rule(price_key: str) -> CacheRule:
    """The prompt-cache rule for a model: the first rule whose pattern matches its key."""
    return next(rule for rule in CACHE_RULES if any(fnmatch(price_key, p) for p in rule.applies_to))


def format_support(maker: str) -> FormatSupport | None:
    """Whether this maker's API enforces a JSON schema on replies, where the pages say."""
    return next((f for f in FORMAT_SUPPORT if f.maker == maker), None)


def months_after(day: str, start: str = CHECKED) -> int:
    """Whole months from `start` to `day`, counting a part month as one (0 if already past)."""
    a, b = date.fromisoformat(start), date.fromisoformat(day)
    months = (b.year - a.year) * 12 + b.month - a.month + (1 if b.day > a.day else 0)
    return max(months, 0)


def all_facts() -> tuple[tuple[str, Fact], ...]:
    """Every fact with the subject it is about, for the methodology page and the checks."""
    out = [(f"Tuning: {r.family} on {r.platform}", f) for r in ROUTES
           for f in (*r.facts, *((r.price_note,) if r.price_note else ()))]
    out += [(f"Lifecycle: {life.price_key}", life.fact) for life in LIFECYCLES]
    out += [(f"Prompt caching: {rule.key}", rule.fact) for rule in CACHE_RULES]
    out += [(f"Structured outputs: {f.vendor}", f.fact) for f in FORMAT_SUPPORT]
    out += [(f"Data terms: {t.service}", t.fact) for t in DATA_TERMS]
    return tuple(dict.fromkeys(out))


def stale_problems(today: date) -> list[str]:
    """What a maintainer must re-check: facts past their age, or dates that have come to pass."""
    problems = []
    age = (today - date.fromisoformat(CHECKED)).days
    if age > STALE_AFTER_DAYS:
        problems.append(f"The vendor facts were checked on {CHECKED}, {age} days ago (more than "
                        f"{STALE_AFTER_DAYS}): re-read every source and update CHECKED.")
    # A page that could not be re-read keeps its older read date, so it ages on its own.
    behind = {f.source for _, f in all_facts() if isinstance(f.source, Page) and f.source.read < CHECKED}
    for page in sorted(behind, key=lambda p: (p.read, p.title)):
        page_age = (today - date.fromisoformat(page.read)).days
        if page_age > STALE_AFTER_DAYS:
            problems.append(f"{page.title} was last read on {page.read}, {page_age} days ago "
                            f"(more than {STALE_AFTER_DAYS}): re-read it ({page.url}).")
    on = today.isoformat()
    for r in ROUTES:
        if r.access == OPEN and r.jobs_until and r.jobs_until < on:
            problems.append(f"{r.family} on {r.platform} is offered for tuning, but new jobs ended "
                            f"on {r.jobs_until}.")
        if r.access == OPEN and r.retires and r.retires <= on:
            problems.append(f"{r.family} on {r.platform} is offered for tuning, but it retired on "
                            f"{r.retires}{' or later: check whether it has' if r.retires_or_later else ''}.")
    for life in LIFECYCLES:
        if life.retires and CHECKED < life.retires <= on:
            problems.append(f"{life.price_key} was due to retire on {life.retires}: confirm it has, "
                            "and whether the price table still offers it.")
        if life.price_change and CHECKED < life.price_change <= on:
            problems.append(f"{life.price_key} changed price on {life.price_change}: update the "
                            "price table and this note.")
    return problems
