"""Lighthouse's accessibility audit scores every page 100, in its mobile profile (the one
where the pinned headline and the folded groups show). Lighthouse comes from npm
(package.json) and drives the same Chromium as the other browser tests; one page takes
about ten seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.site.nav import built_path, nav_pages

from .browser import LAUNCH_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Every page in the navigation, as its address under the site's root.
PAGES = [built_path(page).removesuffix("index.html") for page in nav_pages()]


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_accessibility_is_100(site_url: str, path: str, tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    subprocess.run(
        [str(LIGHTHOUSE), site_url + path, "--quiet", "--only-categories=accessibility",
         f"--chrome-flags=--headless=new {' '.join(LAUNCH_ARGS)}", "--output=json",
         f"--output-path={report_file}"],
        check=True, cwd=ROOT, env={**os.environ, "CHROME_PATH": chromium_path() or ""},
    )
    report = json.loads(report_file.read_text())
    category = report["categories"]["accessibility"]
    failed = [ref["id"] for ref in category["auditRefs"]
              if ref["weight"] and report["audits"][ref["id"]]["score"] == 0]
    assert round(category["score"] * 100) == 100, f"{path or 'home'}: failed audits {failed}"
