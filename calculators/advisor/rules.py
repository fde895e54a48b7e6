"""The decision advisor's rules as data: when each applies, what it adds, and whose it is.

Deciding rules are tried in order and the first that holds picks the outcome; every reason
and warning that holds is shown with it. Each rule names its provenance: the guide, with
the section it comes from, or this site's judgement, with its reason. `compute` walks the
table, the methodology page prints it, and the decision page's outcome list is written from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..figures import NOISY_COUNT, PROMPTING_SHARE_PERCENT, REVIEWED_COUNT, STYLE, TASK, TRAINING_DATA
from ..guide import Guide
from ..kit.provenance import Judgement, Source
from ..kit.report import Cell, Table
from .facts import (CONTEXT_PAGE, FINE_TUNING, FINE_TUNING_PAGE, FT_RAG, FT_RAG_PAGE, LARGE_CORPUS,
                    LARGE_CORPUS_DOCUMENTS, LONG_CONTEXT, LONG_CONTEXT_PAGE, PAGE_NAMES, PROMPTS,
                    PROMPTS_PAGE, RAG, RAG_PAGE, RETRAINING_COST, RETRIEVAL_LATENCY_MS, RETRIEVER, RETRIEVER_PAGE,
                    ROUTER, ROUTER_PAGE, SMALL_KNOWLEDGE_DOCUMENTS, TUNABLE_VENDORS, UNDECIDED,
                    VENDORS_SOURCE, Facts, Outcome, examples_needed)

_LOW, _HIGH = RETRIEVAL_LATENCY_MS


@dataclass(frozen=True)
class Rule:
    """One rule: when it applies (words and predicate), what it adds, and whose rule it is.

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
    short: str = field(default="", kw_only=True)  # a deciding rule's reason in a few words


def _few_examples_detail(f: Facts, o: Outcome) -> str:
    need = examples_needed(f, o)
    text = f"You have {f.examples:,}; this needs at least {need.low:,}."
    if f.curated and need is TASK and f.examples >= REVIEWED_COUNT:
        text += (f" As they are reviewed, a first run is a fair test: {REVIEWED_COUNT} reviewed "
                 f"examples tend to beat {NOISY_COUNT:,} noisy ones.")
    return text


_FRAMEWORK = Guide("The Decision Framework")
_PATTERNS = Guide("The Best Approach: Combining RAG and Fine-Tuning")
_RAG_FITS = Guide("When RAG Is the Right Choice")
_TUNING_FITS = Guide("When Fine-Tuning Is the Right Choice")
# The site's own readings, where the guide gives no rule.
NOTHING_NEEDED = Judgement("The guide gives no outcome when every question is answered no; its "
                           "first step, a better prompt, is where the advisor stops.")
FITS_IN_PROMPT = Judgement(
    "The guide does not weigh this option; a handful of documents fits in the long context "
    "windows current models offer, and then the prompt does retrieval's job with fewer parts.")

