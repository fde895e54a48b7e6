"""The glossary's tooltip on the first use of a term on a page, not on every use.

Every page gets the glossary's abbreviations (includes/abbreviations.md), and the `abbr`
extension marks every use of each term; Material mounts a tooltip on every mark. Pages with
60-90 marks spent 100-200 ms more in Lighthouse's Total Blocking Time on that alone
(2026-12-06, 2 runs each: tuning-options/ 86-92 -> 93-94, vendor-facts/ 88-89 -> 93-95).
The site's judgement on reading: a term is explained where a page first uses it, and its
later uses read as plain words, not a row of dotted underlines.

    markdown_extensions:
      - abbr
      - build_hooks.first_use
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class FirstUseTreeprocessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        for mark in list(root.iter("abbr")):  # in document order
            if mark.text in seen:
                _unwrap(mark, parents[mark])
            seen.add(mark.text)


def _unwrap(element: ET.Element, parent: ET.Element) -> None:
    """Replace `element` by its text (a mark holds text only), keeping what follows it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


class FirstUseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Right after `abbr` (7) marks the terms; before the table of contents (5) reads headings.
        md.treeprocessors.register(FirstUseTreeprocessor(md), "abbr-first-use", 6)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return FirstUseExtension(**kwargs)
