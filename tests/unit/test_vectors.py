"""The shared vectors in CPython; tests/pyodide runs the same files in Pyodide."""

import pytest
from check import load_cases, problems

from calculators import run

CASES = load_cases()


@pytest.mark.parametrize(("calculator", "case"), CASES, ids=[f"{c}:{case['case']}" for c, case in CASES])
def test_vector(calculator, case):
    assert problems(run, calculator, case) == []


def test_every_calculator_has_vectors():
    from calculators import CALCULATORS

    assert {c for c, _ in CASES} >= set(CALCULATORS)
