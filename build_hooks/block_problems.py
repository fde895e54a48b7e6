"""Broken page markers, reported as MkDocs warnings that name the page and the line.

A marker the blocks cannot use (an unknown calculator or preset, the same calculator twice
on a page, a preset link with no text) is recorded by the block; a marker Python-Markdown
never recognised (a misspelled name, no name, an option it does not take) is left behind
as a paragraph starting with "///" and found here. Each becomes one warning line, so
`mkdocs build --strict` fails with every problem listed, and `mkdocs serve` shows them too.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

# Under "mkdocs." so that MkDocs shows the warnings and strict mode counts them.
log = logging.getLogger("mkdocs.hooks.blocks")
_OPENER = re.compile(r"\s*///\s*(?P<name>[^\s|]*)\s*(?:\|\s*(?P<argument>.*?))?\s*")
_FENCE = re.compile(r"\s*(```|~~~)")


@dataclass(frozen=True)
class Problem:
    """A marker that cannot be used: its name and argument, which of those it is on the
    page (1 for the first), and what is wrong."""

    name: str
    argument: str
    occurrence: int
    message: str


def occurrence(md: Markdown, name: str, argument: str) -> int:
    """Which `/// name | argument` this is on the page (1 for the first); call once per block."""
    counts = _state(md)["counts"]
    key = (name, argument.strip())
    counts[key] = counts.get(key, 0) + 1
    return counts[key]


def record(md: Markdown, name: str, argument: str, message: str, occurrence: int = 1) -> None:
    """Note a problem with the block `/// name | argument` on the page `md` is converting."""
    _state(md)["problems"].append(Problem(name, argument.strip(), occurrence, message))


def placeholder(parent: etree.Element, message: str) -> etree.Element:
    """What the page shows in place of a broken marker while serving (strict builds stop)."""
    box = etree.SubElement(parent, "div", {"class": "admonition failure"})
    etree.SubElement(box, "p", {"class": "admonition-title"}).text = "Broken calculator block"
    etree.SubElement(box, "p").text = message
    return box


class ProblemReporter(Treeprocessor):
    """Finds markers Python-Markdown left as text and logs every problem of the page."""

    def __init__(self, md: Markdown, known: dict[str, tuple[str, ...]]) -> None:
        super().__init__(md)
        self.known = known  # block name -> the options it takes

    def run(self, root: etree.Element) -> None:
        seen: dict[str, int] = {}
        for paragraph in root.iter("p"):
            first = (paragraph.text or "").strip().split("\n")[0]
            opener = _OPENER.fullmatch(first) if first.startswith("///") else None
            if opener:
                seen[first] = seen.get(first, 0) + 1
                record(self.md, opener["name"], opener["argument"] or "",
                       self._unread(opener["name"], opener["argument"]), seen[first])
        page, source = _page(self.md)
        for problem in _state(self.md)["problems"]:
            line = _line_of(source, problem)
            log.warning(f"{page}{f':{line}' if line else ''}: {problem.message}")
        vars(self.md).pop("calculator_blocks", None)  # a fresh start for the next page

    def _unread(self, name: str, argument: str | None) -> str:
        if not name:
            return "“///” closes no block, or a block has no name."
        if name not in self.known:
            return f"“/// {name}” is not a block this site knows; it knows {', '.join(self.known)}."
        if not argument:
            return f"“/// {name}” needs a name after “|”, like “/// {name} | NAME”."
        options = ", ".join(self.known[name]) or "none"
        return (f"“/// {name} | {argument}” could not be read: check its options "
                f"(it takes: {options}).")


def _state(md: Markdown) -> dict:
    """This page's problems and block counts, kept on the page's Markdown instance."""
    if not hasattr(md, "calculator_blocks"):
        md.calculator_blocks = {"problems": [], "counts": {}}  # type: ignore[attr-defined]
    return md.calculator_blocks  # type: ignore[attr-defined]


def page_file(md: Markdown):
    """The MkDocs File of the page `md` is converting, or None (another generator)."""
    # MkDocs gives each page's Markdown its link rewriter, which holds the page's file.
    rewriter = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    return getattr(rewriter, "file", None)


def _page(md: Markdown) -> tuple[str, str]:
    """The page being converted (its path under docs/) and its source, when MkDocs says."""
    file = page_file(md)
    if file is None:
        return "this page", ""
    return f"docs/{file.src_uri}", file.content_string


def _line_of(source: str, problem: Problem) -> int | None:
    """The line (from 1) of the problem's marker in the page's source, outside code."""
    found, fenced = 0, False
    for number, line in enumerate(source.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        opener = None if fenced else _OPENER.fullmatch(line)
        marker = opener and (opener["name"], (opener["argument"] or "").strip())
        if marker == (problem.name, problem.argument):
            found += 1
            if found == problem.occurrence:
                return number
    return None
