"""Money, counts and reasons in the estimator's own words: one place for each phrasing."""

from __future__ import annotations

from ..kit.schema import format_number
from ..kit.words import counted
from .approaches import IN_A_SENTENCE
from .estimate import (
    CANNOT_SEE_DOCUMENTS,
    DOES_NOT_FIT,
    FROZEN_KNOWLEDGE,
    NO_CITATIONS,
    NOTHING_TO_ADD,
    PROMPT_FALLS_SHORT,
    CostEstimate,
)
from .plan import Band
from .pricing import model_name, tuned_name

SIGNIFICANT = 3  # the inputs are estimates: more digits than this would be noise


def usd(amount: float) -> str:
    """Dollars as a reader writes them, to three significant figures from $10,000: $0.85,
    $12, $1,250, $72,000,000,000 (never float noise)."""
    if 0 < abs(amount) < 0.005:
        return "under $0.01"
    if abs(amount) < 100 and amount != int(amount):
        return f"${amount:,.2f}"
    if abs(amount) < 10_000:
        return f"${round(amount):,}"
    digits = len(str(int(abs(amount))))
    return f"${int(round(amount, SIGNIFICANT - digits)):,}"


def tokens(count: float) -> str:
    return counted(round(count), "token")


def span(low: float, high: float) -> str:
    """"$100 to $1,000", or one figure when both ends read the same."""
    return usd(low) if usd(low) == usd(high) else f"{usd(low)} to {usd(high)}"


def band_text(band: Band, fmt=usd) -> str:
    """"typical (low–high)"; just one figure when the range is a point."""
    if fmt(band.low) == fmt(band.high):
        return fmt(band.typical)
    return f"{fmt(band.typical)} ({fmt(band.low)}–{fmt(band.high)})"


def weeks(amount: float) -> str:
    return f"{format_number(round(amount, 1))}"


def why_not(result: CostEstimate, approach: str) -> str:
    """Why an approach is not costed, in one sentence."""
    reason = result.fit[approach]
    if reason == NOTHING_TO_ADD:
        return f"Not needed: with no documents it is the same as {IN_A_SENTENCE[SAME_AS[approach]]}."
    if reason == DOES_NOT_FIT:
        return (f"Cannot do the job: your documents ({tokens(result.retrieval.corpus_tokens)}) "
                f"and the prompt do not fit the answering model's "
                f"{format_number(result.answering.context_window or 0)}-token window.")
    return CANNOT[reason]


CANNOT = {
    CANNOT_SEE_DOCUMENTS: "Cannot do the job: the model never sees your documents.",
    PROMPT_FALLS_SHORT: "Cannot do the job: you found that a prompt falls short of the behaviour "
                        "you need, and this approach changes no behaviour.",
    NO_CITATIONS: "Cannot do the job: answers must cite sources, and a tuned model cannot say "
                  "where its knowledge came from.",
    FROZEN_KNOWLEDGE: "Cannot do the job: its knowledge is frozen at training time and you chose "
                      "not to retrain after every update.",
}
SAME_AS = {"long_context": "prompt", "rag": "prompt", "ft_rag": "ft"}


def model_of(result: CostEstimate, which: str) -> str:
    """The answering or the tuned model, as a reader knows it."""
    return model_name(result.answering.model) if which == "answering" else tuned_name(result.tuned.route)
