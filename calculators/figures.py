"""The guide's figures that more than one calculator relies on, each with its provenance.

Calculators import their shared figures from here, never from one another.
"""

from __future__ import annotations

from dataclasses import dataclass

from .guide import Guide
from .kit.calculator import Figure
from .kit.schema import ChoiceField, NumberField, Option


@dataclass(frozen=True)
class ExampleRange:
    """How many training examples a goal needs, per the guide."""

    goal: str
    low: int
    high: int
    meaning: str


STYLE = ExampleRange("style", 50, 100, "the minimum to adapt style, tone or format")
TASK = ExampleRange("task", 500, 2000, "the range for dependable results on a specific task")
RANGES = {r.goal: r for r in (STYLE, TASK)}
# Curation beats volume: this many reviewed examples tend to beat NOISY_COUNT raw ones.
REVIEWED_COUNT = 200
NOISY_COUNT = 2000
# Share of fine-tuning's style and format gain that good few-shot prompting gets, at no cost.
PROMPTING_SHARE_PERCENT = 80
# Time retrieval adds to each request; a fine-tuned model that skips retrieval saves it
# (the guide's "RAG Limitations" and "When Fine-Tuning Is the Right Choice").
RETRIEVAL_LOW_MS = 100
RETRIEVAL_HIGH_MS = 500

TRAINING_DATA = Guide("How much training data do I need for fine-tuning?")
TRAINING_DATA_FIGURES = (
    Figure("Examples for style adaptation (minimum, all of good quality)",
           f"{STYLE.low}-{STYLE.high} examples", TRAINING_DATA),
    Figure("Examples for dependable task-specific results",
           f"{TASK.low:,}-{TASK.high:,} examples", TRAINING_DATA),
    Figure("Curation beats volume",
           f"{REVIEWED_COUNT} reviewed examples tend to beat {NOISY_COUNT:,} noisy ones",
           TRAINING_DATA),
    Figure("Few-shot prompting versus fine-tuning, for style and format",
           f"about {PROMPTING_SHARE_PERCENT}% of the gain at no cost",
           Guide("Is prompt engineering a third option?")),
)
RETRIEVAL_LATENCY = Figure("Time retrieval adds to each request",
                           f"{RETRIEVAL_LOW_MS}-{RETRIEVAL_HIGH_MS} ms", Guide("RAG Limitations"))

# The training set as two inputs; the readiness check and the advisor both ask for it.
TRAINING_EXAMPLES_FIELD = NumberField(
    name="examples", label="Labelled examples you have", unit="examples",
    help="Input and ideal output pairs you could train on today. (Continued training on raw code "
         "or documents is counted in tokens, not pairs: this check does not cover it.)",
    default=300, minimum=0, maximum=10_000_000, integer=True,
)
EXAMPLE_QUALITY_FIELD = ChoiceField(
    name="quality", label="How they were checked",
    help="Reviewed means a person who knows the task read each one and fixed or dropped the bad ones.",
    options=(Option("curated", "Reviewed by a person"), Option("raw", "Collected, not reviewed")),
    default="curated",
)
