"""One result, three renderings: a calculator builds a `Report` once; kit renders it.

`render_html` is what the page shows, `render_markdown` what "copy as Markdown" puts on
the clipboard, `render_text` what the command line prints. A calculator never writes
markup or Markdown itself, so the three cannot drift apart.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Union

from .html import Markup, tag, unbroken
from .provenance import Source, cite_all

# A verdict's tone is one of Material's admonition kinds, which the theme styles in
# light and dark mode: success, warning, failure, note or tip.
TONES = ("success", "warning", "failure", "note", "tip")
# An answer that holds only under a condition is drawn as a warning, never a success's tick.
CONDITIONAL_TONE = "warning"
# What the pinned headline has room for on a 390 px phone, beside the headline itself.
MOST_KEY_FIGURES = 4
# Attributes for the browser and its tests, e.g. (("rule", "q4-citations"),) -> data-rule.
DataAttributes = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Link:
    """A link to a page of the site, relative to the page that shows the calculator."""

    text: str
    href: str


@dataclass(frozen=True)
class Cell:
    """A table cell: its main figure, an optional detail below it (such as a range), or a link."""

    text: str
    detail: str = ""
    href: str | None = None


@dataclass(frozen=True)
class Table:
    """Rows of text; the first column heads each row and `header[0]` heads that column."""

    header: tuple[str, ...]
    rows: tuple[tuple[Union[str, Cell], ...], ...]
    caption: str = ""
    css_class: str | None = None  # None: the page's table look (Material's, build_hooks/tables.py)


@dataclass(frozen=True)
class Item:
    """One bullet: an optional lead (the condition it answers), its text, a link, an outcome."""

    text: str
    lead: str = ""
    link: Link | None = None
    outcome: str = ""  # shown in bold after the text, e.g. the answer a change would give
    data: DataAttributes = ()


@dataclass(frozen=True)
class Section:
    """A titled list of bullets; with a tone it is boxed, as warnings are."""

    title: str
    items: tuple[Item, ...]
    empty: str = ""  # said instead of the list when there are no items
    tone: str | None = None
    css_class: str | None = None


@dataclass(frozen=True)
class Note:
    """A short paragraph with a lead-in, e.g. "Time." followed by the time comparison."""

    lead: str
    text: str
    css_class: str | None = None


@dataclass(frozen=True)
class KeyFigure:
    """A figure a reader watches while changing inputs, e.g. ("RAG, p95", "1,170 of 5,000 ms").

    Both parts are short: the pinned headline shows every key figure in full on a phone,
    each on one line. The value carries its unit."""

    label: str
    value: str


@dataclass(frozen=True)
class Report:
    """Everything a result says, as data: what each renderer turns into its own format."""

    kind: str  # the calculator's name; the HTML wrapper gets class calc-<kind>
    headline: str
    tone: str  # one of TONES
    summary: str
    sources: tuple[Source, ...]
    sources_text: str  # what the sources cover, e.g. "Figures" or "Retrieval time"
    summary_link: Link | None = None
    verdict_data: DataAttributes = ()
    chart: Markup | None = None  # SVG; only the HTML shows it
    table: Table | None = None
    sections: tuple[Section, ...] = ()
    notes: tuple[Note, ...] = ()
    yours: str = ""  # what the reader supplied, said after the sources
    # The figures the pinned headline carries (and the verdict repeats), at most a few.
    key_figures: tuple[KeyFigure, ...] = ()
    # What the headline holds only if, e.g. "if retrieval fits the real-time budget": a
    # warning that would undo the answer. It is said with the headline, and the verdict
    # then never looks like a plain success.
    condition: str = ""

    def __post_init__(self) -> None:
        if self.tone not in TONES:
            raise ValueError(f"tone {self.tone!r} is not one of {TONES}")
        if len(self.key_figures) > MOST_KEY_FIGURES:
            raise ValueError(f"{len(self.key_figures)} key figures; a phone has room for "
                             f"{MOST_KEY_FIGURES}")

    @property
    def title(self) -> str:
        """The headline as every rendering says it, with its condition if it has one."""
        return f"{self.headline}, {self.condition}" if self.condition else self.headline

    @property
    def verdict_tone(self) -> str:
        """The tone shown: a conditional answer is a warning, whatever its own tone."""
        return CONDITIONAL_TONE if self.condition else self.tone


def sources_line(report: Report) -> str:
    """What the figures rest on, e.g. "Figures: <the guide> (section ...)", then what is the reader's."""
    cited = cite_all(report.sources)
    line = f"{report.sources_text}: {cited.rstrip('.')}." if cited else ""
    return f"{line} {report.yours}".strip()


# HTML -------------------------------------------------------------------------------


def render_html(report: Report) -> Markup:
    """The report as the page shows it, styled by Material's admonitions and our classes."""
    body: list[Markup | str] = [unbroken(report.summary)]
    if report.summary_link:
        body += [" ", _link(report.summary_link)]
    conditional = " calc-verdict--conditional" if report.condition else ""
    parts = [tag("div", tag("p", report.title, class_="admonition-title"),
                 render_key_figures(report.key_figures), tag("p", *body),
                 class_=f"admonition {report.verdict_tone} calc-verdict{conditional}",
                 **_data(report.verdict_data))]
    if report.chart is not None:
        parts.append(report.chart)
    if report.table is not None:
        parts.append(render_table_html(report.table))
    parts += [_section_html(s) for s in report.sections]
    parts += [tag("p", tag("strong", f"{n.lead} "), unbroken(n.text), class_=n.css_class)
              for n in report.notes]
    parts.append(tag("p", sources_line(report), class_="calc-source"))
    return tag("div", parts, class_=f"calc-{report.kind}")


