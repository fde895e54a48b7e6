"""The estimate: which approaches can do the job, and what each costs over the horizon.

`compute` is a pure function of validated inputs. The plan starts in the month the vendor
facts were checked, so announced retirements fall in the right month of the horizon.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.schema import Value
from ..vendors import CHECKED, months_after, route
from . import timing
from .approaches import APPROACHES, LONG_CONTEXT, PROMPT, RAG, RETRIEVES, TUNED, TUNED_RAG, TUNES
from .plan import BANDS, Band, Event, Plan, Range, break_even_month, forced_moves, grouped, occurrences
from .pricing import CUSTOM, TokenPrices, TunedServing, listed_prices, tuned_serving, typed_prices
from .usage import TOKENS_PER_PRICE_UNIT, Prompt, Usage, monthly_usage

# Why an approach cannot do the job, or is not needed: the report words each key.
CANNOT_SEE_DOCUMENTS = "cannot_see_documents"
PROMPT_FALLS_SHORT = "prompt_falls_short"
DOES_NOT_FIT = "does_not_fit"
NO_CITATIONS = "no_citations"
FROZEN_KNOWLEDGE = "frozen_knowledge"
NOTHING_TO_ADD = "nothing_to_add"  # no documents: the same as another approach, not costed


@dataclass(frozen=True)
class Retrieval:
    """RAG's own costs, from its parts or the guide's range."""

    by_parts: bool
    corpus_tokens: float
    passages: float
    setup: Range  # first embeddings, or the guide's setup range
    monthly: Range  # store, re-embedding of updates, reranking; or the guide's monthly range
    store_monthly: float
    reembed_each: float  # embedding every document again, USD


@dataclass(frozen=True)
class Retirement:
    """A model the plan depends on that retires inside the horizon, or has a price change."""

    model: str  # "answering" or "tuned": which of the plan's models
    approaches: tuple[str, ...]
    date: str
    or_later: bool
    month: int  # the plan's month it falls in (month 1 is the first month)
    kind: str  # "retires" or "price"


@dataclass(frozen=True)
class CostEstimate:
    """Every approach's fit, costs and time over the horizon, as data."""

    horizon_months: int
    starts: str  # the plan's first month, YYYY-MM
    answering: TokenPrices
    tuned: TunedServing
    like_for_like: bool  # the tuned model is the answering model
    fit: dict[str, str]  # approach -> "" when it can do the job, else why not
    costed: tuple[str, ...]  # the approaches that can do the job, in table order
    cheapest: str
    runner_up: str | None
    overlap: bool  # the cheapest's range overlaps the runner-up's
    one_time: dict[str, Band]
    monthly: dict[str, Band]  # average a month over the horizon, events included
    total: dict[str, Band]
    per_1000_queries: dict[str, Band] | None
    usage: dict[str, Usage]  # a month of tokens, per approach
    prompt: dict[str, Prompt]
    retrieval: Retrieval
    hosting_monthly: float  # the tuned model's dedicated endpoint, USD a month
    run_cost: Band  # one training run
    training_tokens: int
    knowledge_run_cost: Band  # one run of a tuned model that holds the documents
    knowledge_training_tokens: int
    events: tuple[Event, ...]
    retirements: tuple[Retirement, ...]
    jobs_end_month: int | None  # new training on the tuned route ends in this month
    over_window: tuple[str, ...]
    past_higher_rate: tuple[str, ...]
    break_even: dict[str, int | None]  # tuned approach -> month it catches the cheapest untuned
    untuned_reference: str | None  # the cheapest untuned approach, for break_even
    weeks_to_production: dict[str, Band]
    cumulative: dict[str, dict[str, tuple[float, ...]]]


