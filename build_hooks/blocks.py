"""The page markers (pymdown-extensions blocks), replaced at build time by what the code says.

    /// calculator | NAME            the calculator's form and default result, so the page
                                     is complete before, and without, any script
    /// calculator-preset | NAME     its text becomes a link that opens the calculator, on
                                     another page, filled in with one of its presets
    /// calculator-reference | NAME  its inputs (defaults, ranges, sources), the figures it
                                     relies on and its rules, for the methodology page
    /// number-rules | examples      how every field, link and command reads a number, shown
                                     by the rule's own examples (kit.numbers, kit.reference)
    /// python-api | download        a link to this version's wheel under site/download/
    /// python-api | command-line    the `--help` text of the command and each subcommand

The calculators come from a package the kit built (option `package`, "calculators" by
default): its CALCULATORS, render_default_widget, render_reference, preset_query and
`cli`. A plain Python-Markdown extension, so pages pre-render under any generator that
runs Python-Markdown; the rest of the build is the plugin's (plugin.py) or, after any
generator, one command over the built site (`python -m build_hooks SITE_DIR`).

A marker that cannot be used (a name or part the code does not know, the same calculator
twice on a page, a preset link with no text) is a warning naming the page and the line
(block_problems.py), so `mkdocs build --strict` fails: a typo must not ship as a page with
a piece missing.
"""

from __future__ import annotations

import importlib
import posixpath
import xml.etree.ElementTree as etree
from types import ModuleType

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from calculators.kit.html import tag

from . import block_problems
from .project import DOWNLOAD_DIR

# Help text is shown in a <pre>; this width fits the page's column without scrolling.
HELP_WIDTH = 80


class _MarkerBlock(Block):
    """What every marker shares: a checked argument and a place for rendered HTML."""

    ARGUMENT = True
    KNOWN: tuple[str, ...] = ()

    @property
    def api(self) -> ModuleType:
        """The calculator package (the extension's `package` option)."""
        return self.config["api"]

    def on_validate(self, parent: etree.Element) -> bool:
        # Which of this page's "/// NAME | argument" this is, so a problem can find its line.
        self.occurrence = block_problems.occurrence(self.md, self.NAME, self.argument)
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        # Every marker names a calculator (or a part): checked here once for all of them.
        name = self.name()
        return self.unknown(parent) if name is None else self.create(parent, name)

    def create(self, parent: etree.Element, name: str) -> etree.Element:
        """The block's element, for a name the code knows."""
        raise NotImplementedError

    def name(self) -> str | None:
        """The block's argument when the code knows it; else None, with the problem noted."""
        name = self.argument.strip()
        known = self.KNOWN or tuple(self.api.CALCULATORS)
        if name not in known:
            what = "calculator" if not self.KNOWN else f"part of {self.NAME}"
            self.problem(f"“{name}” is not a {what} this site knows; it knows {', '.join(known)}.")
            return None
        return name

    def problem(self, message: str) -> None:
        block_problems.record(self.md, self.NAME, self.argument, message, self.occurrence)

    def unknown(self, parent: etree.Element) -> etree.Element:
        """What the page shows for a block whose name `name()` did not know."""
        return block_problems.placeholder(parent, f"Unknown {self.NAME} “{self.argument.strip()}”.")

    def broken(self, parent: etree.Element, message: str) -> etree.Element:
        """Note `message` and show it in place of the block."""
        self.problem(message)
        return block_problems.placeholder(parent, message)

    def place(self, parent: etree.Element, html: str, css_class: str | None = None) -> etree.Element:
        block = etree.SubElement(parent, "div", {"class": css_class} if css_class else {})
        # The stash keeps Python-Markdown from re-parsing the rendered HTML.
        block.text = self.md.htmlStash.store(html)
        return block


class CalculatorBlock(_MarkerBlock):
    NAME = "calculator"

    def create(self, parent: etree.Element, name: str) -> etree.Element:
        placed = vars(self.md).setdefault("calculators_placed", set())
        if name in placed:  # its element ids would clash, and the page would show it twice
            return self.broken(parent, f"The {name} calculator is already on this page; "
                                       "a page can hold each calculator once.")
        placed.add(name)
        return self.place(parent, self.api.render_default_widget(name), "calc-block")


class CalculatorReferenceBlock(_MarkerBlock):
    NAME = "calculator-reference"

    def create(self, parent: etree.Element, name: str) -> etree.Element:
        return self.place(parent, self.api.render_reference(self.api.CALCULATORS[name]), "calc-reference-block")


