"""The terms the advisor's rules speak: its outcomes, the reader's answers, its thresholds.

Each outcome is a pattern the guide describes (or, for long context and structured outputs,
one this site adds), with the page of this site that explains it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import figures
from ..figures import RETRIEVAL_HIGH_MS, RETRIEVAL_LOW_MS, STYLE, TASK, ExampleRange
from ..kit.calculator import Figure
from ..kit.provenance import Judgement
from ..kit.schema import Value
from ..vendors import CHECKED

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
STRUCTURED_PAGE = "../decide/#structured-outputs"
PAGE_NAMES = {
    PROMPTS_PAGE: "Prompt engineering first", LONG_CONTEXT_PAGE: "Long context and caching",
    STRUCTURED_PAGE: "Structured outputs and tool calling",
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
# The long-context rule: the documents go in the prompt when their tokens, plus room for
# the question and the answer, fit the model's window.
QUESTION_AND_ANSWER_TOKENS = 50_000
QUESTION_AND_ANSWER = Judgement(
    "A system prompt, a question with some conversation and a long answer rarely come to more "
    "than tens of thousands of tokens together, so the advisor keeps that much of the window "
    "free before counting the documents in.")
DEFAULT_WINDOW_TOKENS = 1_000_000
DEFAULT_WINDOW = Judgement(
    f"The small models current on {CHECKED} (OpenAI's GPT-6 Luna, Anthropic's Claude Haiku 5.5, "
    f"Google's Gemini 3.5 Flash) each read about a million tokens, per their vendors' model "
    f"pages; the advisor starts from that common size, so enter your own model's window.")
# The guide speaks of thousands of documents and sets no threshold; this is ours.
LARGE_CORPUS_DOCUMENTS = 1_000
LARGE_CORPUS = Judgement("The guide calls a knowledge base of thousands of documents large but "
                         "sets no threshold, so the advisor's threshold is the site's own.")
# Query volume: "mixed" is high volume where most queries are simple and a few are hard.
VOLUMES = ("modest", "high", "mixed")
HIGH_VOLUMES = frozenset({"high", "mixed"})


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


STRUCTURED = Outcome("structured_outputs", "Structured outputs",
                     "Have the API hold every reply to your schema (a JSON schema, or strict tool "
                     "calling) and describe the format in the prompt; tune only if what goes inside "
                     "the format still falls short.", STRUCTURED_PAGE, False, False, False)
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
OUTCOMES = {o.key: o for o in (PROMPTS, STRUCTURED, LONG_CONTEXT, RAG, FINE_TUNING, FT_RAG, RETRIEVER, ROUTER)}
# What a deciding rule's test receives in place of the outcome it is about to pick.
UNDECIDED = Outcome("", "", "", "", False, False, False)


@dataclass(frozen=True)
class Facts:
    """The reader's answers as booleans, counts and keys."""

    knowledge: bool
    tone: bool
    format: bool
    reasoning: bool
    accuracy: bool
    prompting: bool
    change: str
    citations: bool
    documents: int
    document_tokens: int  # a document's average length
    window: int  # the model's context window, in tokens
    vocabulary: bool
    access: bool
    realtime: bool
    volume: str
    examples: int
    curated: bool
    platform: str  # a key of platforms.PLATFORMS
    residency: str  # a key of platforms.RESIDENCIES

    @property
    def retrieval_needed(self) -> bool:
        """Q1 or Q4: the answer needs documents, to know from or to cite."""
        return self.knowledge or self.citations

    @property
    def behaviour(self) -> bool:
        """A gap worth tuning for: tone or style, domain reasoning, or narrow-task accuracy.

        Output format alone is not one: structured outputs answer it (see `format_only`).
        """
        return self.tone or self.reasoning or self.accuracy

    @property
    def format_only(self) -> bool:
        """The one gap is the output format."""
        return self.format and not self.behaviour

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
    def knowledge_tokens(self) -> int:
        """The documents' total size."""
        return self.documents * self.document_tokens

    @property
    def fits_in_prompt(self) -> bool:
        """The documents fit the window whole, with room left for the question and answer."""
        return self.documents >= 1 and self.knowledge_tokens + QUESTION_AND_ANSWER_TOKENS <= self.window


def facts_from(values: Mapping[str, Value]) -> Facts:
    """Read validated advisor inputs as Facts."""
    yes = {name for name, value in values.items() if value == "yes"}
    return Facts(
        knowledge="knowledge" in yes, tone="tone" in yes, format="format" in yes,
        reasoning="reasoning" in yes, accuracy="accuracy" in yes, prompting="prompting" in yes,
        change=str(values["change"]), citations="citations" in yes,
        documents=int(values["documents"]), document_tokens=int(values["document_tokens"]),
        window=int(values["window"]), vocabulary="vocabulary" in yes, access="access" in yes,
        realtime=values["latency"] == "realtime", volume=str(values["volume"]),
        examples=int(values["examples"]), curated=values["quality"] == "curated",
        platform=str(values["platform"]), residency=str(values["residency"]),
    )


def examples_needed(facts: Facts, outcome: Outcome) -> ExampleRange:
    """The guide's example range for what would be tuned: style (or format) alone, or a task."""
    style_only = not (facts.reasoning or facts.accuracy)
    return STYLE if style_only and outcome.tunes_model else TASK


FIGURES = figures.TRAINING_DATA_FIGURES + (
    figures.RETRIEVAL_LATENCY,
    Figure("Room kept in the window for the question and the answer",
           f"{QUESTION_AND_ANSWER_TOKENS:,} tokens", QUESTION_AND_ANSWER),
    Figure("Context window assumed until you enter yours", f"{DEFAULT_WINDOW_TOKENS:,} tokens",
           DEFAULT_WINDOW),
    Figure("A large knowledge base", f"{LARGE_CORPUS_DOCUMENTS:,} documents or more", LARGE_CORPUS),
)
