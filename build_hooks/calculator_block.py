"""The page markers for calculators (pymdown-extensions blocks).

`/// calculator | NAME` is replaced at build time by the calculator's form and default
result, rendered by `calculators`, so the page is complete before, and without, any script.
`/// calculator-preset | NAME` turns its text into a link that opens the calculator, on
another page, filled in with one of its presets. `/// calculator-reference | NAME` is
replaced by its reference (inputs with defaults, ranges and sources; the figures it relies
on; its rule table), so the methodology page can never drift from the code.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from calculators import CALCULATORS, preset_query, render_default_widget, render_reference


def _known(name: str) -> str:
    if name not in CALCULATORS:
        # Fail the build: a typo must not ship as a page with a missing calculator.
        raise ValueError(f"unknown calculator {name!r}; known: {', '.join(sorted(CALCULATORS))}")
    return name


def _place_html(md, parent: etree.Element, css_class: str, html: str) -> etree.Element:
    block = etree.SubElement(parent, "div", {"class": css_class})
    # The stash keeps Python-Markdown from re-parsing the rendered HTML.
    block.text = md.htmlStash.store(html)
    return block


class CalculatorBlock(Block):
    """`/// calculator | readiness` followed by `///`."""

    NAME = "calculator"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        name = _known(self.argument.strip())
        return _place_html(self.md, parent, "calc-block", render_default_widget(name))


class CalculatorReferenceBlock(Block):
    """`/// calculator-reference | readiness` followed by `///`."""

    NAME = "calculator-reference"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        name = _known(self.argument.strip())
        return _place_html(self.md, parent, "calc-reference-block", render_reference(CALCULATORS[name]))


class CalculatorPresetBlock(Block):
    """A link to a calculator filled in with a preset:

        /// calculator-preset | advisor
            preset: customer-support
            page: decide.md#try-the-advisor

        Try this scenario in the advisor
        ///

    `page` is a Markdown link target, so MkDocs checks it and makes it relative.
    """

    NAME = "calculator-preset"
    ARGUMENT = True
    OPTIONS = {"preset": ("", type_string), "page": ("", type_string)}

    def on_markdown(self) -> str:
        return "inline"  # the block's text becomes the link text

    def on_create(self, parent: etree.Element) -> etree.Element:
        name = _known(self.argument.strip())
        page, _, anchor = self.options["page"].partition("#")
        href = f"{page}?{preset_query(name, self.options['preset'])}" + (f"#{anchor}" if anchor else "")
        paragraph = etree.SubElement(parent, "p", {"class": "calc-preset-link"})
        return etree.SubElement(paragraph, "a", {"href": href})


class CalculatorExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (Python-Markdown's name)
        block_mgr.register(CalculatorBlock, self.getConfigs())
        block_mgr.register(CalculatorPresetBlock, self.getConfigs())
        block_mgr.register(CalculatorReferenceBlock, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return CalculatorExtension(*args, **kwargs)
