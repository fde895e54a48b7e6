"""The vendor-facts marker (build_hooks/vendor_facts.py): each block is placed, dated and sourced,
and a marker the code cannot use fails `mkdocs build --strict`, naming the page and the line."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from calculators.kit.provenance import Page
from calculators.vendors import CHECKED, DATA_TERMS, ROUTES, DataTerm, Fact, all_facts, can_tune_today
from calculators.vendors.model import ASKED_TOPICS, TERM_TOPICS
from calculators.vendors.pages import BLOCKS
from calculators.vendors.pages.facts import SILENT

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ["build_hooks.vendor_facts", "tables", "attr_list", "admonition", "md_in_html",
              "pymdownx.superfences"]
# The pages that hold the blocks, and the blocks each must show.
PAGES = {"tuning-options": ("tuning_routes", "closed_routes", "structured_outputs", "retirements"),
         "faq": ("can_i_tune",), "long-context": ("caching",), "vendor-facts": ("all",),
         "privacy": ("data_terms",)}
# Who a vendor's data terms could be typed about on the privacy page, were it typed by hand.
VENDOR_NAMES = ("OpenAI", "Anthropic", "Claude", "Google", "Gemini", "Azure", "Bedrock", "Mistral")


def _html(text: str) -> str:
    return _joined(markdown.Markdown(extensions=EXTENSIONS).convert(text))


def _joined(html: str) -> str:
    """`html` with the no-wrap spans that keep each date on one line taken out."""
    return re.sub(r'<span class="calc-nowrap">([^<]*)</span>', r"\1", html)


def _texts_before_tables(html: str) -> list[str]:
    """For each table, the text of the paragraph just before it."""
    chunks = html.split("<table")[:-1]
    return [re.sub(r"<[^>]+>", "", chunk.rpartition("<p>")[2]) for chunk in chunks]


@pytest.mark.parametrize("name", BLOCKS)
def test_each_block_renders_tables_that_say_the_day_the_facts_were_checked(name: str) -> None:
    html = _html(f"# A page\n\n<!-- vendor-facts: {name} -->\n\nAfter it.\n")
    before = _texts_before_tables(html)
    assert before, f"{name} renders no table"
    assert all(f"as of {CHECKED}" in text for text in before), before
    assert "vendor-facts:" not in html and "<p>After it.</p>" in html


@pytest.mark.parametrize("name", BLOCKS)
def test_every_source_link_in_a_block_carries_its_read_date(name: str) -> None:
    html = _html(f"<!-- vendor-facts: {name} -->\n")
    links = re.findall(r'<a class="src" href="(https://[^"]+)">([^<]+)</a>', html)
    assert links, name
    for url, text in links:
        assert re.search(r"\d{4}-\d{2}-\d{2}", text), (url, text)


def test_the_full_list_shows_every_fact_with_its_page_date_and_confidence() -> None:
    html = _html("<!-- vendor-facts: all -->\n")
    rows = html.split("<tr>")[1:]
    for subject, fact in all_facts():
        row = next((r for r in rows if fact.claim.replace("'", "&#x27;") in r
                    or fact.claim in r), None)
        assert row is not None, f"{subject}: {fact.claim[:60]}"
        if isinstance(fact.source, Page):
            assert f'href="{fact.source.url}"' in row and f"read {fact.source.read}" in row
        assert ("uncertain" in row) == (fact.confidence != "high"), fact.claim[:60]
        assert f"{fact.confidence} confidence" in row.lower()


def test_who_can_tune_lists_the_open_routes_and_the_closed_table_every_other() -> None:
    open_html, closed_html = _html(BLOCKS["tuning_routes"]()), _html(BLOCKS["closed_routes"]())
    for r in ROUTES:
        family = f"<strong>{r.family}</strong>"
        assert (family in open_html) == can_tune_today(r), r.key
        if not can_tune_today(r) or r.jobs_until or r.retires:
            assert family in closed_html, r.key


def test_the_data_terms_block_gives_each_service_its_claims_and_says_where_its_pages_are_silent() -> None:
    html = _html(BLOCKS["data_terms"]())
    rows = html.split("<tr>")[2:]
    services = list(dict.fromkeys(t.service for t in DATA_TERMS))
    assert len(rows) == len(services)
    for service, row in zip(services, rows, strict=True):
        assert f"<strong>{service}</strong>" in row
        terms = [t for t in DATA_TERMS if t.service == service]
        for t in terms:
            assert t.fact.claim.replace("'", "&#x27;") in row or t.fact.claim in row, t.fact.claim[:60]
            assert f'href="{t.fact.source.url}"' in row and f"read {t.fact.source.read}" in row
        for topic in ASKED_TOPICS:
            silent = not any(t.topic == topic for t in terms)
            assert f"<em>{TERM_TOPICS[topic]}</em>: {SILENT}" in row if silent else TERM_TOPICS[topic] in row
        assert ("uncertain" in row) == any(t.fact.confidence != "high" for t in terms), service


def test_a_service_whose_pages_say_nothing_on_retention_is_shown_as_silent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators.vendors.pages import facts

    page = Page("Some vendor: data terms", "https://example.org/terms", CHECKED)
    monkeypatch.setattr(facts, "DATA_TERMS", (DataTerm("Some API", "training", Fact(
        "Some vendor trains on nothing it is sent.", page)),))
    html = _html(BLOCKS["data_terms"]())
    assert f"<em>{TERM_TOPICS['retention']}</em>: {SILENT}" in html
    assert f"<em>{TERM_TOPICS['training']}</em>: Some vendor trains" in html
    assert TERM_TOPICS["exceptions"] not in html  # an optional topic is left out, not "silent"


def test_the_privacy_page_types_no_vendor_claim_of_its_own() -> None:
    source = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    section = source[source.index("{ #vendor-terms }"):source.index("{ #self-hosting }")]
    assert "<!-- vendor-facts: data_terms -->" in section
    # The page's own words are generic; every vendor, claim and link comes from the block.
    assert not [name for name in VENDOR_NAMES if name in source]
    assert not [t.fact.source.url for t in DATA_TERMS if t.fact.source.url in source]
    assert "](https://" not in section


def test_a_marker_in_code_is_shown_as_written_and_one_in_an_admonition_is_placed() -> None:
    html = _html("```md\n<!-- vendor-facts: caching -->\n```\n\n"
                 "!!! note\n\n    <!-- vendor-facts: structured_outputs -->\n")
    assert "&lt;!-- vendor-facts: caching --&gt;" in html
    note = html[html.index('class="admonition note"'):]
    assert "<table>" in note and f"as of {CHECKED}" in note


@pytest.mark.parametrize(("marker", "says"), [
    ("<!-- vendor-facts: tuning_rutes -->", "“tuning_rutes” is not a vendor-facts block"),
    ("<!-- vendor-facts: -->", "could not be read"),
    ("<!-- vendor_facts: caching -->", "could not be read"),
    ("<!--vendor-facts:caching-->", "could not be read"),
])
def test_a_marker_the_code_cannot_use_is_a_warning_and_a_visible_failure(
        caplog: pytest.LogCaptureFixture, marker: str, says: str) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        html = _html(f"Text.\n\n{marker}\n")
    assert [r for r in caplog.records if says in r.getMessage()], caplog.text
    assert 'class="admonition failure"' in html and "Broken vendor-facts block" in html


def test_the_strict_build_fails_naming_the_page_and_the_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    # Front matter and a fence before the marker: the line counted is the file's own.
    (docs / "index.md").write_text(
        "---\ntitle: Test\n---\n\n# Test\n\n```\n<!-- vendor-facts: all -->\n```\n\n"
        "<!-- vendor-facts: all -->\n\n<!-- vendor-facts: closed_roads -->\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nmarkdown_extensions:\n" + "".join(f"  - {e}\n" for e in EXTENSIONS),
        encoding="utf-8")
    # The `all` block links to the methodology page's sections and to its own page: give them.
    (docs / "methodology.md").write_text("# Methodology\n\n## From the guide { #from-the-guide }\n",
                                         encoding="utf-8")
    (docs / "vendor-facts.md").write_text("# Vendor facts\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Traceback" not in output, output[-3000:]
    said = [line for line in output.splitlines() if "docs/index.md:13" in line]
    assert said and "closed_roads" in said[0] and "closed_routes" in said[0], output


@pytest.mark.parametrize(("page", "blocks"), PAGES.items())
def test_the_built_pages_carry_their_blocks_dated(built_site: Path, page: str, blocks: tuple[str, ...]) -> None:
    html = _joined((built_site / page / "index.html").read_text(encoding="utf-8"))
    assert "<!-- vendor-facts" not in html and "Broken vendor-facts block" not in html
    assert html.count(f"as of {CHECKED}") >= len(blocks)
    source = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    assert [f"<!-- vendor-facts: {b} -->" in source for b in blocks] == [True] * len(blocks)


def test_the_vendor_facts_page_links_every_vendor_page_the_facts_rest_on(built_site: Path) -> None:
    section = _joined((built_site / "vendor-facts" / "index.html").read_text(encoding="utf-8"))
    pages = {fact.source for _, fact in all_facts() if isinstance(fact.source, Page)}
    assert pages
    assert not [p.url for p in pages if f'href="{p.url}"' not in section]


def test_a_date_never_breaks_across_lines_and_no_address_is_touched() -> None:
    from calculators.vendors.pages import markdown as block

    text = block("tuning_routes")
    assert '<span class="calc-nowrap">2027-07-21</span> or later' in text
    addresses = re.findall(r"\]\(([^)]+)\)", text)
    assert addresses and not [a for a in addresses if "<span" in a]
