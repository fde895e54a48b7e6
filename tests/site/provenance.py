"""Reads a built guide page and finds each figure in its text, with the provenance label it carries.

The site's convention (docs/methodology.md, "How the labels read"): a figure in the text is
followed, in the same paragraph, list item or table row, by a link of class `src`:
- `guide: SECTION` to the methodology page's #from-the-guide, SECTION one of the guide's;
- `site's judgement` to #the-sites-judgement; `dataset: NAME VERSION DATE` to #from-datasets;
- or a link to a vendor's own page whose text carries the date it was read or published.
A table may instead be labelled once, in the paragraph just before it; on the methodology
page, the sections listing figures by source label everything inside them.

The reader also records, for each block, the guide sections its labels name, so a test can
check that a figure is cited to the section of the guide that actually gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

# The guide's sections, verbatim: the calculators cite the same headings.
from calculators.guide import GUIDE

GUIDE_SECTIONS = GUIDE.sections
# The methodology sections that list figures by source; whatever sits in them is labelled.
SOURCE_SECTIONS = ("from-the-guide", "from-vendor-pages", "from-papers", "the-sites-judgement",
                   "from-datasets")

DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# Numbers that name something rather than measure it: dates, years, model and product
# names, the five questions. What is left and written in digits is a figure.
NAMES = re.compile(
    r"\b\d{4}-\d{2}(?:-\d{2})?\b"
    r"|\b(?:19|20)\d{2}\b"
    r"|\b(?:GPT|Llama|Claude|Gemini|Mistral)(?:[- ]\d[\w.]*)+"
    r"(?:[- ](?:Haiku|Sonnet|Opus|Flash|Pro)(?:-\d+)?)*"
    r"|\bQ\d\b|\bquestion \d\b|\bp\d{2}\b"
)
# A number, or a range of two, in digits: 80%, $3.75, 1,024, 100-500, $200-5,000.
FIGURE = re.compile(r"\$?\d+(?:[,.]\d+)*(?:-\$?\d+(?:[,.]\d+)*)?%?")
BLOCKS = {"p", "li", "tr", "dt", "dd", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Text a reader does not read as prose: code, diagrams (their figures are question
# numbers), and the calculators, whose figures carry sources from their own schema.
SKIPPED = {"script", "style", "svg", "code", "pre"}


def figures_in(text: str) -> list[str]:
    """The figures written in digits in `text`, names and dates left out."""
    return FIGURE.findall(NAMES.sub(" ", text))


def label_problem(text: str, href: str) -> str | None:
    """Why a `src` link is not a valid provenance label, or None when it is."""
    text = " ".join(text.split())
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return None if DATE.search(text) else f"vendor label {text!r} has no date"
    # "./#the-sites-judgement" is the methodology page linking to itself: those anchors exist
    # nowhere else, and the strict build checks that every anchor exists.
    if not parts.path.rstrip("/").endswith("methodology") and parts.path not in ("", "./"):
        return f"label {text!r} points at {href}, not the methodology page"
    if parts.fragment == "from-the-guide":
        section = text.removeprefix("guide: ")
        ok = text.startswith("guide: ") and section in GUIDE_SECTIONS
        return None if ok else f"{text!r} names no section of the guide"
    if parts.fragment == "the-sites-judgement":
        return None if text == "site's judgement" else f"judgement label reads {text!r}"
    if parts.fragment == "from-datasets":
        return None if text.startswith("dataset: ") and DATE.search(text) else f"dataset label {text!r}"
    return f"label {text!r} points at #{parts.fragment}, which lists no source"


@dataclass
class Block:
    """One paragraph, list item, table row or heading: the unit a label covers."""
    tag: str
    text: list[str] = field(default_factory=list)
    labelled: bool = False
    sections: list[str] = field(default_factory=list)  # the guide sections its labels name


@dataclass
class Table:
    introduced_by_label: bool
    header_labelled: bool = False


class ProvenanceReader(HTMLParser):
    """Collects, for one page's article, unlabelled figures, bad labels and vendor links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.unlabelled: list[str] = []
        self.bad_labels: list[str] = []
        self.vendor_links: set[str] = set()
        self.guide_citations: list[tuple[str, tuple[str, ...]]] = []  # (block text, sections)
        self._stack: list[tuple[str, bool]] = []  # (tag, opens a skipped subtree)
        self._blocks: list[Block] = []
        self._tables: list[Table] = []
        self._in_article = 0
        self._skip = 0
        self._section = ""
        self._last_block_labelled = False
        self._label: tuple[str, list[str]] | None = None
        self._in_thead = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        classes = attr.get("class", "").split()
        if tag == "article":
            self._in_article += 1
        if tag in VOID:
            return
        skips = tag in SKIPPED or any(c.startswith("calc") for c in classes)
        self._stack.append((tag, skips))
        self._skip += skips
        if tag in ("h2", "h3") and "id" in attr:
            self._section = attr["id"]
        if not self._in_article or self._skip:
            return
        if tag == "table":
            self._tables.append(Table(introduced_by_label=self._last_block_labelled))
        elif tag == "thead":
            self._in_thead = True
        if tag in BLOCKS:
            self._blocks.append(Block(tag))
        if tag == "a" and "src" in classes:
            self._label = (attr.get("href", ""), [])
            if self._blocks:
                self._blocks[-1].labelled = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        if tag in VOID or not any(t == tag for t, _ in self._stack):
            return
        while self._stack:
            open_tag, skips = self._stack.pop()
            self._skip -= skips
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "a" and self._label is not None:
            href, text = self._label
            label = " ".join("".join(text).split())
            problem = label_problem(label, href)
            if problem:
                self.bad_labels.append(problem)
            if urlsplit(href).fragment == "from-the-guide" and self._blocks:
                self._blocks[-1].sections.append(label.removeprefix("guide: "))
            if urlsplit(href).scheme in ("http", "https"):
                self.vendor_links.add(href)
            self._label = None
        elif tag == "thead":
            self._in_thead = False
        elif tag == "table" and self._tables:
            self._tables.pop()
        elif tag in BLOCKS and self._blocks and self._blocks[-1].tag == tag:
            self._finish(self._blocks.pop())

    def _finish(self, block: Block) -> None:
        text = " ".join("".join(block.text).split())
        table = self._tables[-1] if self._tables and block.tag == "tr" else None
        if table is not None and self._in_thead and block.labelled:
            table.header_labelled = True
        covered = (block.labelled or self._section in SOURCE_SECTIONS
                   or (table is not None and (table.introduced_by_label or table.header_labelled)))
        if figures_in(text) and not covered:
            self.unlabelled.append(text)
        if block.sections:
            self.guide_citations.append((text, tuple(block.sections)))
        if not self._blocks and block.tag != "tr":
            self._last_block_labelled = block.labelled

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label[1].append(data)
        if self._in_article and not self._skip and self._blocks:
            self._blocks[-1].text.append(data)


def read_provenance(html: str) -> ProvenanceReader:
    reader = ProvenanceReader()
    reader.feed(html)
    reader.close()
    return reader
