"""`mkdocs build --strict` refuses a page with a broken calculator block, and says in a short
message which page, which line and what is wrong: a misspelled block, a block with no
calculator, the same calculator twice on a page, an unknown calculator or preset, a preset
link with no text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

from .conftest import copy_of_project


@dataclass(frozen=True)
class Broken:
    """A block appended to a page, and a word the build's message about it must contain."""

    page: str
    block: str
    says: str


BROKEN = {
    "misspelled block": Broken("glossary.md", "/// calculater | readiness\n///", "calculater"),
    "block with no calculator": Broken("faq.md", "/// calculator\n///", "calculator"),
    "empty calculator name": Broken("index.md", "/// calculator |\n///", "calculator"),
    "unknown calculator": Broken("rag.md", "/// calculator | readyness\n///", "readyness"),
    "same calculator twice": Broken("fine-tuning.md", "/// calculator | readiness\n///", "readiness"),
    "unknown preset": Broken("combine.md", "/// calculator-preset | advisor\n    preset: help-desk\n"
                             "    page: decide.md\n\nTry it\n///", "help-desk"),
    "preset link with no text": Broken("examples.md", "/// calculator-preset | advisor\n"
                                       "    preset: customer-support\n    page: decide.md\n\n///", "text"),
}


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], dict[str, int]]:
    """A copy of the project with every broken block above, built strictly; and each block's line."""
    copy = copy_of_project(tmp_path_factory.mktemp("broken"))
    lines: dict[str, int] = {}
    for case, broken in BROKEN.items():
        page = copy / "docs" / broken.page
        text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        lines[case] = text.count("\n") + 1  # the block's first line, counted from 1
        page.write_text(text + broken.block + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(copy / "site")],
        cwd=copy, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return done, lines


def test_the_strict_build_fails_in_a_few_lines_without_a_traceback(broken_build) -> None:
    done, _ = broken_build
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    assert len(output.splitlines()) <= 25, output


@pytest.mark.parametrize("case", BROKEN)
def test_each_broken_block_is_named_with_its_page_and_line(broken_build, case: str) -> None:
    done, lines = broken_build
    broken = BROKEN[case]
    where = re.compile(rf"{re.escape(broken.page)}\D{{1,8}}{lines[case]}\b")
    said = [line for line in (done.stdout + done.stderr).splitlines()
            if where.search(line) and broken.says in line]
    assert said, f"no message names {broken.page}, line {lines[case]} and {broken.says!r}"
