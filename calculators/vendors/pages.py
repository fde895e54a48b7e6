"""The vendor facts as Markdown for the site's pages: one function per block, each returning text.

A page names a block with a line `<!-- vendor-facts: NAME -->` (build_hooks/vendor_facts.py
puts the text in its place). Every word, date and figure here is read from this package's
tables, so a vendor fact is typed once, and each table says the day the facts were checked.
The links are written for a page in docs/ beside methodology.md, except the `all` block,
which is written for the methodology page itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from .. import prices
from ..guide import GUIDE
from ..kit.provenance import Page, Section, Source, citation
from . import (CACHE_RULES, CHECKED, CLOSED, EXISTING_CUSTOMERS, FORMAT_SUPPORT, LIFECYCLES,
               METHODS, OWN_HARDWARE, PER_TOKEN, ROUTES, STALE_AFTER_DAYS, Fact, TuningRoute,
               cache_rule, can_tune_today, months_after, retired)

# How sure a fact is, as a reader sees it: anything short of the vendor's own page says so.
CONFIDENCE_WORDS = {"high": "high", "medium": "**uncertain**, medium confidence",
                    "low": "**uncertain**, low confidence"}
# What each level means (calculators.vendors.model), said once above the full list.
CONFIDENCE_MEANS = {"high": "read on the vendor's own page",
                    "medium": "read in a copy of the page or a single reliable secondary source",
                    "low": "third-party only, a stand-in for a figure no page gave, or sources "
                           "that disagree"}
RESIDENCY_WORDS = {OWN_HARDWARE: "on hardware you run",
                   "chosen_region": "in a cloud region you choose",
                   "hosts_cloud": "wherever the host runs it"}
ACCESS_WORDS = {CLOSED: "Closed", EXISTING_CUSTOMERS: "Existing customers only"}
# The guide's own answer to "can I tune ChatGPT or Claude?", by the makers this site's data
# groups routes under; the data's makers on the right.
GUIDE_SECTION = "Can I fine-tune ChatGPT or Claude on my data?"
GUIDE_SAID = (
    ("OpenAI (the GPT models behind ChatGPT)", ("openai",),
     "Tuning offered for GPT-4o and GPT-4o mini, through OpenAI's API"),
    ("Anthropic (Claude)", ("anthropic",),
     "Anthropic “does not currently offer” tuning of Claude models (the guide's words)"),
    ("Google (Gemini)", ("google",), "Tuning offered for Gemini models"),
    ("Amazon (Nova)", ("amazon",), "Not covered"),
    ("Open-weight models", ("open", "mistral"),
     "Llama 3 and Mistral can be tuned freely, within their licences"),
)
_GUIDE_ON_THIS_PAGE = "#from-the-guide"  # the methodology page cites the guide on itself
_GUIDE_PAGE = "methodology.md#from-the-guide"
_KEPT = "methodology.md#vendor-facts"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.replace("|", "\\|").split())


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def _as_of(what: str) -> str:
    """The line above each table: what it shows, and the day its facts were checked."""
    return (f"{what}, as of {CHECKED}, the day this site last read each source "
            f"([how these facts are kept current]({_KEPT}))")


def _source(source: Source, guide_href: str = _GUIDE_PAGE) -> str:
    """A source as a provenance label: a vendor's page with the day it was read, or the guide."""
    if isinstance(source, Page):
        return f"[{source.title}, read {source.read}]({source.url}){{ .src }}"
    if isinstance(source, Section):
        label = f"[guide: {source.section}]({guide_href})"
        # A same-page link is not a label the site's checks know; it is a plain link there.
        return label + ("" if guide_href == _GUIDE_ON_THIS_PAGE else "{ .src }")
    return citation(source)


def _sources(facts: Iterable[Fact]) -> str:
    """Each distinct source of these facts, with how sure the least sure of its facts is."""
    facts = tuple(facts)
    out = []
    for source in dict.fromkeys(f.source for f in facts):
        levels = [f.confidence for f in facts if f.source == source]
        worst = max(levels, key=("high", "medium", "low").index)
        note = "" if worst == "high" else f" ({CONFIDENCE_WORDS[worst]})"
        out.append(_source(source) + note)
    return "; ".join(out)


def _route_facts(r: TuningRoute) -> tuple[Fact, ...]:
    return (*r.facts, *((r.price_note,) if r.price_note else ()))


def _methods(r: TuningRoute) -> str:
    return ", ".join(METHODS[m] for m in r.methods) or "none"


def _billing(r: TuningRoute) -> str:
    factor = r.tuned_price_factor
    if r.serving == PER_TOKEN:
        if factor is None:
            return "Per token; the tuned rate was not in the pages read"
        return ("Per token, at the base model's price" if factor == 1 else
                f"Per token, at {factor:g}× the base model's price")
    tokens = "" if factor is None else f", plus tokens at {factor:g}× the base model's price"
    return f"On a dedicated deployment, billed for the time it runs, used or not{tokens}"


