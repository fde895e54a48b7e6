"""The cost and time estimator as a reader meets it: inputs, the estimate, the page, bad input."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import costs, run
from calculators.costs.model import COST_FIGURES
from calculators.costs.report import downloads, report
from calculators.figures import TASK
from calculators.kit.provenance import Judgement
from calculators.kit.report import render_html, render_markdown
from calculators.kit.schema import defaults, validate


# Round prices typed in, so the sums below do not move when the price dataset does:
# the answering and the tuned model both at 2 in, 0.5 cached, 8 out per million tokens.
TYPED = {"model": "custom", "tuned_model": "custom"}


def estimate(**changes):
    """The estimate for the defaults with typed prices, changed as given."""
    checked = validate(costs.CALCULATOR.fields,
                       {**defaults(costs.CALCULATOR.fields), **TYPED, **changes})
    assert checked.ok, checked.errors
    return costs.compute(checked.values)


def html(result) -> str:
    return render_html(report(result))


def markdown(result) -> str:
    return render_markdown(report(result))


def field(name):
    return next(f for f in costs.CALCULATOR.fields if f.name == name)


def test_guide_ranges_are_defaults_with_their_source():
    for name, low, high in [("rag_setup", 0, 500), ("rag_monthly", 50, 300), ("ft_run", 200, 5000),
                            ("ft_data_prep", 100, 1000), ("rag_weeks", 1, 2), ("ft_weeks", 4, 8)]:
        assert (field(f"{name}_low").default, field(f"{name}_high").default) == (low, high)
        assert field(f"{name}_low").source == field(f"{name}_high").source == COST_FIGURES
        assert COST_FIGURES.section == "Cost Comparison"


def test_typed_prices_are_illustrative_and_folded_away():
    (typed,) = [g for g in costs.FIELDS if g.title == "Prices you type"]
    assert typed.assumptions
    for f in typed.fields:
        assert isinstance(f.source, Judgement)  # never credited to the guide


def test_the_essentials_are_one_group_and_everything_else_is_folded_away():
    first, *rest = costs.FIELDS
    assert not first.assumptions and all(g.assumptions for g in rest)
    assert [f.name for f in first.fields] == ["queries", "model", "tuned_model", "updates",
                                              "retrain_every", "horizon"]


def test_the_iteration_readings_and_the_midpoint_are_the_sites_judgement():
    for name in ("rag_iteration_low", "ft_iteration_high"):
        assert isinstance(field(name).source, Judgement)
    assert any(isinstance(f.source, Judgement) and "midpoint" in f.value for f in costs.FIGURES)


def test_typed_price_estimate_by_hand():
    result = estimate()
    # Tokens: 500 prompt (250 repeated, at 0.5), 2,000 retrieved, 300 out, 10,000 queries:
    # RAG 10,000 x (2,250 x 2 + 250 x 0.5 + 300 x 8) / 1e6 = $70.25; fine-tuning without the
    # context 10,000 x (250 x 2 + 250 x 0.5 + 2,400) / 1e6 = $30.25; both $70.25.
    # Retraining: a behaviour change a year (2 runs) and a retirement at 18 months (1 run).
    # RAG typical: 250 setup + 24 x (175 running + 70.25) = 6,136
    # fine-tuning typical: 3,150 up front + 24 x 30.25 + 3 x 2,600 = 11,676
    # both typical: 3,400 up front + 24 x (175 + 70.25) + 3 x 2,600 = 17,086
    assert [result.total[a].typical for a in ("rag", "ft", "both")] == pytest.approx([6136, 11_676, 17_086])
    assert result.one_time["ft"].low == pytest.approx(300)  # 100 preparation + 1 x 200 run
    # all-in per 1,000 queries: 6,136 / (10,000 x 24) x 1,000 = 25.57
    assert result.per_1000_queries["rag"].typical == pytest.approx(6136 / 240)
    assert result.break_even_ft is None


def test_knowledge_in_the_weights_makes_updates_dominate_the_time_gap():
    result = estimate(updates=4, retrain_every=1)
    # build gap: 6 - 1.5 = 4.5 weeks; retraining: 96 + 2 + 1 runs x 36.5 h = 3,613.5 h = 21.5 weeks
    assert result.build_gap_weeks == pytest.approx(4.5)
    assert result.iteration_weeks["ft"] == pytest.approx(99 * 36.5 / 168)
    assert result.time_driver == "updates"


def test_retrieved_knowledge_leaves_the_build_as_the_time_gap():
    result = estimate(updates=0)
    assert result.iteration_weeks == {"rag": 0, "ft": pytest.approx(3 * 36.5 / 168)}
    assert result.time_driver == "build"


def test_no_queries_gives_no_cost_per_1000_queries():
    assert estimate(queries=0).per_1000_queries is None
    assert "Per 1,000 queries" not in html(estimate(queries=0))


def test_the_csv_download_is_the_month_by_month_series():
    result = estimate(horizon=12)
    (download,) = downloads(result)
    assert (download.filename, download.media_type) == ("costs.csv", "text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [int(r["month"]) for r in rows] == list(range(13))
    series = result.cumulative
    for approach in ("rag", "ft", "both"):
        for band in ("low", "typical", "high"):
            column = [float(r[f"{approach}_{band}_usd"]) for r in rows]
            assert column == pytest.approx(series[approach][band], abs=0.005)
    assert float(rows[-1]["ft_typical_usd"]) == pytest.approx(result.total["ft"].typical, abs=0.005)


def test_sensitivity_names_the_input_that_moves_the_total_most():
    result = estimate(retrain_every=1)
    # 0.9 updates a month: floor(21.6) = 21 knowledge runs, 3 fewer than 24: 3 x 2,600 = 7,800
    assert result.sensitivity[0].input == "updates_per_month"
    assert "Matters most: knowledge updates a month" in markdown(result)
    assert "$7,800" in html(result)


def test_upside_down_range_is_an_error_beside_both_ends():
    answer = run("costs", {"ft_run_low": "6000"})
    assert not answer["ok"] and answer["html"] is None
    assert set(answer["errors"]) == {"ft_run_low", "ft_run_high"}
    assert "5,000 USD a run" in answer["errors"]["ft_run_low"]


def test_a_range_of_one_value_is_fine():
    answer = run("costs", {"rag_setup_low": "300", "rag_setup_high": "300"})
    assert answer["ok"] and answer["result"]["one_time"]["rag"]["low"] == 300


@pytest.mark.parametrize(("name", "text"), [
    ("rag_monthly_low", "-50"),          # negative money
    ("ft_run_high", "NaN"),
    ("custom_input_price", "Infinity"),
    ("repeated_share", "101"),
    ("model", "gpt-99"),
    ("queries", "1e300"),                # absurd magnitude
    ("ft_data_prep_high", "9e999"),      # overflows a float
    ("horizon", "0"),
    ("horizon", "1200"),                 # a century
    ("horizon", "2.5"),
    ("updates", "weekly"),
    ("context_tokens", ""),
])
def test_bad_input_gets_a_message_beside_the_field(name, text):
    answer = run("costs", {name: text})
    assert not answer["ok"] and answer["html"] is None
    assert list(answer["errors"]) == [name]
    assert answer["state"][name] == text


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in costs.CALCULATOR.fields]),
                       st.one_of(st.text(max_size=12), st.floats(), st.integers()), max_size=6))
def test_any_input_gives_a_result_or_messages_never_a_traceback(inputs):
    answer = run("costs", inputs)
    assert answer["ok"] == (not answer["errors"])
    assert (answer["html"] is not None) == answer["ok"]


def test_chart_is_labelled_and_does_not_rely_on_colour():
    page = html(estimate(horizon=60))
    svg = re.search(r"<svg.*</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and "<title>Cumulative cost in USD by month over 60 months" in svg
    assert 'aria-label="Cumulative cost' in svg
    assert 'viewBox="0 0 360' in svg
    for label in (">USD<", ">month<", ">RAG<", ">Fine-tuning<", ">Both (tuned + RAG)<"):
        assert label in svg
    # each approach's line has its own dash pattern (solid has none), repeated in the legend
    dashes = re.findall(r'class="calc-cost-line calc-cost--(\w+)"', svg)
    assert sorted(set(dashes)) == ["both", "ft", "rag"]
    assert len(set(re.findall(r'stroke-dasharray="([\d ]+)" class="calc-cost-line', svg))) == 2
    # neither tuned approach breaks even with the typed prices, so no marker is drawn
    assert "break-even, month" not in svg
    assert "Fine-tuning stays dearer than RAG for all 60 months" in page


def test_chart_marks_the_fine_tuning_break_even():
    # a tuned model a quarter of the answering model's price, at a million queries a month
    cheap = {"custom_tuned_input_price": "0.5", "custom_tuned_cached_price": "0.125",
             "custom_tuned_output_price": "2"}
    result = estimate(queries=1_000_000, **cheap)
    assert result.break_even_ft == 1
    assert "break-even, month 1" in report(result).chart


def test_markdown_has_the_table_and_the_sources():
    text = markdown(estimate())
    assert "| Total over 24 months | $6,136 ($2,886–$9,386) |" in text
    assert "“Cost Comparison”" in text and "the guide" in text
    assert "Dataset: genai-prices" not in text  # every price here was typed


def test_methodology_says_typical_is_the_midpoint():
    assert any("midpoint" in how for _, how in costs.methodology_table().rows)
    assert costs.CALCULATOR.rules_table is costs.methodology_table


def test_run_offers_the_same_csv_the_result_yields():
    answer = run("costs", {"horizon": "6"})
    (offered,) = answer["downloads"]
    assert offered["label"] == "Download CSV" and offered["filename"] == "costs.csv"
    assert offered["text"].splitlines()[0].startswith("month,rag_low_usd")
    assert len(offered["text"].splitlines()) == 1 + 7
    assert "csv" not in answer["result"]


def test_the_default_number_of_examples_sits_in_the_guides_range_for_a_task():
    assert TASK.low <= field("examples").default <= TASK.high
