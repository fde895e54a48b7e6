"""The advice in words and the path diagram: links go to the guide's pages, marks read as words."""

import re

from hypothesis import given
from hypothesis import strategies as st

from calculators.advisor import FIELDS, compute
from calculators.advisor.facts import PAGE_NAMES
from calculators.advisor.report import JUDGEMENT_MARK, report
from calculators.advisor.rules import RULES
from calculators.kit.provenance import Judgement
from calculators.kit.report import render_html, render_markdown, render_text
from calculators.kit.schema import ChoiceField, flat_fields

QUIET = {"knowledge": "no", "tone": "no", "reasoning": "no", "accuracy": "no", "change": "never",
         "citations": "no", "prompting": "yes", "documents": 0, "vocabulary": "no", "access": "no",
         "latency": "flexible", "volume": "modest", "examples": 2000, "quality": "curated",
         "provider": "open"}
RULE = {r.id: r for r in RULES}


def _field_values(f):
    if isinstance(f, ChoiceField):
        return st.sampled_from([o.value for o in f.options])
    return st.integers(min_value=int(f.minimum), max_value=100_000)


inputs = st.fixed_dictionaries({f.name: _field_values(f) for f in flat_fields(FIELDS)})


@given(inputs)
def test_the_deciding_rule_comes_first_and_every_link_goes_to_a_guide_page(values):
    result = compute(values)
    html = render_html(report(result))
    rules = re.findall(r'data-rule="([^"]*)"', html)
    assert rules[0] == result.decided_by
    assert set(rules) == {result.decided_by, *result.reasons, *result.warnings}
    for link in re.findall(r'href="([^"]*)"', html):
        assert link in PAGE_NAMES


@given(inputs)
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
    result = compute({**QUIET, "tone": "yes", "provider": "anthropic", "examples": 10})
    text = render_markdown(report(result))
    assert text.startswith("**Recommendation: Fine-tuning.**")
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
    large = render_markdown(report(compute({**QUIET, "knowledge": "yes", "documents": 5000})))
    reason = RULE["large-corpus"].source.reason
    assert reason not in small and reason in large


@given(inputs)
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
