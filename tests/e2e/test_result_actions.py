"""The buttons under a result: copy a link to it, copy it as Markdown, download its data.
What they hand over is what the reader sees, after their own changes."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

READINESS = '.calc[data-calculator="readiness"]'
COSTS = '.calc[data-calculator="costs"]'


@pytest.fixture
def clipboard_page(page: Page, site_url: str) -> Page:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    return page


def _clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def _readiness_with(page: Page, site_url: str, examples: str) -> None:
    page.goto(site_url + "fine-tuning/")
    page.fill(f"{READINESS} input[name=examples]", examples)
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text(f"{examples} reviewed examples")


def test_copy_link_gives_a_link_that_reopens_the_same_answer(clipboard_page: Page, site_url: str) -> None:
    page = clipboard_page
    _readiness_with(page, site_url, "1,300")
    page.locator(READINESS).get_by_role("button", name="Copy link").click()
    expect(page.locator(f'{READINESS} button[data-action="copy-link"]')).to_have_attribute("data-done", "true")
    link = _clipboard(page)
    assert link.startswith(site_url + "fine-tuning/") and "readiness.examples=" in link

    page.goto("about:blank")
    page.goto(link)
    expect(page.locator(f"{READINESS} input[name=examples]")).to_have_value("1,300")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("1,300 reviewed examples")


def test_copy_as_markdown_gives_the_result_on_screen_as_markdown(clipboard_page: Page, site_url: str) -> None:
    page = clipboard_page
    _readiness_with(page, site_url, "600")
    page.locator(READINESS).get_by_role("button", name="Copy as Markdown").click()
    expect(page.locator(f'{READINESS} button[data-action="copy-markdown"]')).to_have_attribute("data-done", "true")
    markdown = _clipboard(page)
    assert "600 reviewed examples" in markdown
    verdict = "Ready for a first fine-tuning run"  # this input's verdict, as on the page
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text(verdict)
    assert f"**{verdict}" in markdown  # the headline, in bold, opens the Markdown
    assert not re.search(r"</?[a-z]+[ >]", markdown), "Markdown, not the page's HTML"


def test_a_copy_the_browser_refuses_is_explained_in_the_status_line(page: Page, site_url: str) -> None:
    page.add_init_script("""navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));""")
    _readiness_with(page, site_url, "600")
    page.locator(READINESS).get_by_role("button", name="Copy as Markdown").click()
    expect(page.locator(f"{READINESS} .calc-status")).to_have_text("That did not work: Write permission denied.")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("600 reviewed examples")


def test_the_csv_download_holds_the_months_the_reader_asked_for(page: Page, site_url: str) -> None:
    page.goto(site_url + "costs/")
    horizon = page.locator(f"{COSTS} input[name=horizon]")
    horizon.fill("18")
    expect(page).to_have_url(re.compile(re.escape("costs.horizon=18")))  # Python has answered
    with page.expect_download() as download:
        page.locator(COSTS).get_by_role("button", name=re.compile("CSV")).click()
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    assert header[0] == "month" and len(header) > 1
    months = [int(row[0]) for row in body]
    assert months == list(range(months[0], 19)) and months[0] in (0, 1), "one row a month, up to 18"
    assert all(len(row) == len(header) for row in body)
    assert header[-1] == "events"
    assert all(float(cell) >= 0 for row in body for cell in row[1:-1])
    assert any("retirement" in row[-1] for row in body), "the model retiring in month 8 shows"
