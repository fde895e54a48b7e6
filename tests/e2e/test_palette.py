"""The header's light/dark switch (javascripts/palette.js with overrides/partials/palette.html):
it follows the system on a first visit, cycles system -> light -> dark on a click or Enter,
keeps the choice across pages, and leaves the page's style alone while it loads."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# Records, from before the page is parsed, every change of the theme's switching attribute:
# the theme's own palette component sets and removes it on every load, restyling every element.
WATCH_SWITCHING = """
window.__switching = 0;
new MutationObserver((records) => { window.__switching += records.length; })
  .observe(document, { subtree: true, attributes: true, attributeFilter: ["data-md-color-switching"] });
"""


def scheme(page: Page) -> dict[str, object]:
    return page.evaluate("""() => ({
        body: document.body.dataset.mdColorScheme,
        meta: [...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content),
        // The shown toggle, named as its input is (the theme's tooltips take its title away).
        toggle: [...document.querySelectorAll('label[for^=__palette]')]
                  .filter(l => !l.hidden).map(l => l.previousElementSibling.getAttribute('aria-label')),
        stored: __md_get('__palette')?.index,
    })""")


def test_a_first_visit_follows_the_system_and_costs_the_load_no_restyle(page: Page, site_url: str) -> None:
    page.context.add_init_script(WATCH_SWITCHING)
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "costs/")
    page.wait_for_load_state("load")  # the theme's component mounted before this, on DOMContentLoaded
    assert scheme(page) == {"body": "slate", "meta": ["dark"], "toggle": ["Switch to light mode"],
                            "stored": 0}
    assert page.evaluate("window.__switching") == 0
    assert page.locator("[data-md-component=palette]").count() == 0


def test_a_click_cycles_the_choice_and_every_page_keeps_it(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "glossary/")
    toggle = page.locator("label.md-header__button[for^=__palette]:visible")

    toggle.click()  # system (dark here) -> light
    assert scheme(page) == {"body": "default", "meta": ["light"], "toggle": ["Switch to dark mode"],
                            "stored": 1}
    expect(page.locator("body")).not_to_have_attribute("data-md-color-switching", "")
    theme_color = page.locator("meta[name=theme-color]")
    expect(theme_color).to_have_attribute("content", page.evaluate(
        "getComputedStyle(document.querySelector('[data-md-component=header]')).backgroundColor"))

    page.goto(site_url + "faq/")  # the choice, not the system, decides the next page
    assert scheme(page)["body"] == "default"
    assert scheme(page)["meta"] == ["light"]

    toggle.click()  # light -> dark
    assert scheme(page) == {"body": "slate", "meta": ["dark"], "toggle": ["Switch to system preference"],
                            "stored": 2}
    page.emulate_media(color_scheme="light")  # an explicit choice ignores the system
    assert scheme(page)["body"] == "slate"

    toggle.click()  # dark -> the system's, now light
    assert scheme(page) == {"body": "default", "meta": ["light"], "toggle": ["Switch to light mode"],
                            "stored": 0}
    page.emulate_media(color_scheme="dark")  # following the system, it follows a change
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_enter_on_the_switch_moves_to_the_next_choice(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "glossary/")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert scheme(page)["stored"] == 1
    assert page.evaluate("document.activeElement.id") == "__palette_1"