DECIDING = (
    Rule("nothing-to-add", "decides",
         "No to Q1, Q2 and Q4: no specific knowledge, no citations and no change of behaviour",
         "Nothing calls for retrieval or tuning: a base model with a good prompt is the place to "
         "start.",
         PROMPTS_PAGE, lambda f, o: not f.behaviour and not f.retrieval_needed, PROMPTS,
         source=NOTHING_NEEDED, short="nothing to retrieve or tune"),
    Rule("prompts-before-tuning", "decides",
         "A yes to Q2 only, and a good prompt with few-shot examples has not been tried",
         f"Try the prompt first: for style and format, a good system prompt with a few worked "
         f"examples gets about {PROMPTING_SHARE_PERCENT}% of what fine-tuning gives, at no cost.",
         PROMPTS_PAGE, lambda f, o: f.behaviour and not f.retrieval_needed and not f.prompting,
         PROMPTS, source=_FRAMEWORK, short="a good prompt comes before tuning"),
    Rule("behaviour-only", "decides",
         "A yes to Q2 only, and a good prompt has been tried",
         "Fine-tune: training is what changes how the model behaves by default.",
         FINE_TUNING_PAGE, lambda f, o: f.behaviour and not f.retrieval_needed, FINE_TUNING,
         source=_FRAMEWORK, short="only behaviour, and a prompt fell short"),
    Rule("knowledge-fits-in-prompt", "decides",
         f"A yes to Q1 for 1 to {SMALL_KNOWLEDGE_DOCUMENTS} documents that every user may see, a no "
         "to Q3 and Q4, and nothing to tune yet (a no to Q2, or no good prompt tried)",
         "Put the documents in the prompt: a long context window holds them whole, so a retrieval "
         "pipeline would add moving parts without reaching anything more.",
         LONG_CONTEXT_PAGE,
         lambda f, o: (f.knowledge and f.fits_in_prompt and not f.frequent_change
                       and not f.citations and not f.access and not (f.behaviour and f.prompting)),
         LONG_CONTEXT, source=FITS_IN_PROMPT, short="a few stable documents fit the prompt"),
    Rule("rag-before-tuning", "decides",
         "A yes to Q5 (Q1 or Q4, and Q2), but a good prompt has not been tried",
         "Start with RAG and a better prompt; add fine-tuning once RAG works and the prompt still "
         "leaves specific gaps in behaviour.",
         RAG_PAGE, lambda f, o: f.both and not f.prompting, RAG,
         source=_FRAMEWORK, short="RAG and a prompt come before tuning"),
    Rule("knowledge-and-behaviour", "decides",
         "A yes to Q5 (Q1 or Q4, and Q2), and a good prompt has been tried",
         "Tune the model for how it reasons, writes or decides, and let retrieval supply what it "
         "needs to know.",
         FT_RAG_PAGE, lambda f, o: f.both, FT_RAG,
         source=_FRAMEWORK, short="knowledge and behaviour are both needed"),
    Rule("search-misses-domain-words", "decides",
         "A yes to Q1 or Q4, a no to Q2, and standard search misses the domain's words",
         "Tune the retriever: train the embedding model on your own documents so that their terms, "
         "abbreviations and codes find the right passages. The answering model stays as it is.",
         RETRIEVER_PAGE, lambda f, o: f.retrieval_needed and not f.behaviour and f.vocabulary,
         RETRIEVER, source=_PATTERNS, short="search misses the domain's words"),
    Rule("mixed-traffic-at-volume", "decides",
         "A yes to Q1 or Q4, a no to Q2, and heavy traffic mixes many simple queries with a few "
         "hard ones",
         "Put a small tuned model in front: it sorts each query, sends the simple ones down a cheap "
         "path and saves the best pipeline for the hard ones.",
         ROUTER_PAGE, lambda f, o: f.retrieval_needed and not f.behaviour and f.mixed_traffic,
         ROUTER, source=_PATTERNS, short="many simple queries and a few hard ones"),
    Rule("knowledge-only", "decides",
         "A yes to Q1 or Q4, and a no to Q2",
         "Use RAG: the base model behaves well enough and only needs the right documents.",
         RAG_PAGE, lambda f, o: f.retrieval_needed and not f.behaviour, RAG,
         source=_FRAMEWORK, short="only knowledge is missing"),
)

