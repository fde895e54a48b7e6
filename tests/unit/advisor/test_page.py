"""The decision page and the advisor agree: its table of outcomes is the rule table's."""

from pathlib import Path

from calculators.advisor import page
from calculators.advisor.rules import DECIDING
from calculators.kit.provenance import Judgement

DECIDE_PAGE = Path(__file__).resolve().parents[3] / "docs" / "decide.md"


def table_rows(markdown: str) -> list[list[str]]:
    """The body rows of the first Markdown table in `markdown`, each as its cells."""
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


def test_the_decision_page_lists_the_outcomes_exactly_as_the_rule_table_has_them():
    text = DECIDE_PAGE.read_text(encoding="utf-8")
    start, end = text.index(page.BEGIN), text.index(page.END) + len(page.END)
    assert text[start:end] == page.outcomes_markdown(), (
        "docs/decide.md is out of date: run `python -m calculators.advisor.page --write`")


def test_the_table_has_every_deciding_rule_in_order_with_its_outcome_reason_and_provenance():
    markdown = page.outcomes_markdown()
    assert "| Situation | What the advisor says | Why | Whose rule |" in markdown
    rows = table_rows(markdown)
    assert len(rows) == len(DECIDING)
    for cells, rule in zip(rows, DECIDING, strict=True):
        assert len(cells) == 4, cells
        situation, says, why, whose = cells
        assert situation == " ".join(rule.when.split())
        assert says.startswith(f"**[{rule.outcome.title}](") and why == " ".join(rule.then.split())
        label = "[site's judgement]" if isinstance(rule.source, Judgement) else (
            f"[guide: {rule.source.section}]")
        assert whose == page.provenance_label(rule.source) and whose.startswith(label)


def test_a_pipe_in_a_rule_cannot_break_the_table():
    assert page._cell("a | b\n  c") == "a \\| b c"


def test_write_puts_the_table_between_the_markers_and_leaves_the_rest(tmp_path):
    stale = tmp_path / "decide.md"
    stale.write_text(f"# Before\n\n{page.BEGIN}\nold list\n{page.END}\n\nAfter.\n", encoding="utf-8")
    assert page.write(stale) is True
    text = stale.read_text(encoding="utf-8")
    assert text.startswith("# Before\n\n") and text.endswith("\n\nAfter.\n")
    assert page.outcomes_markdown() in text and "old list" not in text
    assert page.write(stale) is False


def test_links_point_at_the_pages_markdown_sources():
    assert page.doc_link("../decide/#prompt-engineering-first") == "#prompt-engineering-first"
    assert page.doc_link("../rag/") == "rag.md"
    assert page.doc_link("../combine/#small-model-router") == "combine.md#small-model-router"
    for rule in DECIDING:
        target = page.doc_link(rule.outcome.page).partition("#")[0]
        assert not target or (DECIDE_PAGE.parent / target).is_file()
