"""Where every figure, rule and threshold comes from: a published work, a source, or our judgement.

Each source is one of three kinds (a dataset and a page are both a published source), so a
reader can always tell a figure a work gives from a reading this site made of it:

    Section(work, heading)          a section of a published work (the site's guide: calculators.guide)
    Dataset(name, version, date)    a published dataset, pinned
    Page(title, url, read)          a vendor's or author's page, read on a date
    Judgement(reason)               this site's own call, with a one-sentence reason

The kit knows no particular work: the site names its own in `calculators.guide`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Union


@dataclass(frozen=True)
class Work:
    """A published work the site is built on: its title, publication date and own headings."""

    title: str
    published: str  # ISO 8601, the day it was published (not a day anything was checked)
    sections: tuple[str, ...]  # its own headings, a closed set: a typo fails
    called: str = "the guide"  # how the site refers to it after naming it once


@dataclass(frozen=True)
class Section:
    """A figure or rule a work gives, in the named section."""

    work: Work
    section: str
    kind: ClassVar[str] = "Guide"

    def __post_init__(self) -> None:
        if self.section not in self.work.sections:
            raise ValueError(f"{self.section!r} is not a section of {self.work.title!r}: "
                             f"{self.work.sections}")

    @property
    def detail(self) -> str:
        """The section and the work, as a reader reads them."""
        return f"“{self.section}”, {self.work.called}"


@dataclass(frozen=True)
class Dataset:
    """A figure read from a published dataset at a pinned version, or a page read on a date."""

    name: str
    version: str
    date: str  # ISO 8601: when this version was published or read
    kind: ClassVar[str] = "Dataset"

    @property
    def detail(self) -> str:
        """The dataset, its version and date."""
        return f"{self.name} {self.version}, {self.date}".replace("  ", " ")


@dataclass(frozen=True)
class Page:
    """A fact read from a published page (a vendor's documentation, say) on a known day."""

    title: str
    url: str
    read: str  # ISO 8601: the day this site read it
    stated: str = ""  # the date the page itself gives, if any
    kind: ClassVar[str] = "Source"

    @property
    def detail(self) -> str:
        """The page, its address, and when it was dated and read."""
        dated = f", dated {self.stated}" if self.stated else ""
        return f"{self.title} ({self.url}){dated}, read {self.read}"


@dataclass(frozen=True)
class Judgement:
    """This site's own call where no source gives the figure, with the reason for it."""

    reason: str
    kind: ClassVar[str] = "Site's judgement"

    @property
    def detail(self) -> str:
        """The reason."""
        return self.reason


Source = Union[Section, Dataset, Page, Judgement]

# The default for any input whose default is a starting point rather than a sourced figure.
ILLUSTRATIVE = Judgement("An illustrative starting value, not a measured one: enter your own.")


def citation(source: Source) -> str:
    """One line naming the kind of source and its detail, e.g. for a table cell."""
    return f"{source.kind}: {source.detail}"


def cite_all(sources: tuple[Source, ...]) -> str:
    """Several sources in one sentence: each work once with all its sections, then the rest."""
    unique = tuple(dict.fromkeys(sources))
    parts = []
    for work in dict.fromkeys(s.work for s in unique if isinstance(s, Section)):
        sections = [s.section for s in unique if isinstance(s, Section) and s.work == work]
        named = ", ".join(f"“{s}”" for s in sections)
        parts.append(f"{work.called} ({'section' if len(sections) == 1 else 'sections'} {named})")
    parts += [citation(s).rstrip(".") for s in unique if not isinstance(s, Section)]
    return "; ".join(parts)
