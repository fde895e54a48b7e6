"""The decision page's list of outcomes, written from the rule table so the two cannot drift.

docs/decide.md holds this text between its two marker lines, and a test fails when they
differ; `python -m calculators.advisor.page` prints the current text to paste in.
"""

from __future__ import annotations

from ..kit.provenance import Section, Source
from .rules import DECIDING

BEGIN = "<!-- outcomes: written from the advisor's rule table by python -m calculators.advisor.page -->"
END = "<!-- end of the outcomes -->"


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
        return f"([guide: {source.section}](methodology.md#from-the-guide){{ .src }})"
    return "([site's judgement](methodology.md#the-sites-judgement){ .src })"


def outcomes_markdown() -> str:
    """Every deciding rule in the order the advisor tries them, as a numbered Markdown list."""
    lines = [BEGIN, "",
             "The advisor tries these in order, and the first that fits your answers gives the",
             "recommendation. The reasons and warnings it adds, and where each rule comes from,",
             "are listed on the [methodology page](methodology.md#decision-advisor).", ""]
    for number, rule in enumerate(DECIDING, start=1):
        assert rule.outcome is not None
        lines.append(f"{number}. {rule.when} \u2192 **[{rule.outcome.title}]"
                     f"({doc_link(rule.outcome.page)})**. {rule.then} {provenance_label(rule.source)}")
    lines += ["", END]
    return "\n".join(lines)


if __name__ == "__main__":
    print(outcomes_markdown())
