"""Write the service worker that keeps the site working offline after a visit.

It lists the site's own files: the shell (pages, styles, scripts, search index), cached
when the worker installs, and the runtime files (Pyodide and the wheel), cached on first
use. The build id changes whenever any of them does, so readers get the new version.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .project import DOWNLOAD_DIR, RUNTIME_DIR, WHEEL_DIR

TEMPLATE = Path(__file__).parent / "templates" / "sw.js"
RUNTIME_PREFIXES = (f"{RUNTIME_DIR}/", f"{WHEEL_DIR}/")
# What a reader's browser never asks for, so an offline copy needs none of it.
NOT_REQUESTED = (
    f"{DOWNLOAD_DIR}/",           # the wheel for pip, a download
    "assets/javascripts/lunr/",   # search language packs: the site is English, which needs none
    "diagrams/",                  # inlined into the pages that show them
    "objects.inv",                # mkdocstrings' inventory, for other sites' API cross-references
)
SKIP_SUFFIXES = (".map", ".gz", ".whl", ".xml", "sw.js")


def write(site: Path) -> None:
    """List the built site's files in sw.js; run last, once every other file is written."""
    shell, runtime = [], []
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        digest.update(relative.encode() + hashlib.sha256(path.read_bytes()).digest())
        if relative.startswith(RUNTIME_PREFIXES):
            runtime.append(relative)
        elif not relative.startswith(NOT_REQUESTED) and not relative.endswith(SKIP_SUFFIXES):
            # Directory URLs, as readers request them: "page/" rather than "page/index.html".
            shell.append(relative.removesuffix("index.html") or "./")
    files = json.dumps({"shell": shell, "runtime": runtime}, indent=1)
    worker = TEMPLATE.read_text().replace("__BUILD__", digest.hexdigest()[:16]).replace("__FILES__", files)
    (site / "sw.js").write_text(worker)
