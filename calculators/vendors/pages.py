"""The vendor facts as Markdown for the site's pages: one function per block, each returning text.

A page names a block with a line `<!-- vendor-facts: NAME -->` (build_hooks/vendor_facts.py
puts the text in its place). Every word, date and figure here is read from this package's
tables, so a vendor fact is typed once, and each table says the day the facts were checked.
Tables keep to two or three columns, each cell a few labelled lines, so that they read on a
phone without scrolling sideways. Links are written for a page in docs/ beside
methodology.md; the `all` block is written for the methodology page itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from .. import prices
from ..guide import GUIDE, Guide
from ..kit.provenance import Judgement, Page, Section, Source, citation
from . import (
    CACHE_RULES,
    CHECKED,
    CHOSEN_REGION,
    CLOSED,
    EXISTING_CUSTOMERS,
    FORMAT_SUPPORT,
    HOSTS_CLOUD,
    LIFECYCLES,
    METHODS,
    OWN_HARDWARE,
    PER_TOKEN,
    ROUTES,
    STALE_AFTER_DAYS,
    Fact,
    TuningRoute,
    cache_rule,
    can_tune_today,
    months_after,
    retired,
)
from .model import CONFIDENCE

# How sure a fact is, as a reader sees it: anything short of the vendor's own page says so.
CONFIDENCE_WORDS = {"high": "high confidence", "medium": "**uncertain**, medium confidence",
                    "low": "**uncertain**, low confidence"}
# What each level means (calculators.vendors.model), said once above the full list.
CONFIDENCE_MEANS = {"high": "read on the vendor's own page",
                    "medium": "read in a copy of the page or a single reliable secondary source",
                    "low": "third-party only, a stand-in for a figure no page gave, or sources "
                           "that disagree"}
RESIDENCY_WORDS = {OWN_HARDWARE: "on hardware you run",
                   CHOSEN_REGION: "in a cloud region you choose",
                   HOSTS_CLOUD: "wherever the host runs it"}
ACCESS_WORDS = {CLOSED: "closed", EXISTING_CUSTOMERS: "existing customers only"}
# The guide's answer to "can I tune ChatGPT or Claude?" (March 2026), by the makers the data
# files routes under.
GUIDE_ANSWER = Guide("Can I fine-tune ChatGPT or Claude on my data?")
GUIDE_SAID = (
    ("OpenAI (the GPT models behind ChatGPT)", ("openai",),
     "Tuning offered for GPT-4o and GPT-4o mini, through OpenAI's API."),
    ("Anthropic (Claude)", ("anthropic",),
     "Anthropic “does not currently offer” tuning of Claude models (the guide's words)."),
    ("Google (Gemini)", ("google",), "Tuning offered for Gemini models."),
    ("Amazon (Nova)", ("amazon",), "Not covered."),
    ("Open-weight models", ("open", "mistral"),
     "Llama 3 and Mistral can be tuned freely, within their licences."),
)
_GUIDE_PAGE = "methodology.md#from-the-guide"
_GUIDE_HERE = "#from-the-guide"  # from the methodology page itself
_KEPT = "methodology.md#vendor-facts"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A Markdown table, each cell on one line with any "|" escaped."""
    header = list(header)
    body = ["| " + " | ".join(" ".join(c.replace("|", "\\|").split()) for c in row) + " |"
            for row in rows]
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *body]


def _lines(*parts: tuple[str, str]) -> str:
    """Labelled lines inside one table cell: `*Label*: text`, one per line, empty ones left out."""
    return "<br>".join(f"*{label}*: {text}" if label else text for label, text in parts if text)


def _as_of(what: str) -> str:
    """The line above each table: what it shows, and the day its facts were checked."""
    return (f"{what}, as of {CHECKED}, the day this site last read each source "
            f"([how these facts are kept current]({_KEPT}))")


def _source(source: Source, guide_href: str = _GUIDE_PAGE) -> str:
    """A source as a provenance label: a vendor's page with the day it was read, or the guide."""
    if isinstance(source, Page):
        return f"[{source.title}, read {source.read}]({source.url}){{ .src }}"
    if isinstance(source, Section):
        # On the methodology page a same-page link is a plain link, not a label.
        label = "" if guide_href == _GUIDE_HERE else "{ .src }"
        return f"[guide: {source.section}]({guide_href}){label}"
    if isinstance(source, Judgement):
        return f"[site's judgement](methodology.md#the-sites-judgement){{ .src }}: {source.reason}"
    return citation(source)


def _sources(facts: Iterable[Fact]) -> str:
    """Each distinct source of these facts, marked uncertain where its least sure fact is."""
    facts = tuple(facts)
    out = []
    for source in dict.fromkeys(f.source for f in facts):
        worst = max((f.confidence for f in facts if f.source == source), key=CONFIDENCE.index)
        out.append(_source(source) + ("" if worst == "high" else f" ({CONFIDENCE_WORDS[worst]})"))
    return "; ".join(out)


