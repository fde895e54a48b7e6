"""A repeat visit restores Python from a memory snapshot instead of starting it afresh;
a snapshot that cannot be restored is dropped and Python starts normally."""

from __future__ import annotations

import time

from playwright.sync_api import BrowserContext

from build_hooks.packing import packed

from .conftest import SNAPSHOT_CACHE, compute_readiness, visit_readiness_page, wait_for_snapshot

WHEEL = packed(".whl")  # how a request for the wheel ends


def test_a_repeat_visit_restores_python_without_the_wheel(context: BrowserContext, site_url: str) -> None:
    first, fetched = visit_readiness_page(context, site_url)
    compute_readiness(first, "600")
    assert any(url.endswith(WHEEL) for url in fetched)
    wait_for_snapshot(first)
    first.close()

    second, fetched = visit_readiness_page(context, site_url)
    compute_readiness(second, "700")
    compute_readiness(second, "1,300")  # and it keeps answering
    assert not any(url.endswith(WHEEL) for url in fetched), "the snapshot already holds the package"


def test_a_broken_snapshot_is_dropped_and_python_starts_normally(context: BrowserContext, site_url: str) -> None:
    first, _ = visit_readiness_page(context, site_url)
    compute_readiness(first, "600")
    wait_for_snapshot(first)
    first.evaluate(f"""async () => {{
        const cache = await caches.open('{SNAPSHOT_CACHE}');
        for (const key of await cache.keys()) await cache.put(key, new Response(new Uint8Array(1000)));
    }}""")
    first.close()

    second, _ = visit_readiness_page(context, site_url)
    compute_readiness(second, "800")
    # Started afresh, it keeps a new snapshot in place of the broken one.
    stored_size = f"""async () => {{
        const cache = await caches.open('{SNAPSHOT_CACHE}');
        const [key] = await cache.keys();
        return key ? (await (await cache.match(key)).arrayBuffer()).byteLength : 0;
    }}"""
    for _ in range(120):
        if second.evaluate(stored_size) > 1000:
            break
        time.sleep(0.25)
    assert second.evaluate(stored_size) > 1_000_000, "no new snapshot after the broken one"
