"""Where every figure, rule and threshold comes from: the guide, a dataset, or our judgement.

Each source is exactly one of three kinds, so a reader can always tell a figure the
guide gives from a reading this site made of it:

    Guide(section)                 the 2026 practitioner guide, with the section it comes from
    Dataset(name, version, date)   a published dataset, pinned
    Judgement(reason)              this site's own call, with a one-sentence reason
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Union

GUIDE_TITLE = "RAG vs fine-tuning practitioner guide, 2026"
GUIDE_CHECKED = "2026-03-16"  # when the guide's figures were last checked against it
# The guide's sections (the headings of the shared guide facts), a closed set: a typo fails.
GUIDE_SECTIONS = (
    "Core distinction", "When RAG fits", "RAG limitations", "When fine-tuning fits",
    "Fine-tuning limitations", "Decision framework", "Combination patterns",
    "Cost and time figures", "Training data for fine-tuning",
    "Vendor availability of fine-tuning", "Real-world examples",
)


@dataclass(frozen=True)
class Guide:
    """A figure or rule the guide gives, in the named section."""

    section: str
    kind: ClassVar[str] = "Guide"

    def __post_init__(self) -> None:
        if self.section not in GUIDE_SECTIONS:
            raise ValueError(f"{self.section!r} is not a section of the guide: {GUIDE_SECTIONS}")

    @property
    def detail(self) -> str:
        """The section, the guide and the date it was checked, as a reader reads them."""
        return f"“{self.section}”, {GUIDE_TITLE}, checked {GUIDE_CHECKED}"


@dataclass(frozen=True)
class Dataset:
    """A figure read from a published dataset at a pinned version."""

    name: str
    version: str
    date: str  # ISO 8601: when this version was published or read
    kind: ClassVar[str] = "Dataset"

    @property
    def detail(self) -> str:
        """The dataset, its version and date."""
        return f"{self.name} {self.version}, {self.date}"


@dataclass(frozen=True)
class Judgement:
    """This site's own call where the guide gives no figure, with the reason for it."""

    reason: str
    kind: ClassVar[str] = "Site's judgement"

    @property
    def detail(self) -> str:
        """The reason."""
        return self.reason


Source = Union[Guide, Dataset, Judgement]

# The default for any input whose default is a starting point rather than a sourced figure.
ILLUSTRATIVE = Judgement("An illustrative starting value, not a measured one: enter your own.")


def citation(source: Source) -> str:
    """One line naming the kind of source and its detail, e.g. for a table cell."""
    return f"{source.kind}: {source.detail}"


def cite_all(sources: tuple[Source, ...]) -> str:
    """Several sources in one sentence: the guide once with all its sections, then the rest."""
    unique = tuple(dict.fromkeys(sources))
    sections = [s.section for s in unique if isinstance(s, Guide)]
    parts = []
    if sections:
        named = ", ".join(f"“{s}”" for s in sections)
        parts.append(f"{GUIDE_TITLE} ({'section' if len(sections) == 1 else 'sections'} {named}), "
                     f"checked {GUIDE_CHECKED}")
    parts += [citation(s).rstrip(".") for s in unique if not isinstance(s, Guide)]
    return "; ".join(parts)