def _route_facts(r: TuningRoute) -> tuple[Fact, ...]:
    return (*r.facts, *((r.price_note,) if r.price_note else ()))


def _in_sentence(text: str) -> str:
    """A name that may start a sentence, as it reads inside one ("your own hardware")."""
    return text[0].lower() + text[1:] if text.startswith("Your ") else text


def _billing(r: TuningRoute) -> str:
    factor = r.tuned_price_factor
    if r.serving == PER_TOKEN:
        if factor is None:
            return "per token; the tuned rate was not in the pages read"
        return ("per token, at the base model's price" if factor == 1 else
                f"per token, at {factor:g}× the base model's price")
    tokens = "" if factor is None else f", plus tokens at {factor:g}× the base model's price"
    return f"on a dedicated deployment, billed for the time it runs, used or not{tokens}"


def _dates(r: TuningRoute) -> str:
    parts = [f"last day to start a job {r.jobs_until}"] if r.jobs_until else []
    if r.retires:
        ended = r.retires <= CHECKED
        parts.append(f"{'ended' if ended else 'tuned models retire'} {r.retires}"
                     f"{' or later' if r.retires_or_later and not ended else ''}")
    return "; ".join(parts) or "none announced"


def _route_name(r: TuningRoute) -> str:
    return f"**{r.family}**<br>{r.platform}"


def tuning_routes() -> str:
    """Who can tune what today: every route open on the checked date, and what is uncertain."""
    routes = [r for r in ROUTES if can_tune_today(r)]
    rows = [(_route_name(r), _lines(("Methods", ", ".join(METHODS[m] for m in r.methods)),
                                    ("Tuned model served", _billing(r)),
                                    ("Your data stays", RESIDENCY_WORDS[r.residency]),
                                    ("Dates", _dates(r)),
                                    ("Sources", _sources(_route_facts(r)))))
            for r in routes]
    by_fact: dict[Fact, list[str]] = {}
    for r in routes:
        for f in (f for f in _route_facts(r) if f.confidence != "high"):
            by_fact.setdefault(f, []).append(f"{r.family} on {_in_sentence(r.platform)}")
    notes = [f"- **{' and '.join(names)}**: {f.claim} ({CONFIDENCE_WORDS[f.confidence]}; "
             f"{_source(f.source)})" for f, names in by_fact.items()]
    return "\n".join([_as_of("Where a model can be tuned") + ":", "",
                      *_table(("Models and platform", "Tuning, serving and dates"), rows),
                      *(["", "Where a source is less than sure:", "", *notes] if notes else [])])


def closed_routes() -> str:
    """Roads that are closed, or open with an announced end, with their dates."""
    order = {CLOSED: 0, EXISTING_CUSTOMERS: 1}
    routes = sorted((r for r in ROUTES if not can_tune_today(r) or r.jobs_until or r.retires),
                    key=lambda r: (order.get(r.access, 2), r.jobs_until or r.retires or ""))
    status = {r: ACCESS_WORDS.get(r.access) or ("open, with an end announced" if can_tune_today(r)
                                                else "ended") for r in routes}
    rows = [(_route_name(r), _lines(("Status", status[r]), ("Dates", _dates(r)),
                                    ("", " ".join(f.claim for f in r.facts)),
                                    ("Sources", _sources(r.facts))))
            for r in routes]
    return "\n".join([_as_of("Tuning routes that are closed or have an announced end") + ":", "",
                      *_table(("Models and platform", "Status and dates"), rows)])


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
                     _lines(("Cached read", _read_factors(models)), ("Cache write", write),
                            ("Shortest prompt cached", f"{rule.min_tokens:,} tokens"),
                            ("Unused cache kept", f"{rule.lifetime_minutes} minutes"),
                            ("", rule.fact.claim), ("Source", _sources((rule.fact,))))))
    dataset = (f"[dataset: {prices.DATASET_NAME} {prices.DATASET_VERSION}, {prices.PRICES_AS_OF}]"
               "(methodology.md#from-datasets){ .src }")
    intro = (_as_of("How each vendor's prompt cache bills") + f"; the cached-read prices are "
             f"the site's price table's ({dataset}), the rest comes from the vendors' pages:")
    return "\n".join([intro, "", *_table(("Models", "How the cache bills"), rows)])


