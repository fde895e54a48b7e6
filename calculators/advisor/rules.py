"""The decision advisor's rules as data: what the five questions lead to, and why.

Each rule pairs its condition in plain words with the predicate that tests it, and says
what it adds to the advice, which guide section explains it and where it comes from.
`advisor.compute` walks the table; the methodology page prints the same table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..figures import NOISY_COUNT, PROMPTING_SHARE_PERCENT, REVIEWED_COUNT, STYLE, TASK, TRAINING_DATA
from ..kit.provenance import Guide, Judgement, Source
from ..kit.report import Cell, Table
from .facts import (FINE_TUNING, FINE_TUNING_PAGE, FT_RAG, FT_RAG_PAGE, LARGE_CORPUS,
                    LARGE_CORPUS_DOCUMENTS, PAGE_NAMES, PROMPTS, PROMPTS_PAGE, RAG, RAG_PAGE,
                    RETRAINING_COST, RETRIEVAL_LATENCY_MS, RETRIEVER, RETRIEVER_PAGE, ROUTER,
                    ROUTER_PAGE, TUNABLE_VENDORS, UNDECIDED, VENDORS_SOURCE, Facts, Outcome,
                    examples_needed)

@dataclass(frozen=True)
class Rule:
    """One rule: when it applies (words and predicate), what it adds, where the guide says so.

    kind is "decides" (the first such rule that holds picks the outcome), "reason" (explains
    the outcome) or "warning" (answers that conflict, or a plan that cannot work as stated).
    A deciding rule's test runs before there is an outcome and must not look at it.
    """

    id: str
    kind: str
    when: str
    then: str
    page: str  # the site page that explains it, relative to the advisor's page
    test: Callable[[Facts, Outcome], bool]
    outcome: Outcome | None = None
    detail: Callable[[Facts, Outcome], str] | None = None
    source: Source = field(kw_only=True)  # where the rule comes from; always stated


def _few_examples_detail(f: Facts, o: Outcome) -> str:
    need = examples_needed(f, o)
    text = f"You have {f.examples:,}; this needs at least {need.low:,}."
    if f.curated and need is TASK and f.examples >= REVIEWED_COUNT:
        text += (f" As they are reviewed, a first run is a fair test: {REVIEWED_COUNT} reviewed "
                 f"examples tend to beat {NOISY_COUNT:,} noisy ones.")
    return text


# The site's own readings, where the guide names a pattern but not when to use it.
NOTHING_NEEDED = Judgement("The guide's questions all answer no here; the advisor reads its "
                           "advice to try prompting first as the place to start.")
ROUTER_READING = Judgement("The guide says a small tuned router keeps simple queries cheap; the "
                           "advisor uses it when a narrow task meets high query volume.")
RETRIEVER_READING = Judgement("The guide calls retrieval quality the usual bottleneck and a tuned "
                              "retriever often the best return; the advisor uses it when a narrow "
                              "task needs retrieval.")
SEPARATE_MODEL = Judgement("The guide does not cover this case; a tuned retriever or router is a "
                           "separate model, so the answering model's vendor need not tune.")
CITATIONS_NEED_DOCUMENTS = Judgement("A citation needs a document to point at, so the advisor "
                                     "flags citations asked for without a knowledge base.")

_LOW, _HIGH = RETRIEVAL_LATENCY_MS
DECIDING = (
    Rule("prompts-before-tuning", "decides",
         "Behaviour must change, nothing needs retrieving, and prompting with few-shot examples "
         "has not been tried",
         f"Try prompting first: a good system prompt with few-shot examples gets about "
         f"{PROMPTING_SHARE_PERCENT}% of what fine-tuning gives for style and format, at no cost.",
         PROMPTS_PAGE, lambda f, o: f.behaviour and not f.retrieval_needed and not f.prompting,
         PROMPTS,
         source=Guide("Decision framework")),
    Rule("nothing-to-add", "decides",
         "No specific knowledge, no citations and no change of behaviour are needed",
         "Nothing calls for retrieval or tuning: a base model with a good prompt is the place to start.",
         PROMPTS_PAGE, lambda f, o: not f.behaviour and not f.retrieval_needed, PROMPTS,
         source=NOTHING_NEEDED),
    Rule("behaviour-only", "decides",
         "Behaviour must change, prompting has been tried, and nothing needs retrieving",
         "Fine-tune: only training changes how the model behaves by default.",
         FINE_TUNING_PAGE, lambda f, o: f.behaviour and not f.retrieval_needed, FINE_TUNING,
         source=Guide("Decision framework")),
    Rule("knowledge-only", "decides",
         "Knowledge or citations are needed and behaviour need not change",
         "Use RAG: the base model behaves well enough and only needs the right documents.",
         RAG_PAGE, lambda f, o: f.retrieval_needed and not f.behaviour, RAG,
         source=Guide("Decision framework")),
    Rule("rag-before-tuning", "decides",
         "Knowledge and behaviour are both needed, but prompting has not been tried",
         "Start with RAG and a better prompt; add fine-tuning only once RAG works and prompting "
         "leaves specific gaps in behaviour.",
         RAG_PAGE, lambda f, o: f.both and not f.prompting, RAG,
         source=Guide("Decision framework")),
    Rule("both-knowledge-and-behaviour", "decides",
         "Knowledge is needed, and tone, style, format or reasoning must change though prompting "
         "has been tried",
         "Tune the model for how it reasons and writes, and let retrieval supply the knowledge.",
         FT_RAG_PAGE, lambda f, o: f.both and (f.tone or f.reasoning), FT_RAG,
         source=Guide("Decision framework")),
    Rule("accuracy-at-volume", "decides",
         "Knowledge is needed, a narrow task needs high accuracy, and query volume is high",
         "Route with a small tuned model: it sorts queries cheaply and sends each to the right "
         "pipeline, so simple queries stay cheap and complex ones get the best treatment.",
         ROUTER_PAGE, lambda f, o: f.both and f.accuracy and f.high_volume, ROUTER,
         source=ROUTER_READING),
    Rule("accuracy-with-retrieval", "decides",
         "Knowledge is needed and a narrow task needs high accuracy",
         "Tune the retriever: with retrieval in place, accuracy depends most on fetching the right "
         "documents, so tuning the embedding model on your domain is often the best return.",
         RETRIEVER_PAGE, lambda f, o: f.both and f.accuracy, RETRIEVER,
         source=RETRIEVER_READING),
)

REASONS = (
    Rule("q1-current-knowledge", "reason", "The model needs specific, current information",
         "Retrieval puts that information into the prompt at query time; the weights stay as they are.",
         RAG_PAGE, lambda f, o: f.knowledge and o.retrieval,
         source=Guide("Decision framework")),
    Rule("q3-frequent-change", "reason", "That knowledge changes more than once a month",
         f"Editing a document takes minutes; retraining takes {RETRAINING_COST}.",
         RAG_PAGE, lambda f, o: f.knowledge and f.frequent_change and o.retrieval,
         source=Guide("Decision framework")),
    Rule("q4-citations", "reason", "Answers must cite their sources",
         "With retrieval you know which documents an answer drew on; a tuned model cannot say "
         "where its knowledge came from.",
         RAG_PAGE, lambda f, o: f.citations and o.retrieval,
         source=Guide("When RAG fits")),
    Rule("large-corpus", "reason",
         f"The knowledge base holds {LARGE_CORPUS_DOCUMENTS:,} documents or more",
         "A retrieval index grows with the corpus without surprises in quality.",
         RAG_PAGE, lambda f, o: f.documents >= LARGE_CORPUS_DOCUMENTS and o.retrieval,
         source=LARGE_CORPUS),
    Rule("access-control", "reason", "Different users may see different documents",
         "Retrieval can filter documents by their metadata for each user at query time.",
         RAG_PAGE, lambda f, o: f.access and o.retrieval,
         source=Guide("When RAG fits")),
    Rule("q2-tone", "reason", "Tone, style or output format must change",
         "Fine-tuning changes how the model writes; retrieval only supplies information.",
         FINE_TUNING_PAGE, lambda f, o: f.tone and o.tunes_model,
         source=Guide("When fine-tuning fits")),
    Rule("q2-reasoning", "reason", "The model must reason like a specialist in your domain",
         "Training on expert examples teaches a reasoning pattern that a prompt only hints at.",
         FINE_TUNING_PAGE, lambda f, o: f.reasoning and o.tunes_model,
         source=Guide("When fine-tuning fits")),
    Rule("q2-accuracy", "reason", "A narrow task (classifying, extracting, scoring) must be right "
         "almost every time", "A model tuned on that one task handles it more consistently.",
         FINE_TUNING_PAGE, lambda f, o: f.accuracy and o.tunes_model,
         source=Guide("When fine-tuning fits")),
    Rule("realtime-without-retrieval", "reason", "There is a hard real-time latency budget",
         f"A tuned model answers without a retrieval step, which saves {_LOW}-{_HIGH} ms a request.",
         FINE_TUNING_PAGE, lambda f, o: f.realtime and o.tunes_model and not o.retrieval,
         source=Guide("When fine-tuning fits")),
    Rule("cost-at-scale", "reason", "Query volume is high and the task is narrow",
         "On a narrow task a small tuned model can match a large general one at a much lower "
         "cost per token.",
         FINE_TUNING_PAGE, lambda f, o: f.high_volume and f.accuracy and o is FINE_TUNING,
         source=Guide("When fine-tuning fits")),
    Rule("vendor-not-decided", "reason", "The model provider is not decided yet",
         f"Pick one that offers fine-tuning. {TUNABLE_VENDORS}. Anthropic offers no fine-tuning "
         f"for Claude models (as of the 2026-03 source).",
         FINE_TUNING_PAGE, lambda f, o: f.provider == "undecided" and o.tunes_model,
         source=VENDORS_SOURCE),
    Rule("tuned-part-is-separate", "reason", "The provider does not fine-tune its models",
         "That need not stop this plan: the tuned model here is a separate, smaller one, and the "
         "provider's model still writes the answers.",
         RETRIEVER_PAGE, lambda f, o: f.provider == "anthropic" and o in (RETRIEVER, ROUTER),
         source=SEPARATE_MODEL),
)

WARNINGS = (
    Rule("too-few-examples", "warning", "Some model is fine-tuned, with fewer examples than the minimum",
         f"Fine-tuning needs good examples: at least {STYLE.low}-{STYLE.high} to adapt style, and "
         f"{TASK.low:,}-{TASK.high:,} for dependable results on a task.",
         FINE_TUNING_PAGE,
         lambda f, o: o.tunes_any and f.examples < examples_needed(f, o).low,
         detail=_few_examples_detail,
         source=TRAINING_DATA),
    Rule("unreviewed-examples", "warning", "Some model is fine-tuned on examples nobody reviewed",
         f"Poor examples make a tuned model worse: {REVIEWED_COUNT} reviewed examples tend to beat "
         f"{NOISY_COUNT:,} noisy ones. Review them before training.",
         FINE_TUNING_PAGE, lambda f, o: o.tunes_any and not f.curated,
         source=TRAINING_DATA),
    Rule("vendor-cannot-tune", "warning", "The answering model is fine-tuned, but its provider "
         "offers no fine-tuning",
         f"Anthropic offers no fine-tuning for Claude models (as of the 2026-03 source). "
         f"{TUNABLE_VENDORS}.",
         FINE_TUNING_PAGE,
         lambda f, o: o.tunes_model and f.provider == "anthropic",
         source=VENDORS_SOURCE),
    Rule("citations-without-knowledge", "warning",
         "Citations are required, yet the model needs no specific knowledge",
         "A citation points at a retrieved document, so the advice keeps retrieval; without a "
         "knowledge base there is nothing to cite.",
         RAG_PAGE, lambda f, o: f.citations and not f.knowledge,
         source=CITATIONS_NEED_DOCUMENTS),
    Rule("frequent-change-tuning-only", "warning",
         "Knowledge changes weekly or daily, and the plan has fine-tuning without retrieval",
         f"Facts learnt in training freeze there: each change means retraining, at {RETRAINING_COST}. "
         "Keep changing facts in documents and retrieve them.",
         RAG_PAGE, lambda f, o: f.frequent_change and o.tunes_model and not o.retrieval,
         source=Guide("Fine-tuning limitations")),
    Rule("realtime-with-retrieval", "warning", "There is a hard real-time budget, and the plan "
         "retrieves documents",
         f"Retrieval adds {_LOW}-{_HIGH} ms to each request: check that it fits the budget.",
         RAG_PAGE, lambda f, o: f.realtime and o.retrieval,
         source=Guide("RAG limitations")),
)

RULES = DECIDING + REASONS + WARNINGS


def decide(facts: Facts) -> Rule:
    """The deciding rule that holds first; the table covers every combination of answers."""
    for rule in DECIDING:
        if rule.test(facts, UNDECIDED):
            return rule
    raise AssertionError("the deciding rules do not cover these answers")


def rules_table() -> Table:
    """Every rule in the order compute walks them, with its source, for the methodology page."""
    kinds = {"decides": "Decides", "reason": "Reason", "warning": "Warning"}
    rows = tuple(
        (r.id, kinds[r.kind], r.when,
         (f"Answer: {r.outcome.title}. " if r.outcome else "") + r.then,
         Cell(PAGE_NAMES[r.page], href=r.page), r.source.kind, r.source.detail)
        for r in RULES)
    return Table(header=("Rule", "Kind", "When", "Then", "Explained in", "Source", "Detail"),
                 rows=rows, css_class="calc-rules",
                 caption="Deciding rules are tried in order and the first that holds gives the "
                         "answer; every reason and warning that holds is shown with it.")
