"""The built guide keeps its promises: links resolve, pages describe themselves, figures show.

Every test reads the site that `built_site` (tests/conftest.py) builds with
`mkdocs build --strict`, so what is checked is what a reader would be served.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from calculators import CALCULATORS
from calculators.kit.reference import input_rows

from .nav import built_path, nav_pages

ROOT = Path(__file__).resolve().parents[2]

# Every figure in shared/guide-facts.md, written as the site writes it, with its unit.
GUIDE_FIGURES = (
    "100-500 ms",                          # retrieval latency per request
    "$0-500",                              # RAG setup
    "$200-5,000+ per training run",        # fine-tuning setup
    "$100-1,000",                          # fine-tuning data preparation
    "$50-300 per month",                   # RAG ongoing
    "US dollars (USD)",                    # the currency of every amount
    "1-2 weeks",                           # RAG time to production
    "4-8 weeks",                           # fine-tuning time to production
    "hundreds to thousands of dollars",    # one GPT-4-class training run
    "hours to days",                       # one fine-tuning iteration
    "minutes",                             # one RAG iteration
    "in days",                             # a basic RAG system
    "50-100 examples",                     # style adaptation
    "500-2,000 examples",                  # dependable task results
    "200 reviewed examples",               # curation beats volume ...
    "2,000 noisy",                         # ... against this many noisy ones
    "80%",                                 # few-shot prompting versus fine-tuning
    "more than once a month",              # Q3's threshold
    "2026-03-16",                          # the date the guide was published
    "GPT-4o mini",                         # vendors, as of the March 2026 source
    "Claude",
    "Gemini",
    "Llama 3",
    "Mistral",
)

# Every page in the navigation, by its built path.
PAGES = tuple(built_path(page) for page in nav_pages())

# Anchors other pages, the calculators and the briefs promise to link to.
PROMISED_ANCHORS = {
    "decide/index.html": ("prompt-engineering-first", "structured-outputs", "try-the-advisor",
                          "start-with-rag-then-add-fine-tuning"),
    "rag/index.html": ("running-costs",),
    "fine-tuning/index.html": ("continued-training",),
    "security/index.html": ("how-it-works", "what-rag-adds", "defences", "checklist"),
    "combine/index.html": ("fine-tuned-model-rag", "fine-tuned-retriever", "small-model-router"),
    "faq/index.html": ("which-vendors-let-you-fine-tune",),
    "evaluate/index.html": ("test-set", "retrieval-recall", "groundedness",
                            "compare-with-the-base-model", "regression-checks"),
    "long-context/index.html": ("when-it-fits", "when-retrieval-wins"),
    "tuning-options/index.html": ("adapters", "hosted", "distillation", "running-costs", "retirement"),
    "privacy/index.html": ("fine-tuning-data", "deleting-data", "access-control", "vendor-terms"),
    "retrieval/index.html": ("chunking", "hybrid-search", "re-ranking", "metadata-filters",
                             "choosing-an-embedding-model", "tuned-embeddings"),
    "methodology/index.html": ("from-the-guide", "from-vendor-pages", "from-papers",
                               "the-sites-judgement", "from-datasets"),
}


class _Page(HTMLParser):
    """Collects a page's ids, outgoing links, title, meta description and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.title = ""
        self.description: str | None = None
        self.text: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if "id" in attr:
            self.ids.add(attr["id"])
        if tag == "a" and "name" in attr:
            self.ids.add(attr["name"])
        for key in ("href", "src"):
            if key in attr and tag in ("a", "link", "script", "img"):
                self.links.append(attr[key])
        if tag == "meta" and attr.get("name") == "description":
            self.description = attr.get("content", "")
        if tag == "title":
            self._in_title = True
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _visible_text(page: _Page) -> str:
    return re.sub(r"\s+", " ", " ".join(page.text).replace("\u00a0", " "))


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, _Page]:
    """Every HTML file of the built site, parsed, keyed by its path inside the site."""
    return {p.relative_to(built_site).as_posix(): _parse(p) for p in built_site.rglob("*.html")}


