"""Stage the pinned Pyodide core from node_modules into the site, under its version.

Only the files `loadPyodide()` fetches are copied; the versioned folder means a new
Pyodide never mixes with an old one in a reader's cache. Pages with a calculator name
the folder in a meta tag (paths are relative to the site root).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
RUNTIME_DIR = "assets/pyodide"


def pinned_version() -> str:
    """The exact Pyodide version package.json asks for."""
    return json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]


def on_pre_build(config, **kwargs) -> None:
    installed = PYODIDE / "package.json"
    if not installed.exists():
        raise SystemExit("Pyodide is not installed: run `npm ci` (or `make build`) first.")
    version = json.loads(installed.read_text())["version"]
    if version != pinned_version():
        raise SystemExit(f"node_modules has Pyodide {version}, package.json pins "
                         f"{pinned_version()}: run `npm ci`.")


def on_post_page(output: str, page, config, **kwargs) -> str:
    if "data-calculator=" not in output:
        return output
    meta = f'<meta name="calculators-runtime" content="{RUNTIME_DIR}/{pinned_version()}/">'
    return output.replace("</head>", meta + "</head>", 1)


def on_post_build(config, **kwargs) -> None:
    target = Path(config["site_dir"]) / RUNTIME_DIR / pinned_version()
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE / name, target / name)
