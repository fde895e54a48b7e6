"""The cost estimator as a reader meets it: every approach that can do the job, real models,
retirements in view, and links that reopen the same answer."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import Page, expect

PAGE = "costs/"
COSTS = '.calc[data-calculator="costs"]'
RESULT = f"{COSTS} .calc-result"


def test_the_default_result_is_complete_before_any_script(site_url: str) -> None:
    html = urllib.request.urlopen(site_url + PAGE).read().decode()
    result = html.split('class="calc-result"', 1)[1]
    assert "Cheapest that does the job over 24 months: RAG" in result
    assert "Gemini 3.5 Flash Lite (Google) answers" in result
    assert "month 8 of the plan" in result  # the retirement inside the horizon
    assert "Dataset: genai-prices" in result
    assert '<optgroup label="Anthropic">' in html  # the model list, grouped by provider


def test_choosing_another_answering_model_recomputes_and_names_the_mix(page: Page,
                                                                      site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.select_option(f"{COSTS} select[name=model]", "anthropic-claude-haiku-5-5")
    expect(page.locator(RESULT)).to_contain_text("Claude Haiku 5.5 (Anthropic) answers")
    expect(page.locator(RESULT)).to_contain_text("mixes a change of model with a change of approach")
    expect(page).to_have_url(re.compile(re.escape("costs.model=anthropic-claude-haiku-5-5")))


def test_a_tuned_model_that_retires_shows_its_migration(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?costs.tuned_model=azure-gpt-4.1-mini")
    result = page.locator(RESULT)
    expect(result).to_contain_text("retires on 2027-10-14, month 11 of the plan")
    expect(result.locator("svg .calc-cost-note", has_text="tuned model retires")).to_have_count(1)


def test_a_closed_tuning_route_in_a_link_gets_a_message_and_stays_in_the_link(
        page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?costs.tuned_model=openai-api")
    expect(page.locator("#calc-costs-tuned_model-error")).to_contain_text("Choose one of")
    expect(page).to_have_url(re.compile(re.escape("costs.tuned_model=openai-api")))
