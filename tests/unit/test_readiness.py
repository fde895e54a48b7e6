"""Training-data readiness against the guide's figures."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.kit.report import render_html
from calculators.readiness import NOISY_COUNT, REVIEWED_COUNT, STYLE, TASK, compute, report

counts = st.integers(min_value=0, max_value=10_000_000)
inputs = st.fixed_dictionaries({
    "examples": counts,
    "quality": st.sampled_from(["curated", "raw"]),
    "goal": st.sampled_from(["style", "task"]),
})


def test_the_figures_are_the_guides():
    assert (STYLE.low, STYLE.high) == (50, 100)
    assert (TASK.low, TASK.high) == (500, 2000)
    assert (REVIEWED_COUNT, NOISY_COUNT) == (200, 2000)


@pytest.mark.parametrize(("examples", "quality", "goal", "verdict"), [
    (49, "curated", "style", "not_yet"),
    (50, "curated", "style", "ready"),
    (100, "raw", "style", "try"),
    (199, "curated", "task", "not_yet"),
    (200, "curated", "task", "try"),
    (499, "raw", "task", "not_yet"),
    (500, "curated", "task", "ready"),
    (500, "raw", "task", "try"),
])
def test_verdicts_change_exactly_at_the_guides_thresholds(examples, quality, goal, verdict):
    assert compute({"examples": examples, "quality": quality, "goal": goal}).verdict == verdict


@given(inputs, counts)
def test_more_examples_never_make_the_verdict_worse(values, extra):
    rank = {"not_yet": 0, "try": 1, "ready": 2}
    more = {**values, "examples": values["examples"] + extra}
    assert rank[compute(more).verdict] >= rank[compute(values).verdict]


@given(inputs)
def test_reviewing_never_makes_the_verdict_worse(values):
    rank = {"not_yet": 0, "try": 1, "ready": 2}
    reviewed = {**values, "quality": "curated"}
    assert rank[compute(reviewed).verdict] >= rank[compute(values).verdict]


@given(inputs)
def test_unreviewed_data_is_never_called_ready_and_always_gets_the_review_step(values):
    result = compute({**values, "quality": "raw"})
    assert result.verdict != "ready"
    (steps,) = report(result).sections
    assert any(item.text.startswith("Review them") for item in steps.items)


@given(inputs)
def test_the_shortfall_is_what_reaches_the_minimum(values):
    result = compute(values)
    assert result.examples + result.examples_to_minimum >= result.range_low
    assert result.examples_to_minimum == 0 or result.examples + result.examples_to_minimum == result.range_low


def test_the_scale_marks_the_goal_band_and_the_reader_position():
    html = render_html(report(compute({"examples": 80, "quality": "curated", "goal": "style"})))
    assert html.count("calc-band--goal") == 1 and html.count("calc-label--goal") == 1
    assert 'aria-label="Scale from 10 to 10,000 examples: your 80' in html


@given(inputs)
def test_the_guides_range_is_never_read_as_a_ceiling(values):
    result = compute(values)
    (steps,) = report(result).sections
    text = " ".join(item.text for item in steps.items)
    if result.position == "above":
        assert "not a ceiling" in text and "keep improving" in text
    assert "help less" not in text and "enough examples" not in text.lower()
    if result.curated and result.position != "below":
        assert "train once on part of the set and once on all of it" in text