REASONS = (
    Rule("q1-current-knowledge", "reason", "The model needs specific, current information",
         "Retrieval puts it into the prompt at query time; the model's weights stay as they are.",
         RAG_PAGE, lambda f, o: f.knowledge and o.retrieval,
         source=_FRAMEWORK),
    Rule("q3-frequent-change", "reason", "That knowledge changes more than once a month",
         f"Editing a document takes minutes; retraining takes {RETRAINING_COST}.",
         RAG_PAGE, lambda f, o: f.knowledge and f.frequent_change and o.retrieval,
         source=_RAG_FITS),
    Rule("q4-citations", "reason", "Answers must cite their sources",
         "With retrieval you know which documents an answer drew on; a tuned model cannot say "
         "where its knowledge came from.",
         RAG_PAGE, lambda f, o: f.citations and o.retrieval,
         source=_RAG_FITS),
    Rule("large-corpus", "reason",
         f"The knowledge base holds {LARGE_CORPUS_DOCUMENTS:,} documents or more",
         "A retrieval index grows with the corpus and keeps its performance predictable.",
         RAG_PAGE, lambda f, o: f.documents >= LARGE_CORPUS_DOCUMENTS and o.retrieval,
         source=LARGE_CORPUS),
    Rule("access-control", "reason", "Different users may see different documents",
         "Retrieval can filter documents by their metadata for each user at query time.",
         RAG_PAGE, lambda f, o: f.access and o.retrieval,
         source=_RAG_FITS),
    Rule("retrieval-is-the-bottleneck", "reason",
         "Every answer rests on the passages retrieval finds",
         "A wrong passage gives a wrong answer whatever model reads it, so a better retriever lifts "
         "every answer; that is why tuning it often pays back best.",
         RETRIEVER_PAGE, lambda f, o: o is RETRIEVER,
         source=_PATTERNS),
    Rule("q2-tone", "reason", "Tone, style or output format must change",
         "Fine-tuning changes how the model writes; retrieval only supplies information.",
         FINE_TUNING_PAGE, lambda f, o: f.tone and o.tunes_model,
         source=_TUNING_FITS),
    Rule("q2-reasoning", "reason", "The model must reason like a specialist in your domain",
         "Training on expert examples teaches a reasoning pattern that a prompt only hints at.",
         FINE_TUNING_PAGE, lambda f, o: f.reasoning and o.tunes_model,
         source=_TUNING_FITS),
    Rule("q2-accuracy", "reason", "One narrow task (classifying, extracting, scoring) must be right "
         "almost every time", "A model tuned on that one task handles it more consistently.",
         FINE_TUNING_PAGE, lambda f, o: f.accuracy and o.tunes_model,
         source=_TUNING_FITS),
    Rule("realtime-without-retrieval", "reason", "There is a hard real-time latency budget",
         f"A tuned model answers without a retrieval step, which saves {_LOW}-{_HIGH} ms a request.",
         FINE_TUNING_PAGE, lambda f, o: f.realtime and o.tunes_model and not o.retrieval,
         source=_TUNING_FITS),
    Rule("cost-at-scale", "reason", "Query volume is high and one narrow task must be right",
         "On a narrow task a small tuned model can match a large general one at a much lower "
         "cost per token.",
         FINE_TUNING_PAGE, lambda f, o: f.high_volume and f.accuracy and o.tunes_model,
         source=_TUNING_FITS),
    Rule("prompt-the-behaviour-first", "reason",
         "Behaviour must change, and a good prompt has not been tried",
         f"Write a system prompt with a few worked examples of that behaviour first: for style and "
         f"format it gets about {PROMPTING_SHARE_PERCENT}% of what fine-tuning gives, and the "
         f"examples become training data if you tune later.",
         PROMPTS_PAGE,
         lambda f, o: f.behaviour and not f.prompting and not o.tunes_model and o is not PROMPTS,
         source=_FRAMEWORK),
    Rule("retriever-too", "reason", "Standard search misses the domain's words",
         "Once retrieval runs, check which passages come back; if the right ones are missing, tune "
         "the embedding model on your documents as well.",
         RETRIEVER_PAGE, lambda f, o: f.vocabulary and o.retrieval and o is not RETRIEVER,
         source=_PATTERNS),
    Rule("router-too", "reason", "Heavy traffic mixes many simple queries with a few hard ones",
         "A small tuned model in front could send the simple queries down a cheap path and keep "
         "the best treatment for the hard ones.",
         ROUTER_PAGE, lambda f, o: f.mixed_traffic and o.retrieval and o is not ROUTER,
         source=_PATTERNS),
    Rule("cache-the-prompt", "reason", "The documents sit at the start of every prompt",
         "Keep them first and unchanged: providers with prompt caching charge less for an opening "
         "they have just seen, and steady traffic keeps it cached. Check that documents, "
         "conversation and answer fit in the window.",
         CONTEXT_PAGE, lambda f, o: o is LONG_CONTEXT,
         source=Judgement("Prompt caching is a provider feature the guide does not discuss; its "
                          "discount rewards a prompt opening that stays the same between requests.")),
    Rule("vendor-not-decided", "reason", "The model provider is not decided yet",
         f"Pick one that offers fine-tuning. {TUNABLE_VENDORS}. Anthropic offers no fine-tuning "
         f"for Claude models (as of the 2026-03 source).",
         FINE_TUNING_PAGE, lambda f, o: f.provider == "undecided" and o.tunes_model,
         source=VENDORS_SOURCE),
    Rule("tuned-part-is-separate", "reason", "The provider does not fine-tune its models",
         "That need not stop this plan: the tuned model here is a separate, smaller one, and the "
         "provider's model still writes the answers.",
         RETRIEVER_PAGE, lambda f, o: f.provider == "anthropic" and o in (RETRIEVER, ROUTER),
         source=Judgement("The guide lists which vendors tune their own models; an embedding or "
                          "routing model tuned elsewhere leaves the answering model untouched.")),
)

