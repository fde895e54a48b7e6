"""The model-price table: current with the installed dataset, and true to it."""

from __future__ import annotations

import ast
import datetime
import importlib.util
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from genai_prices import Usage, data

from calculators import prices

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = ".venv/bin/python scripts/update_prices.py"
AS_OF = datetime.date.fromisoformat(prices.PRICES_AS_OF)
# Few enough tokens that no tiered price (they start at 100,000 and up) comes into play.
TOKENS = 10_000


def _generator():
    spec = importlib.util.spec_from_file_location("update_prices", ROOT / "scripts" / "update_prices.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_table_is_current_with_the_installed_dataset():
    fresh = _generator().table_from_installed_dataset(AS_OF)
    committed = (ROOT / "calculators" / "prices.py").read_text(encoding="utf-8")
    assert fresh == committed, (
        f"calculators/prices.py differs from the installed genai-prices: run `{REGENERATE}` "
        "(it takes today's prices) and review the diff")


def _dataset_model(row: prices.ModelPrice):
    provider = next(p for p in data.providers if p.name == row.provider)
    return provider, next(m for m in provider.models if m.id == row.model_id)


def _dataset_price(row: prices.ModelPrice, **usage: int) -> tuple[Decimal, Decimal]:
    """(input, output) USD per million tokens, as the dataset's own calculator charges them."""
    provider, model = _dataset_model(row)
    moment = datetime.datetime.combine(AS_OF, datetime.time(12), datetime.timezone.utc)
    charged = model.calc_price(Usage(**usage), provider, genai_request_timestamp=moment)
    scale = Decimal(1_000_000) / TOKENS
    return charged.input_price * scale, charged.output_price * scale


@pytest.mark.parametrize("row", prices.MODELS, ids=lambda r: r.key)
def test_prices_are_what_the_dataset_charges(row):
    charged_input, charged_output = _dataset_price(row, input_tokens=TOKENS, output_tokens=TOKENS)
    assert (Decimal(str(row.input)), Decimal(str(row.output))) == (charged_input, charged_output)
    cached, _ = _dataset_price(row, input_tokens=TOKENS, cache_read_tokens=TOKENS)
    # Where the dataset lists no cached price, it charges cached tokens as ordinary input.
    assert Decimal(str(row.cached_input if row.cached_input is not None else row.input)) == cached


def test_context_windows_are_the_datasets():
    for row in prices.MODELS:
        assert row.context_window == _dataset_model(row)[1].context_window


def test_cached_input_never_costs_more_than_input():
    # The estimator relies on it: caching a prompt prefix can only lower the bill.
    for row in prices.MODELS:
        assert row.cached_input is None or row.cached_input <= row.input, row.key


def test_every_tuned_model_names_its_base_in_the_table():
    keys = {row.key for row in prices.MODELS}
    tuned = [row for row in prices.MODELS if row.tuned_from]
    assert tuned, "the dataset lists tuned-model prices; the table should carry them"
    assert all(row.tuned_from in keys for row in tuned)


def test_keys_are_unique_and_safe_in_a_url():
    keys = [row.key for row in prices.MODELS]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z0-9.-]+", key) for key in keys)


def test_the_main_providers_and_open_weight_models_are_present():
    providers = {row.provider for row in prices.MODELS}
    assert {"OpenAI", "Anthropic", "Google", "Mistral", "Fireworks"} <= providers


def test_table_is_standard_library_only():
    tree = ast.parse((ROOT / "calculators" / "prices.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}
