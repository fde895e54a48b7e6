"""The registry imports a calculator's module the first time that calculator is asked for,
so the browser's first answer waits for its own calculator only (calculators/_registry.py)."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import calculators
from calculators._registry import Registry
from calculators.kit.calculator import Calculator

CALCULATOR_MODULES = ("advisor", "context_window", "costs", "latency", "readiness")


def _imported_after(code: str) -> list[str]:
    """The calculator modules a fresh Python has imported after running `code`."""
    probe = (f"import sys\n{code}\n"
             f"print(sorted(m for m in {CALCULATOR_MODULES!r} if 'calculators.' + m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return eval(done.stdout)


def test_importing_the_package_imports_no_calculator() -> None:
    assert _imported_after("import calculators") == []
    assert _imported_after("import calculators\nassert 'advisor' in calculators.CALCULATORS\n"
                           "assert list(calculators.CALCULATORS)[1] == 'advisor'") == []


def test_a_calculator_asked_for_imports_its_own_module_only() -> None:
    assert _imported_after("import calculators\ncalculators.run('readiness', {})") == ["readiness"]
    assert _imported_after("from calculators import CALCULATORS\nCALCULATORS['context']") == ["context_window"]
    assert _imported_after("from calculators import CALCULATORS\nlist(CALCULATORS.values())") == sorted(
        CALCULATOR_MODULES)


def test_the_registry_reads_as_a_mapping_in_page_order() -> None:
    registry = calculators.CALCULATORS
    assert list(registry) == ["readiness", "advisor", "latency", "context", "costs"]
    assert len(registry) == 5 and "nothing" not in registry and 5 not in registry
    assert registry.get("nothing") is None and registry["costs"] is registry["costs"]
    assert all(isinstance(calc, Calculator) and calc.name == name for name, calc in registry.items())
    with pytest.raises(KeyError):
        registry["nothing"]


def test_a_module_whose_calculator_has_another_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("fake_package.odd")
    module.CALCULATOR = calculators.CALCULATORS["readiness"]
    monkeypatch.setitem(sys.modules, "fake_package", types.ModuleType("fake_package"))
    monkeypatch.setitem(sys.modules, "fake_package.odd", module)
    with pytest.raises(LookupError, match="defines 'readiness', registered as 'odd'"):
        Registry("fake_package", {"odd": "odd"})["odd"]
