"""The page marker `/// calculator | NAME` (a pymdown-extensions block).

At build time it is replaced by the calculator's form and default result, rendered by
`calculators`, so the page is complete before, and without, any script.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from calculators import CALCULATORS, render_default_widget


class CalculatorBlock(Block):
    """`/// calculator | readiness` followed by `///`."""

    NAME = "calculator"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        name = self.argument.strip()
        if name not in CALCULATORS:
            # Fail the build: a typo must not ship as a page with a missing calculator.
            raise ValueError(f"unknown calculator {name!r}; known: {', '.join(sorted(CALCULATORS))}")
        block = etree.SubElement(parent, "div", {"class": "calc-block"})
        # The stash keeps Python-Markdown from re-parsing the rendered HTML.
        block.text = self.md.htmlStash.store(render_default_widget(name))
        return block


class CalculatorExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (Python-Markdown's name)
        block_mgr.register(CalculatorBlock, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return CalculatorExtension(*args, **kwargs)
