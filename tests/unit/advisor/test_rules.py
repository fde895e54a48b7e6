"""The advisor's rule table: complete, in order, every rule saying whose it is."""

import itertools
import re

from calculators.advisor import CALCULATOR
from calculators.advisor.facts import OUTCOMES, PAGE_NAMES, QUESTION_AND_ANSWER_TOKENS, VOLUMES, Facts
from calculators.advisor.rules import DECIDING, REASONS, RULES, WARNINGS, decide, rules_table
from calculators.guide import GUIDE, Guide
from calculators.kit.provenance import Judgement, Section
from calculators.kit.report import render_table_html

# Every answer a deciding rule reads, and documents at each edge of "fits in the window":
# a million-token window holds 475 documents of 2,000 tokens beside the room kept.
_FLAGS = ("knowledge", "tone", "format", "reasoning", "accuracy", "prompting", "citations",
          "vocabulary", "access")
_DOCUMENTS = (0, 1, 475, 476)


def _every_situation():
    for bits in itertools.product((False, True), repeat=len(_FLAGS)):
        for change, volume, documents in itertools.product(("monthly", "weekly"), VOLUMES,
                                                           _DOCUMENTS):
            yield Facts(**dict(zip(_FLAGS, bits, strict=True)), change=change, volume=volume,
                        documents=documents, document_tokens=2000, window=1_000_000,
                        realtime=False, examples=2000, curated=True, platform="open",
                        residency="anywhere")


def test_the_edges_tried_are_the_edges_of_the_window():
    assert 475 * 2000 + QUESTION_AND_ANSWER_TOKENS <= 1_000_000 < 476 * 2000 + QUESTION_AND_ANSWER_TOKENS


def test_every_situation_is_decided_and_every_deciding_rule_and_outcome_is_reached():
    used = {decide(facts).id for facts in _every_situation()}
    assert used == {r.id for r in DECIDING}
    assert {r.outcome.key for r in DECIDING} == set(OUTCOMES)


def test_rules_come_in_kind_order_with_unique_ids_and_only_deciding_rules_pick_an_outcome():
    assert [r.kind for r in RULES] == (["decides"] * len(DECIDING) + ["reason"] * len(REASONS)
                                       + ["warning"] * len(WARNINGS))
    assert len({r.id for r in RULES}) == len(RULES)
    assert all((r.outcome is not None) == (r.kind == "decides") == bool(r.short) for r in RULES)


def test_every_rule_is_the_guides_with_a_section_or_the_sites_with_a_reason():
    for rule in RULES:
        assert isinstance(rule.source, (Section, Judgement)), rule.id
        if isinstance(rule.source, Section):
            assert rule.source.section in GUIDE.sections, rule.id
        else:
            assert rule.source.reason.endswith(".") and len(rule.source.reason.split()) >= 10


def test_the_sites_own_lines_are_not_credited_to_the_guide():
    judged = {r.id for r in RULES if isinstance(r.source, Judgement)}
    assert {"nothing-to-add", "format-only-gap", "format-by-schema", "knowledge-fits-in-prompt",
            "large-corpus", "cache-the-prompt", "no-documents", "tuned-part-is-separate",
            "prompt-the-task-first", "platform-cannot-tune", "platform-not-decided",
            "hosted-platform-leaves-your-hardware"} <= judged
    (large,) = [r for r in RULES if r.id == "large-corpus"]
    (figure,) = [f for f in CALCULATOR.figures if f.source is large.source]
    assert "1,000" in large.when and figure.value == "1,000 documents or more"
    for rule in RULES:  # a reason explains a line without restating a number the code holds
        reason = re.sub(r"\bQ\d\b", "", getattr(rule.source, "reason", ""))
        assert not any(c.isdigit() for c in reason), rule.id


def test_each_pattern_is_decided_by_its_own_reason_from_the_guides_combination_patterns():
    by_outcome = {r.outcome.key: r for r in DECIDING if r.outcome.key.startswith("tuned_")}
    assert by_outcome["tuned_retriever"].id == "search-misses-domain-words"
    assert by_outcome["tuned_router"].id == "mixed-traffic-at-volume"
    assert all(r.source == Guide("The Best Approach: Combining RAG and Fine-Tuning") for r in by_outcome.values())


def test_every_rule_links_a_page_of_this_site():
    for rule in RULES:
        assert rule.page.startswith("../") and rule.page in PAGE_NAMES


def test_a_format_gap_is_sent_to_structured_outputs_before_any_tuning_rule():
    order = [r.id for r in DECIDING]
    tuning = [r.id for r in DECIDING if r.outcome.tunes_any]
    assert all(order.index("format-only-gap") < order.index(t) for t in tuning)
    (rule,) = [r for r in DECIDING if r.id == "format-only-gap"]
    assert rule.outcome.key == "structured_outputs"
    assert "departs from" in rule.source.reason  # the site says where it leaves the guide


def test_the_eighty_percent_figure_is_given_for_style_and_cited_to_its_own_section():
    by_id = {r.id: r for r in RULES}
    eighty = [r.id for r in RULES if "80%" in r.then]
    assert eighty == ["prompt-the-style-first"]
    assert by_id["prompt-the-style-first"].source == Guide("Is prompt engineering a third option?")
    assert isinstance(by_id["prompt-the-task-first"].source, Judgement)
    assert "style and format only" in by_id["prompt-the-task-first"].source.reason


def test_rules_table_lists_every_rule_with_its_page_link_and_provenance():
    assert CALCULATOR.rules_table is rules_table
    table = rules_table()
    assert [row[0] for row in table.rows] == [r.id for r in RULES]
    html = render_table_html(table)
    assert html.count("<tr>") == len(RULES) + 1
    for rule in RULES:
        assert f'href="{rule.page}"' in html and rule.source.kind in html
        assert rule.source.detail in html
