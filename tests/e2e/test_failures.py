"""When Python cannot load, loads slowly or dies, the reader keeps the guide and the
pre-rendered result and is told, specifically, what happened."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from playwright.sync_api import Browser, Page, expect

from build_hooks.packing import pack
from build_hooks.project import DECODER_FILE, PACKED_SUFFIX

PAGE = "fine-tuning/"
CALC = '.calc[data-calculator="readiness"]'
STATUS = f"{CALC} .calc-status"


@pytest.fixture
def fresh_page(browser: Browser):
    """A page whose console may report the failure we cause; no service worker."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def _change_a_value(page: Page, value: str = "600") -> None:
    page.fill(f"{CALC} input[name=examples]", value)


def _guide_and_result_are_still_there(page: Page) -> None:
    expect(page.locator("h1")).to_contain_text("Fine-tuning")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("Worth a careful first run")


@pytest.mark.parametrize(("blocked", "message"), [
    (f"**/pyodide.asm.wasm{PACKED_SUFFIX}", "could not be downloaded or started (its WebAssembly file did not arrive)"),
    (f"**/calculators-*.whl{PACKED_SUFFIX}", "the calculators package could not be downloaded"),
    ("**/pyodide.mjs", "the Python runtime could not be downloaded"),
])
def test_a_file_that_does_not_arrive_is_named(fresh_page: Page, site_url: str, blocked: str, message: str) -> None:
    fresh_page.route(blocked, lambda route: route.abort())
    fresh_page.goto(site_url + PAGE)
    _change_a_value(fresh_page)
    expect(fresh_page.locator(STATUS)).to_contain_text(message)
    expect(fresh_page.locator(STATUS)).to_have_attribute("data-state", "failed")
    _guide_and_result_are_still_there(fresh_page)
    expect(fresh_page.locator(f"{CALC} input[name=examples]")).to_have_value("600")


def test_a_packed_file_cut_short_or_without_its_decoder_is_a_named_failure(fresh_page: Page, site_url: str) -> None:
    cut_short = pack(bytes(range(256)) * 4000)[:-100]
    fresh_page.route(f"**/calculators-*.whl{PACKED_SUFFIX}",
                     lambda route: route.fulfill(body=cut_short, content_type="application/octet-stream"))
    fresh_page.goto(site_url + PAGE)
    _change_a_value(fresh_page)
    # Caught while unpacking, as a download that failed (the browser words the reason).
    expect(fresh_page.locator(STATUS)).to_contain_text("the calculators package could not be downloaded")
    expect(fresh_page.locator(STATUS)).to_have_attribute("data-state", "failed")
    _guide_and_result_are_still_there(fresh_page)

    fresh_page.unroute(f"**/calculators-*.whl{PACKED_SUFFIX}")
    fresh_page.route(f"**/{PurePosixPath(DECODER_FILE).name}", lambda route: route.abort())
    _change_a_value(fresh_page, "700")  # a new worker: its decoder does not arrive either
    expect(fresh_page.locator(STATUS)).to_have_attribute("data-state", "failed")
    expect(fresh_page.locator(STATUS)).to_contain_text("could not be downloaded")
    expect(fresh_page.locator(f"{CALC} input[name=examples]")).to_have_value("700")


def test_after_a_failed_load_the_next_change_tries_again(fresh_page: Page, site_url: str) -> None:
    fresh_page.route(f"**/calculators-*.whl{PACKED_SUFFIX}", lambda route: route.abort())
    fresh_page.goto(site_url + PAGE)
    _change_a_value(fresh_page)
    expect(fresh_page.locator(STATUS)).to_have_attribute("data-state", "failed")
    fresh_page.unroute(f"**/calculators-*.whl{PACKED_SUFFIX}")  # the connection is back
    _change_a_value(fresh_page, "700")
    expect(fresh_page.locator(f"{CALC} .calc-result")).to_contain_text("700 reviewed examples")


def test_a_slow_runtime_says_so_and_then_works(fresh_page: Page, site_url: str) -> None:
    held = []  # the WebAssembly requests (the page's early download, the worker's), held back
    recovered = False

    def slow(route) -> None:
        if recovered:
            route.continue_()
        else:
            held.append(route)

    fresh_page.route(f"**/pyodide.asm.wasm{PACKED_SUFFIX}", slow)
    fresh_page.goto(site_url + PAGE)
    _change_a_value(fresh_page)
    expect(fresh_page.locator(STATUS)).to_contain_text("Still loading Python", timeout=20_000)
    _guide_and_result_are_still_there(fresh_page)
    recovered = True
    for route in held:
        route.continue_()
    expect(fresh_page.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")


def test_a_worker_that_dies_is_restarted_and_the_input_is_kept(fresh_page: Page, site_url: str) -> None:
    fresh_page.goto(site_url + PAGE)
    _change_a_value(fresh_page, "600")
    expect(fresh_page.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")
    # Every state the status line passes through: a restart from the memory snapshot can
    # be over between two polls of an assertion.
    fresh_page.evaluate(f"""() => {{
        const status = document.querySelector('{STATUS}');
        window.__states = [];
        new MutationObserver(() => window.__states.push(status.dataset.state))
            .observe(status, {{ attributes: true, attributeFilter: ["data-state"] }});
    }}""")
    (worker,) = [w for w in fresh_page.workers if w.url.endswith("/javascripts/worker.js")]
    worker.evaluate("setTimeout(() => self.close(), 0)")  # dies without a word, like a crash
    _change_a_value(fresh_page, "1,300")
    expect(fresh_page.locator(f"{CALC} .calc-result")).to_contain_text("1,300 reviewed examples")
    assert "restarting" in fresh_page.evaluate("window.__states")
    expect(fresh_page.locator(STATUS)).to_have_attribute("data-state", "ready")
    expect(fresh_page.locator(f"{CALC} input[name=examples]")).to_have_value("1,300")
