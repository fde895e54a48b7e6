"""Tables arrive wrapped (build_hooks/tables.py), and docs/stylesheets/tables.css gives them
exactly Material's look: its rules for class-less tables, with the selector swapped."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from build_hooks.tables import wrap_tables

ROOT = Path(__file__).resolve().parents[2]
WRAPPED = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
           '<table class="data-table">{}</table></div></div>')


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>a</p><table><tr><td>1</td></tr></table><p>b</p>",
     "<p>a</p>" + WRAPPED.format("<tr><td>1</td></tr>") + "<p>b</p>"),
    # Two tables, each wrapped on its own.
    ("<table>1</table><table>2</table>", WRAPPED.format("1") + WRAPPED.format("2")),
    # A calculator's table keeps its class and its place.
    ('<table class="calc-cost-table"><tr><td>1</td></tr></table>',
     '<table class="calc-cost-table"><tr><td>1</td></tr></table>'),
    # Other attributes stay; a classed table around a class-less one closes in the right place.
    ('<table class="calc"><tr><td><table id="inner">x</table></td></tr></table>',
     '<table class="calc"><tr><td><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
     '<table class="data-table" id="inner">x</table></div></div></td></tr></table>'),
    # A calculator's live result keeps Python's own HTML: the browser swaps it on each change.
    ('<div class="calc-result" id="r"><div><table>1</table></div></div><table>2</table>',
     '<div class="calc-result" id="r"><div><table>1</table></div></div>' + WRAPPED.format("2")),
    # Text that only looks like a table (escaped, or another tag) is left alone.
    ("<code>&lt;table&gt;</code><tablet>", "<code>&lt;table&gt;</code><tablet>"),
])
def test_class_less_tables_are_wrapped_and_classed(html: str, expected: str) -> None:
    assert wrap_tables(html) == expected


def _rules(css: str, context: str = "") -> list[tuple[str, str, str]]:
    """(at-rule, selector, declarations) for every rule in `css`, comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, i = [], 0
    while (brace := css.find("{", i)) >= 0:
        head = css[i:brace].strip()
        if head.startswith("@"):
            depth, end = 1, brace + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                end += 1
            rules += _rules(css[brace + 1:end - 1], head)
            i = end
        else:
            end = css.index("}", brace)
            rules.append((context, head, css[brace + 1:end]))
            i = end + 1
    return rules


def _normal(text: str) -> str:
    """Whitespace, a trailing semicolon and leading zeros (0.64rem, .64rem) made alike."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(";")
    text = re.sub(r"\s*([,:;>+{}()])\s*", r"\1", text)
    return re.sub(r"(?<![\d.])0\.(\d)", r".\1", text)


def test_the_data_table_look_is_materials_own_with_the_selector_swapped() -> None:
    (main,) = (Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css")
    materials = set()
    for context, selector, body in _rules(main.read_text(encoding="utf-8")):
        chosen = [s for s in selector.split(",") if "table:not([class])" in s]
        if chosen:
            swapped = ",".join(s.replace("table:not([class])", "table.data-table") for s in chosen)
            materials.add((_normal(context), _normal(swapped), _normal(body)))
    ours = {(_normal(c), _normal(s), _normal(b))
            for c, s, b in _rules((ROOT / "docs/stylesheets/tables.css").read_text(encoding="utf-8"))}
    assert len(materials) > 10, "Material's table rules were not found: has its stylesheet moved?"
    assert ours == materials
