"""Exact links: what a reader types into the estimator comes back unchanged from a link."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from calculators import CALCULATORS, run
from calculators.kit.links import calculator_url

ROOT = Path(__file__).resolve().parents[3]
COSTS = CALCULATORS["costs"]
BASE = "https://example.org/site/"

# Values as a reader types them: model keys, a dataset-sized price, a large volume, a share.
TYPED = {"model": "custom", "tuned_model": "fireworks-gpt-oss-20b", "custom_input_price": "0.0375",
         "custom_cached_price": "0.01", "queries": "1234567", "repeated_share": "12.5",
         "tuned_price_factor": "1.25", "training_cost": "tokens", "training_price": "0.4"}
# Text that reads as a number only exactly at more than six decimals.
PRECISE = {"custom_output_price": "0.123456789"}


def link_state(url: str) -> dict[str, str]:
    """The inputs a link carries, as the page's script reads them: `costs.field=value`."""
    return {key.removeprefix("costs."): value for key, value in parse_qsl(urlsplit(url).query)}


@pytest.mark.parametrize("typed", [
    TYPED,
    {**TYPED, **PRECISE},
])
def test_a_link_carries_every_typed_value_unchanged_and_reopens_the_same_answer(typed):
    answer = run("costs", typed)
    assert answer["ok"], answer["errors"]
    carried = link_state(calculator_url(COSTS, answer["state"], BASE))
    assert {k: carried[k] for k in typed} == typed
    again = run("costs", carried)
    assert again["state"] == answer["state"] and again["result"] == answer["result"]


def test_the_command_line_url_carries_the_typed_values():
    options = [arg for name, value in TYPED.items()
               for arg in (f"--{name.replace('_', '-')}", value)]
    done = subprocess.run([sys.executable, "-m", "calculators", "costs", *options, "--url",
                           "--site-url", BASE], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    carried = link_state(done.stdout.strip())
    assert {k: carried[k] for k in TYPED} == TYPED
