"""After one visit the site, calculators included, works without a network; a new
deploy replaces the cached version cleanly (a page and a wheel of different deploys never meet)."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import cached_urls, wait_until_cached
from .server import SiteServer

RUNTIME_FILES = 6  # four Pyodide files, the standard library and the wheel


def _wait_until_runtime_cached(page: Page) -> None:
    wait_until_cached(page, "runtime", RUNTIME_FILES, "the service worker did not keep the runtime")


def _compute(page: Page, calculator: str, field: str, value: str) -> None:
    page.fill(f'.calc[data-calculator="{calculator}"] input[name={field}]', value)
    page.locator(f'.calc[data-calculator="{calculator}"] .calc-status[data-state="ready"]').wait_for()


def _first_visit(context: BrowserContext, site_url: str) -> Page:
    """Open a calculator page, use it, and wait until the service worker kept Python."""
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(site_url + "fine-tuning/")
    _compute(page, "readiness", "examples", "600")
    _wait_until_runtime_cached(page)
    return page


def test_after_one_visit_the_site_and_its_calculators_work_offline(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = _first_visit(context, site_url)

    context.set_offline(True)
    page.goto(site_url + "decide/?advisor.examples=40")
    expect(page.locator('.calc[data-calculator="advisor"] input[name=examples]')).to_have_value("40")
    _compute(page, "advisor", "examples", "45")
    page.goto(site_url + "glossary/")
    expect(page.locator("h1")).to_contain_text("Glossary")
    page.goto(site_url + "fine-tuning/?readiness.examples=1234")
    expect(page.locator('.calc[data-calculator="readiness"] .calc-result')).to_contain_text("1,234 reviewed examples")
    context.close()


def _registered(page: Page) -> bool:
    return page.evaluate("navigator.serviceWorker.getRegistration().then(Boolean)")


def test_on_a_calculator_page_the_offline_copy_waits_until_python_is_up(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    held = []  # Pyodide's script, held: Python's start stays under way
    page.route("**/pyodide.asm.mjs", lambda route: held.append(route))
    page.goto(site_url + "fine-tuning/")
    page.fill('.calc[data-calculator="readiness"] input[name=examples]', "600")
    page.wait_for_timeout(2000)  # long past the idle moment a guide page registers at
    assert held and not _registered(page)
    for route in held:
        route.continue_()
    page.locator('.calc[data-calculator="readiness"] .calc-status[data-state="ready"]').wait_for(timeout=60_000)
    page.wait_for_function("navigator.serviceWorker.getRegistration().then(Boolean)")
    context.close()


def test_a_calculator_page_whose_python_never_starts_registers_as_the_reader_leaves(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route("**/pyodide.asm.mjs", lambda route: None)  # Python's start never ends
    page.goto(site_url + "fine-tuning/")
    page.wait_for_timeout(2000)
    assert not _registered(page)
    page.evaluate("""Object.defineProperty(document, "hidden", { value: true });
                     document.dispatchEvent(new Event("visibilitychange"))""")
    page.wait_for_function("navigator.serviceWorker.getRegistration().then(Boolean)")
    context.close()


@pytest.fixture
def two_deploys(built_site: Path, tmp_path: Path):
    """The built site, and a "next deploy" of it whose wheel has a new hash."""
    first = tmp_path / "first"
    shutil.copytree(built_site, first)
    second = tmp_path / "second"
    shutil.copytree(built_site, second)
    (old_dir,) = (second / "assets/calculators").iterdir()
    new_hash = "f" * 16
    old_dir.rename(old_dir.with_name(new_hash))
    # Deployed a minute later: the server's Last-Modified has whole seconds, and a rewrite
    # in the same second as the build would be answered "304 Not Modified".
    deployed = (built_site / "sw.js").stat().st_mtime + 60
    for path in [*second.rglob("*.html"), second / "sw.js"]:
        text = path.read_text().replace(old_dir.name, new_hash)
        path.write_text(re.sub(r'const BUILD = "\w+"', 'const BUILD = "nextdeploy"', text))
        os.utime(path, (deployed, deployed))
    live = tmp_path / "live"
    live.symlink_to(first)
    return live, second, old_dir.name, new_hash


def test_a_new_deploy_replaces_the_cached_version_without_mixing(browser: Browser, two_deploys) -> None:
    live, second, old_hash, new_hash = two_deploys
    with SiteServer(live) as url:
        context = browser.new_context()
        page = _first_visit(context, url)

        live.unlink()
        live.symlink_to(second)  # the deploy: the old wheel is gone from the server
        wheels: list[str] = []
        context.on("request", lambda r: wheels.append(r.url) if ".whl" in r.url else None)
        page.reload()
        meta = page.locator('meta[name="calculators-wheel"]').get_attribute("content")
        assert new_hash in meta
        _compute(page, "readiness", "examples", "700")
        expect(page.locator('.calc[data-calculator="readiness"] .calc-result')).to_contain_text("700 reviewed")
        assert wheels and all(new_hash in url for url in wheels), wheels
        for _ in range(240):  # the new service worker activates and forgets the old wheel
            cached = cached_urls(page, "runtime")
            if not any(old_hash in url for url in cached):
                break
            time.sleep(0.25)
        assert not any(old_hash in url for url in cached), cached
        context.close()
