"""The site's search: Material's own, with its index built once the reader opens the search
rather than as every page loads (build_hooks/search.py, docs/javascripts/search-worker.js).
Searching finds the same pages as Material's worker does, by every way in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Worker, expect

pytestmark = pytest.mark.e2e

RESULTS = ".md-search-result__item"
MATERIAL_WORKER = "**/assets/javascripts/workers/search.*.min.js"


def _without_the_opening_hint(page: Page) -> None:
    """The page as if search.js never told the worker that the search opened."""
    page.route("**/javascripts/search.js", lambda route: route.fulfill(body="", content_type="text/javascript"))


def _search_worker(page: Page) -> Worker:
    page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.length > 0")
    workers = [worker for worker in page.workers if "search-worker.js#" in worker.url]
    assert len(workers) == 1, [worker.url for worker in page.workers]
    return workers[0]


def _search_for(page: Page, words: str) -> None:
    """Type `words` into the search box as a reader does (Material searches on key-up)."""
    page.locator("[data-md-component=search-query]").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(words)


def _lunr_loaded(worker: Worker) -> bool:
    return worker.evaluate("typeof self.lunr !== 'undefined'")


def test_the_index_waits_until_the_reader_opens_the_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "fine-tuning/")
    worker = _search_worker(page)
    page.wait_for_timeout(1000)  # the page has long handed over its index by now
    assert not _lunr_loaded(worker)
    page.keyboard.press("/")  # opens the search: the index is built before a word is typed
    page.wait_for_function("document.activeElement?.name === 'query'")
    for _ in range(50):
        if _lunr_loaded(worker):
            break
        page.wait_for_timeout(100)
    assert _lunr_loaded(worker)
    # Until a word is typed, the page shows Material's own invitation.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    page.keyboard.type("LoRA")
    expect(page.locator(RESULTS).first).to_contain_text("LoRA")


def test_a_search_without_the_opening_hint_still_finds_pages(page: Page, site_url: str) -> None:
    _without_the_opening_hint(page)
    page.goto(site_url + "glossary/")
    worker = _search_worker(page)
    _search_for(page, "retrieval")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert _lunr_loaded(worker)
    # The stand-in handed over: Material's worker answers the next searches itself.
    _search_for(page, "embedding")
    expect(page.locator(RESULTS).first).to_contain_text("mbedding")


def test_a_search_whose_index_could_not_load_tries_again(page: Page, site_url: str, watch) -> None:
    _without_the_opening_hint(page)
    page.route(MATERIAL_WORKER, lambda route: route.abort())  # as if offline
    page.goto(site_url + "glossary/")
    worker = _search_worker(page)
    _search_for(page, "retrieval")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    assert not _lunr_loaded(worker)
    _, seen = watch
    seen.console_errors[:] = [e for e in seen.console_errors if "Failed to load resource" not in e]
    page.unroute(MATERIAL_WORKER)
    _search_for(page, "augmented")
    expect(page.locator(RESULTS).first).to_be_visible()
