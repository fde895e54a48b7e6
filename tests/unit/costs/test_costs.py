"""The cost and time estimator as a reader meets it: inputs, the estimate, the page, bad input."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import costs, run
from calculators.costs.model import COST_FIGURES, PLACEHOLDER_PRICE
from calculators.costs.report import downloads, report
from calculators.kit.provenance import Judgement
from calculators.kit.report import render_html, render_markdown
from calculators.kit.schema import defaults, validate


def estimate(**changes):
    checked = validate(costs.CALCULATOR.fields, {**defaults(costs.CALCULATOR.fields), **changes})
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
        assert COST_FIGURES.section == "Cost and time figures"


def test_token_prices_are_placeholders_credited_to_the_site_not_the_guide():
    (prices,) = [g for g in costs.FIELDS if g.title == "Token prices"]
    assert "placeholders" in prices.help and "enter your provider's" in prices.help
    for f in prices.fields:
        assert f.source is PLACEHOLDER_PRICE and isinstance(f.source, Judgement)


def test_the_iteration_readings_and_the_midpoint_are_the_sites_judgement():
    for name in ("rag_iteration_low", "ft_iteration_high"):
        assert isinstance(field(name).source, Judgement)
    assert any(isinstance(f.source, Judgement) and "midpoint" in f.value for f in costs.FIGURES)


def test_default_estimate_by_hand():
    result = estimate()
    # RAG typical: 250 setup + 24 x (175 running + 74 tokens) = 6,226
    # fine-tuning typical: 3,150 up front + 24 x (8.50 tokens + 2,600 retraining) = 65,754
    # both typical: 3,400 up front + 24 x (175 running + 18.50 tokens) = 8,044
    assert [result.total[a].typical for a in ("rag", "ft", "both")] == pytest.approx([6226, 65_754, 8044])
    assert result.one_time["ft"].low == pytest.approx(300)      # 100 preparation + 1 x 200 run
    assert result.monthly["ft"].high == pytest.approx(5008.5)   # 8.50 tokens + one 5,000 run
    # all-in per 1,000 queries: 6,226 / (10,000 x 24) x 1,000 = 25.94
    assert result.per_1000_queries["rag"].typical == pytest.approx(6226 / 240)
    assert result.retrains == 24
    assert result.break_even_ft is None


def test_weekly_knowledge_makes_updates_dominate_the_time_gap():
    result = estimate(updates=4)
    # build gap: 6 - 1.5 = 4.5 weeks; retraining: 96 runs x 36.5 h = 3,504 h = 20.9 weeks
    assert result.build_gap_weeks == pytest.approx(4.5)
    assert result.iteration_weeks["ft"] == pytest.approx(96 * 36.5 / 168)
    assert result.time_driver == "updates"


def test_stable_knowledge_leaves_the_build_as_the_time_gap():
    result = estimate(updates=0)
    assert result.iteration_weeks == {"rag": 0, "ft": 0}
    assert result.time_driver == "build"
    assert result.break_even_ft == 13  # see test_cost_model for the arithmetic


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
    result = estimate()
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
    ("base_input_price", "Infinity"),
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
    # both breaks even in month 57 of 60; fine-tuning never does, so no marker is drawn
    assert "break-even, month" not in svg
    assert "Both costs more up front and breaks even with RAG in month 57" in page


def test_chart_marks_the_fine_tuning_break_even():
    assert "break-even, month 13" in report(estimate(updates=0)).chart


def test_markdown_has_the_table_and_the_source():
    text = markdown(estimate())
    assert "| Total over 24 months | $6,226 ($2,976–$9,476) |" in text
    assert "“Cost and time figures”" in text and "checked 2026-03-16" in text


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
