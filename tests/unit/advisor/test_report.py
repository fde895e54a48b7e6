"""The advice in words and the path diagram: links go to the guide's pages, marks read as words."""

import re

from hypothesis import given

from calculators.advisor.advice import compute
from calculators.advisor.facts import PAGE_NAMES
from calculators.advisor.report import JUDGEMENT_MARK, report
from calculators.advisor.rules import RULES
from calculators.kit.provenance import Judgement
from calculators.kit.report import render_html, render_markdown, render_text

from .answers import INPUTS, QUIET

RULE = {r.id: r for r in RULES}


@given(INPUTS)
def test_the_deciding_rule_comes_first_and_every_link_goes_to_a_guide_page(values):
    result = compute(values)
    html = render_html(report(result))
    rules = re.findall(r'data-rule="([^"]*)"', html)
    assert rules[0] == result.decided_by
    assert set(rules) == {result.decided_by, *result.reasons, *result.warnings}
    for link in re.findall(r'href="([^"]*)"', html):
        assert link in PAGE_NAMES


@given(INPUTS)
def test_the_path_marks_each_of_the_five_questions_in_words(values):
    result = compute(values)
    html = render_html(report(result))
    assert html.count('class="calc-advisor-step ') == 5
    marks = re.findall(r'class="calc-advisor-mark">([^<]*)<', html)
    assert len(marks) == 5 and all(m.split()[0].rstrip(",") in ("yes", "no") for m in marks)
    taken = sum(s.answer and s.counted for s in result.path)
    assert html.count("calc-advisor-step--yes") == taken


def test_a_question_without_effect_says_so():
    assert "yes, no effect" in render_html(report(compute({**QUIET, "change": "weekly"})))


def test_markdown_carries_the_recommendation_reasons_and_warnings():
    result = compute({**QUIET, "tone": "yes", "platform": "anthropic", "examples": 10})
    text = render_markdown(report(result))
    # A Claude reader: the answer holds only on another model, and says so first.
    assert text.startswith("**Recommendation: Fine-tuning, on another model: yours cannot be tuned.**")
    for rule_id in (result.decided_by, *result.reasons, *result.warnings):
        assert RULE[rule_id].then in text
    assert "You have 10; this needs at least 50." in text


def test_a_change_names_the_question_both_answers_and_the_new_outcome():
    result = compute({**QUIET, "knowledge": "yes"})
    html = render_html(report(result))
    assert 'data-field="knowledge"' in html
    assert "Q1. Does the model need specific, current information? Yes \u2192 No" in html


def test_sources_credit_a_judgement_only_when_its_rule_fired():
    small = render_markdown(report(compute({**QUIET, "knowledge": "yes", "documents": 10})))
    assert "Recommendation: Long context" in small
    large = render_markdown(report(compute({**QUIET, "knowledge": "yes", "documents": 5000})))
    reason = RULE["large-corpus"].source.reason
    assert reason not in small and reason in large


@given(INPUTS)
def test_every_line_that_rests_on_the_sites_judgement_says_so_in_every_rendering(values):
    result = compute(values)
    rendered = report(result)
    html, markdown, text = render_html(rendered), render_markdown(rendered), render_text(rendered)
    items = {dict(i.data)["rule"]: i for s in rendered.sections for i in s.items
             if "rule" in dict(i.data)}
    for rule_id in (result.decided_by, *result.reasons, *result.warnings):
        judged = isinstance(RULE[rule_id].source, Judgement)
        assert items[rule_id].text.endswith(JUDGEMENT_MARK) == judged
        if judged:
            assert RULE[rule_id].source.reason.rstrip(".") in markdown
    marks = sum(isinstance(RULE[i].source, Judgement)
                for i in (result.decided_by, *result.reasons, *result.warnings))
    assert html.count(JUDGEMENT_MARK) == marks
    assert markdown.count(JUDGEMENT_MARK) == marks
    assert " ".join(text.split()).count(JUDGEMENT_MARK) == marks


def test_the_diagram_names_what_decided_the_answer():
    html = render_html(report(compute({**QUIET, "knowledge": "yes", "vocabulary": "yes",
                                       "documents": 5000})))
    assert "Answer: RAG + fine-tuned retriever" in html
    assert "because search misses the domain's words" in html


def test_a_change_of_size_is_shown_with_its_unit():
    html = render_html(report(compute({**QUIET, "knowledge": "yes", "documents": 100,
                                       "document_tokens": 20_000})))
    assert "Knowledge base size 100 documents \u2192 47 documents" in html
    assert "Average length of a document 20,000 tokens \u2192 9,500 tokens" in html
    assert "context window 1,000,000 tokens \u2192 2,050,000 tokens" in html


def test_vendor_pages_are_cited_only_when_vendor_facts_are_shown():
    plain = render_markdown(report(compute({**QUIET, "knowledge": "yes"})))
    tuned = render_markdown(report(compute({**QUIET, "tone": "yes", "platform": "google"})))
    assert "vendor facts" not in plain and "read 2026-12-04" not in plain
    assert tuned.count("read 2026-12-04") >= 2 and "Rules and vendor facts" in tuned
