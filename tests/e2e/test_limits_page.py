"""The latency and context-window budgets, as a reader meets them on the RAG page."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import Page, expect

PAGE = "rag/"
LATENCY = '.calc[data-calculator="latency"]'
CONTEXT = '.calc[data-calculator="context"]'


def test_default_results_are_in_the_html_before_any_script(site_url: str) -> None:
    html = urllib.request.urlopen(site_url + PAGE).read().decode()
    latency = html.split('data-calculator="latency"', 1)[1]
    context = html.split('data-calculator="context"', 1)[1]
    assert "RAG meets both targets" in latency.split('class="calc-result"', 1)[1]
    assert "Everything fits in the window" in context.split('class="calc-result"', 1)[1]


def test_a_slow_request_faster_than_a_typical_one_gets_a_message_beside_the_field(
        page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    result = page.locator(f"{LATENCY} .calc-result")
    page.fill(f"{LATENCY} input[name=output_tokens]", "110")
    expect(result).to_contain_text("2,750 ms, fits")
    page.fill(f"{LATENCY} input[name=retrieval_low_ms]", "700")
    expect(page.locator("#calc-latency-retrieval_high_ms-error")).to_contain_text("Enter at least")
    expect(result).to_have_class(re.compile("is-stale"))
    expect(result).to_contain_text("2,750 ms, fits")
    page.fill(f"{LATENCY} input[name=retrieval_high_ms]", "900")
    expect(page.locator("#calc-latency-retrieval_high_ms-error")).to_be_hidden()
    expect(result).to_contain_text("misses by 350")
    expect(page).to_have_url(re.compile(re.escape("latency.retrieval_low_ms=700")))


def test_retrieved_text_that_crowds_out_the_conversation_is_flagged(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.fill(f"{CONTEXT} input[name=window_tokens]", "12,000")
    result = page.locator(f"{CONTEXT} .calc-result")
    expect(result).to_contain_text("Retrieved text leaves too little room for the conversation")
    expect(result).to_contain_text("Retrieve at most 4 chunks")
    expect(page).to_have_url(re.compile(re.escape("context.window_tokens=12000")))


def test_a_shared_link_shows_the_same_budget(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "?latency.measure=first_token&latency.target_p50_ms=500"
              "&latency.target_p95_ms=800&latency.first_token_ms=300&latency.network_ms=100")
    expect(page.locator("#calc-latency-measure-1")).to_be_checked()
    result = page.locator(f"{LATENCY} .calc-result")
    expect(result).to_contain_text("Retrieval breaks the budget")
    expect(result).to_contain_text("900 ms, misses by 100")


def test_on_a_phone_the_bars_fit_the_screen_and_say_what_they_show(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + PAGE)
    for calc, described in ((LATENCY, "slow target 5,000 ms"), (CONTEXT, "Retrieved 6,400")):
        chart = page.locator(f"{calc} svg[role=img]")
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert described in (chart.get_attribute("aria-label") or "")
