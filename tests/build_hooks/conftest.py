"""What the plugin's tests share: a throwaway copy of the project to build in, and what a
built site's server sends a first visit's Python."""

from __future__ import annotations

import re
import shutil
import urllib.request
from pathlib import Path

from build_hooks.packing import packed
from build_hooks.project import PREFETCH_META, WHEEL_META
from tests.e2e.server import SiteServer

ROOT = Path(__file__).resolve().parents[2]
# What a copy of the project needs to build; node_modules is linked, not copied.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv*", "node_modules", "site", ".make", ".hypothesis", ".cache",
                                    "__pycache__", ".pytest_cache", "tests", "*.egg-info", "dist", "build")


def copy_of_project(parent: Path) -> Path:
    """A copy of the project under `parent`, sharing this one's node_modules."""
    copy = parent / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


def first_visit_files(html: str) -> list[str]:
    """What worker.js and Pyodide fetch on a first visit to the calculator page `html`: the
    prefetched files and the wheel, packed (it is not checked here that the list is right:
    test_site_output does)."""
    prefetch, wheel = (re.search(rf'<meta name="{name}" content="([^"]*)">', html).group(1)
                       for name in (PREFETCH_META, WHEEL_META))
    return [*prefetch.split(" "), packed(wheel)]


def served_bytes(site: Path, files: list[str]) -> int:
    """The body bytes the test server (GitHub Pages' stand-in) sends a browser for `files`,
    compressed where it compresses: urllib does not decode them."""
    total = 0
    with SiteServer(site) as url:
        for file in files:
            request = urllib.request.Request(url + file, headers={"Accept-Encoding": "gzip, deflate, br"})
            with urllib.request.urlopen(request) as response:
                total += len(response.read())
    return total