WARNINGS = (
    Rule("no-documents", "warning", "Retrieval is advised, but there are no documents yet",
         "Retrieval can only find what has been collected: gathering and cleaning the documents "
         "comes first, and how many there are decides between retrieval and a long prompt.",
         RAG_PAGE, lambda f, o: o.retrieval and f.documents == 0,
         source=Judgement("A retrieval system over an empty knowledge base returns nothing, so "
                          "the advice holds only once the documents exist.")),
    Rule("too-few-examples", "warning",
         "Some model is fine-tuned, with fewer examples than the minimum",
         f"Fine-tuning needs good examples: at least {STYLE.low}-{STYLE.high} to adapt style, and "
         f"{TASK.low:,}-{TASK.high:,} for dependable results on a task.",
         FINE_TUNING_PAGE, lambda f, o: o.tunes_any and f.examples < examples_needed(f, o).low,
         detail=_few_examples_detail, source=TRAINING_DATA),
    Rule("unreviewed-examples", "warning", "Some model is fine-tuned on examples nobody reviewed",
         f"Poor examples make a tuned model worse: {REVIEWED_COUNT} reviewed examples tend to beat "
         f"{NOISY_COUNT:,} noisy ones. Review them before training.",
         FINE_TUNING_PAGE, lambda f, o: o.tunes_any and not f.curated, source=TRAINING_DATA),
    Rule("vendor-cannot-tune", "warning", "The answering model is fine-tuned, but its provider "
         "offers no fine-tuning",
         f"Anthropic offers no fine-tuning for Claude models (as of the 2026-03 source). "
         f"{TUNABLE_VENDORS}.",
         FINE_TUNING_PAGE, lambda f, o: o.tunes_model and f.provider == "anthropic",
         source=VENDORS_SOURCE),
    Rule("citations-without-knowledge", "warning",
         "Citations are required, yet the model needs no specific knowledge",
         "A citation points at a retrieved document, so the advice keeps retrieval; without a "
         "knowledge base there is nothing to cite.",
         RAG_PAGE, lambda f, o: f.citations and not f.knowledge,
         source=Judgement("The guide ties citations to retrieval; a yes to Q4 with a no to Q1 "
                          "is a conflict only the reader can settle, so the advice says so.")),
    Rule("change-without-knowledge", "warning",
         "The knowledge changes more than once a month, yet the model needs no specific knowledge",
         f"Q3 is about the knowledge from Q1, so on its own it changes nothing. If the model must "
         f"know those changing facts, answer yes to Q1: a tuned model would hold them frozen "
         f"until its next run, at {RETRAINING_COST}.",
         RAG_PAGE, lambda f, o: f.frequent_change and not f.knowledge,
         source=Judgement("Q3 asks how often the knowledge from Q1 changes, so without a yes "
                          "to Q1 it has nothing to describe.")),
    Rule("realtime-with-retrieval", "warning", "There is a hard real-time budget, and the plan "
         "retrieves documents",
         f"Retrieval adds {_LOW}-{_HIGH} ms to each request: check that it fits the budget.",
         RAG_PAGE, lambda f, o: f.realtime and o.retrieval, source=Guide("RAG Limitations")),
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
