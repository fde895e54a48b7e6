"""The glossary's tooltip marks a term's first use on a page only (build_hooks/first_use.py)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import markdown

TEXT = """RAG is *RAG* and RAG, then LoRA.

| RAG | LoRA |
|---|---|
| a RAG b | c |

*[RAG]: Retrieval-augmented generation
*[LoRA]: Low-rank adaptation"""


def test_only_the_first_use_is_marked_and_no_word_is_lost() -> None:
    html = markdown.Markdown(extensions=["abbr", "build_hooks.first_use", "tables"]).convert(TEXT)
    assert re.findall(r"<abbr[^>]*>(\w+)</abbr>", html) == ["RAG", "LoRA"]
    assert html.startswith('<p><abbr title="Retrieval-augmented generation">RAG</abbr> is <em>RAG</em> '
                           "and RAG, then <abbr")
    assert "<th>RAG</th>\n<th>LoRA</th>" in html and "<td>a RAG b</td>" in html


def test_without_it_every_use_is_marked() -> None:  # what the extension is for
    html = markdown.Markdown(extensions=["abbr", "tables"]).convert(TEXT)
    assert len(re.findall(r"<abbr", html)) == 7


def test_every_guide_page_marks_each_term_once_at_most(built_site: Path) -> None:
    # Not the API pages: mkdocstrings converts each docstring as a document of its own, so a
    # term is marked once per docstring there.
    marked_pages = 0
    for page in built_site.rglob("*.html"):
        if "python-api" in page.parts:
            continue
        marks = Counter(re.findall(r"<abbr title=\"[^\"]*\">([^<]+)</abbr>", page.read_text(encoding="utf-8")))
        assert not [term for term, count in marks.items() if count > 1], page
        marked_pages += bool(marks)
    assert marked_pages >= 10  # the glossary still explains its terms across the site
