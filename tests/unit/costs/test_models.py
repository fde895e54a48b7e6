"""The models the estimator offers are ones that exist today, and retirements show in the plan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from calculators import vendors
from calculators.costs.fields import FIELDS
from calculators.costs.pricing import CUSTOM, DEFAULT_TUNED
from calculators.kit.schema import flat_fields

from .conftest import COSTS, estimate_of

ROOT = Path(__file__).resolve().parents[3]
BY_NAME = {f.name: f for f in flat_fields(FIELDS)}


def _options(name):
    return [o.value for o in BY_NAME[name].options if o.value != CUSTOM]


def test_only_routes_open_today_are_offered_for_tuning():
    offered = _options("tuned_model")
    assert offered and DEFAULT_TUNED == BY_NAME["tuned_model"].default
    for key in offered:
        assert vendors.can_tune_today(vendors.route(key)), key
    assert "openai-api" not in offered and "anthropic" not in offered


def test_models_already_shut_down_are_not_offered_to_answer():
    offered = _options("model")
    assert "openai-gpt-3.5-turbo" not in offered and "google-gemini-2.5-pro" not in offered
    assert all(not vendors.retired(key) for key in offered)


def test_the_default_plan_flags_the_retirement_inside_its_horizon():
    e = estimate_of()
    assert {(r.model, r.date, r.month) for r in e.retirements} == {
        ("answering", "2027-07-21", 8), ("tuned", "2027-07-21", 8)}
    assert any(ev.cause == "retirement" and ev.month == 8 for ev in e.events)
    html = COSTS.report(e)
    assert ("Gemini 3.5 Flash Lite (Google) and the tuned model built on it retire on 2027-07-21 "
            "or later, month 8 of the plan") in html.summary


def test_a_tuned_model_that_retires_inside_the_horizon_is_trained_again_that_month():
    e = estimate_of(tuned_model="azure-gpt-4.1-mini")
    moves = [ev for ev in e.events if ev.approach == "ft_rag" and ev.cause == "retirement"]
    assert moves[0].month == 11 and moves[0].cost.low > e.run_cost.low  # runs + evaluation
    assert e.jobs_end_month == 5
    csv = COSTS.downloads(e)[0].text.splitlines()
    assert csv[0].endswith(",events") and "retirement" in csv[1 + 11] and "retirement" not in csv[1 + 10]


def test_the_command_line_shows_the_migration_in_text_and_json():
    def cli(*args):
        done = subprocess.run([sys.executable, "-m", "calculators", "costs",
                               "--tuned-model", "azure-gpt-4.1-mini", *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "retires on 2027-10-14, month 11 of the plan" in " ".join(cli().split())
    data = json.loads(cli("--json"))
    events = data["result"]["events"] if "result" in data else data["events"]
    assert any(ev["cause"] == "retirement" and ev["month"] == 11 for ev in events)


def test_a_tuned_model_unlike_the_answering_model_is_called_a_mix():
    e = estimate_of(model="anthropic-claude-haiku-5-5")
    assert not e.like_for_like
    assert "mixes a change of model with a change of approach" in COSTS.report(e).summary
    assert "mixes" not in COSTS.report(estimate_of()).summary
