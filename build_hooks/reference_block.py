"""The page marker `/// calculator-reference | NAME` (a pymdown-extensions block).

At build time it is replaced by the calculator's reference (inputs with defaults, ranges
and sources; the figures it relies on; its rule table), rendered by `calculators.reference`
from the schema, so the methodology page can never drift from the code.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from calculators import CALCULATORS
from calculators.reference import render_reference


class CalculatorReferenceBlock(Block):
    """`/// calculator-reference | readiness` followed by `///`."""

    NAME = "calculator-reference"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        name = self.argument.strip()
        if name not in CALCULATORS:
            # Fail the build: a methodology page missing a calculator must not ship.
            raise ValueError(f"unknown calculator {name!r}; known: {', '.join(sorted(CALCULATORS))}")
        block = etree.SubElement(parent, "div", {"class": "calc-reference-block"})
        # The stash keeps Python-Markdown from re-parsing the rendered HTML.
        block.text = self.md.htmlStash.store(render_reference(CALCULATORS[name]))
        return block


class CalculatorReferenceExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (Python-Markdown's name)
        block_mgr.register(CalculatorReferenceBlock, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return CalculatorReferenceExtension(*args, **kwargs)
