"""What a calculator page's <head> gets: where Python is, how much a first visit downloads,
and the page's calculator scripts.

Other pages get neither, so they never fetch Python or the scripts that drive it. A
calculator page names the exact runtime, wheel and standard library it was built with, so
a page and a wheel from different deploys never meet.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from .packing import packed
from .project import (
    DECODER_FILE,
    DOWNLOAD_META,
    PACKED_META,
    PACKED_RUNTIME_FILES,
    PREFETCH_META,
    RUNTIME_FILES,
    RUNTIME_META,
    STDLIB_META,
    WHEEL_META,
    Project,
)
from .wheel import BrowserPython


def root_from(page_dest: str) -> str:
    """The site root, relative to the page written at `page_dest` ("page/index.html")."""
    return posixpath.relpath(".", posixpath.dirname(page_dest) or ".") + "/"


def packed_files(project: Project, python: BrowserPython) -> list[str]:
    """The files served packed, by the names the runtime and the worker ask for."""
    runtime = [project.runtime_folder() + name for name in PACKED_RUNTIME_FILES]
    return [*runtime, python.stdlib_path, python.wheel_path]


def prefetched_files(project: Project, python: BrowserPython) -> list[str]:
    """What a calculator page downloads ahead of starting Python, from the site root, as
    fetched: the runtime's files, the standard library and the decoder that unpacks them.
    Not the wheel: it downloads while the runtime starts, and a repeat visit's memory
    snapshot already holds it."""
    wanted = [project.runtime_folder() + name for name in RUNTIME_FILES] + [python.stdlib_path, DECODER_FILE]
    packed_paths = packed_files(project, python)
    return [packed(path) if path in packed_paths else path for path in wanted]


def first_visit_files(project: Project, python: BrowserPython) -> list[str]:
    """Every file a first visit's Python downloads, from the site root, as fetched."""
    return [*prefetched_files(project, python), packed(python.wheel_path)]


def head_tags(project: Project, python: BrowserPython, download: int, scripts: Iterable[str], root: str) -> str:
    """The tags a calculator page's <head> gets; `download` is the bytes of
    first_visit_files() as served. Meta paths are from the site root (the scripts resolve
    them); script paths are made relative to the page through `root`."""
    runtime = project.runtime_folder()
    files = " ".join(prefetched_files(project, python))
    packed_paths = " ".join(packed(path) for path in packed_files(project, python))
    return "".join([
        f'<meta name="{RUNTIME_META}" content="{runtime}">',
        f'<meta name="{WHEEL_META}" content="{python.wheel_path}">',
        f'<meta name="{STDLIB_META}" content="{python.stdlib_path}">',
        f'<meta name="{PREFETCH_META}" content="{files}">',
        f'<meta name="{PACKED_META}" content="{packed_paths}">',
        f'<meta name="{DOWNLOAD_META}" content="{download}">',
        *(f'<script type="module" src="{root}{script}"></script>' for script in scripts),
    ])


def with_head_tags(html: str, tags: str) -> str:
    return html.replace("</head>", tags + "</head>", 1)
