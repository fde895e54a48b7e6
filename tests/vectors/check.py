"""Shared test vectors: one list of cases proves the calculators in CPython and in Pyodide.

Stdlib only: pytest imports this module, and the Pyodide runner loads the same file
into the browser runtime under Node, so both runtimes judge the cases identically.

A case file `<calculator>.json` holds a list of:
  {"case": "name_that_says_the_situation", "inputs": {...},
   "expect": {"ok": bool,
              "result": {key: value, ...},     # subset of run()["result"]
              "errors": ["field", ...],        # exactly these fields are invalid
              "state": {field: text, ...},     # subset of run()["state"]
              "html_contains": ["text", ...],  # each appears in the result HTML or its text
              "notes": int}}                   # number of notes about ignored input
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

VECTORS = Path(__file__).parent


def load_cases(directory: Path = VECTORS) -> list[tuple[str, dict[str, Any]]]:
    """Every (calculator, case) pair in the vector files, in a stable order."""
    cases = []
    for path in sorted(directory.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append((path.stem, case))
    return cases


def problems(run: Callable[[str, Any], dict[str, Any]], calculator: str, case: dict[str, Any]) -> list[str]:
    """What differs between run()'s answer and the case's expectations (empty: it passes)."""
    answer = run(calculator, case["inputs"])
    expect = case["expect"]
    found = []
    if "ok" in expect and answer["ok"] != expect["ok"]:
        found.append(f"ok is {answer['ok']}, expected {expect['ok']}; errors {answer['errors']}")
    for key, want in expect.get("result", {}).items():
        got = (answer["result"] or {}).get(key, "<missing>")
        if got != want:
            found.append(f"result[{key!r}] is {got!r}, expected {want!r}")
    if "errors" in expect and sorted(answer["errors"]) != sorted(expect["errors"]):
        found.append(f"errors on {sorted(answer['errors'])}, expected {sorted(expect['errors'])}")
    for key, want in expect.get("state", {}).items():
        if answer["state"].get(key) != want:
            found.append(f"state[{key!r}] is {answer['state'].get(key)!r}, expected {want!r}")
    html = answer["html"] or ""
    words = re.sub(r"<[^>]*>", "", html)  # the text a reader sees, e.g. a range in a no-wrap span
    for text in expect.get("html_contains", []):
        if text not in html and text not in words:
            found.append(f"result HTML lacks {text!r}")
    if "notes" in expect and len(answer["notes"]) != expect["notes"]:
        found.append(f"{len(answer['notes'])} notes, expected {expect['notes']}: {answer['notes']}")
    return found


def run_all(run: Callable[[str, Any], dict[str, Any]]) -> str:
    """Check every case; JSON {"passed": n, "failed": {case: [problems]}} for the Pyodide runner."""
    failed: dict[str, list[str]] = {}
    cases = load_cases()
    for calculator, case in cases:
        found = problems(run, calculator, case)
        if found:
            failed[f"{calculator}:{case['case']}"] = found
    return json.dumps({"passed": len(cases) - len(failed), "failed": failed})
