"""The notes under the cost table: what each figure rests on, in a sentence or two each."""

from __future__ import annotations

from ..kit.schema import format_number
from ..price_dataset import PRICE_DATASET
from ..vendors import CHECKED
from .approaches import IN_A_SENTENCE, LABELS, LONG_CONTEXT, RETRIEVES, TUNED, TUNES
from .estimate import CostEstimate
from .pricing import CUSTOM, TokenPrices
from .words import band_text, model_of, span, tokens, usd, weeks

_CAUSES = {"knowledge": "knowledge updates", "behaviour": "behaviour changes",
           "retirement": "forced moves to a successor model", "reembedding": "new embedding models"}


def price_list(p: TokenPrices) -> str:
    """"input 0.3, cached input 0.03, output 2.5 USD per million tokens"."""
    cached = f", cached input {format_number(p.cached_input)}" if p.cache_listed else ""
    return (f"input {format_number(p.input)}{cached}, output {format_number(p.output)} USD per "
            "million tokens")


def models_note(result: CostEstimate) -> str:
    """Which model answers, which is tuned and how it is billed."""
    a = result.answering
    text = (f"{model_of(result, 'answering')} answers: {price_list(a)}, from {PRICE_DATASET.detail}; "
            f"{_lifecycle(a)}.")
    if not set(result.costed) & TUNES:
        return text
    t = result.tuned
    if t.route == CUSTOM:
        return text + f" The tuned model's prices are yours: {price_list(t.prices)}."
    billing = []
    if t.factor is not None:
        times = "" if t.factor == 1 else f"{format_number(t.factor)} times "
        billing.append(f"{times}its base model's token price ({price_list(t.prices)})")
    if t.dedicated:
        billing.append(f"a dedicated endpoint at {usd(result.hosting_monthly)} a month, used or not")
    return text + f" The tuned model is {model_of(result, 'tuned')}, billed at " + " plus ".join(billing) + "."


def _lifecycle(p: TokenPrices) -> str:
    """"retires on 2027-07-21 or later" or "no retirement announced", as of the vendor facts."""
    if p.model == CUSTOM:
        return "a model you typed has no retirement date here"
    when = (f"retires on {p.retires}{' or later' if p.retires_or_later else ''}" if p.retires
            else "no retirement announced")
    return f"{when} (vendor facts checked {CHECKED})"


def retrieval_note(result: CostEstimate) -> str | None:
    """What retrieval costs and why, when an approach that retrieves is costed."""
    if not set(result.costed) & RETRIEVES:
        return None
    r = result.retrieval
    if not r.by_parts:
        return (f"Retrieval is costed by the guide's ranges: setup {span(r.setup.low, r.setup.high)}, "
                f"running {span(r.monthly.low, r.monthly.high)} a month, whatever the size of the collection.")
    return (f"Your {tokens(r.corpus_tokens)} of documents make {format_number(round(r.passages))} "
            f"passages: embedding them costs {usd(r.setup.low)}, the vector store "
            f"{usd(r.store_monthly)} a month, and retrieval runs {usd(r.monthly.low)} a month in "
            f"all with re-embedding changed documents and reranking. A new embedding model means "
            f"embedding everything again: {usd(r.reembed_each)} each time.")


def caching_note(result: CostEstimate) -> str | None:
    """Cache writes and what the cache saves, for the approaches whose opening is cached."""
    cached = [a for a in result.costed if result.usage[a].cached]
    if not cached:
        return "No prompt is long enough, or priced, for the provider's cache."
    rule = result.answering
    parts = [f"{LABELS[a]} saves {usd(result.usage[a].saving)} a month" for a in cached]
    text = ("Repeated prompt openings are read from the provider's cache: " + "; ".join(parts)
            + ".")
    if LONG_CONTEXT in cached:
        usage = result.usage[LONG_CONTEXT]
        text += (f" Long context writes its {tokens(result.prompt[LONG_CONTEXT].opening)} opening "
                 f"about {format_number(round(usage.cache_writes))} times a month (once a busy day "
                 f"and after each update), at {format_number(rule.write_factor)} times the input "
                 f"price; the cache lasts {rule.cache_minutes} minutes unused.")
    pinged = [a for a in cached if result.usage[a].warm_pings]
    if pinged:
        text += (f" Queries are too sparse to keep the cache warm alone: "
                 f"{format_number(round(result.usage[pinged[0]].warm_pings))} one-token requests "
                 "a month keep it warm, which is cheaper than writing it again.")
    return text


def training_note(result: CostEstimate) -> str | None:
    """Training runs: their price, and every retraining by cause."""
    tuned = [a for a in result.costed if a in TUNES]
    if not tuned:
        return None
    run = band_text(result.run_cost)
    if result.run_cost.low == result.run_cost.high:
        run += (f" ({format_number(result.training_tokens)} training tokens: examples x tokens "
                "x epochs)")
    text = f"A training run costs {run}."
    if TUNED in tuned and result.knowledge_training_tokens > result.training_tokens:
        text += (f" A tuned model alone must also read every document to hold their knowledge: "
                 f"{format_number(result.knowledge_training_tokens)} training tokens, "
                 f"{band_text(result.knowledge_run_cost)} a run.")
    for a in tuned:
        counts: dict[str, int] = {}
        for e in result.events:
            if e.approach == a:
                counts[e.cause] = counts.get(e.cause, 0) + e.count
        said = ", ".join(f"{n} for {_CAUSES[c]}" for c, n in counts.items() if c != "reembedding")
        text += (f" {LABELS[a]}: " + (f"retrained {said}." if said else "no retraining."))
    if TUNED in tuned and any(e.cause == "knowledge" for e in result.events):
        cost = sum(e.cost.low + e.cost.high for e in result.events if e.cause == "knowledge") / 2
        text += (f" Keeping changing knowledge in the weights costs {IN_A_SENTENCE[TUNED]} "
                 f"{usd(cost)} in runs; with retrieval an update is a document edit.")
    if result.jobs_end_month is not None and result.jobs_end_month <= result.horizon_months:
        text += (f" New training on this route ends in month {result.jobs_end_month}: later runs "
                 "need another route.")
    return text


def time_note(result: CostEstimate) -> str:
    w = result.weeks_to_production
    return "Weeks to production: " + "; ".join(
        f"{LABELS[a]} {band_text(w[a], weeks)}" for a in result.costed) + (
        ". Tuning on top of RAG follows the guide's path: RAG first, then tuning.")


def limits_note(result: CostEstimate) -> str | None:
    """Queries too long for the model's window, or long enough to pay a higher rate."""
    parts = [f"{LABELS[a]}: {tokens(result.prompt[a].sent)} and the answer do not fit the "
             "model's window." for a in result.over_window if a in result.costed]
    parts += [f"{LABELS[a]}: the prompt is long enough for the model's higher rate, which this "
              "estimate does not add." for a in result.past_higher_rate if a in result.costed]
    return " ".join(parts) or None
