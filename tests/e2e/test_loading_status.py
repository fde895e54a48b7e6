"""While Python loads, the status line says what is loading, how much a first visit
downloads (the figure the server then sends), and that the result shown stays right; a
browser that kept Python from an earlier visit is not told of a download it will not make."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from build_hooks.project import PACKED_SUFFIX

from .conftest import wait_for_snapshot, wait_until_ready
from .server import SiteServer

PAGE = "fine-tuning/"
CALC = '.calc[data-calculator="readiness"]'
STATUS = f"{CALC} .calc-status"


def _stated_size(page: Page) -> str:
    """The page's first-visit download as the status line writes it: "4.9 MB" (10^6 bytes)."""
    stated = int(page.locator('meta[name="calculators-download"]').get_attribute("content"))
    return f"{stated / 1e6:.1f} MB"


class _HeldRuntime:
    """Holds back the page's WebAssembly requests (its early download, the worker's):
    Python stays loading until release()."""

    def __init__(self, page: Page) -> None:
        self.page, self.routes, self.released = page, [], False
        page.route(f"**/pyodide.asm.wasm{PACKED_SUFFIX}", self._hold)

    def _hold(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()
        wait_until_ready(self.page, "readiness")


def _start_holding_the_runtime(page: Page, site_url: str) -> _HeldRuntime:
    """Open the page and start Python with its runtime held back."""
    held = _HeldRuntime(page)
    page.goto(site_url + PAGE)
    page.focus(f"{CALC} input[name=examples]")  # on its way to typing: Python starts
    expect(page.locator(STATUS)).to_have_attribute("data-state", "loading")
    return held


def test_a_first_visit_says_python_loads_once_how_big_and_that_the_result_stays_right(
        context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    held = _start_holding_the_runtime(page, site_url)
    size = _stated_size(page)
    expect(page.locator(STATUS)).to_have_text(
        f"Loading Python ({size}, once) to recompute in your browser. Later visits reuse the copy "
        "your browser keeps. Meanwhile, the result below is right for the values shown.")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("reviewed examples")
    held.release()


def test_the_stated_download_is_what_the_server_sends_a_first_visit(
        context: BrowserContext, built_site: Path) -> None:
    server = SiteServer(built_site)  # its own server, so its count of bytes is this visit's
    with server as site_url:
        page = context.new_page()
        page.goto(site_url + PAGE)
        page.fill(f"{CALC} input[name=examples]", "600")
        expect(page.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")
        stated = int(page.locator('meta[name="calculators-download"]').get_attribute("content"))
    assert server.traffic.python_bytes == stated


def test_a_repeat_visit_that_kept_python_announces_no_download(
        context: BrowserContext, site_url: str) -> None:
    first = context.new_page()
    first.goto(site_url + PAGE)
    first.fill(f"{CALC} input[name=examples]", "600")
    expect(first.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")
    wait_for_snapshot(first)
    first.close()

    second = context.new_page()
    held = _start_holding_the_runtime(second, site_url)
    expect(second.locator(STATUS)).to_have_text(
        "Starting Python from the copy your browser keeps, to recompute here. "
        "Meanwhile, the result below is right for the values shown.")
    held.release()
