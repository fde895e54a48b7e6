"""Markup from Python: `tag` builds elements and escapes every piece of text, once, here."""

from __future__ import annotations

import re
from typing import Union

# Something that becomes markup: already-built Markup, or plain text to escape.
Content = Union["Markup", str, None]


def escape(text: str, quote: bool = True) -> str:
    """html.escape's rules, written out: importing `html` costs a noticeable start-up
    time in the browser (it loads the whole entity table), for three replacements."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text


class Markup(str):
    """A string that is already safe HTML; plain `str` is always escaped."""


def html(content: Content | list[Content] | tuple[Content, ...]) -> Markup:
    """Turn text or nested content into safe HTML."""
    if content is None:
        return Markup("")
    if isinstance(content, Markup):
        return content
    if isinstance(content, str):
        return Markup(escape(content, quote=False))
    return Markup("".join(html(c) for c in content))


def tag(element: str, /, *children: Content | list[Content], **attributes: object) -> Markup:
    """`tag("p", "text", class_="x")` -> <p class="x">text</p>. None or False drops an attribute."""
    attrs = "".join(_attribute(k, v) for k, v in attributes.items())
    if element in _VOID:
        return Markup(f"<{element}{attrs}>")
    return Markup(f"<{element}{attrs}>{html(list(children))}</{element}>")


_VOID = {"input", "br", "hr", "img", "meta", "link"}
# A range of figures, "$300-$6,000", "100-500", "50–100": a line must not break inside it.
_RANGE = re.compile(r"[$€£]?\d[\d,.]*(?:[-\u2013][$€£]?\d[\d,.]*)+")


def unbroken(text: str) -> Markup:
    """`text` as HTML in which no range of figures can be split across two lines: each sits
    in a no-wrap span (a browser may break after a hyphen or an en dash, even between
    digits). For running text only: a <span> would break out of SVG's <text>."""
    parts, last = [], 0
    for match in _RANGE.finditer(text):
        parts += [escape(text[last:match.start()], quote=False),
                  tag("span", match.group(), class_="calc-nowrap")]
        last = match.end()
    return Markup("".join(parts) + escape(text[last:], quote=False))


def _attribute(key: str, value: object) -> str:
    if value is None or value is False:
        return ""
    name = key.rstrip("_").replace("_", "-")
    if value is True:
        return f" {name}"
    return f' {name}="{escape(str(value), quote=True)}"'
