"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.browser import LAUNCH_ARGS, chromium_path

# Several test runs share this machine's two cores; a slow moment is not a failure.
settings.register_profile("shared-machine", deadline=None)
settings.load_profile("shared-machine")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "vectors"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per session with `mkdocs build --strict` (warnings fail it), by
    the `mkdocs` command beside this Python, as `.venv/bin/mkdocs build --strict` runs."""
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every test that drives a page."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        yield browser
        browser.close()


# Each slow suite is marked by where it lives, so `-m "not e2e and not pyodide"` (make
# test-fast) runs everything else and no test file has to remember its own marker.
SUITE_MARKERS = {"e2e": pytest.mark.e2e, "pyodide": pytest.mark.pyodide}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests = ROOT / "tests"
    for item in items:
        path = item.path.resolve()
        folder = path.relative_to(tests).parts[0] if path.is_relative_to(tests) else ""
        if folder in SUITE_MARKERS:
            item.add_marker(SUITE_MARKERS[folder])
