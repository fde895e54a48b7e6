"""The vendor-facts marker: a line `<!-- vendor-facts: NAME -->` becomes that block's Markdown.

    <!-- vendor-facts: tuning_routes -->     who can tune what today (calculators.vendors.pages
                                             lists every NAME in BLOCKS)

The words, dates and tables come from `calculators.vendors.pages`; this extension only puts
them where the page asks. It is a Python-Markdown preprocessor, so it runs wherever
Python-Markdown does, and the marker is an HTML comment, so a page read anywhere else shows
nothing rather than a stray token. A marker it cannot use (a NAME the code does not know, a
misspelled marker) is a warning naming the page and the line, so `mkdocs build --strict` fails.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from calculators.vendors.pages import BLOCKS, markdown

from .block_problems import _page, log

# Anything that looks like the marker, so that a near miss is reported rather than left as
# an invisible comment; the exact form is checked after.
_NEAR = re.compile(r"\s*<!--\s*vendor[-_ ]?facts\b.*-->\s*", re.IGNORECASE)
_EXACT = re.compile(r"(?P<indent>\s*)<!-- vendor-facts: (?P<name>[a-z_]+) -->\s*")
_FENCE = re.compile(r"\s*(```|~~~)")


class VendorFactsPreprocessor(Preprocessor):
    """Replaces each marker line with its block's Markdown, at the marker's indentation."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        seen: dict[str, int] = {}
        for line in lines:
            if not _NEAR.fullmatch(line):
                out.append(line)
                continue
            seen[line.strip()] = seen.get(line.strip(), 0) + 1
            exact = _EXACT.fullmatch(line)
            indent = exact["indent"] if exact else ""
            if exact and exact["name"] in BLOCKS:
                text = markdown(exact["name"])
            else:
                text = self._problem(line.strip(), exact["name"] if exact else None,
                                     seen[line.strip()])
            out += ["", *(indent + part if part else "" for part in text.split("\n")), ""]
        return out

    def _problem(self, marker: str, name: str | None, occurrence: int) -> str:
        """Warn, naming the page and line, and return what the page shows in the block's place."""
        if name is None:
            message = (f"“{marker}” could not be read; a vendor-facts marker is written "
                       "“<!-- vendor-facts: NAME -->” on a line of its own.")
        else:
            message = (f"“{name}” is not a vendor-facts block this site knows; it knows "
                       f"{', '.join(BLOCKS)}.")
        page, source = _page(self.md)
        line = _line_of(source, marker, occurrence)
        log.warning(f"{page}{f':{line}' if line else ''}: {message}")
        return f'!!! failure "Broken vendor-facts block"\n\n    {message}'


def _line_of(source: str, marker: str, occurrence: int) -> int | None:
    """The line (from 1) of the marker's `occurrence`-th appearance in the source, outside code."""
    found, fenced = 0, False
    for number, line in enumerate(source.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.strip() == marker:
            found += 1
            if found == occurrence:
                return number
    return None


class VendorFactsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After fenced code is set aside (25), so a marker shown in code stays as it is, and
        # before raw HTML is (21), which would hide the comment.
        md.preprocessors.register(VendorFactsPreprocessor(md), "vendor-facts", 24)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return VendorFactsExtension(**kwargs)