def _dates(r: TuningRoute) -> str:
    parts = []
    if r.jobs_until:
        parts.append(f"last day to start a job: {r.jobs_until}")
    if r.retires:
        ended = r.retires <= CHECKED
        parts.append(f"{'ended' if ended else 'retires'} {r.retires}"
                     f"{' or later' if r.retires_or_later and not ended else ''}")
    return "; ".join(parts).capitalize() or "None announced"


def _uncertain_notes(routes: Iterable[TuningRoute]) -> list[str]:
    """A list of every fact behind these routes that is short of sure, so a reader sees why."""
    by_fact: dict[Fact, list[str]] = {}
    for r in routes:
        for f in _route_facts(r):
            if f.confidence != "high":
                by_fact.setdefault(f, []).append(f"{r.family} on {_in_sentence(r.platform)}")
    notes = [f"- **{' and '.join(names)}**: {f.claim} ({CONFIDENCE_WORDS[f.confidence]}; "
             f"{_source(f.source)})" for f, names in by_fact.items()]
    return ["", "Where a source is less than sure:", "", *notes] if notes else []


def tuning_routes() -> str:
    """Who can tune what today: every route open on the checked date."""
    routes = [r for r in ROUTES if can_tune_today(r)]
    rows = [(f"**{r.family}**", r.platform, _methods(r), _billing(r),
             RESIDENCY_WORDS[r.residency].capitalize(), _dates(r), _sources(_route_facts(r)))
            for r in routes]
    header = ("Models", "Where", "Methods", "Tuned model served and billed", "Your data stays",
              "Dates", "Source")
    return "\n".join([_as_of("Where a model can be tuned") + ":", "", *_table(header, rows),
                      *_uncertain_notes(routes)])


def _closing(r: TuningRoute) -> bool:
    return not can_tune_today(r) or bool(r.jobs_until or r.retires)


def _status(r: TuningRoute) -> str:
    if r.access in ACCESS_WORDS:
        return ACCESS_WORDS[r.access]
    return "Open, closing" if can_tune_today(r) else "Ended"


def closed_routes() -> str:
    """Roads that are closed, or open with an announced end, with their dates."""
    order = {CLOSED: 0, EXISTING_CUSTOMERS: 1}
    routes = sorted((r for r in ROUTES if _closing(r)),
                    key=lambda r: (order.get(r.access, 2), r.jobs_until or r.retires or ""))
    rows = [(f"**{r.family}**", r.platform, _status(r), _dates(r),
             " ".join(f.claim for f in r.facts), _sources(r.facts)) for r in routes]
    header = ("Models", "Where", "Status", "Dates", "What the sources say", "Source")
    return "\n".join([_as_of("Tuning routes that are closed or have an announced end") + ":", "",
                      *_table(header, rows)])


def _model_name(key: str) -> str:
    model = next(m for m in prices.MODELS if m.key == key)
    return f"{model.provider} {model.model}"


def _factor(x: float) -> str:
    return f"{x:.2g}×"


def caching() -> str:
    """Each prompt-cache rule: what a cached read costs, a write, the minimum and the lifetime."""
    rows = []
    for rule in CACHE_RULES:
        models = [m for m in prices.MODELS if cache_rule(m.key) == rule and not retired(m.key)]
        if not models:
            continue
        reads = sorted({round(m.cached_input / m.input, 3) for m in models
                        if m.cached_input is not None})
        read = ("not listed" if not reads else _factor(reads[0]) if len(reads) == 1
                else f"{_factor(reads[0])} to {_factor(reads[-1])}")
        write = ("the input price" if rule.write_factor == 1 else
                 f"{rule.write_factor:g}× the input price")
        providers = ", ".join(dict.fromkeys(m.provider for m in models))
        rows.append((f"**{providers}**: " + ", ".join(m.model for m in models), read, write,
                     f"{rule.min_tokens:,} tokens", f"{rule.lifetime_minutes} minutes",
                     rule.fact.claim, _sources((rule.fact,))))
    header = ("Models", "Cached read, times the input price", "Cache write", "Shortest cached prompt",
              "Unused cache kept", "What the source says", "Source")
    dataset = (f"[dataset: {prices.DATASET_NAME} {prices.DATASET_VERSION}, {prices.PRICES_AS_OF}]"
               "(methodology.md#from-datasets){ .src }")
    intro = _as_of("How each vendor's prompt cache bills") + (
        f"; cached-read prices are the price table's ({dataset}), the rest the vendors' pages:")
    return "\n".join([intro, "", *_table(header, rows)])


def structured_outputs() -> str:
    """Which vendors hold a reply to a JSON schema: the first answer to a format gap."""
    rows = [(f"**{f.vendor}**", "Yes" if f.schema_enforced else "No", f.fact.claim,
             _sources((f.fact,))) for f in FORMAT_SUPPORT]
    header = ("Vendor", "Holds replies to a JSON schema", "What the source says", "Source")
    return "\n".join([_as_of("Which vendors hold a reply to a JSON schema") + ":", "", *_table(header, rows)])


