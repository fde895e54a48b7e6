"""Where the build puts Python in the site, the names pages use to find it, and the project
it comes from (its folder, its calculator package, its pinned Pyodide).

Every step takes these from here, so a folder or a meta name changes in one place. Paths
in the site are relative to its root; pages turn them into links relative to themselves.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType

# The files loadPyodide() fetches for the core runtime, as the npm package has them.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
# The standard library: the build keeps only what a visit imports, compiled (wheel.py), and
# puts it beside the wheel.
STDLIB_FILE = "python_stdlib.zip"
# Served zstd-compressed, as the name plus PACKED_SUFFIX, and unpacked by the worker
# (packing.py): the runtime's WebAssembly here, and always the wheel and the standard library.
PACKED_RUNTIME_FILES = ("pyodide.asm.wasm",)
PACKED_SUFFIX = ".zst"
# The zstd decoder the worker unpacks them with: zstd's C decoder compiled to WebAssembly,
# which npm's zstddec (pinned in package-lock.json) carries inside this script as base64.
# The build writes the binary beside the site's scripts (runtime.py), where
# docs/javascripts/unpack.js finds it as "./zstd-decoder.wasm".
DECODER_PACKAGE, DECODER_SCRIPT = "zstddec", "dist/zstddec-stream.mjs"
DECODER_FILE = "javascripts/zstd-decoder.wasm"
# The package's LICENSE, beside it: zstddec's MIT and zstd's BSD, which asks a binary to
# travel with its notice.
DECODER_LICENSE_FILE = "javascripts/zstd-decoder.wasm.LICENSE.txt"
RUNTIME_DIR = "assets/pyodide"      # then the Pyodide version: a new one never mixes with an old
WHEEL_DIR = "assets/calculators"    # then a content hash (wheel and stdlib): cached forever
DOWNLOAD_DIR = "download"           # the source wheel for pip, under its own stable name
# The <meta name> a calculator page carries for each (read by docs/javascripts/python.js).
RUNTIME_META = "calculators-runtime"
WHEEL_META = "calculators-wheel"
STDLIB_META = "calculators-stdlib"
PREFETCH_META = "calculators-prefetch"  # the runtime's files and the stdlib, as fetched, space-separated
PACKED_META = "calculators-packed"  # the files served packed, as served, space-separated
DOWNLOAD_META = "calculators-download"  # bytes a first visit's Python downloads (download.py)
# How a rendered page shows it holds a calculator (the attribute the kit's form writes).
CALCULATOR_MARK = "data-calculator="


def has_calculator(html: str) -> bool:
    return CALCULATOR_MARK in html


@dataclass(frozen=True)
class Project:
    """The project a site is built from: the folder holding its pyproject.toml, package.json
    and node_modules, and the name of its calculator package (which the kit's API exports:
    CALCULATORS, run_json, render_default_widget, ...)."""

    root: Path
    package: str = "calculators"

    @cached_property
    def module(self) -> ModuleType:
        return importlib.import_module(self.package)

    @property
    def pyodide_package(self) -> Path:
        return self.root / "node_modules" / "pyodide"

    @property
    def decoder_package(self) -> Path:
        return self.root / "node_modules" / DECODER_PACKAGE

    @property
    def decoder(self) -> Path:
        return self.decoder_package / DECODER_SCRIPT

    @property
    def cache_dir(self) -> Path:
        """Where builds keep what is slow to remake and the same every time (packed runtime)."""
        return self.root / "node_modules" / ".cache" / "calculators"

    def pinned_version(self) -> str:
        """The exact Pyodide version package.json asks for."""
        return json.loads((self.root / "package.json").read_text())["dependencies"]["pyodide"]

    def runtime_folder(self) -> str:
        """This build's runtime folder, ending in a slash (Pyodide's indexURL)."""
        return f"{RUNTIME_DIR}/{self.pinned_version()}/"

    def wheel_name(self) -> str:
        """The wheel's file name, as the build backend names it (PEP 427)."""
        return f"{self.package}-{self.module.__version__}-py3-none-any.whl"
