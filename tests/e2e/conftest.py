"""End-to-end fixtures: one server over the built site under a sub-path, one Chromium.

Every page a test opens is watched: a request to any host but the local server, a
console error or an uncaught exception fails the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .server import SiteServer

# Generous: Python boots in seconds, but CI machines are shared and slow.
PYTHON_BOOT_TIMEOUT_MS = 60_000
expect.set_options(timeout=PYTHON_BOOT_TIMEOUT_MS)
# Where the worker keeps its memory snapshot (docs/javascripts/snapshot.js).
SNAPSHOT_CACHE = "calculators-python-memory"


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    with SiteServer(built_site) as url:
        yield url


class Watch:
    """What a page did that a reader should never see or cause."""

    def __init__(self, site_url: str) -> None:
        self.origin = urlsplit(site_url).netloc
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []

    def request(self, request) -> None:
        if urlsplit(request.url).scheme in ("data", "blob"):
            return
        if urlsplit(request.url).netloc != self.origin:
            self.foreign_requests.append(request.url)

    def console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)


def _watched_context(browser: Browser, site_url: str, **options) -> tuple[BrowserContext, Watch]:
    # Service workers answer requests before Playwright's routing sees them; the offline
    # tests turn them on where they are the subject.
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)
    watch = Watch(site_url)
    context.on("request", watch.request)
    # Anything foreign is recorded above and then refused, so no test waits on the network.
    context.route(lambda url: urlsplit(url).netloc not in ("", watch.origin),
                  lambda route: route.abort())
    return context, watch


@pytest.fixture
def watch(browser: Browser, site_url: str) -> Iterator[tuple[Page, Watch]]:
    context, watch = _watched_context(browser, site_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    page.set_default_timeout(PYTHON_BOOT_TIMEOUT_MS)
    yield page, watch
    context.close()
    assert watch.foreign_requests == [], "requests left the site"
    assert watch.console_errors == [], "the console reported errors"


@pytest.fixture
def page(watch) -> Page:
    return watch[0]


@pytest.fixture
def no_script_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context, watch = _watched_context(browser, site_url, java_script_enabled=False)
    yield context.new_page()
    context.close()
    assert watch.foreign_requests == []


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A browser profile that several visits share, so a repeat visit finds what the first
    kept (caches, the memory snapshot); no service worker, whose offline copy would hide
    the requests the tests count."""
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(PYTHON_BOOT_TIMEOUT_MS)
    yield context
    context.close()


def wait_until_ready(page: Page, calculator: str) -> None:
    """Wait until the calculator's status says Python answered."""
    page.locator(f'.calc[data-calculator="{calculator}"] .calc-status[data-state="ready"]').wait_for()


def cached_urls(page: Page, cache: str) -> list[str]:
    """The URLs the page's origin keeps in the Cache Storage cache named `cache`."""
    return page.evaluate(f"caches.open('{cache}').then((c) => c.keys()).then((k) => k.map((r) => r.url))")


def wait_until_cached(page: Page, cache: str, count: int, what: str) -> list[str]:
    """Wait (up to 30 s) until `cache` holds at least `count` entries; fail naming `what`."""
    for _ in range(120):
        urls = cached_urls(page, cache)
        if len(urls) >= count:
            return urls
        time.sleep(0.25)
    pytest.fail(f"{what}: {cache} holds {cached_urls(page, cache)}")


def wait_for_snapshot(page: Page) -> None:
    """Wait until the worker has kept its memory snapshot, which the next visit restores."""
    wait_until_cached(page, SNAPSHOT_CACHE, 1, "no memory snapshot was stored")


READINESS_PAGE, READINESS = "fine-tuning/", '.calc[data-calculator="readiness"]'


def visit_readiness_page(context: BrowserContext, site_url: str) -> tuple[Page, list[str]]:
    """Open the fine-tuning page in `context`; the list fills with every URL it (and its
    worker) requests."""
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + READINESS_PAGE)
    return page, fetched


def compute_readiness(page: Page, value: str) -> None:
    """Type a number of examples into the readiness calculator and wait for Python's answer."""
    page.fill(f"{READINESS} input[name=examples]", value)
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text(f"{value} reviewed examples")
