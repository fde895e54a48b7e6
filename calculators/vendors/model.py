"""The shapes of the vendor facts: a sourced fact, a tuning route, a model's lifecycle,
a caching rule, structured-output support, a data term. Data only; the tables live beside
this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.provenance import Source

# How sure a fact is: read on the vendor's own page (high), seen through a mirror or a
# single reliable secondary source (medium), or third-party only or conflicting (low).
CONFIDENCE = ("high", "medium", "low")
# How a tuned model is served: billed per token like any model, or on a dedicated
# endpoint billed by the hour whether it is used or not.
PER_TOKEN, DEDICATED = "per_token", "dedicated"
# Where the data goes: hardware the reader runs, a cloud region the reader picks, or
# wherever the host runs it.
OWN_HARDWARE, CHOSEN_REGION, HOSTS_CLOUD = "own_hardware", "chosen_region", "hosts_cloud"
# Who may start a tuning job on a route.
OPEN, EXISTING_CUSTOMERS, CLOSED = "open", "existing_customers", "closed"
METHODS = {"supervised": "supervised (SFT)", "preference": "preference (DPO)",
           "reinforcement": "reinforcement (RFT)", "adapters": "adapters (LoRA)",
           "full": "full weights"}


@dataclass(frozen=True)
class Fact:
    """One claim in this site's words, the page it rests on, and how sure that page is."""

    claim: str
    source: Source  # a Page nearly always; the guide where it is the guide's claim
    confidence: str = "high"

    def __post_init__(self) -> None:
        if self.confidence not in CONFIDENCE:
            raise ValueError(f"confidence must be one of {CONFIDENCE}: {self.confidence!r}")


@dataclass(frozen=True)
class TuningRoute:
    """One place a reader could tune one family of models, as it stands on the checked date."""

    key: str  # safe in a URL: "geap-gemini-3.5-flash-lite"
    platform: str  # "Gemini Enterprise Agent Platform"
    family: str  # "Gemini 3.5 Flash-Lite"
    maker: str  # whose model: "openai", "anthropic", "google", "amazon", "open"
    platforms: tuple[str, ...]  # the advisor's platform keys this route belongs to
    access: str  # OPEN, EXISTING_CUSTOMERS or CLOSED
    methods: tuple[str, ...]  # keys of METHODS
    serving: str  # PER_TOKEN or DEDICATED
    residency: str  # OWN_HARDWARE, CHOSEN_REGION or HOSTS_CLOUD
    facts: tuple[Fact, ...]
    price_key: str | None = None  # the base model in calculators.prices, when it is listed
    tuned_price_factor: float | None = None  # tuned per-token price / base price, when known
    training_price: float | None = None  # USD per million training tokens, when published
    jobs_until: str | None = None  # last day a new tuning job can start, when announced
    retires: str | None = None  # the tuned model stops serving (ISO date), when announced
    retires_or_later: bool = False  # the date is a "not before" date
    price_note: Fact | None = None  # where the tuned price or training price is a stand-in


@dataclass(frozen=True)
class Lifecycle:
    """When a model a reader might answer with retires, or changes price, and why we think so."""

    price_key: str  # the model in calculators.prices
    fact: Fact
    retires: str | None = None  # ISO date; None: no date announced
    or_later: bool = False
    price_change: str | None = None  # ISO date of an announced price change


@dataclass(frozen=True)
class CacheRule:
    """How one vendor's prompt cache bills and how long it keeps a prompt."""

    key: str
    applies_to: tuple[str, ...]  # price-table keys (a prefix ending in "*" matches many)
    write_factor: float  # a cache write costs this times the uncached input price
    min_tokens: int  # prompts shorter than this are not cached
    lifetime_minutes: int  # how long an unused cached prompt is kept (the default)
    fact: Fact


@dataclass(frozen=True)
class FormatSupport:
    """Whether a vendor's API can hold output to a JSON schema, and any catch."""

    maker: str
    vendor: str
    schema_enforced: bool
    fact: Fact


# What a vendor's data terms say about, in the order a page shows them; training and
# retention are the two every reader asks, so a service whose pages are silent on one says so.
TERM_TOPICS = {"training": "Training on your data", "retention": "Keeping your data",
               "exceptions": "Outside a no-retention arrangement"}
ASKED_TOPICS = ("training", "retention")


@dataclass(frozen=True)
class DataTerm:
    """One thing a service's published terms say about the data sent to it."""

    service: str  # "OpenAI API": the product the terms cover, as a reader would name it
    topic: str  # a key of TERM_TOPICS
    fact: Fact

    def __post_init__(self) -> None:
        if self.topic not in TERM_TOPICS:
            raise ValueError(f"topic must be one of {tuple(TERM_TOPICS)}: {self.topic!r}")
