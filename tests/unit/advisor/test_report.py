"""The advice in words and the path diagram: links go to the guide's pages, marks read as words."""

import re

from hypothesis import given
from hypothesis import strategies as st

from calculators.advisor import FIELDS, compute
from calculators.kit.schema import flat_fields
from calculators.advisor.report import report
from calculators.advisor.facts import PAGE_NAMES
from calculators.advisor.rules import RULES
from calculators.kit.report import render_html, render_markdown
from calculators.kit.schema import ChoiceField

QUIET = {"knowledge": "no", "tone": "no", "reasoning": "no", "accuracy": "no", "change": "never",
         "citations": "no", "prompting": "yes", "documents": 0, "access": "no",
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
