"""The cost estimator as a reader meets it: models from the price list, links that reopen it."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import Page, expect

PAGE = "costs/"
COSTS = '.calc[data-calculator="costs"]'
RESULT = f"{COSTS} .calc-result"


def test_the_default_result_names_the_models_and_their_dataset_before_any_script(site_url: str) -> None:
    html = urllib.request.urlopen(site_url + PAGE).read().decode()
    result = html.split('class="calc-result"', 1)[1]
    assert "RAG answers with gpt-4o-mini (OpenAI)" in result
    assert "Dataset: genai-prices" in result
    assert '<optgroup label="Anthropic">' in html  # the model list, grouped by provider


def test_choosing_a_model_recomputes_and_goes_into_the_link(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.select_option(f"{COSTS} select[name=model]", "openai-gpt-4o")
    expect(page.locator(RESULT)).to_contain_text("RAG answers with gpt-4o (OpenAI)")
    expect(page).to_have_url(re.compile(re.escape("costs.model=openai-gpt-4o")))


def test_a_link_with_typed_prices_reopens_them(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?costs.model=custom&costs.custom_input_price=0.0375"
              "&costs.custom_cached_price=0.01&costs.retrain_every=1")
    expect(page.locator(f"{COSTS} select[name=model]")).to_have_value("custom")
    expect(page.locator(f"{COSTS} input[name=custom_input_price]")).to_have_value("0.0375")
    result = page.locator(RESULT)
    expect(result).to_contain_text("RAG answers at prices you typed: input 0.0375")
    expect(result).to_contain_text("The knowledge runs alone cost")


def test_a_linked_model_the_list_lacks_gets_a_message_and_stays_in_the_link(
        page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?costs.model=acme-giant-1")
    expect(page.locator("#calc-costs-model-error")).to_contain_text("Choose one of")
    expect(page).to_have_url(re.compile(re.escape("costs.model=acme-giant-1")))