def compute(values: dict[str, Value]) -> CostEstimate:
    """Cost every approach that can do the job; a pure function of the validated inputs."""
    v = _Inputs(values)
    fit = _fit(v)
    costed = tuple(a for a in APPROACHES if not fit[a])
    usage = {a: v.usage(a) for a in APPROACHES}
    plans = {a: _plan(v, a, usage[a].usd) for a in costed}
    horizon = v.horizon
    cumulative = {a: {b: plans[a].series(horizon, b) for b in BANDS} for a in costed}
    total = {a: Band.of([cumulative[a][b][-1] for b in BANDS]) for a in costed}
    one_time = {a: Band.of([cumulative[a][b][0] for b in BANDS]) for a in costed}
    monthly = {a: Band.of([(cumulative[a][b][-1] - cumulative[a][b][0]) / horizon for b in BANDS])
               for a in costed}
    queries = v.queries * horizon
    per_1000 = None if queries == 0 else {
        a: Band.of([cumulative[a][b][-1] / queries * 1000 for b in BANDS]) for a in costed}
    ranked = sorted(costed, key=lambda a: (total[a].typical, APPROACHES.index(a)))
    cheapest, runner_up = ranked[0], (ranked[1] if len(ranked) > 1 else None)
    untuned = [a for a in ranked if a not in TUNES]
    reference = untuned[0] if untuned else None
    typical = {a: cumulative[a]["typical"] for a in costed}
    over, higher = _limits(v)
    return CostEstimate(
        horizon_months=horizon, starts=CHECKED[:7], answering=v.answering, tuned=v.tuned,
        like_for_like=v.tuned.base_model == v.answering.model and v.answering.model != CUSTOM,
        fit=fit, costed=costed, cheapest=cheapest, runner_up=runner_up,
        overlap=runner_up is not None and total[runner_up].low < total[cheapest].high,
        one_time=one_time, monthly=monthly, total=total, per_1000_queries=per_1000,
        usage=usage, prompt={a: v.prompt(a) for a in APPROACHES},
        retrieval=v.retrieval, hosting_monthly=v.hosting_monthly,
        run_cost=Band.of([v.run.at(b) for b in BANDS]), training_tokens=v.training_tokens,
        knowledge_run_cost=Band.of([v.knowledge_run.at(b) for b in BANDS]),
        knowledge_training_tokens=v.knowledge_training_tokens,
        events=tuple(e for a in costed for e in plans[a].events if e.month <= horizon),
        retirements=_retirements(v, costed), jobs_end_month=v.jobs_end_month,
        over_window=over, past_higher_rate=higher,
        break_even={a: (break_even_month(typical[a], typical[reference]) if reference else None)
                    for a in costed if a in TUNES},
        untuned_reference=reference,
        weeks_to_production=timing.weeks_to_production(
            Range(*v.pair("rag_weeks")), Range(*v.pair("ft_weeks"))),
        cumulative=cumulative,
    )


class _Inputs:
    """The validated values, read once into the quantities the plans use."""

    def __init__(self, values: dict[str, Value]) -> None:
        self.values = values
        self.horizon = int(values["horizon"])
        self.queries = float(values["queries"])
        self.documents = int(values["documents"])
        self.corpus_tokens = self.documents * float(values["document_tokens"])
        self.updates = float(values["updates"]) if self.documents else 0.0
        self.busy_hours = float(values["busy_hours"])
        self.answering = (typed_prices(*(self.number(f"custom_{k}_price")
                                         for k in ("input", "cached", "output")))
                          if values["model"] == CUSTOM else listed_prices(str(values["model"])))
        tuned_input = self.number("custom_tuned_input_price")
        self.tuned = tuned_serving(str(values["tuned_model"]), typed_prices(
            tuned_input, tuned_input, self.number("custom_tuned_output_price")))
        self.training_tokens = (int(values["examples"]) * int(values["example_tokens"])
                                * int(values["epochs"]))
        self.run = self._run(self.training_tokens)
        # A tuned model that holds the documents' knowledge must at least read them all, each
        # epoch: its training set grows with the documents.
        self.knowledge_training_tokens = max(
            self.training_tokens, int(self.corpus_tokens) * int(values["epochs"]))
        self.knowledge_run = self._run(self.knowledge_training_tokens)
        self.runs_per_version = int(values["ft_first_runs"])
        self.evaluation = self.number("evaluation")
        self.hosting_monthly = (self.number("dedicated_rate") * self.number("dedicated_hours")
                                if self.tuned.dedicated else 0.0)
        self.retrieval = self._retrieval()
        self.jobs_end_month = self._jobs_end_month()

    def _run(self, training_tokens: int) -> Range:
        """One training run: the guide's range, or its tokens at the training price."""
        if self.values["training_cost"] == "guide":
            return Range(*self.pair("ft_run"))
        return Range.point(training_tokens * self.number("training_price") / TOKENS_PER_PRICE_UNIT)

    def number(self, name: str) -> float:
        return float(self.values[name])

    def pair(self, name: str) -> tuple[float, float]:
        return self.number(f"{name}_low"), self.number(f"{name}_high")

    def prompt(self, approach: str) -> Prompt:
        """One query's tokens for an approach: tuned models take their own short prompt."""
        opening = self.number("tuned_prompt_tokens" if approach in TUNES else "prompt_tokens")
        if approach == LONG_CONTEXT:
            opening += self.corpus_tokens
        rest = self.number("question_tokens")
        if approach in RETRIEVES:
            rest += self.number("context_tokens")
        return Prompt(opening, rest, self.number("answer_tokens"))

    def usage(self, approach: str) -> Usage:
        prices = self.tuned.prices if approach in TUNES else self.answering
        rewrites = self.updates if approach == LONG_CONTEXT else 0.0
        return monthly_usage(self.prompt(approach), self.queries, prices, self.busy_hours, rewrites)

    def _retrieval(self) -> Retrieval:
        price = self.number("embedding_price") / TOKENS_PER_PRICE_UNIT
        passages = self.corpus_tokens / self.number("chunk_tokens")
        store = self.number("vector_store_base") + passages / 1e6 * self.number("vector_store_per_million")
        reembed = self.corpus_tokens * price
        if self.values["rag_costing"] == "guide":
            return Retrieval(False, self.corpus_tokens, passages, Range(*self.pair("rag_setup")),
                             Range(*self.pair("rag_monthly")), store, 0.0)
        changed = self.updates * self.number("changed_share") / 100 * reembed
        rerank = self.queries / 1000 * self.number("rerank_price")
        return Retrieval(True, self.corpus_tokens, passages, Range.point(reembed),
                         Range.point(store + changed + rerank), store, reembed)

    def _jobs_end_month(self) -> int | None:
        if self.tuned.route == CUSTOM:
            return None
        until = route(self.tuned.route).jobs_until
        return months_after(until) if until else None


