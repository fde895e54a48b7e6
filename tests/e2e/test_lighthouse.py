"""Lighthouse's accessibility audit scores 100 in its mobile profile (the one where the
pinned headline and the folded groups show) on one page of each kind: the home page, every
calculator page, the methodology's folded tables, the API overview and a part, the glossary.
Lighthouse comes from npm (package.json) and drives the same Chromium as the other browser
tests; one page takes about twelve seconds, so the other guide pages, built from the same
parts, are left to test_accessibility.py's axe-core (Lighthouse's own engine, run on every
page at two widths in both schemes) and to `make bench`, which scores every page.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from calculators import CALCULATORS

from .browser import LAUNCH_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = sorted({"", *(calc.page for calc in CALCULATORS.values()), "methodology/", "vendor-facts/",
                "python-api/", "python-api/calculators/", "glossary/"})


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
