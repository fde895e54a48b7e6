"""The vendor facts as Markdown for the site's pages: one function per block, each returning text.

A page names a block with a line `<!-- vendor-facts: NAME -->` (build_hooks/vendor_facts.py
puts the text in its place). Every word, date and figure is read from this package's tables,
so a vendor fact is typed once, and each table says the day the facts were checked. Tables
keep to two or three columns, each cell a few labelled lines, so that they read on a phone
without scrolling sideways. Only the build imports this package: the browser's wheel leaves
it out.

    text.py     the phrasing the blocks share: tables, labelled lines, dated source labels
    routes.py   who can tune what: open routes, closed roads, the guide's answer beside today's
    facts.py    caching, schemas, retirements, data terms, and the full list (`all`)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .facts import all_facts_table, caching, data_terms, retirements, structured_outputs
from .routes import can_i_tune, closed_routes, tuning_routes

BLOCKS: dict[str, Callable[[], str]] = {
    "tuning_routes": tuning_routes, "closed_routes": closed_routes, "caching": caching,
    "structured_outputs": structured_outputs, "retirements": retirements,
    "can_i_tune": can_i_tune, "data_terms": data_terms, "all": all_facts_table,
}

# An ISO date in running text, not inside a URL: a browser would break it after a hyphen.
_DATE = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")


def markdown(name: str) -> str:
    """The named block's Markdown, each date kept on one line."""
    return _DATE.sub(lambda m: f'<span class="calc-nowrap">{m.group()}</span>', BLOCKS[name]())
