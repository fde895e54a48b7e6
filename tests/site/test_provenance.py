"""Every figure in the guide's text says where it comes from, by the site's one convention.

See tests/site/provenance.py for the convention and how a page is read. The calculators'
own figures are left out here: their sources come from the schema and are tested with it.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from calculators.guide import GUIDE

from .nav import built_path, nav_pages
from .provenance import figures_in, label_problem, read_provenance

# The API pages document the program (Python versions, exit codes), not the guide.
GUIDE_PAGES = tuple(built_path(p) for p in nav_pages() if not p.startswith("python-api/"))
METHODOLOGY = "methodology/index.html"

# Where the guide gives each figure or rule (shared/guide-facts.md, one heading per fact). A
# block that carries the figure and a guide label must name one of these sections: the label
# "guide: X" is a claim that the guide's section X says it.
GIVEN_IN = {
    "80%": {"Is prompt engineering a third option?"},
    "100-500 ms": {"RAG Limitations", "When Fine-Tuning Is the Right Choice"},
    "$0-500": {"Cost Comparison"},
    "$50-300": {"Cost Comparison"},
    "50-300 USD": {"Cost Comparison"},
    "$100-1,000": {"Cost Comparison"},
    "$200-5,000": {"Cost Comparison"},
    "1-2 weeks": {"Cost Comparison"},
    "4-8 weeks": {"Cost Comparison"},
    "start with RAG": {"Cost Comparison"},
    "hundreds to thousands of dollars": {"Fine-Tuning Limitations"},
    "50-100": {"How much training data do I need for fine-tuning?"},
    "500-2,000": {"How much training data do I need for fine-tuning?"},
    "more than once a month": {"The Decision Framework"},
}


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_every_figure_in_the_text_carries_a_provenance_label(built_site: Path, page: str) -> None:
    reader = read_provenance((built_site / page).read_text(encoding="utf-8"))
    assert not reader.unlabelled, f"{page}: figures with no provenance label:\n" + "\n".join(
        f"  {text[:160]}" for text in reader.unlabelled)
    assert not reader.bad_labels, f"{page}:\n" + "\n".join(reader.bad_labels)


def test_methodology_lists_every_vendor_page_the_text_cites(built_site: Path) -> None:
    cited = set().union(*(read_provenance((built_site / page).read_text(encoding="utf-8")).vendor_links
                          for page in GUIDE_PAGES))
    methodology = (built_site / "methodology" / "index.html").read_text(encoding="utf-8")
    start, end = methodology.index('id="from-vendor-pages"'), methodology.index('id="the-sites-judgement"')
    # The vendor facts (calculators/vendors) list their pages on a page of their own.
    listed = methodology[start:end] + (built_site / "vendor-facts" / "index.html").read_text(encoding="utf-8")
    assert cited, "no vendor page is cited: the test would prove nothing"
    assert not [url for url in cited if f'href="{url}"' not in listed]


@pytest.mark.parametrize(("text", "expected"), [
    ("Retrieval adds 100-500 ms per request", ["100-500"]),
    ("$200-5,000+ per training run and roughly 80% of the gain", ["$200-5,000", "80%"]),
    ("GPT-4o mini, Claude 3 Haiku and Gemini 1.5 Flash-001, checked 2026-03-16", []),
    ("the March 2026 edition; answers to Q3 and question 4", []),
])
def test_figures_are_numbers_that_measure_not_names(text: str, expected: list[str]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(("text", "href", "valid"), [
    ("guide: RAG Limitations", "../methodology/#from-the-guide", True),
    ("guide: RAG limits", "../methodology/#from-the-guide", False),
    ("site's judgement", "../methodology/#the-sites-judgement", True),
    ("OpenAI announcement, 2024-10-01", "https://openai.com/index/api-prompt-caching/", True),
    ("OpenAI announcement", "https://openai.com/index/api-prompt-caching/", False),
    ("guide: RAG Limitations", "../rag/#its-four-limits", False),
])
def test_a_label_names_a_known_source(text: str, href: str, valid: bool) -> None:
    assert (label_problem(text, href) is None) is valid


def test_a_figure_without_a_label_is_found() -> None:
    html = """<article>
      <p>Retrieval adds 100-500 ms
         (<a class="src" href="../methodology/#from-the-guide">guide: RAG Limitations</a>).</p>
      <ul><li>It also saves 100-500 ms.</li></ul>
      <p>Amounts in dollars
         (<a class="src" href="../methodology/#from-the-guide">guide: Cost Comparison</a>).</p>
      <table><thead><tr><th>Item</th></tr></thead><tbody><tr><td>$0-500</td></tr></tbody></table>
      <h2 id="next">Next</h2>
      <table><tbody><tr><td>$50-300 per month</td></tr></tbody></table>
      <div class="calc-block"><p>Default: 42 ms</p></div>
    </article>"""
    assert read_provenance(html).unlabelled == ["It also saves 100-500 ms.", "$50-300 per month"]


@pytest.mark.parametrize(("page", "figure"), [
    ("rag/index.html", "100-500 ms"), ("costs/index.html", "$200-5,000+"),
    ("fine-tuning/index.html", "500-2,000"), ("long-context/index.html", "90%"),
])
def test_the_check_sees_real_figures_once_their_labels_are_gone(
        built_site: Path, page: str, figure: str) -> None:
    unlabelled_page = (built_site / page).read_text(encoding="utf-8").replace('class="src"', "")
    assert any(figure in text for text in read_provenance(unlabelled_page).unlabelled)


def _article_text(html: str) -> str:
    start, end = html.find("<article"), html.rfind("</article>")
    text = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html[start:end], flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_the_guide_is_named_by_its_title_on_the_methodology_page_only(built_site: Path) -> None:
    named = {page for page in GUIDE_PAGES
             if GUIDE.title in _article_text((built_site / page).read_text(encoding="utf-8"))}
    assert named == {METHODOLOGY}


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_the_guides_date_is_called_its_publication_never_a_check(built_site: Path, page: str) -> None:
    text = _article_text((built_site / page).read_text(encoding="utf-8"))
    for match in re.finditer(re.escape(GUIDE.published), text):
        before = text[max(0, match.start() - 40):match.start()]
        assert "published" in before and not re.search(r"checked|read\b", before), (
            f"{page}: {before + GUIDE.published!r}")


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_figures_are_cited_to_the_section_that_gives_them(built_site: Path, page: str) -> None:
    reader = read_provenance((built_site / page).read_text(encoding="utf-8"))
    wrong = [f"{figure!r} cited to {sections} in: {text[:120]}"
             for text, sections in reader.guide_citations
             for figure, given_in in GIVEN_IN.items()
             if figure in text and not given_in & set(sections)]
    assert not wrong, f"{page}:\n" + "\n".join(wrong)


def test_every_section_in_the_figure_map_is_the_guides():
    assert set().union(*GIVEN_IN.values()) <= set(GUIDE.sections)


def test_a_figure_cited_to_the_wrong_section_is_caught() -> None:
    html = """<article>
      <p>Prompts get about 80% of the gain
         (<a class="src" href="../methodology/#from-the-guide">guide: The Decision Framework</a>).</p>
      <p>Retrieval adds 100-500 ms
         (<a class="src" href="../methodology/#from-the-guide">guide: RAG Limitations</a>).</p>
    </article>"""
    citations = read_provenance(html).guide_citations
    assert citations == [
        ("Prompts get about 80% of the gain (guide: The Decision Framework).", ("The Decision Framework",)),
        ("Retrieval adds 100-500 ms (guide: RAG Limitations).", ("RAG Limitations",)),
    ]
