"""Where the build puts Python in the site, and the names pages use to find it.

Every hook and block takes these from here, so a folder or a meta name changes in one place.
Paths are relative to the site root; pages turn them into links relative to themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

import calculators

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# The files loadPyodide() fetches for the core runtime, as the npm package has them.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
# The standard library: the build compiles what the calculators import (wheel.py), and puts
# it beside the wheel.
STDLIB_FILE = "python_stdlib.zip"
RUNTIME_DIR = "assets/pyodide"      # then the Pyodide version: a new one never mixes with an old
WHEEL_DIR = "assets/calculators"    # then a content hash (wheel and stdlib): cached forever
DOWNLOAD_DIR = "download"           # the source wheel for pip, under its own stable name
# The <meta name> a calculator page carries for each (read by docs/javascripts/python.js).
RUNTIME_META = "calculators-runtime"
WHEEL_META = "calculators-wheel"
STDLIB_META = "calculators-stdlib"
PREFETCH_META = "calculators-prefetch"  # the runtime's files and the stdlib, space-separated
# How a rendered page shows it holds a calculator (the attribute calculators' form writes).
CALCULATOR_MARK = "data-calculator="


def pinned_version() -> str:
    """The exact Pyodide version package.json asks for."""
    return json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]


def runtime_folder() -> str:
    """This build's runtime folder, ending in a slash (Pyodide's indexURL)."""
    return f"{RUNTIME_DIR}/{pinned_version()}/"


def wheel_name() -> str:
    """The wheel's file name, as the build backend names it (PEP 427)."""
    return f"calculators-{calculators.__version__}-py3-none-any.whl"


def has_calculator(html: str) -> bool:
    return CALCULATOR_MARK in html
