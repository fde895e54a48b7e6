"""Every calculator reads in one screen: a reader who changes an essential input sees the
updated result, or its pinned headline, without scrolling, on a phone and on a desktop.

The tests know no calculator: they take each one's page from the registry and its first
essential input from the DOM, so a new calculator is covered as soon as it is placed.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Locator, Page, expect

from calculators import CALCULATORS, validate

from .conftest import wait_until_ready

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
NARROWEST = 320
# Essentials are the groups directly in the form; assumptions sit inside a <details>.
ESSENTIAL_CONTROLS = ".calc-form > .calc-group input"
# What counts as "the result in view": the pinned headline, or the result's verdict box.
RESULT_SIGNS = (".calc-summary", ".calc-result .calc-verdict")
# Where the reader has scrolled when they change the input: its field in the middle of
# the screen, or as high as it goes (the page's own scroll margins keep it clear of
# whatever is pinned above it).
READING_POSITIONS = ("center", "start")


def calc_locator(page: Page, name: str) -> Locator:
    return page.locator(f'.calc[data-calculator="{name}"]')


def first_essential_control(calc: Locator) -> Locator:
    control = calc.locator(ESSENTIAL_CONTROLS).first
    expect(control).to_be_visible()
    return control


def scroll_to_place(page: Page, control: Locator, where: str) -> None:
    """Scroll the control's field (label, options, help) to the middle or the top."""
    control.evaluate("(c, block) => c.closest('.calc-field').scrollIntoView({block})", where)


