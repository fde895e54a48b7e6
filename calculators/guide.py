"""The guide this site publishes: its title, its date, and its own section headings.

Every figure or rule the guide gives is cited as `Guide("<its section>")`; a heading that is
not the guide's fails at import. The headings are the guide's own, including the FAQ
questions its figures sit under.
"""

from __future__ import annotations

from .kit.provenance import Section, Work

GUIDE = Work(
    title="RAG vs Fine-Tuning: How to Choose the Right Approach for Your AI App",
    published="2026-03-16",
    sections=(
        "Here is the short version", "What RAG Does", "What Fine-Tuning Does",
        "When RAG Is the Right Choice", "RAG Limitations", "When Fine-Tuning Is the Right Choice",
        "Fine-Tuning Limitations", "The Decision Framework",
        "The Best Approach: Combining RAG and Fine-Tuning", "Cost Comparison",
        "Real-World Examples", "Is prompt engineering a third option?",
        "How much training data do I need for fine-tuning?",
        "Can I fine-tune ChatGPT or Claude on my data?",
    ),
)


def Guide(section: str) -> Section:  # noqa: N802 - reads as the kind of source it makes
    """A citation of one of the guide's own sections."""
    return Section(GUIDE, section)