def _fit(v: _Inputs) -> dict[str, str]:
    """For each approach, "" when it can do the job, else the reason it cannot or is not needed."""
    knows = v.documents > 0
    falls_short = v.values["prompt_reach"] == "no"
    cites = v.values["citations"] == "yes" and knows
    window = v.answering.context_window
    lc = v.prompt(LONG_CONTEXT)
    return {
        PROMPT: CANNOT_SEE_DOCUMENTS if knows else PROMPT_FALLS_SHORT if falls_short else "",
        LONG_CONTEXT: (NOTHING_TO_ADD if not knows else PROMPT_FALLS_SHORT if falls_short
                       else DOES_NOT_FIT if window is not None and lc.sent + lc.answer > window
                       else ""),
        RAG: NOTHING_TO_ADD if not knows else PROMPT_FALLS_SHORT if falls_short else "",
        TUNED: (NO_CITATIONS if cites else FROZEN_KNOWLEDGE
                if knows and v.updates > 0 and v.values["tuned_knowledge"] == "cannot" else ""),
        TUNED_RAG: NOTHING_TO_ADD if not knows else "",
    }


def _plan(v: _Inputs, approach: str, tokens: float) -> Plan:
    """One approach's one-time cost, monthly bill (`tokens` USD of it for tokens) and events."""
    horizon, evaluation = v.horizon, Range.point(v.evaluation)
    one_time = [evaluation]
    monthly = Range.point(tokens)
    events: list[Event] = []
    if approach in RETRIEVES:
        r = v.retrieval
        one_time.append(r.setup)
        monthly = Range(monthly.low + r.monthly.low, monthly.high + r.monthly.high)
        every = int(v.number("reembed_months"))
        if r.by_parts and every and r.reembed_each:
            events += grouped(list(range(every, horizon + 1, every)), approach, "reembedding",
                              Range.point(r.reembed_each))
    if approach in TUNES:
        run = v.knowledge_run if approach == TUNED and v.documents else v.run
        runs = Range(run.low * v.runs_per_version, run.high * v.runs_per_version)
        data_prep = Range(*v.pair("ft_data_prep"))
        one_time += [data_prep, runs]
        monthly = Range(monthly.low + v.hosting_monthly, monthly.high + v.hosting_monthly)
        # New behaviour or new facts need new examples written, runs, and a check before release;
        # a move to a successor base model reuses the examples.
        relearn = _sum(data_prep, runs, evaluation)
        behaviour = occurrences(horizon, v.number("behaviour_changes") / 12)
        events += grouped(behaviour, approach, "behaviour", relearn)
        if approach == TUNED and v.documents and v.values["tuned_knowledge"] == "retrain":
            events += grouped(occurrences(horizon, v.updates), approach, "knowledge", relearn)
        move = _sum(runs, evaluation)
        retires = v.tuned.prices.retires
    else:
        move = evaluation
        retires = v.answering.retires
    first = months_after(retires) if retires else None
    events += grouped(forced_moves(horizon, first, int(v.number("model_life"))), approach,
                      "retirement", move)
    return Plan(_sum(*one_time), monthly, tuple(events))


def _sum(*ranges: Range) -> Range:
    return Range(sum(r.low for r in ranges), sum(r.high for r in ranges))


def _limits(v: _Inputs) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Approaches whose query overflows the model's window, and whose prompt pays a higher rate."""
    over, higher = [], []
    for a in APPROACHES:
        prices = v.tuned.prices if a in TUNES else v.answering
        p = v.prompt(a)
        if a != LONG_CONTEXT and prices.context_window and p.sent + p.answer > prices.context_window:
            over.append(a)
        if prices.higher_price_above and p.sent > prices.higher_price_above:
            higher.append(a)
    return tuple(over), tuple(higher)


def _retirements(v: _Inputs, costed: tuple[str, ...]) -> tuple[Retirement, ...]:
    """Announced retirements and price changes that fall inside the horizon."""
    out = []
    untuned = tuple(a for a in costed if a not in TUNES)
    tuned = tuple(a for a in costed if a in TUNES)
    for which, prices, users in (("answering", v.answering, untuned),
                                 ("tuned", v.tuned.prices, tuned)):
        for day, kind, later in ((prices.retires, "retires", prices.retires_or_later),
                                 (prices.price_change, "price", False)):
            if day and users and months_after(day) <= v.horizon:
                out.append(Retirement(which, users, day, later, max(months_after(day), 1), kind))
    return tuple(out)
