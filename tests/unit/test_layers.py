"""The package's layers, proved from its imports: kit below the calculators, the API on top.

Every module of `calculators` is parsed (not imported), so a cycle shows up here even
when Python's import order happens to tolerate it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import calculators

PACKAGE = Path(calculators.__file__).parent
CALCULATOR_MODULES = ("calculators.advisor", "calculators.costs", "calculators.latency",
                      "calculators.context_window", "calculators.readiness")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The package's own modules that `name` imports (at run time, not for type checking)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def owner(module: str) -> str | None:
    """The calculator a module belongs to, if any."""
    return next((c for c in CALCULATOR_MODULES if module == c or module.startswith(c + ".")), None)


def test_the_walk_sees_the_package():
    assert {"calculators", "calculators.kit.report", "calculators.advisor.rules",
            "calculators.costs.estimate", "calculators.figures"} <= set(MODULES)
    assert "calculators.advisor.rules" in GRAPH["calculators.advisor"]


@pytest.mark.parametrize("name", sorted(m for m in MODULES if m.startswith("calculators.kit")))
def test_kit_imports_only_kit(name):
    assert all(m.startswith("calculators.kit") for m in GRAPH[name]), GRAPH[name]


@pytest.mark.parametrize("name", sorted(m for m in MODULES if owner(m)))
def test_no_calculator_imports_another_or_the_api(name):
    for imported in GRAPH[name]:
        assert owner(imported) in (None, owner(name)), f"{name} imports {imported}"
        assert imported not in ("calculators", "calculators.cli"), f"{name} imports {imported}"


@pytest.mark.parametrize("name", ["calculators.figures", "calculators.guide"])
def test_shared_figures_and_the_guide_import_only_the_kit_and_the_guide(name):
    assert all(m.startswith("calculators.kit") or m == "calculators.guide" for m in GRAPH[name])


def test_the_price_dataset_imports_only_the_kit_and_the_generated_prices():
    assert GRAPH["calculators.price_dataset"] == {"calculators.kit.provenance", "calculators.prices"}


def test_there_is_no_import_cycle():
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join(trail + (name,))
        if name in done:
            return
        for imported in GRAPH[name]:
            visit(imported, trail + (name,))
        done.add(name)

    for name in MODULES:
        visit(name, ())


def test_only_the_command_line_imports_the_api():
    importers = {name for name, imported in GRAPH.items() if "calculators" in imported}
    assert importers == {"calculators.cli"}
