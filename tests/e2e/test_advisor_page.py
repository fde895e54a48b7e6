"""The decision advisor as a reader meets it on the decide page: the platform they answer
with changes what they are told about tuning, live in the browser, with the day it was checked."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import Page, expect

from calculators.vendors import CHECKED, route

from .conftest import wait_until_ready

PAGE = "decide/"
CALC = '.calc[data-calculator="advisor"]'


def _open(page: Page, site_url: str, query: str = "") -> None:
    """Open the decide page and bring the advisor into view, which starts its Python."""
    page.goto(site_url + PAGE + query)
    page.locator(CALC).scroll_into_view_if_needed()
    wait_until_ready(page, "advisor")


def _answer(page: Page, **answers: str) -> None:
    for name, value in answers.items():
        page.check(f'{CALC} input[name="{name}"][value="{value}"]')


def test_the_default_advice_and_its_inputs_are_in_the_html_before_any_script(site_url: str) -> None:
    html = urllib.request.urlopen(site_url + PAGE).read().decode()
    assert "Recommendation: RAG" in html.split('class="calc-result"', 1)[1]
    for name in ("platform", "residency", "format", "document_tokens", "window"):
        assert f'name="{name}"' in html


def test_a_claude_reader_with_a_behaviour_gap_is_told_their_model_cannot_be_tuned(
        page: Page, site_url: str) -> None:
    _open(page, site_url)
    _answer(page, knowledge="no", tone="yes", prompting="yes")
    page.select_option(f'{CALC} select[name="platform"]', "anthropic")
    result = page.locator(f"{CALC} .calc-result")
    expect(result).to_contain_text("Recommendation: Fine-tuning")
    expect(result).to_contain_text("Your model cannot be tuned")
    expect(result).to_contain_text(route("anthropic").facts[1].claim)
    expect(result).to_contain_text(f"Where you could tune instead (as of {CHECKED})")
    expect(result.locator('[data-route="own-hardware"]')).to_have_count(1)
    expect(page).to_have_url(re.compile(re.escape("advisor.platform=anthropic")))


def test_data_kept_on_own_hardware_leaves_only_the_readers_own_machines(
        page: Page, site_url: str) -> None:
    _open(page, site_url, "?advisor.knowledge=no&advisor.tone=yes&advisor.prompting=yes"
                          "&advisor.platform=google")
    result = page.locator(f"{CALC} .calc-result")
    expect(result.locator('[data-route="geap-gemini-3.5-flash"]')).to_have_count(1)
    page.check(f'{CALC} input[name="residency"][value="own_hardware"]')
    expect(result.locator('[data-route="geap-gemini-3.5-flash"]')).to_have_count(0)
    expect(result.locator("[data-route]")).to_have_count(1)
    expect(result).to_contain_text("only an open-weight model you run yourself")


def test_a_format_only_gap_is_sent_to_structured_outputs(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _answer(page, knowledge="no", tone="no", format="yes")
    result = page.locator(f"{CALC} .calc-result")
    expect(result).to_contain_text("Recommendation: Structured outputs")
    expect(result).to_contain_text(f"as of {CHECKED}")
    expect(result.locator("[data-route]")).to_have_count(0)


def test_the_long_context_answer_follows_the_documents_tokens(page: Page, site_url: str) -> None:
    _open(page, site_url, "?advisor.knowledge=yes&advisor.tone=no&advisor.documents=100")
    result = page.locator(f"{CALC} .calc-result")
    expect(result).to_contain_text("Recommendation: Long context")
    page.fill(f'{CALC} input[name="document_tokens"]', "20,000")
    expect(result).to_contain_text("Recommendation: RAG")
    expect(result.locator('[data-field="documents"]')).to_contain_text("100 documents \u2192 47 documents")
    page.fill(f'{CALC} input[name="window"]', "500")
    expect(page.locator("#calc-advisor-window-error")).to_contain_text("Enter at least 1,000 tokens")
    expect(result).to_have_class(re.compile("is-stale"))
