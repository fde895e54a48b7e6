"""The Content-Security-Policy every page carries: nothing the site does breaks it, and it
really stops a script that someone managed to slip into a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import wait_until_ready

# Collects every violation the document reports, from the first byte on.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""

# Each calculator page, and one change per calculator that makes Python recompute.
CHANGES = {
    "fine-tuning/": [("readiness", "examples", "600")],
    "decide/": [("advisor", "knowledge", "no")],
    "costs/": [("costs", "horizon", "36")],
    "rag/": [("latency", "output_tokens", "110"), ("context", "window_tokens", "12000")],
}


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path under the site root.

    404.html is left out: its links start from the configured site_url (GitHub Pages serves
    it at any depth), so under the test server's sub-path its assets are not found. Its
    policy is checked in the HTML by the first test.
    """
    pages = [p.relative_to(site).as_posix() for p in sorted(site.rglob("index.html"))]
    return [p.removesuffix("index.html") for p in pages]


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_every_page_carries_the_policy_first_in_head(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        path = html.relative_to(built_site)
        head = html.read_text().split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy"'), path
        policy = head.split('content="', 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        assert "script-src 'self' 'wasm-unsafe-eval'" in policy
        assert "object-src 'none'" in policy


def test_no_page_breaks_the_policy(page: Page, site_url: str, built_site: Path) -> None:
    page.context.add_init_script(COLLECT_VIOLATIONS)
    pages = site_pages(built_site)
    assert len(pages) >= 10
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert violations(page) == [], path


@pytest.mark.parametrize("path", sorted(CHANGES))
def test_calculators_break_no_policy_once_python_runs(page: Page, site_url: str, path: str) -> None:
    page.context.add_init_script(COLLECT_VIOLATIONS)
    page.goto(site_url + path)
    for calculator, field, value in CHANGES[path]:
        calc = page.locator(f'.calc[data-calculator="{calculator}"]')
        calc.scroll_into_view_if_needed()
        wait_until_ready(page, calculator)
        control = calc.locator(f'[name="{field}"]')
        if control.first.get_attribute("type") == "radio":
            calc.locator(f'[name="{field}"][value="{value}"]').check()
        else:
            control.fill(value)
        page.wait_for_function("([c, f, v]) => location.search.includes(`${c}.${f}=${v}`)",
                               arg=[calculator, field, value])
    assert violations(page) == []


def test_the_policy_blocks_an_injected_inline_script(watch, site_url: str) -> None:
    """As if an attacker got markup into a page: the browser refuses to run it."""
    page, seen = watch
    page.context.add_init_script(COLLECT_VIOLATIONS)

    def inject(route) -> None:
        response = route.fetch()
        body = response.text().replace(
            "</article>", "<script>window.__injectedRan = true</script></article>", 1)
        assert "__injectedRan" in body
        route.fulfill(response=response, body=body)

    page.route("**/faq/", inject)
    page.goto(site_url + "faq/")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__injectedRan") is None
    assert any(v.startswith("script-src") and v.endswith("inline") for v in violations(page))
    # The browser logs the refusal as a console error: that one is the expected outcome.
    refused = [e for e in seen.console_errors if "Content Security Policy" in e]
    assert refused
    seen.console_errors[:] = [e for e in seen.console_errors if e not in refused]


def test_search_tooltips_and_the_palette_toggle_break_no_policy(page: Page, site_url: str) -> None:
    """Material's own scripts at work: its search worker, tooltips and scheme switch."""
    page.context.add_init_script(COLLECT_VIOLATIONS)
    page.goto(site_url + "glossary/")
    page.keyboard.press("/")
    page.keyboard.type("retrieval")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("article abbr").first.hover()
    page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="attached")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    assert violations(page) == []
