"""Provenance: every figure, rule and default names exactly one kind of source, honestly."""

from typing import get_args

import pytest

from calculators import CALCULATORS
from calculators.advisor.rules import RULES
from calculators.figures import PROMPTING_SHARE_PERCENT, RETRIEVAL_LATENCY, TRAINING_DATA_FIGURES
from calculators.guide import GUIDE, Guide
from calculators.kit.provenance import ILLUSTRATIVE, Dataset, Judgement, Section, Source, citation, cite_all
from calculators.kit.schema import defaults, validate

KINDS = get_args(Source)  # every kind the kit knows, so a new kind is checked too
PROMPTING = f"{PROMPTING_SHARE_PERCENT}%"


def every_source():
    """(where, source) for every input, figure, rule and result line the calculators cite."""
    for name, calc in CALCULATORS.items():
        for f in calc.fields:
            yield f"{name}.{f.name}", f.source
        for figure in calc.figures:
            yield f"{name} figure {figure.label}", figure.source
        result = calc.compute(validate(calc.fields, defaults(calc.fields)).values)
        for source in calc.report(result).sources:
            yield f"{name} report", source
    for rule in RULES:
        yield f"rule {rule.id}", rule.source


SOURCES = list(every_source())


def test_the_guide_sections_are_the_guides_own_headings():
    assert len(GUIDE.sections) == len(set(GUIDE.sections)) == 14
    assert "Cost Comparison" in GUIDE.sections and "Is prompt engineering a third option?" in GUIDE.sections
    assert "Cost and time figures" not in GUIDE.sections


def test_a_section_the_guide_does_not_have_fails_at_once():
    with pytest.raises(ValueError, match="not a section of"):
        Guide("Cost and time figure")
    with pytest.raises(ValueError):
        Guide("")


@pytest.mark.parametrize(("where", "source"), SOURCES, ids=[w for w, _ in SOURCES])
def test_every_source_is_exactly_one_kind_and_guide_sources_name_their_section(where, source):
    assert sum(isinstance(source, kind) for kind in KINDS) == 1, where
    if isinstance(source, Section):
        assert source.work == GUIDE and source.section in GUIDE.sections, where
    if isinstance(source, Judgement):
        assert source.reason.endswith(".") and len(source.reason.split()) >= 6, where


def test_the_prompting_figure_is_cited_to_the_faq_question_that_gives_it():
    (prompting,) = [f for f in TRAINING_DATA_FIGURES if PROMPTING in f.value]
    assert prompting.source == Guide("Is prompt engineering a third option?")
    assert RETRIEVAL_LATENCY.source == Guide("RAG Limitations")
    for name, calc in CALCULATORS.items():
        for figure in calc.figures:
            if PROMPTING in figure.value:
                assert figure.source == prompting.source, f"{name}: {figure.label}"


def test_every_rule_that_gives_the_prompting_figure_cites_the_faq_question():
    quoting = [rule for rule in RULES if PROMPTING in rule.then]
    assert quoting, "no rule quotes the figure: the test would prove nothing"
    assert all(rule.source == Guide("Is prompt engineering a third option?") for rule in quoting)


def test_all_three_kinds_are_in_use_where_the_data_exists():
    kinds = {type(s) for _, s in SOURCES}
    assert {Section, Dataset, Judgement} <= kinds


def test_the_sites_readings_are_credited_to_the_site():
    by_where = dict(SOURCES)
    for where in ("latency.retrieval_low_ms", "costs.custom_input_price", "costs.busy_hours",
                  "advisor.volume", "rule large-corpus"):
        assert isinstance(by_where[where], Judgement), where


def test_citations_name_the_kind_and_the_detail():
    assert citation(Guide("RAG Limitations")) == "Guide: “RAG Limitations”, the guide"
    assert citation(Dataset("genai-prices", "0.0.1", "2026-03-01")) == \
        "Dataset: genai-prices 0.0.1, 2026-03-01"
    assert citation(ILLUSTRATIVE).startswith("Site's judgement: ")


def test_cite_all_names_the_guide_once_with_every_section():
    text = cite_all((Guide("RAG Limitations"), Guide("When RAG Is the Right Choice"), Guide("RAG Limitations"),
                     ILLUSTRATIVE))
    assert text.count("the guide") == 1 and GUIDE.title not in text
    assert "sections “RAG Limitations”, “When RAG Is the Right Choice”" in text
    assert text.endswith(ILLUSTRATIVE.reason.rstrip("."))
