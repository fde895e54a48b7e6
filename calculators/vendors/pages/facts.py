"""The vendor facts other than tuning routes, as page blocks: prompt-cache terms, schema
support, retirements, vendors' data terms, and the full list for the methodology page."""

from __future__ import annotations

from datetime import date, timedelta

from ... import prices
from .. import (
    CACHE_RULES,
    CHECKED,
    DATA_TERMS,
    FORMAT_SUPPORT,
    LIFECYCLES,
    ROUTES,
    STALE_AFTER_DAYS,
    Fact,
    cache_rule,
    months_after,
    retired,
)
from ..model import ASKED_TOPICS, TERM_TOPICS
from .routes import route_facts
from .text import (
    CONFIDENCE_MEANS,
    CONFIDENCE_WORDS,
    as_of,
    in_sentence,
    lines,
    source_label,
    sources_label,
    table,
)

# What a data-terms cell says where a service's pages are silent on a question every reader asks.
SILENT = "not in the pages this site read"


def _model_name(key: str) -> str:
    model = next(m for m in prices.MODELS if m.key == key)
    return f"{model.provider} {model.model}"


def _read_factors(models: list[prices.ModelPrice]) -> str:
    """The cached-read price as a multiple of the input price, over the price table's models."""
    reads = sorted({round(m.cached_input / m.input, 3) for m in models
                    if m.cached_input is not None})
    if not reads:
        return "not in the price table"
    span = f"{reads[0]:g}×" if len(reads) == 1 else f"{reads[0]:g}× to {reads[-1]:g}×"
    return f"{span} the input price"


def caching() -> str:
    """Each prompt-cache rule: what a cached read costs, a write, the minimum and the lifetime."""
    rows = []
    for rule in CACHE_RULES:
        models = [m for m in prices.MODELS if cache_rule(m.key) == rule and not retired(m.key)]
        if not models:
            continue
        providers = ", ".join(dict.fromkeys(m.provider for m in models))
        write = ("the input price" if rule.write_factor == 1 else
                 f"{rule.write_factor:g}× the input price")
        rows.append((f"**{providers}**<br>" + ", ".join(m.model for m in models),
                     lines(("Cached read", _read_factors(models)), ("Cache write", write),
                           ("Shortest prompt cached", f"{rule.min_tokens:,} tokens"),
                           ("Unused cache kept", f"{rule.lifetime_minutes} minutes"),
                           ("", rule.fact.claim), ("Source", sources_label((rule.fact,))))))
    dataset = (f"[dataset: {prices.DATASET_NAME} {prices.DATASET_VERSION}, {prices.PRICES_AS_OF}]"
               "(methodology.md#from-datasets){ .src }")
    intro = (as_of("How each vendor's prompt cache bills") + f"; the cached-read prices are "
             f"the site's price table's ({dataset}), the rest comes from the vendors' pages:")
    return "\n".join([intro, "", *table(("Models", "How the cache bills"), rows)])


def structured_outputs() -> str:
    """Which vendors hold a reply to a JSON schema: the first answer to a format gap."""
    rows = [(f"**{f.vendor}**", lines(("", "Yes." if f.schema_enforced else "No."),
                                      ("", f.fact.claim), ("Source", sources_label((f.fact,)))))
            for f in FORMAT_SUPPORT]
    return "\n".join([as_of("Which vendors' APIs hold a reply to a JSON schema") + ":", "",
                      *table(("Vendor", "Holds a reply to a JSON schema"), rows)])


_PAST = {"retires": "retired", "retires, not before": "retired", "price changes": "price changed"}


def _when(day: str) -> str:
    """How far the date is from the checked date, as a reader would say it."""
    days = (date.fromisoformat(day) - date.fromisoformat(CHECKED)).days
    if days <= 0:
        return "passed"
    if days < 60:  # "in 1 month" would hide that a week is left
        return f"in {days} day{'s' if days != 1 else ''}"
    return f"in {months_after(day)} months"


