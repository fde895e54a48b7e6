"""ruff, as `make lint` runs it, finds nothing in the repository (pyproject.toml says which
rules: pyflakes, bugbear, import order, naming, blind excepts, stale `# noqa`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUFF = [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise"]


def test_ruff_finds_nothing():
    done = subprocess.run([*RUFF, "."], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_really_reports_what_it_is_configured_for(tmp_path):
    # Checked with the project's configuration, from a file outside it.
    broken = tmp_path / "broken.py"
    broken.write_text("import sys\nimport os\n\n\ndef f():\n    return tag('a')  # noqa: E501\n")
    done = subprocess.run([*RUFF, "--config", str(ROOT / "pyproject.toml"), str(broken)],
                          cwd=ROOT, capture_output=True, text=True)
    codes = {line.split(" ")[1] for line in done.stdout.splitlines() if line.startswith(str(broken))}
    assert codes == {"F401", "F821", "I001", "RUF100"}, done.stdout
