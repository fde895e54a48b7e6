"""Calculators for choosing between RAG, fine-tuning, both, or better prompts.

Standard library only, so the same code runs in CPython and in the browser on Pyodide.

    >>> from calculators import run
    >>> run("readiness", {"examples": "600", "quality": "curated", "goal": "task"})["ok"]
    True
"""

from .calculator import Calculator, Preset
from .protocol import preset_query, render_default_widget, run, run_json
from .registry import CALCULATORS
from .schema import ChoiceField, NumberField, Option, Source, Validated, validate

__all__ = [
    "CALCULATORS", "Calculator", "ChoiceField", "NumberField", "Option", "Preset",
    "Source", "Validated", "preset_query", "render_default_widget", "run", "run_json", "validate",
]
__version__ = "0.1.0"
