"""The site in Firefox (Debian's firefox-esr here), driven over WebDriver BiDi by
tests/e2e/firefox.mjs: Python starts and answers in the reader's browser, a shared link's
values come back, and the search (Material's, behind the site's stand-in worker) finds pages.
Chromium drives every other end-to-end test; this one proves the same machinery does not lean
on it. Skipped where no Firefox can be found or installed, except in CI."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .browser import firefox_path

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def test_the_calculators_and_the_search_work_in_firefox(site_url: str) -> None:
    firefox = firefox_path()
    if not firefox:
        if os.environ.get("CI"):
            pytest.fail("no Firefox: `make test` installs Debian's firefox-esr (tests/e2e/browser.py)")
        pytest.skip("no Firefox here: `make test` installs one on Debian")
    done = subprocess.run(["node", str(ROOT / "tests/e2e/firefox.mjs"), firefox, site_url],
                          capture_output=True, text=True, timeout=300, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["problems"] == []
    assert "640 reviewed examples" in seen["readiness"]
    assert seen["linked"] == "40"
    assert seen["search"].endswith("matching documents") and not seen["search"].startswith("No ")
