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
from ..vendors import OWN_HARDWARE
from . import details
from .facts import (
    CONTEXT_PAGE,
    FINE_TUNING,
    FINE_TUNING_PAGE,
    FT_RAG,
    FT_RAG_PAGE,
    LARGE_CORPUS,
    LARGE_CORPUS_DOCUMENTS,
    LONG_CONTEXT,
    LONG_CONTEXT_PAGE,
    PAGE_NAMES,
    PROMPTS,
    PROMPTS_PAGE,
    RAG,
    RAG_PAGE,
    RETRAINING_COST,
    RETRIEVAL_LATENCY_MS,
    RETRIEVER,
    RETRIEVER_PAGE,
    ROUTER,
    ROUTER_PAGE,
    STRUCTURED,
    STRUCTURED_PAGE,
    UNDECIDED,
    Facts,
    Outcome,
    examples_needed,
)
from .platforms import NOT_DECIDED, model_tunable
from .readings import FITS_IN_PROMPT, FORMAT_FIRST, NOTHING_NEEDED, TASK_PROMPT_FIRST

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
    # The dated vendor pages behind what `detail` says for these answers, if it cites any.
    cites: Callable[[Facts], tuple[Source, ...]] = field(default=lambda f: (), kw_only=True)


_FRAMEWORK = Guide("The Decision Framework")
_PROMPT_FIRST = Guide("Is prompt engineering a third option?")
_START_WITH_RAG = Guide("Cost Comparison")
_PATTERNS = Guide("The Best Approach: Combining RAG and Fine-Tuning")
_RAG_FITS = Guide("When RAG Is the Right Choice")
_TUNING_FITS = Guide("When Fine-Tuning Is the Right Choice")

