"""What a first visit's Python costs the reader to download, in bytes, so the page can say it.

Counted from the files as written into the site, as a server sends them: the text files
gzipped, the packed files (packing.py) as they are. GitHub Pages compresses by type, as
tests/e2e/server.py (which stands in for it) does: JavaScript, JSON and WebAssembly, but
not a file of a type it does not know, such as the packed ones.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

# pyodide.mjs and pyodide.asm.mjs, pyodide-lock.json (and a .wasm, were one sent unpacked).
COMPRESSED_SUFFIXES = (".mjs", ".js", ".json", ".wasm")
# gzip -9, as tests/e2e/server.py serves; a server at gzip's default level (6) would send
# about 0.4% more for these files.
GZIP_LEVEL = 9


def served_size(path: Path) -> int:
    """The bytes a server sends for the file at `path`."""
    data = path.read_bytes()
    if path.name.endswith(COMPRESSED_SUFFIXES):
        return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    return len(data)


def first_visit_bytes(site_dir: Path, paths: Iterable[str]) -> int:
    """The bytes a first visit downloads for the files at `paths` (from the site root)."""
    return sum(served_size(site_dir / path) for path in paths)
