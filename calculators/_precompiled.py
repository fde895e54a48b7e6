"""Dataclass methods compiled by the build, so the browser's Python does not compile them.

`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__`... as source text and
compiles it as the class is defined. In Pyodide that was 80 of the 135-180 ms the package
took to import on a cold start (57 frozen dataclasses; measured 2026-12-06 in Node).
The browser's wheel carries those methods already compiled, by the Python that runs them
(build_hooks/compile_python.mjs writes METHODS_FILE beside this module); while the package
imports, `dataclasses` runs the compiled code for each text the file holds. A text it
does not hold compiles as usual, so the classes are the same either way. The source
wheel has no such file: on CPython (command line, build, tests) nothing changes.

This leans on one detail of the standard library: `dataclasses` calls the global name
`exec` on the text it writes (CPython 3.13-3.14). If that changes, every class compiles
as before and tests/pyodide fails on the lost saving.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import importlib.util
import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager

METHODS_FILE = "dataclass_methods.marshal"
# What the imports under precompiled_dataclasses() did, for the tests: texts run from the
# file, and texts compiled because the file did not hold them, counted since the first.
used = {"precompiled": 0, "compiled": 0}


def dump(methods: dict[str, object]) -> bytes:
    """The file's bytes: each text with its code, stamped with the bytecode's version."""
    return marshal.dumps({"magic": importlib.util.MAGIC_NUMBER, "methods": methods})


@contextmanager
def precompiled_dataclasses(path: str = os.path.join(os.path.dirname(__file__), METHODS_FILE)) -> Iterator[None]:
    methods = _load(path)
    if not methods:
        yield
        return

    def run(text: str, globals: dict, locals: dict) -> None:
        code = methods.get(text)
        used["precompiled" if code else "compiled"] += 1
        builtins.exec(code or text, globals, locals)

    dataclasses.exec = run  # shadows the builtin for that module only
    try:
        yield
    finally:
        del dataclasses.exec


@functools.cache  # read once: each calculator imports under it (_registry.py)
def _load(path: str) -> dict[str, object]:
    try:
        with open(path, "rb") as file:
            stored = marshal.loads(file.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # no file (CPython, the source wheel) or not readable: compile as usual
    # Bytecode from another Python version would not run: compile as usual.
    return stored["methods"] if stored.get("magic") == importlib.util.MAGIC_NUMBER else {}
