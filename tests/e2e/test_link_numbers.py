"""A shared link is read as the reader would read it: `5+0+0` (which a browser decodes to
"5 0 0") is not 500, and the link says what was wrong instead of guessing; a choice given
by its label is that choice, and the form shows it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import wait_until_ready

CALC = '.calc[data-calculator="readiness"]'


@pytest.mark.parametrize(("query", "shown"), [("5+0+0", "5 0 0"), ("1%205", "1 5")])
def test_spaces_inside_a_linked_number_are_an_error(page: Page, site_url: str, query: str, shown: str) -> None:
    page.goto(f"{site_url}fine-tuning/?readiness.examples={query}")
    field = page.locator(f"{CALC} input[name=examples]")
    expect(field).to_have_value(shown)
    expect(page.locator("#calc-readiness-examples-error")).to_be_visible()
    expect(page.locator(f"{CALC} .calc-result")).not_to_contain_text("500 reviewed")
    expect(page.locator(f"{CALC} .calc-result")).not_to_contain_text("15 reviewed")


def test_a_space_between_thousands_in_a_link_is_read(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}fine-tuning/?readiness.examples=1+500")
    wait_until_ready(page, "readiness")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("1,500 reviewed examples")


def test_a_choice_linked_by_its_label_is_checked_and_kept(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}fine-tuning/?readiness.quality=collected,+NOT+reviewed&readiness.examples=600")
    wait_until_ready(page, "readiness")
    raw = page.locator(f'{CALC} input[name=quality][value="raw"]')
    expect(raw).to_be_checked()
    page.fill(f"{CALC} input[name=examples]", "700")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("700 unreviewed examples")
    expect(raw).to_be_checked()