DECIDING = (
    Rule("nothing-to-add", "decides",
         "Nothing is missing: no knowledge of yours, no citations, no change of behaviour",
         "Nothing calls for retrieval or tuning: a base model with a good prompt is the place to "
         "start.",
         PROMPTS_PAGE, lambda f, o: not (f.behaviour or f.format or f.retrieval_needed), PROMPTS,
         source=NOTHING_NEEDED, short="nothing to retrieve or tune"),
    Rule("format-only-gap", "decides",
         "Only the output format must change, and the answers need none of your documents",
         "Use structured outputs before any tuning: the API holds every reply to your schema, "
         "which a tuned model only learns to follow most of the time.",
         STRUCTURED_PAGE, lambda f, o: f.format_only and not f.retrieval_needed, STRUCTURED,
         detail=details.schema_support, cites=details.schema_pages, source=FORMAT_FIRST,
         short="only the output format must change"),
    Rule("prompts-before-tuning", "decides",
         "Only the behaviour must change (tone, reasoning or accuracy), and a good prompt with "
         "worked examples has not been tried",
         "Try the prompt first: write a system prompt with a few worked examples and measure it "
         "on your own cases. Tuning is for the gap a good prompt leaves.",
         PROMPTS_PAGE, lambda f, o: f.behaviour and not f.retrieval_needed and not f.prompting,
         PROMPTS, source=_PROMPT_FIRST, short="a good prompt comes before tuning"),
    Rule("behaviour-only", "decides",
         "Only the behaviour must change, and a good prompt has been tried and falls short",
         "Fine-tune: training is what changes how the model behaves by default.",
         FINE_TUNING_PAGE, lambda f, o: f.behaviour and not f.retrieval_needed, FINE_TUNING,
         source=_FRAMEWORK, short="only behaviour, and a prompt fell short"),
    Rule("knowledge-fits-in-prompt", "decides",
         "The answers need a few documents that every user may see, that change no more than "
         "monthly and need no citing, and that fit the model's window with room for the "
         "question and the answer; nothing to tune yet",
         "Put the documents in the prompt: the window holds them whole, so a retrieval pipeline "
         "would add moving parts without reaching anything more.",
         LONG_CONTEXT_PAGE,
         lambda f, o: (f.knowledge and f.fits_in_prompt and not f.frequent_change
                       and not f.citations and not f.access and not (f.behaviour and f.prompting)),
         LONG_CONTEXT, detail=details.fits_the_window, source=FITS_IN_PROMPT,
         short="the documents fit the window"),
    Rule("rag-before-tuning", "decides",
         "The answers need your documents (or citations) and a change of behaviour, and a "
         "good prompt has not been tried yet",
         "Start with RAG and a better prompt; add fine-tuning once RAG works and the prompt still "
         "leaves specific gaps in behaviour.",
         RAG_PAGE, lambda f, o: f.both and not f.prompting, RAG,
         source=_START_WITH_RAG, short="RAG and a prompt come before tuning"),
    Rule("knowledge-and-behaviour", "decides",
         "The answers need your documents (or citations) and a change of behaviour, and a "
         "good prompt has been tried",
         "Tune the model for how it reasons, writes or decides, and let retrieval supply what it "
         "needs to know.",
         FT_RAG_PAGE, lambda f, o: f.both, FT_RAG,
         source=_FRAMEWORK, short="knowledge and behaviour are both needed"),
    Rule("search-misses-domain-words", "decides",
         "The answers need your documents (or citations), the behaviour is fine, and standard "
         "search misses the domain's words",
         "Tune the retriever: train the embedding model on your own documents so that their terms, "
         "abbreviations and codes find the right passages. The answering model stays as it is.",
         RETRIEVER_PAGE, lambda f, o: f.retrieval_needed and not f.behaviour and f.vocabulary,
         RETRIEVER, source=_PATTERNS, short="search misses the domain's words"),
    Rule("mixed-traffic-at-volume", "decides",
         "The answers need your documents (or citations), the behaviour is fine, and heavy "
         "traffic mixes many simple queries with a few hard ones",
         "Put a small tuned model in front: it sorts each query, sends the simple ones down a cheap "
         "path and saves the best pipeline for the hard ones.",
         ROUTER_PAGE, lambda f, o: f.retrieval_needed and not f.behaviour and f.mixed_traffic,
         ROUTER, source=_PATTERNS, short="many simple queries and a few hard ones"),
    Rule("knowledge-only", "decides",
         "The answers need your documents (or citations), and the behaviour is fine",
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
    Rule("q2-tone", "reason", "Tone or style must change",
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
    Rule("format-by-schema", "reason", "Replies must follow a fixed output format",
         "Hold the format with structured outputs whatever else you do: a schema the API enforces "
         "cannot drift, and any training examples can then teach the rest.",
         STRUCTURED_PAGE, lambda f, o: f.format and o is not STRUCTURED,
         detail=details.schema_support, cites=details.schema_pages, source=FORMAT_FIRST),
    Rule("realtime-without-retrieval", "reason", "There is a hard real-time latency budget",
         f"A tuned model answers without a retrieval step, which saves {_LOW}-{_HIGH} ms a request.",
         FINE_TUNING_PAGE, lambda f, o: f.realtime and o.tunes_model and not o.retrieval,
         source=_TUNING_FITS),
    Rule("cost-at-scale", "reason", "Query volume is high and one narrow task must be right",
         "On a narrow task a small tuned model can match a large general one at a much lower "
         "cost per token.",
         FINE_TUNING_PAGE, lambda f, o: f.high_volume and f.accuracy and o.tunes_model,
         source=_TUNING_FITS),
    Rule("prompt-the-style-first", "reason",
         "Tone or style must change, and a good prompt has not been tried",
         f"For tone and style, a good system prompt with a few worked examples gets about "
         f"{PROMPTING_SHARE_PERCENT}% of what fine-tuning gives, at no cost, and the examples "
         f"become training data if you tune later.",
         PROMPTS_PAGE, lambda f, o: f.tone and not f.prompting and not o.tunes_model,
         source=_PROMPT_FIRST),
    Rule("prompt-the-task-first", "reason",
         "A narrow task or a specialist's reasoning must improve, and a good prompt has not been "
         "tried",
         "A prompt that defines the task and shows a worked example of each kind of case is the "
         "baseline a tuned model has to beat; the cases it still gets wrong show which training "
         "examples to collect.",
         PROMPTS_PAGE,
         lambda f, o: (f.accuracy or f.reasoning) and not f.prompting and not o.tunes_model,
         source=TASK_PROMPT_FIRST),
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
         "they have just seen, and steady traffic keeps it cached.",
         CONTEXT_PAGE, lambda f, o: o is LONG_CONTEXT,
         source=Judgement("Prompt caching is a provider feature the guide does not discuss; its "
                          "discount rewards a prompt opening that stays the same between requests.")),
    Rule("platform-not-decided", "reason", "The platform is not decided yet",
         "Choose one from the roads listed below, each open on the day the vendor facts were "
         "checked, and weigh its retirement date: a tuned model is served only as long as its "
         "base model.",
         FINE_TUNING_PAGE, lambda f, o: f.platform == NOT_DECIDED and o.tunes_any,
         detail=details.roads_left_out,
         source=Judgement("A tuned model lives only as long as its base, so the site weighs each "
                          "open road's retirement date as well as whether it is open today.")),
    Rule("tuned-part-is-separate", "reason", "Your platform tunes none of its current models",
         "That need not stop this plan: the tuned model here is a separate, smaller one, tuned on "
         "another road, and your platform's model still writes the answers.",
         RETRIEVER_PAGE, lambda f, o: not model_tunable(f.platform) and o in (RETRIEVER, ROUTER),
         source=Judgement("An embedding or routing model tuned elsewhere leaves the answering "
                          "model untouched, so the answering platform's rules do not bind it.")),
)

WARNINGS = (
    Rule("platform-cannot-tune", "warning",
         "The answering model would be tuned, but your platform tunes none of its current models",
         "Your model cannot be tuned, so this plan needs another model or another road.",
         FINE_TUNING_PAGE, lambda f, o: o.tunes_model and not model_tunable(f.platform),
         detail=details.cannot_tune, cites=details.closed_pages,
         source=Judgement("A plan that tunes the answering model needs a platform that still "
                          "tunes it, and only the vendors' dated pages can say which do.")),
    Rule("hosted-platform-leaves-your-hardware", "warning",
         "The data must stay on your own hardware, but the platform is a hosted one",
         "Every prompt goes to the platform's servers, tuned model or not: only an open-weight "
         "model you run yourself keeps the data on your hardware.",
         FINE_TUNING_PAGE,
         lambda f, o: f.residency == OWN_HARDWARE and f.platform not in ("open", NOT_DECIDED),
         source=Judgement("A hosted platform reads each prompt on its own servers, so the "
                          "reader's rule excludes it whatever the advice.")),
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
         detail=details.few_examples, source=TRAINING_DATA),
    Rule("unreviewed-examples", "warning", "Some model is fine-tuned on examples nobody reviewed",
         f"Poor examples make a tuned model worse: {REVIEWED_COUNT} reviewed examples tend to beat "
         f"{NOISY_COUNT:,} noisy ones. Review them before training.",
         FINE_TUNING_PAGE, lambda f, o: o.tunes_any and not f.curated, source=TRAINING_DATA),
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
