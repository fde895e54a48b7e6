"""The terms the advisor's rules speak: its outcomes, the reader's answers, the vendors.

Each outcome is a pattern the guide describes (or, for long context, one this site adds),
with the page of this site that explains it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..figures import RETRIEVAL_HIGH_MS, RETRIEVAL_LOW_MS, STYLE, TASK, ExampleRange
from ..guide import Guide
from ..kit.provenance import Judgement
from ..kit.schema import Value

# The site's pages that explain each outcome, relative to the pages that host the advisor and
# its methodology (decide/ and methodology/: one level deep, as the site uses directory URLs).
PROMPTS_PAGE = "../decide/#prompt-engineering-first"
LONG_CONTEXT_PAGE = "../long-context/"
CONTEXT_PAGE = "../rag/#your-context-window"
RAG_PAGE = "../rag/"
FINE_TUNING_PAGE = "../fine-tuning/"
FT_RAG_PAGE = "../combine/#fine-tuned-model-rag"
RETRIEVER_PAGE = "../combine/#fine-tuned-retriever"
ROUTER_PAGE = "../combine/#small-model-router"
PAGE_NAMES = {
    PROMPTS_PAGE: "Prompt engineering first", LONG_CONTEXT_PAGE: "Long context and caching",
    CONTEXT_PAGE: "Context-window budget",
    RAG_PAGE: "RAG", FINE_TUNING_PAGE: "Fine-tuning",
    FT_RAG_PAGE: "Fine-tuned model + RAG", RETRIEVER_PAGE: "Fine-tuned retriever",
    ROUTER_PAGE: "Small-model router",
}

# Retrieval adds this much to every request; a tuned model without retrieval saves it.
RETRIEVAL_LATENCY_MS = (RETRIEVAL_LOW_MS, RETRIEVAL_HIGH_MS)
RETRAINING_COST = "hours to days and hundreds to thousands of dollars a run"
# How often knowledge changes, least often first. Q3 asks about "more than once a month".
FREQUENCIES = ("never", "yearly", "quarterly", "monthly", "weekly", "daily")
FREQUENT = frozenset({"weekly", "daily"})
# Up to this many documents, knowledge can sit in the prompt instead of behind retrieval.
SMALL_KNOWLEDGE_DOCUMENTS = 20
SMALL_KNOWLEDGE = Judgement("The guide sets no such line; a handful of documents of a few pages "
                            "each comes to tens of thousands of tokens, which a long context "
                            "window holds with room to spare.")
# The guide speaks of thousands of documents and sets no threshold; this is ours.
LARGE_CORPUS_DOCUMENTS = 1_000
LARGE_CORPUS = Judgement("The guide calls a knowledge base of thousands of documents large but "
                         "sets no threshold, so the advisor's threshold is the site's own.")
# Query volume: "mixed" is high volume where most queries are simple and a few are hard.
VOLUMES = ("modest", "high", "mixed")
HIGH_VOLUMES = frozenset({"high", "mixed"})


@dataclass(frozen=True)
class Vendor:
    """A model provider and whether it lets you fine-tune its models (as of the source)."""

    key: str
    name: str
    tunable: bool
    models: str


VENDORS = (
    Vendor("openai", "OpenAI", True, "GPT-4o and GPT-4o mini, through the API"),
    Vendor("anthropic", "Anthropic", False, "no fine-tuning for Claude models"),
    Vendor("google", "Google", True, "Gemini models"),
    Vendor("open", "Open-weight", True, "Llama 3 and Mistral, tuned freely"),
)
VENDORS_SOURCE = Guide("Can I fine-tune ChatGPT or Claude on my data?")
TUNABLE_VENDORS = "; ".join(f"{v.name}: {v.models}" for v in VENDORS if v.tunable)


@dataclass(frozen=True)
class Outcome:
    """One recommendation, with the page of this site that explains it."""

    key: str
    title: str
    summary: str
    page: str  # the site page that explains it, relative to the advisor's page
    retrieval: bool  # documents are retrieved at query time
    tunes_model: bool  # the model that writes the answer is fine-tuned
    tunes_any: bool  # some model is fine-tuned, so training examples are needed


PROMPTS = Outcome("prompts", "Improve prompts first",
                  "Write a strong system prompt with a few worked examples, and measure it before "
                  "building anything heavier.", PROMPTS_PAGE, False, False, False)
LONG_CONTEXT = Outcome("long_context", "Long context with prompt caching",
                       "Put the documents in the prompt itself, ahead of the question, and let the "
                       "provider cache that unchanging opening: no retrieval step to build.",
                       LONG_CONTEXT_PAGE, False, False, False)
RAG = Outcome("rag", "RAG",
              "Keep the model as it is and give it the right documents at query time.",
              RAG_PAGE, True, False, False)
FINE_TUNING = Outcome("fine_tuning", "Fine-tuning",
                      "Train the model on your examples so the behaviour you need becomes its default.",
                      FINE_TUNING_PAGE, False, True, True)
FT_RAG = Outcome("fine_tuned_rag", "Fine-tuned model + RAG",
                 "Tune the model for how it reasons and writes; retrieve what it needs to know.",
                 FT_RAG_PAGE, True, True, True)
RETRIEVER = Outcome("tuned_retriever", "RAG + fine-tuned retriever",
                    "Keep a base model for answers and tune the embedding model so retrieval finds "
                    "the right documents.", RETRIEVER_PAGE, True, False, True)
ROUTER = Outcome("tuned_router", "RAG with a small fine-tuned router",
                 "A small tuned model sorts each query and sends it to the right pipeline.",
                 ROUTER_PAGE, True, False, True)
OUTCOMES = {o.key: o for o in (PROMPTS, LONG_CONTEXT, RAG, FINE_TUNING, FT_RAG, RETRIEVER, ROUTER)}
# What a deciding rule's test receives in place of the outcome it is about to pick.
UNDECIDED = Outcome("", "", "", "", False, False, False)


@dataclass(frozen=True)
class Facts:
    """The reader's answers as booleans and counts."""

    knowledge: bool
    tone: bool
    reasoning: bool
    accuracy: bool
    prompting: bool
    change: str
    citations: bool
    documents: int
    vocabulary: bool
    access: bool
    realtime: bool
    volume: str
    examples: int
    curated: bool
    provider: str

    @property
    def retrieval_needed(self) -> bool:
        """Q1 or Q4: the answer needs documents, to know from or to cite."""
        return self.knowledge or self.citations

    @property
    def behaviour(self) -> bool:
        """Q2: tone, style or format, domain reasoning, or narrow-task accuracy must change."""
        return self.tone or self.reasoning or self.accuracy

    @property
    def frequent_change(self) -> bool:
        """Q3: the knowledge changes more than once a month."""
        return self.change in FREQUENT

    @property
    def both(self) -> bool:
        """Q5, derived: knowledge (or citations) and behaviour are both needed."""
        return self.retrieval_needed and self.behaviour

    @property
    def high_volume(self) -> bool:
        """Cost per query matters, whatever the mix of queries."""
        return self.volume in HIGH_VOLUMES

    @property
    def mixed_traffic(self) -> bool:
        """Many simple queries and a few hard ones, at a volume where cost per query matters."""
        return self.volume == "mixed"

    @property
    def fits_in_prompt(self) -> bool:
        """A handful of documents that a long context window holds whole."""
        return 1 <= self.documents <= SMALL_KNOWLEDGE_DOCUMENTS


def facts_from(values: Mapping[str, Value]) -> Facts:
    """Read validated advisor inputs as Facts."""
    yes = {name for name, value in values.items() if value == "yes"}
    return Facts(
        knowledge="knowledge" in yes, tone="tone" in yes, reasoning="reasoning" in yes,
        accuracy="accuracy" in yes, prompting="prompting" in yes, change=str(values["change"]),
        citations="citations" in yes, documents=int(values["documents"]),
        vocabulary="vocabulary" in yes, access="access" in yes,
        realtime=values["latency"] == "realtime", volume=str(values["volume"]),
        examples=int(values["examples"]), curated=values["quality"] == "curated",
        provider=str(values["provider"]),
    )


def examples_needed(facts: Facts, outcome: Outcome) -> ExampleRange:
    """The guide's example range for what would be tuned: style alone, or a task."""
    style_only = facts.tone and not (facts.reasoning or facts.accuracy)
    return STYLE if style_only and outcome.tunes_model else TASK
