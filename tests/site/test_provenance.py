"""Every figure in the guide's text says where it comes from, by the site's one convention.

See tests/site/provenance.py for the convention and how a page is read. The calculators'
own figures are left out here: their sources come from the schema and are tested with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .nav import built_path, nav_pages
from .provenance import figures_in, label_problem, read_provenance

# The API page documents the program (Python versions, exit codes), not the guide.
GUIDE_PAGES = tuple(built_path(p) for p in nav_pages() if p != "python-api.md")


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
    # The vendor facts (calculators/vendors) list their pages in a section of their own.
    listed = methodology[start:end] + methodology[methodology.index('id="vendor-facts"'):]
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
