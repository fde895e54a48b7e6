"""The phrasing every vendor-facts block shares: tables that read on a phone, labelled lines
in a cell, the "as of" line above a table, and a source as a dated provenance label.

Links are written for a page in docs/ beside methodology.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...kit.provenance import Judgement, Page, Section, Source, citation
from .. import CHECKED, Fact
from ..model import CONFIDENCE

# How sure a fact is, as a reader sees it: anything short of the vendor's own page says so.
CONFIDENCE_WORDS = {"high": "high confidence", "medium": "**uncertain**, medium confidence",
                    "low": "**uncertain**, low confidence"}
# What each level means (calculators.vendors.model), said once above the full list.
CONFIDENCE_MEANS = {"high": "read on the vendor's own page",
                    "medium": "read in a copy of the page or a single reliable secondary source",
                    "low": "third-party only, a stand-in for a figure no page gave, or sources "
                           "that disagree"}
GUIDE_PAGE = "methodology.md#from-the-guide"
_KEPT = "vendor-facts.md"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A Markdown table, each cell on one line with any "|" escaped."""
    header = list(header)
    body = ["| " + " | ".join(" ".join(c.replace("|", "\\|").split()) for c in row) + " |"
            for row in rows]
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *body]


def lines(*parts: tuple[str, str]) -> str:
    """Labelled lines inside one table cell: `*Label*: text`, one per line, empty ones left out."""
    return "<br>".join(f"*{label}*: {text}" if label else text for label, text in parts if text)


def as_of(what: str) -> str:
    """The line above each table: what it shows, and the day its facts were checked."""
    return (f"{what}, as of {CHECKED}, the day this site last read each source "
            f"([how these facts are kept current]({_KEPT}))")


def source_label(source: Source) -> str:
    """A source as a provenance label: a vendor's page with the day it was read, or the guide."""
    if isinstance(source, Page):
        return f"[{source.title}, read {source.read}]({source.url}){{ .src }}"
    if isinstance(source, Section):
        return f"[guide: {source.section}]({GUIDE_PAGE}){{ .src }}"
    if isinstance(source, Judgement):
        return f"[site's judgement](methodology.md#the-sites-judgement){{ .src }}: {source.reason}"
    return citation(source)


def sources_label(facts: Iterable[Fact]) -> str:
    """Each distinct source of these facts, marked uncertain where its least sure fact is."""
    facts = tuple(facts)
    out = []
    for source in dict.fromkeys(f.source for f in facts):
        worst = max((f.confidence for f in facts if f.source == source), key=CONFIDENCE.index)
        out.append(source_label(source) + ("" if worst == "high" else f" ({CONFIDENCE_WORDS[worst]})"))
    return "; ".join(out)


def in_sentence(text: str) -> str:
    """A name that may start a sentence, as it reads inside one ("your own hardware")."""
    return text[0].lower() + text[1:] if text.startswith("Your ") else text
