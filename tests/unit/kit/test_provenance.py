"""Provenance: every figure, rule and default names exactly one kind of source, honestly."""

import pytest

from calculators import CALCULATORS
from calculators.advisor.rules import RULES
from calculators.kit.provenance import (GUIDE_CHECKED, GUIDE_SECTIONS, ILLUSTRATIVE, Dataset, Guide,
                                        Judgement, cite_all, citation)
from calculators.kit.schema import defaults, validate

KINDS = (Guide, Dataset, Judgement)


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


def test_the_guide_sections_are_the_eleven_headings_of_the_guide():
    assert len(GUIDE_SECTIONS) == len(set(GUIDE_SECTIONS)) == 11
    assert "Cost and time figures" in GUIDE_SECTIONS and "Real-world examples" in GUIDE_SECTIONS


def test_a_section_the_guide_does_not_have_fails_at_once():
    with pytest.raises(ValueError, match="not a section of the guide"):
        Guide("Cost and time figure")
    with pytest.raises(ValueError):
        Guide("")


@pytest.mark.parametrize(("where", "source"), SOURCES, ids=[w for w, _ in SOURCES])
def test_every_source_is_exactly_one_kind_and_guide_sources_name_their_section(where, source):
    assert sum(isinstance(source, kind) for kind in KINDS) == 1, where
    if isinstance(source, Guide):
        assert source.section.strip() and source.section in GUIDE_SECTIONS, where
    if isinstance(source, Judgement):
        assert source.reason.endswith(".") and len(source.reason.split()) >= 6, where


def test_all_three_kinds_are_in_use_where_the_data_exists():
    kinds = {type(s) for _, s in SOURCES}
    assert {Guide, Judgement} <= kinds  # no dataset feeds a calculator yet


def test_the_sites_readings_are_credited_to_the_site():
    by_where = dict(SOURCES)
    for where in ("latency.retrieval_low_ms", "costs.base_input_price", "costs.rag_iteration_low",
                  "advisor.volume", "rule large-corpus"):
        assert isinstance(by_where[where], Judgement), where


def test_citations_name_the_kind_and_the_detail():
    assert citation(Guide("RAG limitations")).startswith("Guide: “RAG limitations”")
    assert GUIDE_CHECKED in citation(Guide("RAG limitations"))
    assert citation(Dataset("genai-prices", "0.0.1", "2026-03-01")) == \
        "Dataset: genai-prices 0.0.1, 2026-03-01"
    assert citation(ILLUSTRATIVE).startswith("Site's judgement: ")


def test_cite_all_names_the_guide_once_with_every_section():
    text = cite_all((Guide("RAG limitations"), Guide("When RAG fits"), Guide("RAG limitations"),
                     ILLUSTRATIVE))
    assert text.count("practitioner guide") == 1 and text.count(GUIDE_CHECKED) == 1
    assert "sections “RAG limitations”, “When RAG fits”" in text
    assert text.endswith(ILLUSTRATIVE.reason.rstrip("."))
