"""The biggest files of a first visit, served zstd-compressed and unpacked in the browser.

A static host compresses by type: GitHub Pages gzips the runtime's WebAssembly and sends
zip archives as they are. zstd at level 19 sends less. Measured 2026-12-06 on Pyodide
314.0.7: the wasm 3.54 -> 2.89 MB; the standard library, as a stored zip, 0.90 -> 0.65 MB;
the wheel 0.20 -> 0.14 MB: 0.96 MB less on a first calculator visit. The worker unpacks
them with zstd's own decoder compiled to WebAssembly (23 KB gzipped;
docs/javascripts/unpack.js): the wasm in 15-32 ms in Node on the project's machine.
Browsers decode zstd only as a Content-Encoding, which such a host does not let a site
choose, and their DecompressionStream has no zstd or brotli (Chromium 156).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import zstandard

from .project import PACKED_SUFFIX

LEVEL = 19  # 20-22 gain under 0.1% on these files and need more memory to unpack


def packed(path: str) -> str:
    """The name a packed file is served under."""
    return path + PACKED_SUFFIX


def pack(data: bytes, cache_dir: Path | None = None) -> bytes:
    """`data` zstd-compressed. Level 19 takes about 5 s for the wasm, which is the same in
    every build: with `cache_dir`, a result is kept there under its input's hash."""
    cached = None
    if cache_dir is not None:
        cached = cache_dir / f"{hashlib.sha256(data).hexdigest()[:32]}-{LEVEL}{PACKED_SUFFIX}"
        if cached.is_file():
            return cached.read_bytes()
    result = zstandard.ZstdCompressor(level=LEVEL).compress(data)  # writes the size, for unpack()
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.write_bytes(result)
        partial.replace(cached)  # never a half-written file under the final name
    return result


def unpack(data: bytes) -> bytes:
    """What the worker gets from a packed file (for tests and the benchmark)."""
    return zstandard.ZstdDecompressor().decompress(data)
