"""Tables leave the build already wrapped the way Material's script would wrap them.

Material's script takes every class-less `<table>` out of the page once the page has been
laid out and puts it back inside two wrappers (`.md-typeset__scrollwrap > .md-typeset__table`)
so that it scrolls sideways on a phone. Taking a table out and putting it back throws away
its layout, so each table is styled and laid out twice, inside one long task at start-up.
Here each class-less table of a page's content is written inside those wrappers and given
the class `data-table`, which Material's script skips; docs/stylesheets/tables.css gives
`table.data-table` Material's look, pixel for pixel. Lighthouse mobile, 2026-12-06, 4 runs
each, alternating (median, range): vendor-facts/ 84 (78-87) -> 92 (84-98), methodology/
85 (82-86) -> 91 (81-96), tuning-options/ 85 (79-88) -> 95 (89-100), fine-tuning/ 89 -> 89.

A postprocessor, so it sees the page's final HTML, tables from raw HTML (the calculators'
reference) included, under any generator that runs Python-Markdown.

    markdown_extensions:
      - build_hooks.tables
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

CLASS = "data-table"
_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
_CLOSE = "</div></div>"
_TAG = re.compile(r"<(?P<end>/?)(?P<name>table|div)(?P<attributes>(?:\s[^>]*)?)>", re.IGNORECASE)
_HAS_CLASS = re.compile(r"\sclass\s*=", re.IGNORECASE)
# A calculator's live result: the browser replaces it with Python's own HTML on each change,
# so the page's copy stays that HTML, tables as Python wrote them (Material wraps those).
_LIVE = re.compile(r'\sclass="(?:[^"]*\s)?calc-result[\s"]')


def wrap_tables(html: str) -> str:
    """`html` with every class-less table outside a calculator's result wrapped and classed;
    a table with a class (a calculator's own) is left as it is."""
    out: list[str] = []
    tables: list[bool] = []  # for each open table: did we wrap it?
    divs: list[bool] = []  # for each open div: is it a calculator's result?
    position = 0
    for tag in _TAG.finditer(html):
        out.append(html[position:tag.start()])
        position = tag.end()
        text, attributes = tag.group(0), tag["attributes"] or ""
        if tag["name"].lower() == "div":
            if not tag["end"]:
                divs.append(bool(_LIVE.search(attributes)))
            elif divs:
                divs.pop()
        elif tag["end"]:
            text += _CLOSE if tables and tables.pop() else ""
        else:
            wrap = not _HAS_CLASS.search(attributes) and not any(divs)
            tables.append(wrap)
            text = f'{_OPEN}<table class="{CLASS}"{attributes}>' if wrap else text
        out.append(text)
    out.append(html[position:])
    return "".join(out)


class WrapTablesPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return wrap_tables(text)


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After raw HTML is put back (30), so the calculators' tables are seen too.
        md.postprocessors.register(WrapTablesPostprocessor(md), "wrap-tables", 5)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return TablesExtension(**kwargs)
