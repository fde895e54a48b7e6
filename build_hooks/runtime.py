"""The pinned Pyodide core: check that node_modules holds the version package.json pins,
and copy the files the browser loads into the site under that version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .layout import PYODIDE_PACKAGE, RUNTIME_FILES, pinned_version, runtime_folder


def check_installed() -> None:
    """Stop the build unless node_modules has exactly the pinned Pyodide."""
    installed = PYODIDE_PACKAGE / "package.json"
    if not installed.exists():
        raise SystemExit("Pyodide is not installed: run `npm ci` (or `make build`) first.")
    version = json.loads(installed.read_text())["version"]
    if version != pinned_version():
        raise SystemExit(f"node_modules has Pyodide {version}, package.json pins "
                         f"{pinned_version()}: run `npm ci`.")


def stage(site_dir: Path) -> None:
    target = site_dir / runtime_folder()
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_PACKAGE / name, target / name)
