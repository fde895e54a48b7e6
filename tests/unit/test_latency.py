"""The latency budget: hand-checked requests, the cross-field check, and properties."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.figures import RETRIEVAL_HIGH_MS, RETRIEVAL_LATENCY, RETRIEVAL_LOW_MS
from calculators.kit.provenance import ILLUSTRATIVE, Judgement
from calculators.kit.report import render_html, render_markdown
from calculators.kit.schema import defaults, flat_fields
from calculators.latency import FIELDS, PERCENTILE_READING, check, compute, report


def values(**changes: object) -> dict:
    return {**defaults(flat_fields(FIELDS)), **changes}


def path(result, approach: str, percentile: str):
    return next(p for p in result.paths if p.approach == approach and p.percentile == percentile)


def test_retrieval_defaults_are_the_guides_range_with_its_source():
    fields = {f.name: f for f in flat_fields(FIELDS)}
    assert (fields["retrieval_low_ms"].default, fields["retrieval_high_ms"].default) == (100, 500)
    # The range is the guide's; reading its ends as p50 and p95 is the site's.
    assert fields["retrieval_low_ms"].source == fields["retrieval_high_ms"].source == PERCENTILE_READING
    assert isinstance(PERCENTILE_READING, Judgement)
    assert RETRIEVAL_LATENCY.source.section == "RAG Limitations"
    assert (RETRIEVAL_LOW_MS, RETRIEVAL_HIGH_MS) == (100, 500)


def test_model_figures_are_illustrative_and_ask_for_the_readers_own():
    for group in FIELDS[:2]:
        assert "enter your" in group.help, group.title
        for f in group.fields:
            assert f.source is ILLUSTRATIVE, f.name


def test_writing_time_is_answer_length_over_speed():
    # 150 tokens at 60 tokens/s take 2.5 s; with 400 ms to first token and 50 ms overhead.
    result = compute(values(output_tokens=150, tokens_per_second=60))
    tuned = path(result, "fine_tuned", "p50")
    assert {p.name: p.ms for p in tuned.parts} == {"network": 50, "first_token": 400, "generation": 2500}
    assert tuned.total_ms == 2950


def test_rag_adds_retrieval_and_reranking_to_the_same_request():
    result = compute(values(rerank_ms=120, retrieval_low_ms=180, retrieval_high_ms=420))
    for pct, retrieval in (("p50", 180), ("p95", 420)):
        extra = path(result, "rag", pct).total_ms - path(result, "fine_tuned", pct).total_ms
        assert extra == retrieval + 120


def test_first_token_target_leaves_writing_time_out():
    result = compute(values(measure="first_token", output_tokens=5000))
    assert path(result, "rag", "p50").total_ms == 50 + 100 + 400
    assert "generation" not in {p.name for p in path(result, "rag", "p50").parts if p.ms}


def test_budget_is_what_the_target_leaves_after_everything_but_retrieval():
    # 2,000 ms target minus 50 network, 300 re-rank, 400 first token, 1,000 writing = 250 ms.
    result = compute(values(target_p50_ms=2000, rerank_ms=300, output_tokens=50))
    assert result.retrieval_budget_p50_ms == 250
    assert result.retrieval_left_p50_ms == 150
    assert result.rag_fits_p50


def test_check_flags_a_slow_request_faster_than_a_typical_one():
    problems = check(values(retrieval_low_ms=450, retrieval_high_ms=300))
    assert list(problems) == ["retrieval_high_ms"]
    assert "450 ms" in problems["retrieval_high_ms"]
    assert check(values(retrieval_low_ms=300, retrieval_high_ms=300)) == {}


def test_check_flags_a_p95_target_below_the_p50_target():
    problems = check(values(target_p50_ms=4000, target_p95_ms=3500))
    assert list(problems) == ["target_p95_ms"] and "4,000 ms" in problems["target_p95_ms"]


def test_run_reports_the_cross_field_problem_beside_the_field():
    answer = run("latency", {"retrieval_low_ms": "700"})
    assert not answer["ok"] and answer["html"] is None
    assert set(answer["errors"]) == {"retrieval_high_ms"}
    assert answer["state"]["retrieval_low_ms"] == "700"


def test_chart_draws_four_bars_each_with_its_target_and_a_text_alternative():
    html = render_html(report(compute(values())))
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title>" in svg
    assert svg.count('class="calc-bar-limit"') == 4
    label = re.search(r'aria-label="([^"]*)"', svg).group(1)
    for text in ("RAG, typical: 2,550 ms, fits", "Retrieval 500 ms", "slow target 5,000 ms",
                 "a typical request is the median (p50), a slow one the 95th percentile (p95)"):
        assert text in label


def test_markdown_summary_has_the_table_and_the_source():
    markdown = render_markdown(report(compute(values(rerank_ms=600))))
    assert "| RAG | 3,150 ms, misses by 150 | 3,550 ms, fits (1,450 spare) |" in markdown
    assert "the guide (section “RAG Limitations”)" in markdown and PERCENTILE_READING.reason in markdown


# Whole milliseconds keep the arithmetic exact, so "fits" can be compared at the boundary.
ms = st.integers(min_value=0, max_value=20_000)
inputs = st.fixed_dictionaries({
    "target_p50_ms": st.integers(1, 30_000), "target_p95_ms": st.integers(1, 60_000),
    "measure": st.sampled_from(["answer", "first_token"]),
    "first_token_ms": ms, "tokens_per_second": st.sampled_from([1, 2, 4, 5, 8, 10, 20, 25, 50]),
    "output_tokens": st.integers(0, 2_000), "retrieval_low_ms": ms, "retrieval_high_ms": ms,
    "rerank_ms": ms, "network_ms": ms,
})


@settings(max_examples=300)
@given(inputs, ms, ms)
def test_more_retrieval_time_never_makes_rag_fit_when_it_did_not(given_values, more_low, more_high):
    before = compute(given_values)
    after = compute({**given_values, "retrieval_low_ms": given_values["retrieval_low_ms"] + more_low,
                     "retrieval_high_ms": given_values["retrieval_high_ms"] + more_high})
    assert after.rag_fits_p50 <= before.rag_fits_p50
    assert after.rag_fits_p95 <= before.rag_fits_p95
    assert after.retrieval_left_p50_ms <= before.retrieval_left_p50_ms


@settings(max_examples=300)
@given(inputs)
def test_a_model_without_retrieval_fits_whenever_rag_does(given_values):
    result = compute(given_values)
    assert result.fine_tuned_fits_p50 >= result.rag_fits_p50
    assert result.fine_tuned_fits_p95 >= result.rag_fits_p95
    assert (result.verdict == "rag_fits") == (result.rag_fits_p50 and result.rag_fits_p95)


@settings(max_examples=300)
@given(inputs)
def test_rag_fits_exactly_when_retrieval_is_within_the_budget(given_values):
    result = compute(given_values)
    assert result.rag_fits_p50 == (given_values["retrieval_low_ms"] <= result.retrieval_budget_p50_ms)
    assert result.rag_fits_p95 == (given_values["retrieval_high_ms"] <= result.retrieval_budget_p95_ms)
    assert result.retrieval_left_p50_ms == result.retrieval_budget_p50_ms - given_values["retrieval_low_ms"]


def figures(result) -> dict[str, str]:
    return {f.label: f.value for f in report(result).key_figures}


def test_key_figures_set_each_rag_total_against_its_target():
    assert figures(compute(values(target_p50_ms=3000, target_p95_ms=5000, first_token_ms=400,
                                  output_tokens=100, tokens_per_second=50, network_ms=50))) == {
        "RAG, typical": "2,550 of 3,000 ms", "RAG, slow": "2,950 of 5,000 ms"}


def test_when_rag_misses_the_key_figures_add_the_model_alone_where_it_is_tightest():
    result = compute(values(target_p50_ms=500, target_p95_ms=5000))
    assert figures(result) == {"RAG, typical": "2,550 of 500 ms, misses",
                               "RAG, slow": "2,950 of 5,000 ms",
                               "Fine-tuned, typical": "2,450 of 500 ms, misses"}
    assert report(result).headline in run("latency", values(target_p50_ms=500,
                                                            target_p95_ms=5000))["headline"]["text"]
