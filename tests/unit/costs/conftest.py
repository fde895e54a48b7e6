"""Fixtures for the estimator's tests: its calculator, and one call that computes from inputs."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS
from calculators.kit.schema import defaults, validate

COSTS = CALCULATORS["costs"]


def estimate_of(**inputs):
    """The estimate for the defaults changed by `inputs` (field names, any valid values)."""
    checked = validate(COSTS.fields, {**defaults(COSTS.fields), **inputs})
    assert checked.ok, checked.errors
    return COSTS.compute(checked.values)


def preset(name: str, **more):
    """The estimate for one of the estimator's presets, with more inputs changed."""
    values = next(p for p in COSTS.presets if p.name == name).values
    return estimate_of(**{**values, **more})


@pytest.fixture
def estimate():
    return estimate_of
