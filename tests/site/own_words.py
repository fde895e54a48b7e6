"""Finds runs of words the site's text shares with the source material it was written from.

Run it as a script to print every shared run of 12 or more words:
    python tests/site/own_words.py [path/to/guide-facts.md]
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN = 12  # words in a row that the site must not share with its source
# CI checks out the steering repository's shared/ folder beside the clone.
DEFAULT_FACTS = ROOT.parent / "shared" / "guide-facts.md"
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Link targets, attribute lists, HTML tags and snippet markers are not words a reader reads.
MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>|--8<--.*|https?://\S+")


def facts_path() -> Path:
    """The source material: $GUIDE_FACTS if set, else shared/ beside the repository."""
    return Path(os.environ.get("GUIDE_FACTS", DEFAULT_FACTS))


def words(text: str) -> list[str]:
    return WORD.findall(MARKUP.sub(" ", text).lower().replace("’", "'"))


def shared_runs(source: str, text: str, length: int = RUN) -> list[str]:
    """Each run of `length` words found in both texts, longer shared runs counted once per start."""
    source_words = words(source)
    source_runs = {tuple(source_words[i:i + length]) for i in range(len(source_words) - length + 1)}
    text_words = words(text)
    found = [" ".join(text_words[i:i + length]) for i in range(len(text_words) - length + 1)
             if tuple(text_words[i:i + length]) in source_runs]
    return found


def guide_title() -> str:
    """The guide's title, which the site may quote when it names the guide."""
    if str(ROOT) not in sys.path:  # run as a script from anywhere
        sys.path.insert(0, str(ROOT))
    from calculators.guide import GUIDE
    return GUIDE.title


def site_texts() -> dict[str, str]:
    """Every file whose words a reader sees (the pages and the shared glossary tooltips), with
    the guide's title, quoted where the guide is named, left out."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "includes").rglob("*.md"))
    title = guide_title()
    return {f.relative_to(ROOT).as_posix(): f.read_text(encoding="utf-8").replace(title, " ")
            for f in files}


def main() -> int:
    facts = Path(sys.argv[1]) if len(sys.argv) > 1 else facts_path()
    source = facts.read_text(encoding="utf-8")
    total = 0
    for name, text in site_texts().items():
        for run in shared_runs(source, text):
            print(f"{name}: {run}")
            total += 1
    print(f"{total} shared runs of {RUN} or more words with {facts}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
