"""The pinned Pyodide core: check that node_modules holds the version package.json pins,
and copy the files the browser loads into the site under that version, the biggest
packed, with the decoder that unpacks them (packing.py) and its licences."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

from .packing import pack, packed
from .project import DECODER_FILE, DECODER_LICENSE_FILE, PACKED_RUNTIME_FILES, RUNTIME_FILES, Project


class RuntimeMissingError(Exception):
    """node_modules lacks the pinned Pyodide; the message says what to run."""


def check_installed(project: Project) -> None:
    """Raise RuntimeMissingError unless node_modules has exactly the pinned Pyodide."""
    installed = project.pyodide_package / "package.json"
    if not installed.exists() or not project.decoder.exists():
        raise RuntimeMissingError("Pyodide or zstddec is not installed: run `npm ci` (or `make build`) first.")
    version = json.loads(installed.read_text())["version"]
    if version != project.pinned_version():
        raise RuntimeMissingError(f"node_modules has Pyodide {version}, package.json pins "
                             f"{project.pinned_version()}: run `npm ci`.")


def stage(project: Project, site_dir: Path) -> None:
    target = site_dir / project.runtime_folder()
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        source = project.pyodide_package / name
        if name in PACKED_RUNTIME_FILES:
            (target / packed(name)).write_bytes(pack(source.read_bytes(), project.cache_dir))
        else:
            shutil.copy2(source, target / name)
    decoder = site_dir / DECODER_FILE
    decoder.parent.mkdir(parents=True, exist_ok=True)
    decoder.write_bytes(decoder_binary(project))
    shutil.copy2(project.decoder_package / "LICENSE", site_dir / DECODER_LICENSE_FILE)


def decoder_binary(project: Project) -> bytes:
    """zstddec's WebAssembly, which its script holds as `const wasm = "<base64>"`."""
    found = re.search(r'\bconst wasm = "([A-Za-z0-9+/=]+)"', project.decoder.read_text(encoding="utf-8"))
    if not found:
        raise RuntimeMissingError(f"{project.decoder} no longer holds its WebAssembly as base64: "
                                  "a new zstddec? Check DECODER_SCRIPT in build_hooks/project.py.")
    return base64.b64decode(found.group(1))