def retirements() -> str:
    """Announced retirements and price changes of the models a reader may answer with."""
    events: dict[tuple[str, str, Fact], list[str]] = {}
    for life in LIFECYCLES:
        if life.retires:
            what = "retires, not before" if life.or_later else "retires"
            events.setdefault((life.retires, what, life.fact), []).append(life.price_key)
        if life.price_change:
            events.setdefault((life.price_change, "price changes", life.fact),
                              []).append(life.price_key)
    rows = [(", ".join(_model_name(k) for k in keys),
             lines(("", f"**{(_PAST[what] if day <= CHECKED else what).capitalize()} {day}** "
                        f"({_when(day)})"), ("", fact.claim),
                   ("Source", sources_label((fact,)))))
            for (day, what, fact), keys in sorted(events.items(), key=lambda e: e[0][0])]
    return "\n".join([as_of("Announced retirements and price changes") + ":", "",
                      *table(("Models", "Announced"), rows)])


def _claim(fact: Fact) -> str:
    """A claim as a cell says it, marked where its source is less than sure."""
    return fact.claim + ("" if fact.confidence == "high" else f" ({CONFIDENCE_WORDS[fact.confidence]})")


def data_terms() -> str:
    """What a few services' terms say about data sent to them: training, retention, exceptions."""
    rows = []
    for service in dict.fromkeys(t.service for t in DATA_TERMS):
        terms = [t for t in DATA_TERMS if t.service == service]
        said = {topic: " ".join(_claim(t.fact) for t in terms if t.topic == topic)
                for topic in TERM_TOPICS}
        rows.append((f"**{service}**", lines(
            *((label, said[topic] or (SILENT if topic in ASKED_TOPICS else ""))
              for topic, label in TERM_TOPICS.items()),
            ("Sources", sources_label(t.fact for t in terms)))))
    return "\n".join([as_of("What some vendors' own pages say about the data sent to them") + ":",
                      "", *table(("Service", "What its terms say"), rows)])


def _facts_by_kind() -> dict[str, dict[Fact, list[str]]]:
    """Every fact, by kind of subject, with the subjects it is about (a fact may serve several)."""
    kinds: dict[str, dict[Fact, list[str]]] = {}

    def add(kind: str, subject: str, fact: Fact) -> None:
        kinds.setdefault(kind, {}).setdefault(fact, []).append(subject)

    for r in ROUTES:
        for fact in route_facts(r):
            add("Tuning routes", f"{r.family}, {in_sentence(r.platform)}", fact)
    for life in LIFECYCLES:
        add("Model lifecycles", _model_name(life.price_key), life.fact)
    for rule in CACHE_RULES:
        add("Prompt caching", f"`{rule.key}`", rule.fact)
    for f in FORMAT_SUPPORT:
        add("Structured outputs", f.vendor, f.fact)
    for t in DATA_TERMS:
        add("Data terms", f"{t.service}: {TERM_TOPICS[t.topic].lower()}", t.fact)
    return kinds


def all_facts_table() -> str:
    """Every vendor fact with its source, read date and confidence, for the vendor-facts page."""
    due = date.fromisoformat(CHECKED) + timedelta(days=STALE_AFTER_DAYS)
    levels = "; ".join(f"*{level}*: {means}" for level, means in CONFIDENCE_MEANS.items())
    out = [f"Each fact below was read on its page on the date shown, and says how sure it is "
           f"({levels}). A scheduled check runs every month and fails once the facts are due "
           f"for re-reading ({due.isoformat()}), or as soon as a date listed here comes to pass "
           "while the site still offers what it ends. A maintainer then re-reads each page and "
           "updates the facts and their date; the pages, the advisor and the estimator all read "
           "them from the same place, so they change together."]
    for kind, facts in _facts_by_kind().items():
        rows = [(f"**{'; '.join(dict.fromkeys(subjects))}**<br>{fact.claim}",
                 lines(("", source_label(fact.source)),
                       ("Page's own date", getattr(fact.source, "stated", "")),
                       ("", CONFIDENCE_WORDS[fact.confidence].capitalize())))
                for fact, subjects in facts.items()]
        anchor = "vendor-" + kind.lower().replace(" ", "-")
        out += ["", f"## {kind} {{ #{anchor} }}", "", f"{kind}, as of {CHECKED}:", "",
                *table(("Fact", "Source"), rows)]
    return "\n".join(out)
