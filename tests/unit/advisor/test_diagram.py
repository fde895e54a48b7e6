"""The path diagram: it marks the reader's answers, names only the outcome the rules gave,
and draws an answer that holds only under a condition as conditional."""

import re

from calculators.advisor.advice import Step, compute
from calculators.advisor.diagram import FONT, QUESTIONS, WIDTH, path_diagram
from calculators.advisor.inputs import FIELDS
from calculators.advisor.report import report
from calculators.kit.report import render_html
from calculators.kit.schema import defaults, flat_fields

QUIET = {**defaults(flat_fields(FIELDS)),
         **{"knowledge": "no", "tone": "no", "format": "no", "reasoning": "no", "accuracy": "no",
            "change": "never", "citations": "no", "prompting": "yes", "documents": 0,
            "vocabulary": "no", "access": "no", "latency": "flexible", "volume": "modest",
            "examples": 2000, "quality": "curated", "platform": "open"}}
PATH = tuple(Step(n, n in (2, 5), True) for n in range(1, 6))


def test_a_yes_names_no_outcome_of_its_own_so_the_path_cannot_contradict_the_answer():
    # Q2 and Q5 yes, no good prompt tried: the rules say RAG first, not tuning.
    result = compute({**QUIET, "knowledge": "yes", "tone": "yes", "prompting": "no"})
    svg = render_html(report(result))
    marks = re.findall(r'class="calc-advisor-mark">([^<]*)<', svg)
    assert marks == ["yes", "yes", "no", "no", "yes"]
    assert "\u2192" not in "".join(marks)
    assert "Answer: RAG" in svg and "because RAG and a prompt come before tuning" in svg


def test_a_conditional_answer_is_drawn_dashed_with_its_condition():
    svg = path_diagram(PATH, "RAG", "only knowledge is missing",
                       condition="if retrieval fits the real-time budget")
    assert 'class="calc-advisor-answer calc-advisor-answer--conditional"' in svg
    assert ">If retrieval fits the real-time budget<" in svg
    assert "answer: RAG, if retrieval fits the real-time budget, because" in svg
    plain = path_diagram(PATH, "RAG", "only knowledge is missing")
    assert "conditional" not in plain


def test_every_line_fits_the_picture_at_a_generous_character_width():
    svg = path_diagram(PATH, "Fine-tuned model + RAG", "many simple queries and a few hard ones",
                       condition="if retrieval fits the real-time budget of every request")
    for line in re.findall(r'class="calc-advisor-(?:q|because)">([^<]*)<', svg):
        assert 14 + len(line) * 0.56 * FONT <= WIDTH, line
    for number, question in QUESTIONS.items():
        # The question and the widest mark it can carry share one row.
        mark = "yes, no effect" if number == 3 else "yes"
        pill = len(mark) * 0.5 * FONT + 12
        assert 14 + len(f"Q{number} {question}") * 0.51 * FONT + 8 <= WIDTH - 7 - pill, question