def _when(day: str) -> str:
    if day <= CHECKED:
        return "passed"
    months = months_after(day)
    return f"in {months} month{'s' if months != 1 else ''}"


def retirements() -> str:
    """Announced retirements and price changes of the models a reader may answer with."""
    events: dict[tuple[Fact, str, str], list[str]] = {}
    for life in LIFECYCLES:
        if life.retires:
            what = "Retires, not before" if life.or_later else "Retires"
            events.setdefault((life.fact, what, life.retires), []).append(life.price_key)
        if life.price_change:
            events.setdefault((life.fact, "Price changes", life.price_change), []).append(life.price_key)
    rows = [(", ".join(_model_name(k) for k in keys), what, day, _when(day), fact.claim,
             _sources((fact,)))
            for (fact, what, day), keys in sorted(events.items(), key=lambda e: e[0][2])]
    header = ("Models", "Announced", "Date", f"From {CHECKED}", "What the source says", "Source")
    return "\n".join([_as_of("Announced retirements and price changes") + ":", "", *_table(header, rows)])


def _today_for(makers: tuple[str, ...]) -> tuple[str, tuple[Fact, ...]]:
    """Where these makers' models can be tuned today, and why not elsewhere, with the facts."""
    mine = [r for r in ROUTES if r.maker in makers]
    open_ = [r for r in mine if can_tune_today(r)]
    shut = [r for r in mine if not can_tune_today(r)]
    where = "; ".join(f"{r.family} on {_in_sentence(r.platform)}"
                      + (f" (last day to start a job: {r.jobs_until})" if r.jobs_until else "")
                      for r in open_) or "nowhere this site found"
    text = f"**Can be tuned**: {where}."
    if shut:
        text += " **Closed**: " + " ".join(f.claim for r in shut for f in r.facts)
    facts = tuple(f for r in (*open_, *shut) for f in r.facts)
    return text, facts


def can_i_tune() -> str:
    """The guide's March 2026 answer beside today's, maker by maker."""
    guide = f"[guide: {GUIDE_SECTION}]({_GUIDE_PAGE}){{ .src }}"
    rows = []
    for name, makers, said in GUIDE_SAID:
        today, facts = _today_for(makers)
        rows.append((f"**{name}**", said, today, _sources(facts)))
    header = ("Models", f"The guide, published {GUIDE.published}", f"As of {CHECKED}", "Source")
    intro = (f"What the guide said when it was published on {GUIDE.published} ({guide}), beside "
             + _as_of("what the vendors' own pages say") + ":")
    return "\n".join([intro, "", *_table(header, rows)])


def _facts_by_subject() -> dict[str, dict[Fact, list[str]]]:
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


def _listed_source(source: Source) -> str:
    stated = getattr(source, "stated", "")
    return _source(source, _GUIDE_ON_THIS_PAGE) + (f"; page: {stated}" if stated else "")


def all_facts_table() -> str:
    """Every vendor fact with its source, the day it was read and how sure it is: for methodology."""
    due = date.fromisoformat(CHECKED) + timedelta(days=STALE_AFTER_DAYS)
    levels = "; ".join(f"*{level}*: {means}" for level, means in CONFIDENCE_MEANS.items())
    lines = [f"Each fact below was read on its page on the date shown, and says how sure it is "
             f"({levels}). A scheduled check runs every month and fails once the facts are due "
             f"for re-reading ({due.isoformat()}), or as soon as a date listed here comes to pass "
             "while the site still offers what it ends. A maintainer then re-reads each page and "
             "updates the facts and their date; the pages, the advisor and the estimator all read "
             "them from the same place, so they change together."]
    for kind, facts in _facts_by_subject().items():
        rows = [("; ".join(dict.fromkeys(subjects)), fact.claim, _listed_source(fact.source),
                 CONFIDENCE_WORDS[fact.confidence]) for fact, subjects in facts.items()]
        anchor = "vendor-" + kind.lower().replace(" ", "-")
        lines += ["", f"### {kind} {{ #{anchor} }}", "", f"{kind}, as of {CHECKED}:", "",
                  *_table(("About", "Fact", "Source", "Confidence"), rows)]
    return "\n".join(lines)


def _in_sentence(text: str) -> str:
    """A name that may start a sentence, as it reads inside one ("your own hardware")."""
    return text[0].lower() + text[1:] if text.startswith("Your ") else text


BLOCKS: dict[str, Callable[[], str]] = {
    "tuning_routes": tuning_routes, "closed_routes": closed_routes, "caching": caching,
    "structured_outputs": structured_outputs, "retirements": retirements,
    "can_i_tune": can_i_tune, "all": all_facts_table,
}
