"""The registry of calculators: each one's module is imported the first time it is asked for.

The browser's first answer on a page then waits for that page's calculator alone: the
package took 30-37 ms to import in Node with every calculator (the advisor's module 23 ms
of it) and a few ms with the readiness calculator only (measured 2026-12-06). The worker
imports the rest before it keeps Python's memory for the next visit (docs/javascripts/worker.js).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from ._precompiled import precompiled_dataclasses
from .kit.calculator import Calculator


class Registry(Mapping[str, Calculator]):
    """Calculators by name, in the order given; `modules` maps each name to the module (under
    `package`) whose CALCULATOR it is."""

    def __init__(self, package: str, modules: dict[str, str]) -> None:
        self._package = package
        self._modules = dict(modules)
        self._loaded: dict[str, Calculator] = {}

    def __getitem__(self, name: str) -> Calculator:
        if name not in self._loaded:
            if name not in self._modules:
                raise KeyError(name)
            # In the browser, the dataclasses a module defines come with their methods compiled.
            with precompiled_dataclasses():
                module = importlib.import_module(f"{self._package}.{self._modules[name]}")
            calc = module.CALCULATOR
            if calc.name != name:
                raise LookupError(f"{module.__name__} defines {calc.name!r}, registered as {name!r}")
            self._loaded[name] = calc
        return self._loaded[name]

    def __contains__(self, name: object) -> bool:
        return name in self._modules  # without importing it

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)
