"""Accessibility: axe-core finds nothing on any page in either colour scheme, and the
calculators work with the keyboard alone and tell a screen reader what happened.

axe-core comes inside the PyPI package axe-playwright-python (its axe.min.js is injected
into the page by Playwright), so the check makes no request to any other host.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from .conftest import wait_until_ready

AXE = Axe()
SCHEMES = {"light": "default", "dark": "slate"}  # Material's name for each scheme
READINESS = '.calc[data-calculator="readiness"]'
ADVISOR = '.calc[data-calculator="advisor"]'
CALCULATOR_PAGES = ("fine-tuning/", "decide/", "costs/", "rag/")
MAX_TABS = 300


def site_pages(site: Path) -> list[str]:
    """Every page of the built site but 404.html (its assets sit at the site_url's root)."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("index.html"))


def axe_report(page: Page) -> str:
    results = AXE.run(page)
    return "" if results.violations_count == 0 else results.generate_report()


def in_scheme(page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)


def skipped_by_the_browser(page: Page) -> list[str]:
    """Elements whose content the browser leaves unrendered until needed (`content-visibility`).
    axe cannot read colours there: it files their text as "incomplete", never as a violation,
    so a contrast failure inside goes unseen (axe-core#2768). Lighthouse's axe once read such
    text at 1.13:1 on the methodology page while this check, blind to it, passed."""
    return page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter((e) => getComputedStyle(e).contentVisibility !== 'visible')
        .map((e) => e.tagName.toLowerCase() + [...e.classList].map((c) => '.' + c).join(''))""")


def open_every_fold(page: Page) -> None:
    """Open each <details>, so axe checks what a reader sees once they open it too."""
    page.evaluate("document.querySelectorAll('details').forEach((fold) => { fold.open = true; })")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_no_violations_on_any_page(page: Page, site_url: str, built_site: Path,
                                             scheme: str, width: int) -> None:
    # Both widths: a phone gets other layouts (table rows as cards, the pinned headline).
    page.set_viewport_size({"width": width, "height": 900})
    in_scheme(page, scheme)
    pages = site_pages(built_site)
    assert len(pages) >= 10
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        # The page really is in the scheme under test (Material follows the system setting).
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        where = f"{scheme} {width} px {path or 'home'}"
        assert not skipped_by_the_browser(page), f"{where}: content axe cannot check"
        open_every_fold(page)
        report = axe_report(page)
        assert report == "", f"{where}:\n{report}"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_no_violations_in_a_calculator_showing_an_error(
        page: Page, site_url: str, scheme: str) -> None:
    in_scheme(page, scheme)
    page.goto(site_url + "fine-tuning/")
    page.fill(f"{READINESS} input[name=examples]", "2.5")
    expect(page.locator("#calc-readiness-examples-error")).to_be_visible()
    expect(page.locator(f"{READINESS} .calc-result")).to_have_class(re.compile("is-stale"))
    report = axe_report(page)
    assert report == "", report


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab from the top of the page until `target` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_the_readiness_calculator_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + "fine-tuning/")
    result = page.locator(f"{READINESS} .calc-result")
    examples = page.locator(f"{READINESS} input[name=examples]")
    tab_to(page, examples)
    page.keyboard.press("Control+A")
    page.keyboard.type("600")
    expect(result).to_contain_text("600 reviewed examples")
    # The focus ring is drawn for keyboard focus.
    assert examples.evaluate("e => e.matches(':focus-visible')")
    assert outline(examples) != ("none", "0px")
    # Into the radio group, then the arrow key picks the next option.
    curated = page.locator(f"{READINESS} input[name=quality][value=curated]")
    tab_to(page, curated)
    assert outline(curated) != ("none", "0px")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"{READINESS} input[name=quality][value=raw]")).to_be_checked()
    expect(result).to_contain_text("Review them before training")
    expect(page).to_have_url(re.compile(r"readiness\.quality=raw"))


def test_the_advisor_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + "decide/")
    result = page.locator(f"{ADVISOR} .calc-result")
    before = result.inner_text()
    knowledge = page.locator(f"{ADVISOR} input[name=knowledge]:checked")
    tab_to(page, knowledge)
    wait_until_ready(page, "advisor")
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"{ADVISOR} input[name=knowledge][value=no]")).to_be_checked()
    expect(page).to_have_url(re.compile(r"advisor\.knowledge=no"))
    expect(result).not_to_have_text(before)
    documents = page.locator(f"{ADVISOR} input[name=documents]")
    tab_to(page, documents)
    page.keyboard.press("Control+A")
    page.keyboard.type("50000")
    expect(page).to_have_url(re.compile(r"advisor\.documents=50000"))


def outline(control: Locator) -> tuple[str, str]:
    return tuple(control.evaluate(
        "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"))


def test_errors_are_tied_to_their_fields(page: Page, site_url: str) -> None:
    for path in CALCULATOR_PAGES:
        page.goto(site_url + path)
        fields = page.locator(".calc .calc-field")
        assert fields.count() > 0
        for i in range(fields.count()):
            field = fields.nth(i)
            # A text box or a drop-down carries the ids itself; a radio group, on its fieldset.
            described = (field if field.evaluate("e => e.matches('fieldset')")
                         else field.locator("input, select"))
            ids = (described.get_attribute("aria-describedby") or "").split()
            error = field.locator(".calc-error")
            assert error.get_attribute("id") in ids, path
            # Help that a whole group shares sits under its legend; a field's own, beside it.
            for help_text in field.locator(".calc-help").all():
                assert help_text.get_attribute("id") in ids, path
    # And a message, once shown, is the one the field points to.
    page.goto(site_url + "fine-tuning/")
    examples = page.locator(f"{READINESS} input[name=examples]")
    examples.fill("-3")
    for_field = examples.get_attribute("aria-describedby").split()
    shown = page.locator(f"{READINESS} .calc-error:visible")
    expect(shown).to_have_count(1)
    assert shown.get_attribute("id") in for_field
    expect(examples).to_have_attribute("aria-invalid", "true")


def test_status_and_results_are_announced(page: Page, site_url: str) -> None:
    for path in CALCULATOR_PAGES:
        page.goto(site_url + path)
        for calc in page.locator(".calc").all():
            expect(calc.locator(".calc-status")).to_have_attribute("role", "status")
            # The headline and its key figures are announced, not the whole result on every
            # keystroke.
            expect(calc.locator(".calc-summary-said")).to_have_attribute("aria-live", "polite")
            expect(calc.locator(".calc-result")).not_to_have_attribute("aria-live", re.compile(".*"))


def test_every_chart_and_diagram_has_a_text_alternative(page: Page, site_url: str,
                                                        built_site: Path) -> None:
    seen = 0
    for path in site_pages(built_site):
        page.goto(site_url + path)
        for svg in page.locator("article svg:not(.md-icon svg, .headerlink svg)").all():
            if svg.evaluate("e => !!e.closest('[aria-hidden=true], .twemoji, .md-icon')"):
                continue
            seen += 1
            assert svg.get_attribute("role") == "img", path
            name = svg.evaluate("""e => e.getAttribute('aria-label') ||
                (e.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                  .map((id) => document.getElementById(id)?.textContent?.trim() || '').join(' ')""")
            assert len(name.strip()) > 20, (path, name)
    assert seen >= 5