def _target(source: str, href: str, site_path: str) -> tuple[str, str] | None:
    """The (file, fragment) a link points at inside the site, or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        # Only 404.html links from the root: GitHub Pages serves it at any depth.
        if not path.startswith(site_path):
            return ("<outside the site path>" + path, "")
        resolved = path[len(site_path):]
    elif path:
        resolved = os.path.normpath(os.path.join(os.path.dirname(source), path)).replace(os.sep, "/")
        resolved = "" if resolved == "." else resolved + ("/" if path.endswith("/") else "")
    else:
        resolved = source
    if not resolved:
        resolved = "index.html"
    elif resolved.endswith("/"):
        resolved += "index.html"
    return resolved, parts.fragment


def test_every_internal_link_and_anchor_resolves(pages: dict[str, _Page], built_site: Path) -> None:
    site_path = urlsplit(os.environ.get("SITE_URL", "http://127.0.0.1:8000/")).path or "/"
    broken = []
    for source, page in pages.items():
        for href in page.links:
            target = _target(source, href, site_path)
            if target is None:
                continue
            file, fragment = target
            if file.endswith(".html"):
                if file not in pages:
                    broken.append(f"{source}: {href} (no page {file})")
                elif fragment and fragment not in pages[file].ids:
                    broken.append(f"{source}: {href} (no anchor #{fragment} in {file})")
            elif not (built_site / file).exists():
                broken.append(f"{source}: {href} (no file {file})")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("page", PAGES)
def test_every_guide_page_is_built(pages: dict[str, _Page], page: str) -> None:
    assert page in pages


def test_every_page_in_docs_is_in_the_nav() -> None:
    written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert written - set(nav_pages()) == set(), "pages a reader cannot reach from the menu"
    assert set(nav_pages()) - written == set(), "menu entries with no page"


@pytest.mark.parametrize(("page", "anchors"), PROMISED_ANCHORS.items())
def test_promised_anchors_exist(pages: dict[str, _Page], page: str, anchors: tuple[str, ...]) -> None:
    missing = [a for a in anchors if a not in pages[page].ids]
    assert not missing, f"{page} lacks {missing}"


def test_every_page_has_a_title_and_its_own_description(pages: dict[str, _Page]) -> None:
    # The 404 page carries the site-wide description; a page that shows it has none of its own.
    site_description = pages["404.html"].description
    seen: dict[str, str] = {}
    problems = []
    for name in PAGES:
        page = pages[name]
        if not page.title.strip():
            problems.append(f"{name}: no <title>")
        description = (page.description or "").strip()
        if not description or description == site_description:
            problems.append(f"{name}: no meta description of its own")
        elif description in seen:
            problems.append(f"{name}: same description as {seen[description]}")
        seen[description] = name
    assert not problems, "\n".join(problems)


def test_sitemap_lists_every_page(built_site: Path) -> None:
    sitemap = built_site / "sitemap.xml"
    assert sitemap.exists()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {urlsplit(loc.text or "").path
              for loc in ElementTree.parse(sitemap).getroot().findall("s:url/s:loc", namespace)}
    site_path = urlsplit(os.environ.get("SITE_URL", "http://127.0.0.1:8000/")).path or "/"
    expected = {site_path + page.removesuffix("index.html") for page in PAGES}
    assert expected <= listed, f"missing from sitemap: {sorted(expected - listed)}"


def test_spelling_of_docs_and_calculators() -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "docs", "calculators", "includes",
         "--skip", "*.pyc,__pycache__"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("figure", GUIDE_FIGURES)
def test_every_guide_figure_appears_with_its_unit(pages: dict[str, _Page], figure: str) -> None:
    assert any(figure in _visible_text(pages[name]) for name in PAGES), f"{figure!r} is on no page"


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_methodology_lists_every_calculator_from_its_schema(built_site: Path, name: str) -> None:
    html = (built_site / "methodology" / "index.html").read_text(encoding="utf-8")
    start = html.find(f'<div class="calc-reference" data-calculator="{name}">')
    assert start >= 0, f"methodology.md has no `/// calculator-reference | {name}` block"
    end = html.find('<div class="calc-reference"', start + 1)
    block = unescape(html[start:end if end > 0 else len(html)])
    for row in input_rows(CALCULATORS[name]):
        assert row.label in block and row.default in block
        assert row.source.kind in block and row.source.detail in block
    for figure in CALCULATORS[name].figures:
        assert figure.value in block and figure.source.detail in block
