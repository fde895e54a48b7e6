"""The decision page's table of outcomes, written from the rule table so the two cannot drift.

docs/decide.md holds this text between its two marker lines, and a test fails when they
differ. `python -m calculators.advisor.page` prints the current text; with `--write` it puts
it into docs/decide.md in place. Each row is read from a deciding rule's own fields (when,
outcome, then, source), so a rule added to the table needs no change here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..kit.provenance import Section, Source
from .rules import DECIDING, Rule

BEGIN = "<!-- outcomes: written from the advisor's rule table by python -m calculators.advisor.page -->"
END = "<!-- end of the outcomes -->"
HEADER = ("Situation", "What the advisor says", "Why", "Whose rule")
DECIDE_PAGE = Path(__file__).resolve().parents[2] / "docs" / "decide.md"


def doc_link(page: str) -> str:
    """A page URL relative to the advisor's page ("../combine/#x") as a link from decide.md."""
    path, _, anchor = page.removeprefix("../").partition("#")
    path = path.rstrip("/")
    if path == "decide":
        return f"#{anchor}"
    return f"{path}.md" + (f"#{anchor}" if anchor else "")


def provenance_label(source: Source) -> str:
    """The site's label for where a rule comes from, as the guide's pages write it."""
    if isinstance(source, Section):
        return f"[guide: {source.section}](methodology.md#from-the-guide){{ .src }}"
    return "[site's judgement](methodology.md#the-sites-judgement){ .src }"


def _cell(text: str) -> str:
    """Text safe inside one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def outcome_row(rule: Rule) -> str:
    """One deciding rule as a table row: situation, outcome, reason, provenance."""
    assert rule.outcome is not None, f"deciding rule {rule.id} has no outcome"
    says = f"**[{rule.outcome.title}]({doc_link(rule.outcome.page)})**"
    why = rule.then or rule.short
    cells = (_cell(rule.when), says, _cell(why), provenance_label(rule.source))
    return "| " + " | ".join(cells) + " |"


def outcomes_markdown() -> str:
    """Every deciding rule, in the order the advisor tries them, as a Markdown table."""
    lines = [BEGIN, "",
             "The advisor reads this table from the top, and the first row that fits your answers",
             "gives the recommendation. The reasons and warnings it adds are listed on the",
             "[methodology page](methodology.md#decision-advisor).", "",
             "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += [outcome_row(rule) for rule in DECIDING]
    lines += ["", END]
    return "\n".join(lines)


def write(page: Path = DECIDE_PAGE) -> bool:
    """Put the current table between the page's markers; True when the page changed."""
    text = page.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    updated = text[:start] + outcomes_markdown() + text[end:]
    if updated != text:
        page.write_text(updated, encoding="utf-8")
    return updated != text


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        print("docs/decide.md " + ("updated" if write() else "already up to date"))
    else:
        print(outcomes_markdown())
