"""The training-data readiness calculator, as a reader meets it on the fine-tuning page."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import Page, expect

from build_hooks.project import PACKED_SUFFIX

from .conftest import wait_until_ready

WASM, WHEEL = (f"{name}{PACKED_SUFFIX}" for name in ("pyodide.asm.wasm", "-py3-none-any.whl"))  # as fetched

PAGE = "fine-tuning/"
CALC = '.calc[data-calculator="readiness"]'


def test_default_result_is_in_the_html_before_any_script(site_url: str) -> None:
    html = urllib.request.urlopen(site_url + PAGE).read().decode()
    result = html.split('class="calc-result"', 1)[1]
    assert "Worth a careful first run" in result
    assert "300 reviewed examples" in result


def test_without_javascript_the_reader_gets_form_result_and_a_note(no_script_page: Page, site_url: str) -> None:
    no_script_page.goto(site_url + PAGE)
    expect(no_script_page.locator(f"{CALC} .calc-result")).to_contain_text("Worth a careful first run")
    expect(no_script_page.locator(f"{CALC} .calc-status")).to_contain_text("needs JavaScript and WebAssembly")
    expect(no_script_page.locator(f"{CALC} .calc-actions")).to_be_hidden()


def test_changing_an_input_recomputes_in_the_browser_and_updates_the_url(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.fill(f"{CALC} input[name=examples]", "600")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("Ready for a first fine-tuning run")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")
    expect(page).to_have_url(re.compile(re.escape("readiness.examples=600")))
    page.locator(f"{CALC} label", has_text="Collected, not reviewed").click()
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("Review them before training")
    expect(page).to_have_url(re.compile(re.escape("readiness.quality=raw")))


def test_a_bad_value_gets_its_message_beside_the_field_and_keeps_the_last_result(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    field = page.locator(f"{CALC} input[name=examples]")
    field.fill("600")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")
    field.fill("2.5")
    error = page.locator("#calc-readiness-examples-error")
    expect(error).to_have_text("Enter a whole number of examples.")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value("2.5")
    expect(page.locator(f"{CALC} .calc-result")).to_have_class(re.compile("is-stale"))
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("600 reviewed examples")
    expect(page.locator(f"{CALC} .calc-status")).to_contain_text("Fix the marked value")
    field.fill("1,200")
    expect(error).to_be_hidden()
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("1,200 reviewed examples")
    expect(page.locator(f"{CALC} .calc-result")).not_to_have_class(re.compile("is-stale"))


def test_a_shared_link_shows_the_same_answer(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?readiness.examples=80&readiness.goal=style&readiness.quality=raw")
    expect(page.locator(f"{CALC} input[name=examples]")).to_have_value("80")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("80 unreviewed examples for style adaptation")
    expect(page.locator("#calc-readiness-goal-0")).to_be_checked()


def test_a_hand_edited_link_gets_messages_not_a_traceback(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?readiness.examples=lots&readiness.goal=%3Cscript%3E&readiness.colour=blue")
    expect(page.locator("#calc-readiness-examples-error")).to_contain_text("is not a number")
    expect(page.locator("#calc-readiness-goal-error")).to_contain_text("Choose one of")
    expect(page.locator(f"{CALC} .calc-notes")).to_contain_text("Ignored “colour”")
    expect(page.locator(f"{CALC} input[name=examples]")).to_have_value("lots")
    expect(page.locator(f"{CALC} .calc-result")).not_to_contain_text("Traceback")


def test_input_typed_before_python_is_ready_is_computed_once_it_is(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.fill(f"{CALC} input[name=examples]", "45")  # straight away, while Python loads
    wait_until_ready(page, "readiness")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("45 reviewed examples")


def test_pages_without_a_calculator_load_no_python(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not any("pyodide" in url or ".whl" in url for url in fetched), fetched


def test_python_starts_only_near_the_calculator_and_comes_from_the_site(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.context.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + PAGE)
    page.wait_for_load_state("networkidle")
    assert page.locator(CALC).bounding_box()["y"] > 900 + 400, "calculator must start off screen"
    # Its files download early, so the start is quick, but Python itself waits.
    assert any(url.startswith(site_url) and url.endswith(WASM) for url in fetched), fetched
    assert not [w for w in page.workers if w.url.endswith("/javascripts/worker.js")], "Python started early"
    assert not any(".whl" in url for url in fetched)
    page.locator(CALC).scroll_into_view_if_needed()
    wait_until_ready(page, "readiness")
    assert any(url.startswith(site_url) and url.endswith(WASM) for url in fetched), fetched
    assert any(url.startswith(site_url) and url.endswith(WHEEL) for url in fetched), fetched