def render_key_figures(figures: tuple[KeyFigure, ...]) -> Markup:
    """The key figures as a list of label and value; each stays on one line, and the list
    wraps between figures (docs/stylesheets/calculator-layout.css)."""
    if not figures:
        return Markup("")
    return tag("ul", [tag("li", tag("span", f.label, class_="calc-key-label"), " ",
                          tag("strong", f.value, class_="calc-key-value")) for f in figures],
               class_="calc-key-figures")


def render_table_html(table: Table) -> Markup:
    """A table with a header row and a heading cell on each row."""
    corner = (tag("td", "") if not table.header[0]  # an empty header names nothing
              else tag("th", table.header[0], scope="col"))
    head = tag("thead", tag("tr", corner, [tag("th", h, scope="col") for h in table.header[1:]]))
    # Each cell names its column, which a narrow screen shows beside it when the table is
    # laid out a row at a time (calculator-layout.js, calculators.css).
    rows = [tag("tr", tag("th", _text(row[0]), scope="row"),
                [_cell_html(c, label) for c, label in zip(row[1:], table.header[1:], strict=True)])
            for row in table.rows]
    caption = tag("caption", table.caption) if table.caption else None
    return tag("table", caption, head, tag("tbody", rows), class_=table.css_class)


def _cell_html(cell: str | Cell, label: str) -> Markup:
    if isinstance(cell, str):
        content = unbroken(cell)
    elif cell.href:
        content = tag("a", cell.text, href=cell.href)
    elif not cell.detail:
        content = tag("strong", unbroken(cell.text))
    else:
        content = Markup(tag("strong", unbroken(cell.text)) + tag("br")
                         + tag("span", unbroken(cell.detail), class_="calc-range"))
    return tag("td", tag("span", content, class_="calc-cell"), data_label=label)


def _section_html(section: Section) -> Markup:
    listing = (tag("ul", [_item_html(i) for i in section.items], class_=section.css_class)
               if section.items else tag("p", unbroken(section.empty)))
    if section.tone:
        return tag("div", tag("p", section.title, class_="admonition-title"), listing,
                   class_=f"admonition {section.tone}")
    title = tag("p", tag("strong", section.title)) if section.title else Markup("")
    return Markup(title + listing)


def _item_html(item: Item) -> Markup:
    parts: list[Markup | str] = []
    if item.lead:
        parts += [tag("span", f"{item.lead}.", class_="calc-when"), " "]
    parts.append(unbroken(item.text))
    if item.outcome:
        parts += [": ", tag("strong", item.outcome)]
    if item.link:
        parts += [" ", _link(item.link)]
    return tag("li", *parts, **_data(item.data))


def _link(link: Link) -> Markup:
    return tag("a", link.text, href=link.href)


def _data(attributes: DataAttributes) -> dict[str, str]:
    return {f"data_{key}": value for key, value in attributes}


# Markdown ---------------------------------------------------------------------------


def render_markdown(report: Report) -> str:
    """The report as Markdown, for pasting into a design document."""
    lines = [f"**{report.title}.** {report.summary}", ""]
    if report.table is not None:
        lines += _table_markdown(report.table) + [""]
    for section in report.sections:
        lines += [f"{section.title}:"] if section.title else []
        lines += [f"- {_item_text(i)}" for i in section.items] or [section.empty]
        lines.append("")
    lines += [f"**{n.lead}** {n.text}\n" for n in report.notes]
    lines.append(f"_{sources_line(report)}_")
    return "\n".join(lines)


def _table_markdown(table: Table) -> list[str]:
    rows = [table.header, *table.rows]
    return ([f"| {' | '.join(_text(c) for c in rows[0])} |", "|" + "---|" * len(table.header)]
            + [f"| {' | '.join(_text(c) for c in row)} |" for row in rows[1:]])


def _item_text(item: Item) -> str:
    text = f"{item.lead}. {item.text}" if item.lead else item.text
    return f"{text}: {item.outcome}" if item.outcome else text


def _text(cell: str | Cell) -> str:
    if isinstance(cell, str):
        return cell
    return f"{cell.text} ({cell.detail})" if cell.detail else cell.text


# Plain text -------------------------------------------------------------------------


def render_text(report: Report, width: int = 88) -> str:
    """The report as terminal text: wrapped paragraphs, aligned tables, dashes for bullets."""
    out = [*_wrap(f"{report.title}. {report.summary}", width), ""]
    if report.table is not None:
        out += aligned([list(map(_text, row)) for row in (report.table.header, *report.table.rows)])
        out.append("")
    for section in report.sections:
        out += [f"{section.title}:"] if section.title else []
        for item in section.items:
            out += _wrap(f"- {_item_text(item)}", width, indent="  ")
        out += _wrap(section.empty, width) if not section.items else []
        out.append("")
    for note in report.notes:
        out += _wrap(f"{note.lead} {note.text}", width) + [""]
    out += _wrap(sources_line(report), width)
    return "\n".join(out) + "\n"


def aligned(rows: list[list[str]]) -> list[str]:
    """Rows of cells as lines in aligned columns, with a rule under the first row."""
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return [lines[0], "  ".join("-" * w for w in widths)] + lines[1:]


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False)
