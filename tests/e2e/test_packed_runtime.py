"""The runtime's biggest files arrive packed (build_hooks/packing.py) and the worker hands
Python the files whole (docs/javascripts/unpack.js); what it unpacked is kept for the next
visit, and only for the deploy that made it."""

from __future__ import annotations

import time

from playwright.sync_api import BrowserContext, Page

from build_hooks.project import PACKED_SUFFIX

from .conftest import cached_urls, compute_readiness, visit_readiness_page, wait_for_snapshot, wait_until_cached

UNPACKED_CACHE = "calculators-unpacked"
PACKED = ("pyodide.asm.wasm", "python_stdlib.zip", "-py3-none-any.whl")


def _wait_until_kept(page: Page) -> list[str]:
    return wait_until_cached(page, UNPACKED_CACHE, len(PACKED), "the worker did not keep the unpacked files")


def test_the_big_files_arrive_packed_and_python_runs_on_them(context: BrowserContext, site_url: str) -> None:
    page, fetched = visit_readiness_page(context, site_url)
    compute_readiness(page, "640")
    for name in PACKED:
        assert any(url.endswith(name + PACKED_SUFFIX) for url in fetched), (name, fetched)
        assert not any(url.endswith(name) for url in fetched), f"{name} was also fetched unpacked"
    kept = _wait_until_kept(page)
    assert sorted(kept) == sorted({url.removesuffix(PACKED_SUFFIX) for url in fetched if url.endswith(PACKED_SUFFIX)})
    # Each packed file is fetched and unpacked once by the worker, besides the page's prefetch.
    prefetched = page.locator('meta[name="calculators-prefetch"]').get_attribute("content").split(" ")
    for url in {url for url in fetched if url.endswith(PACKED_SUFFIX)}:
        in_prefetch = any(url.endswith("/" + path) for path in prefetched)
        assert fetched.count(url) == 1 + in_prefetch, (url, fetched.count(url))


def test_a_repeat_visit_needs_none_of_the_packed_files(context: BrowserContext, site_url: str) -> None:
    first, _ = visit_readiness_page(context, site_url)
    compute_readiness(first, "600")
    wait_for_snapshot(first)
    _wait_until_kept(first)
    first.close()

    context.route(f"**/*{PACKED_SUFFIX}", lambda route: route.abort())  # as if they were gone
    second, fetched = visit_readiness_page(context, site_url)
    compute_readiness(second, "700")  # the kept runtime, restored from the snapshot
    # Not even the page's prefetch asks for them: reading them would only slow the restore.
    assert not [url for url in fetched if url.endswith(PACKED_SUFFIX)], fetched


def test_what_an_older_deploy_unpacked_is_dropped(context: BrowserContext, site_url: str) -> None:
    first, _ = visit_readiness_page(context, site_url)
    old = site_url + "assets/pyodide/0.0.1/pyodide.asm.wasm"
    first.evaluate(f"caches.open('{UNPACKED_CACHE}').then((c) => c.put('{old}', new Response('old')))")
    assert cached_urls(first, UNPACKED_CACHE) == [old]
    compute_readiness(first, "600")
    kept = _wait_until_kept(first)
    for _ in range(40):
        if old not in kept:
            break
        time.sleep(0.25)
        kept = cached_urls(first, UNPACKED_CACHE)
    assert old not in kept and len(kept) == len(PACKED), kept
