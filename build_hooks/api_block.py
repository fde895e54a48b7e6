"""The page marker `/// python-api | PART` (a pymdown-extensions block).

At build time it is replaced by text read from the code, so the page cannot drift from it:

    /// python-api | download       a link to this version's wheel under site/download/
    /// python-api | library        every name in `calculators.__all__`: signature, docstring
    /// python-api | command-line   the `--help` text of the command and of each subcommand

With no PART it renders all three, in that order.
"""

from __future__ import annotations

import inspect
import posixpath
import re
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

import calculators
from calculators.cli import PROG, help_text
from calculators import Markup, tag

PARTS = ("download", "library", "command-line")
# Where build_hooks/wheel.py puts a copy of the wheel under its own, stable file name.
DOWNLOAD_DIR = "download"
# Help text is shown in a <pre>; this width fits the page's column without scrolling.
HELP_WIDTH = 80


def wheel_name() -> str:
    """The wheel's file name, as the build backend names it (PEP 427)."""
    return f"calculators-{calculators.__version__}-py3-none-any.whl"


class PythonApiBlock(Block):
    """`/// python-api | library` followed by `///`."""

    NAME = "python-api"
    ARGUMENT = None  # optional: which part to render

    def on_create(self, parent: etree.Element) -> etree.Element:
        part = (self.argument or "").strip()
        if part and part not in PARTS:
            # Fail the build: a typo must not ship as a page with a part missing.
            raise ValueError(f"unknown python-api part {part!r}; known: {', '.join(PARTS)}")
        block = etree.SubElement(parent, "div", {"class": "calc-api"})
        for name in [part] if part else PARTS:
            {"download": self._download, "library": self._library,
             "command-line": self._command_line}[name](block)
        return block

    def _download(self, block: etree.Element) -> None:
        href = posixpath.relpath(f"{DOWNLOAD_DIR}/{wheel_name()}", self._page_dir())
        link = tag("a", tag("code", wheel_name()), href=href, download=True)
        self._html(block, tag("p", "Download the wheel: ", link,
                              f" (version {calculators.__version__}, pure Python, any platform)."))

    def _library(self, block: etree.Element) -> None:
        names = sorted(calculators.__all__, key=_kind)
        for name in names:
            obj = getattr(calculators, name)
            self._heading(block, "h3", name, f"api-{name.lower()}")
            if inspect.isfunction(obj) or inspect.isclass(obj):
                self._html(block, tag("pre", tag("code", f"{name}{_signature(obj)}")))
                self._html(block, _docstring(inspect.getdoc(obj) or ""))
            if inspect.isclass(obj) and _members(obj):
                self._html(block, _members(obj))
            if name == "CALCULATORS":
                self._html(block, tag("pre", tag("code", "CALCULATORS: dict[str, Calculator]")))
                self._html(block, tag("ul", [tag("li", tag("code", c.name), f": {c.title}")
                                             for c in obj.values()]))

    def _command_line(self, block: etree.Element) -> None:
        for name in [None, *calculators.CALCULATORS]:
            command = PROG if name is None else f"{PROG} {name}"
            self._heading(block, "h3", command, "cli" if name is None else f"cli-{name}")
            self._html(block, tag("pre", tag("code", help_text(name, width=HELP_WIDTH))))

    def _heading(self, block: etree.Element, level: str, text: str, anchor: str) -> None:
        # A real element, not stashed HTML, so the table of contents lists it.
        heading = etree.SubElement(block, level, {"id": anchor})
        code = etree.SubElement(heading, "code")
        code.text = AtomicString(text)

    def _html(self, block: etree.Element, markup: Markup) -> None:
        # The stash keeps Python-Markdown from re-parsing the rendered HTML.
        holder = etree.SubElement(block, "div")
        holder.text = self.md.htmlStash.store(markup)

    def _page_dir(self) -> str:
        # MkDocs gives each page's Markdown its link rewriter, which knows the page; the
        # wheel is not a page, so the link is made relative here, as MkDocs would.
        processors = self.md.treeprocessors
        rewriter = processors["relpath"] if "relpath" in processors else None
        dest = getattr(getattr(rewriter, "file", None), "dest_uri", "index.html")
        return posixpath.dirname(dest) or "."


def _kind(name: str) -> tuple[int, bool]:
    # Functions, then values, then classes; run() first, as it is the one most need.
    obj = getattr(calculators, name)
    return (0 if inspect.isfunction(obj) else 2 if inspect.isclass(obj) else 1), name != "run"


def _signature(obj: object) -> str:
    """The signature as the source writes it (annotations are kept as text there)."""
    try:
        signature = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    params = []
    for p in signature.parameters.values():
        if p.name == "self":
            continue
        text = p.name if p.annotation is p.empty else f"{p.name}: {_annotation(p.annotation)}"
        if p.default is not p.empty:
            text += f" = {p.default!r}"
        params.append(text)
    ret = signature.return_annotation
    # A class is called to make an instance; its __init__'s "-> None" would mislead.
    returns = "" if ret is signature.empty or inspect.isclass(obj) else f" -> {_annotation(ret)}"
    one_line = f"({', '.join(params)}){returns}"
    if len(one_line) <= HELP_WIDTH:
        return one_line
    return "(\n" + "".join(f"    {p},\n" for p in params) + ")" + returns


def _annotation(annotation: object) -> str:
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def _members(cls: type) -> Markup:
    items = []
    for name, member in vars(cls).items():
        if name.startswith("_") or not (inspect.isfunction(member) or isinstance(member, property)):
            continue
        call = "" if isinstance(member, property) else _signature(member)
        shown = f"{cls.__name__}.{name}{call}"
        items.append(tag("li", tag("code", shown), ": ", _inline(inspect.getdoc(member) or "")))
    return tag("ul", items) if items else Markup("")


def _docstring(doc: str) -> Markup:
    """A docstring as HTML: prose paragraphs, with indented or doctest paragraphs kept as is."""
    parts = []
    for paragraph in doc.split("\n\n"):
        lines = paragraph.splitlines()
        if any(line.startswith((" ", ">>>")) for line in lines):
            parts.append(tag("pre", tag("code", paragraph)))
        elif paragraph.strip():
            parts.append(tag("p", _inline(" ".join(lines))))
    return Markup("".join(parts))


def _inline(text: str) -> list[Markup | str]:
    # `name` in a docstring is code; everything else is plain text.
    pieces = re.split(r"`([^`]+)`", text)
    return [tag("code", piece) if i % 2 else piece for i, piece in enumerate(pieces)]


class PythonApiExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (Python-Markdown's name)
        block_mgr.register(PythonApiBlock, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return PythonApiExtension(*args, **kwargs)