def structured_outputs() -> str:
    """Which vendors hold a reply to a JSON schema: the first answer to a format gap."""
    rows = [(f"**{f.vendor}**", _lines(("", "Yes." if f.schema_enforced else "No."),
                                       ("", f.fact.claim), ("Source", _sources((f.fact,)))))
            for f in FORMAT_SUPPORT]
    return "\n".join([_as_of("Which vendors' APIs hold a reply to a JSON schema") + ":", "",
                      *_table(("Vendor", "Holds a reply to a JSON schema"), rows)])


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
             _lines(("", f"**{(_PAST[what] if day <= CHECKED else what).capitalize()} {day}** "
                         f"({_when(day)})"), ("", fact.claim),
                    ("Source", _sources((fact,)))))
            for (day, what, fact), keys in sorted(events.items(), key=lambda e: e[0][0])]
    return "\n".join([_as_of("Announced retirements and price changes") + ":", "",
                      *_table(("Models", "Announced"), rows)])


def _today_for(makers: tuple[str, ...]) -> str:
    """Where these makers' models can be tuned on the checked date, and which roads closed."""
    mine = [r for r in ROUTES if r.maker in makers]
    open_ = [r for r in mine if can_tune_today(r)]
    shut = [r for r in mine if not can_tune_today(r)]
    where = "; ".join(f"{r.family} on {_in_sentence(r.platform)}"
                      + (f" (last day to start a job {r.jobs_until})" if r.jobs_until else "")
                      for r in open_) or "nowhere this site found"
    facts = [f for r in (*open_, *shut) for f in r.facts]
    return _lines(("Can be tuned", where + "."),
                  ("Closed", " ".join(f.claim for r in shut for f in r.facts)),
                  ("Sources", _sources(facts)))


def can_i_tune() -> str:
    """The guide's March 2026 answer beside today's, maker by maker."""
    guide = _source(GUIDE_ANSWER)
    rows = [(f"**{name}**<br>{said}", _today_for(makers)) for name, makers, said in GUIDE_SAID]
    intro = (f"What the guide said when it was published on {GUIDE.published} ({guide}), beside "
             + _as_of("what the vendors' own pages say") + ":")
    header = (f"The guide, published {GUIDE.published}", f"As of {CHECKED}")
    return "\n".join([intro, "", *_table(header, rows)])


def _facts_by_kind() -> dict[str, dict[Fact, list[str]]]:
    """Every fact, by kind of subject, with the subjects it is about (a fact may serve several)."""
    kinds: dict[str, dict[Fact, list[str]]] = {}

    def add(kind: str, subject: str, fact: Fact) -> None:
        kinds.setdefault(kind, {}).setdefault(fact, []).append(subject)

    for r in ROUTES:
        for fact in _route_facts(r):
            add("Tuning routes", f"{r.family}, {_in_sentence(r.platform)}", fact)
    for life in LIFECYCLES:
        add("Model lifecycles", _model_name(life.price_key), life.fact)
    for rule in CACHE_RULES:
        add("Prompt caching", f"`{rule.key}`", rule.fact)
    for f in FORMAT_SUPPORT:
        add("Structured outputs", f.vendor, f.fact)
    return kinds


def all_facts_table() -> str:
    """Every vendor fact with its source, read date and confidence, for the methodology page."""
    due = date.fromisoformat(CHECKED) + timedelta(days=STALE_AFTER_DAYS)
    levels = "; ".join(f"*{level}*: {means}" for level, means in CONFIDENCE_MEANS.items())
    lines = [f"Each fact below was read on its page on the date shown, and says how sure it is "
             f"({levels}). A scheduled check runs every month and fails once the facts are due "
             f"for re-reading ({due.isoformat()}), or as soon as a date listed here comes to pass "
             "while the site still offers what it ends. A maintainer then re-reads each page and "
             "updates the facts and their date; the pages, the advisor and the estimator all read "
             "them from the same place, so they change together."]
    for kind, facts in _facts_by_kind().items():
        rows = [(f"**{'; '.join(dict.fromkeys(subjects))}**<br>{fact.claim}",
                 _lines(("", _source(fact.source, _GUIDE_HERE)),
                        ("Page's own date", getattr(fact.source, "stated", "")),
                        ("", CONFIDENCE_WORDS[fact.confidence].capitalize())))
                for fact, subjects in facts.items()]
        anchor = "vendor-" + kind.lower().replace(" ", "-")
        lines += ["", f"### {kind} {{ #{anchor} }}", "", f"{kind}, as of {CHECKED}:", "",
                  *_table(("Fact", "Source"), rows)]
    return "\n".join(lines)


# An ISO date in running text, not inside a URL: a browser would break it after a hyphen.
_DATE = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")


def markdown(name: str) -> str:
    """The named block's Markdown, each date kept on one line."""
    return _DATE.sub(lambda m: f'<span class="calc-nowrap">{m.group()}</span>', BLOCKS[name]())


BLOCKS: dict[str, Callable[[], str]] = {
    "tuning_routes": tuning_routes, "closed_routes": closed_routes, "caching": caching,
    "structured_outputs": structured_outputs, "retirements": retirements,
    "can_i_tune": can_i_tune, "all": all_facts_table,
}
