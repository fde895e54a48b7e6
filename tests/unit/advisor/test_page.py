"""The decision page and the advisor agree: its list of outcomes is the rule table's."""

import re
from pathlib import Path

from calculators.advisor import page
from calculators.advisor.rules import DECIDING
from calculators.kit.provenance import Judgement

DECIDE_PAGE = Path(__file__).resolve().parents[3] / "docs" / "decide.md"


def test_the_decision_page_lists_the_outcomes_exactly_as_the_rule_table_has_them():
    text = DECIDE_PAGE.read_text(encoding="utf-8")
    start, end = text.index(page.BEGIN), text.index(page.END) + len(page.END)
    assert text[start:end] == page.outcomes_markdown(), (
        "docs/decide.md is out of date: paste in the output of `python -m calculators.advisor.page`")


def test_the_list_has_every_deciding_rule_in_order_each_with_its_provenance_label():
    items = re.findall(r"^\d+\. (.*)$", page.outcomes_markdown(), flags=re.M)
    assert len(items) == len(DECIDING)
    for item, rule in zip(items, DECIDING):
        assert item.startswith(rule.when) and rule.outcome.title in item
        label = "[site's judgement]" if isinstance(rule.source, Judgement) else (
            f"[guide: {rule.source.section}]")
        assert item.endswith(f"{rule.then} {page.provenance_label(rule.source)}") and label in item


def test_links_point_at_the_pages_markdown_sources():
    assert page.doc_link("../decide/#prompt-engineering-first") == "#prompt-engineering-first"
    assert page.doc_link("../rag/") == "rag.md"
    assert page.doc_link("../combine/#small-model-router") == "combine.md#small-model-router"
    for rule in DECIDING:
        target = page.doc_link(rule.outcome.page).partition("#")[0]
        assert not target or (DECIDE_PAGE.parent / target).is_file()