def change(control: Locator) -> None:
    """Change the control to another valid value: the next option, or half the number."""
    if control.get_attribute("type") == "radio":
        group = control.locator("xpath=ancestor::fieldset[1]").locator("input[type=radio]")
        unchecked = [r for r in group.all() if not r.is_checked()]
        unchecked[0].check()
        return
    number = float(control.input_value().replace(",", ""))
    control.fill(str(int(number // 2) if number >= 2 else int(number) + 1))


def visible_without_scrolling(page: Page, element: Locator) -> bool:
    """True when the whole element is on screen, below the header, and nothing covers it."""
    if not element.count() or not element.is_visible():
        return False
    return element.evaluate(
        """(element) => {
            const box = element.getBoundingClientRect();
            if (box.width < 2 || box.height < 2) return false;  // visually hidden
            const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            if (box.top < header - 1 || box.bottom > innerHeight + 1) return false;
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return element.contains(hit);
        }"""
    )


def settles_in_view(page: Page, signs: list[Locator], seconds: float = 5) -> bool:
    """True once one of the signs is in view; a busy machine may still be laying out the
    answer that just arrived, so look again for a few seconds before calling it hidden."""
    deadline = time.monotonic() + seconds
    while not any(visible_without_scrolling(page, sign) for sign in signs):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)
    return True


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_a_changed_essential_input_shows_the_new_result_in_view(
        page: Page, site_url: str, name: str, width: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page.goto(site_url + CALCULATORS[name].page)
    calc = calc_locator(page, name)
    result = calc.locator(".calc-result")
    control = first_essential_control(calc)
    for where in READING_POSITIONS:
        scroll_to_place(page, control, where)
        wait_until_ready(page, name)
        on_screen = control.bounding_box()["y"]
        before = result.inner_text()
        change(control)
        expect(result).not_to_have_text(before)
        expect(calc.locator(".calc-error:visible")).to_have_count(0)
        # Where the reader is typing stays put. (The page's scroll offset may move: when the
        # pinned headline's height changes, the page scrolls by as much to make up for it.)
        moved = control.bounding_box()["y"] - on_screen
        assert abs(moved) <= 1, f"changing the input moved the field {moved:+.0f} px on screen"
        signs = [calc.locator(sign).first for sign in RESULT_SIGNS]
        assert settles_in_view(page, signs), (
            f"{name} at {width}, input at the {where}: no result in view; "
            f"boxes {[sign.bounding_box() for sign in signs]}, viewport {page.viewport_size}")


@pytest.mark.parametrize("path", sorted({c.page for c in CALCULATORS.values()}))
def test_calculator_pages_fit_the_narrowest_phone(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": NARROWEST, "height": 640})
    page.goto(site_url + path)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{path} is {overflow} px wider than a {NARROWEST} px screen"


WITH_PRESETS = sorted(name for name, calc in CALCULATORS.items() if calc.presets)
WITH_ASSUMPTIONS = sorted(name for name, calc in CALCULATORS.items()
                          if any(g.assumptions for g in calc.groups))


@pytest.mark.parametrize("name", WITH_PRESETS)
def test_a_preset_fills_the_form_in_place_and_is_marked(page: Page, site_url: str, name: str) -> None:
    calc_def = CALCULATORS[name]
    preset = calc_def.presets[-1]
    page.goto(site_url + calc_def.page)
    page.evaluate("window.notReloaded = true")
    calc = calc_locator(page, name)
    chosen = calc.locator(f'a.calc-preset[data-preset="{preset.name}"]')
    expect(calc.locator('a.calc-preset[aria-current="true"]')).to_have_count(1)
    chosen.click()
    expect(chosen).to_have_attribute("aria-current", "true")
    expect(calc.locator('a.calc-preset[aria-current="true"]')).to_have_count(1)
    for field, text in validate(calc_def.fields, preset.values).state.items():
        control = calc.locator(f'[name="{field}"]')
        if control.first.get_attribute("type") == "radio":
            expect(calc.locator(f'[name="{field}"][value="{text}"]')).to_be_checked()
        else:
            expect(control).to_have_value(text)
    wait_until_ready(page, name)
    expect(page).to_have_url(re.compile(re.escape(f"{name}.")))
    assert page.evaluate("window.notReloaded === true"), "the preset reloaded the page"
    # A value of the reader's own matches no preset: none is marked.
    control = first_essential_control(calc)
    change(control)
    expect(calc.locator('a.calc-preset[aria-current="true"]')).to_have_count(0)


@pytest.mark.parametrize("name", WITH_ASSUMPTIONS)
def test_folded_assumptions_say_how_many_values_differ(page: Page, site_url: str, name: str) -> None:
    page.goto(site_url + CALCULATORS[name].page)
    calc = calc_locator(page, name)
    fold = calc.locator("details.calc-assumptions").first
    summary = fold.locator("summary")
    expect(fold).not_to_have_attribute("open", re.compile(".*"))
    expect(summary).to_contain_text("all at their defaults")
    summary.click()
    control = fold.locator("input").first
    expect(control).to_be_visible()
    change(control)
    expect(summary).to_contain_text("1 changed")


def test_the_headline_follows_every_answer_and_is_announced_once_typing_pauses(
        page: Page, site_url: str) -> None:
    name = "readiness"
    page.goto(site_url + CALCULATORS[name].page)
    calc = calc_locator(page, name)
    headline = calc.locator(".calc-summary-text")
    live = calc.locator(".calc-summary-said")  # the headline and its key figures, said together
    expect(live).to_have_attribute("aria-live", "polite")
    expect(calc.locator(".calc-summary-words")).not_to_have_attribute("aria-live", re.compile(".*"))
    expect(calc.locator(".calc-result")).not_to_have_attribute("aria-live", re.compile(".*"))
    control = first_essential_control(calc)
    control.focus()
    wait_until_ready(page, name)
    page.evaluate("""([shown, said]) => {
        window.changes = {shown: 0, said: 0};
        const count = (key) => new MutationObserver(() => window.changes[key]++);
        const all = {childList: true, characterData: true, subtree: true};
        count("shown").observe(shown, all);
        count("said").observe(said, all);
    }""", [calc.locator(".calc-summary-words").element_handle(), live.element_handle()])
    control.fill("")
    control.press_sequentially("1234", delay=80)  # each keystroke gets its own answer
    expect(live).to_contain_text("You have 1,234 reviewed")
    verdict = calc.locator(".calc-result .calc-verdict .admonition-title")
    expect(headline).to_have_text(verdict.inner_text())
    expect(live).to_contain_text(verdict.inner_text())
    changes = page.evaluate("window.changes")
    assert changes["said"] == 1, f"the announcement was made {changes['said']} times"
    assert changes["shown"] >= 3, "the pinned headline waited instead of following each answer"


def test_the_full_result_link_brings_the_result_into_view(page: Page, site_url: str) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["phone"], strict=True)))
    name = "latency"
    page.goto(site_url + CALCULATORS[name].page)
    calc = calc_locator(page, name)
    link = calc.locator(".calc-summary-link")
    link.scroll_into_view_if_needed()
    link.click()
    assert visible_without_scrolling(page, calc.locator(".calc-result .calc-verdict"))


def test_without_scripts_the_headline_and_result_show_and_presets_are_not_offered(
        no_script_page: Page, site_url: str) -> None:
    for name, calc_def in sorted(CALCULATORS.items()):
        no_script_page.goto(site_url + calc_def.page)
        calc = calc_locator(no_script_page, name)
        verdict = calc.locator(".calc-result .calc-verdict .admonition-title")
        expect(calc.locator(".calc-summary-text")).to_have_text(verdict.inner_text())
        expect(calc.locator(".calc-presets")).to_be_hidden()
        expect(calc.locator(ESSENTIAL_CONTROLS).first).to_be_visible()
