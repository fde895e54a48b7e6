"""What a calculator page's <head> gets: where Python is, and the page's calculator scripts.

Other pages get neither, so they never fetch Python or the scripts that drive it. A
calculator page names the exact runtime, wheel and standard library it was built with, so
a page and a wheel from different deploys never meet.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from .project import PREFETCH_META, RUNTIME_FILES, RUNTIME_META, STDLIB_META, WHEEL_META, Project
from .wheel import BrowserPython


def root_from(page_dest: str) -> str:
    """The site root, relative to the page written at `page_dest` ("page/index.html")."""
    return posixpath.relpath(".", posixpath.dirname(page_dest) or ".") + "/"


def head_tags(project: Project, python: BrowserPython, scripts: Iterable[str], root: str) -> str:
    """The tags a calculator page's <head> gets. Meta paths are from the site root (the
    scripts resolve them); script paths are made relative to the page through `root`."""
    runtime = project.runtime_folder()
    # Not the wheel: it downloads while the runtime starts, and a repeat visit's memory
    # snapshot already holds it.
    files = " ".join([runtime + name for name in RUNTIME_FILES] + [python.stdlib_path])
    return "".join([
        f'<meta name="{RUNTIME_META}" content="{runtime}">',
        f'<meta name="{WHEEL_META}" content="{python.wheel_path}">',
        f'<meta name="{STDLIB_META}" content="{python.stdlib_path}">',
        f'<meta name="{PREFETCH_META}" content="{files}">',
        *(f'<script type="module" src="{root}{script}"></script>' for script in scripts),
    ])


def with_head_tags(html: str, tags: str) -> str:
    return html.replace("</head>", tags + "</head>", 1)
