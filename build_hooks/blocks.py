"""The page markers (pymdown-extensions blocks), replaced at build time by what the code says.

    /// calculator | NAME            the calculator's form and default result, so the page
                                     is complete before, and without, any script
    /// calculator-preset | NAME     its text becomes a link that opens the calculator, on
                                     another page, filled in with one of its presets
    /// calculator-reference | NAME  its inputs (defaults, ranges, sources), the figures it
                                     relies on and its rules, for the methodology page
    /// python-api | download        a link to this version's wheel under site/download/
    /// python-api | command-line    the `--help` text of the command and each subcommand

A name or part the code does not know fails the build: a typo must not ship as a page
with a piece missing.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

import calculators
from calculators import CALCULATORS, preset_query, render_default_widget, render_reference, tag
from calculators.cli import PROG, help_text

from .layout import DOWNLOAD_DIR, wheel_name

# Help text is shown in a <pre>; this width fits the page's column without scrolling.
HELP_WIDTH = 80


class _MarkerBlock(Block):
    """What every marker shares: a checked argument and a place for rendered HTML."""

    ARGUMENT = True
    KNOWN: tuple[str, ...] = ()

    def name(self) -> str:
        name = self.argument.strip()
        known = self.KNOWN or tuple(CALCULATORS)
        if name not in known:
            raise ValueError(f"unknown {self.NAME} {name!r}; known: {', '.join(sorted(known))}")
        return name

    def place(self, parent: etree.Element, html: str, css_class: str | None = None) -> etree.Element:
        block = etree.SubElement(parent, "div", {"class": css_class} if css_class else {})
        # The stash keeps Python-Markdown from re-parsing the rendered HTML.
        block.text = self.md.htmlStash.store(html)
        return block


class CalculatorBlock(_MarkerBlock):
    NAME = "calculator"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return self.place(parent, render_default_widget(self.name()), "calc-block")


class CalculatorReferenceBlock(_MarkerBlock):
    NAME = "calculator-reference"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return self.place(parent, render_reference(CALCULATORS[self.name()]), "calc-reference-block")


class CalculatorPresetBlock(_MarkerBlock):
    """A link to a calculator filled in with a preset:

        /// calculator-preset | advisor
            preset: customer-support
            page: decide.md#try-the-advisor

        Try this scenario in the advisor
        ///

    `page` is a Markdown link target, so MkDocs checks it and makes it relative.
    """

    NAME = "calculator-preset"
    OPTIONS = {"preset": ("", type_string), "page": ("", type_string)}

    def on_markdown(self) -> str:
        return "inline"  # the block's text becomes the link text

    def on_create(self, parent: etree.Element) -> etree.Element:
        name = self.name()
        page, _, anchor = self.options["page"].partition("#")
        href = f"{page}?{preset_query(name, self.options['preset'])}" + (f"#{anchor}" if anchor else "")
        paragraph = etree.SubElement(parent, "p", {"class": "calc-preset-link"})
        return etree.SubElement(paragraph, "a", {"href": href})


class PythonApiBlock(_MarkerBlock):
    """The parts of the Python API page that mkdocstrings cannot read from docstrings."""

    NAME = "python-api"
    KNOWN = ("download", "command-line")

    def on_create(self, parent: etree.Element) -> etree.Element:
        block = etree.SubElement(parent, "div", {"class": "calc-api"})
        if self.name() == "download":
            self._download(block)
        else:
            self._command_line(block)
        return block

    def _download(self, block: etree.Element) -> None:
        href = posixpath.relpath(f"{DOWNLOAD_DIR}/{wheel_name()}", self._page_dir())
        link = tag("a", tag("code", wheel_name()), href=href, download=True)
        self.place(block, tag("p", "Download the wheel: ", link,
                              f" (version {calculators.__version__}, pure Python, any platform)."))

    def _command_line(self, block: etree.Element) -> None:
        for name in [None, *CALCULATORS]:
            command = PROG if name is None else f"{PROG} {name}"
            # A real heading, not stashed HTML, so the table of contents lists it.
            heading = etree.SubElement(block, "h3", {"id": "cli" if name is None else f"cli-{name}"})
            etree.SubElement(heading, "code").text = AtomicString(command)
            self.place(block, tag("pre", tag("code", help_text(name, width=HELP_WIDTH))))

    def _page_dir(self) -> str:
        # MkDocs gives each page's Markdown its link rewriter, which knows the page; the
        # wheel is not a page, so the link is made relative here, as MkDocs would.
        processors = self.md.treeprocessors
        rewriter = processors["relpath"] if "relpath" in processors else None
        dest = getattr(getattr(rewriter, "file", None), "dest_uri", "index.html")
        return posixpath.dirname(dest) or "."


class MarkersExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (Python-Markdown's name)
        for block in (CalculatorBlock, CalculatorPresetBlock, CalculatorReferenceBlock, PythonApiBlock):
            block_mgr.register(block, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return MarkersExtension(*args, **kwargs)