class CalculatorPresetBlock(_MarkerBlock):
    """A link to a calculator filled in with a preset:

        /// calculator-preset | NAME
            preset: PRESET
            page: page.md#anchor

        The link's text
        ///

    `page` is a Markdown link target, so MkDocs checks it and makes it relative.
    """

    NAME = "calculator-preset"
    OPTIONS = {"preset": ("", type_string), "page": ("", type_string)}

    def on_markdown(self) -> str:
        return "inline"  # the block's text becomes the link text

    def create(self, parent: etree.Element, name: str) -> etree.Element:
        presets = [p.name for p in self.api.CALCULATORS[name].presets]
        if self.options["preset"] not in presets:
            return self.broken(parent, f"{name} has no preset “{self.options['preset']}”; "
                                       f"it has: {', '.join(presets)}.")
        if not self.options["page"]:
            return self.broken(parent, "A preset link needs a page to open, like “page: page.md”.")
        page, _, anchor = self.options["page"].partition("#")
        href = f"{page}?{self.api.preset_query(name, self.options['preset'])}" + (f"#{anchor}" if anchor else "")
        paragraph = etree.SubElement(parent, "p", {"class": "calc-preset-link"})
        return etree.SubElement(paragraph, "a", {"href": href})

    def on_end(self, block: etree.Element) -> None:
        if block.tag == "a" and not "".join(block.itertext()).strip() and not len(block):
            self.problem("A preset link needs text to click, on the lines before its closing “///”.")


class NumberRulesBlock(_MarkerBlock):
    NAME = "number-rules"
    KNOWN = ("examples",)

    def create(self, parent: etree.Element, part: str) -> etree.Element:
        reference = importlib.import_module(f"{self.api.__name__}.kit.reference")
        return self.place(parent, reference.render_number_rules(), "calc-number-rules")


class PythonApiBlock(_MarkerBlock):
    """The parts of the Python API page that mkdocstrings cannot read from docstrings."""

    NAME = "python-api"
    KNOWN = ("download", "command-line")

    def create(self, parent: etree.Element, part: str) -> etree.Element:
        block = etree.SubElement(parent, "div", {"class": "calc-api"})
        if part == "download":
            self._download(block)
        else:
            self._command_line(block)
        return block

    def _download(self, block: etree.Element) -> None:
        version = self.api.__version__
        wheel = f"{self.api.__name__}-{version}-py3-none-any.whl"  # as the build backend names it
        href = posixpath.relpath(f"{DOWNLOAD_DIR}/{wheel}", self._page_dir())
        link = tag("a", tag("code", wheel), href=href, download=True)
        self.place(block, tag("p", "Download the wheel: ", link,
                              f" (version {version}, pure Python, any platform)."))

    def _command_line(self, block: etree.Element) -> None:
        cli = importlib.import_module(f"{self.api.__name__}.cli")
        for name in [None, *self.api.CALCULATORS]:
            command = cli.PROG if name is None else f"{cli.PROG} {name}"
            # A real heading, not stashed HTML, so the table of contents lists it.
            heading = etree.SubElement(block, "h3", {"id": "cli" if name is None else f"cli-{name}"})
            etree.SubElement(heading, "code").text = AtomicString(command)
            self.place(block, tag("pre", tag("code", cli.help_text(name, width=HELP_WIDTH))))

    def _page_dir(self) -> str:
        # The wheel is not a page, so the link is made relative here, as MkDocs would.
        dest = getattr(block_problems.page_file(self.md), "dest_uri", "index.html")
        return posixpath.dirname(dest) or "."


class MarkersExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {"package": ["calculators", "the calculator package the markers name"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (Python-Markdown's name)
        api = importlib.import_module(self.getConfig("package"))
        blocks = (CalculatorBlock, CalculatorPresetBlock, CalculatorReferenceBlock, NumberRulesBlock,
                  PythonApiBlock)
        for block in blocks:
            block_mgr.register(block, {"api": api})
        # After the blocks, before MkDocs' link rewriter (0): report what could not be used.
        known = {block.NAME: tuple(getattr(block, "OPTIONS", {})) for block in blocks}
        reporter = block_problems.ProblemReporter(md, known)
        md.treeprocessors.register(reporter, "calculator-block-problems", 1)


def makeExtension(*args, **kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return MarkersExtension(*args, **kwargs)
