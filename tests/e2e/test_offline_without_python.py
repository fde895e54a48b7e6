"""Offline on a calculator page whose Python was never saved: the reader is told so in plain
words, keeps the pre-rendered result and what they typed, and the calculator works again
once the connection is back."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect

CALC = '.calc[data-calculator="readiness"]'


def test_offline_before_python_was_ever_saved_says_so_plainly(browser: Browser, site_url: str) -> None:
    context = browser.new_context()  # service workers on: they are what keeps pages offline
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(site_url + "glossary/")  # a guide page: the pages are kept, Python is not
    page.wait_for_function("navigator.serviceWorker.ready.then(() => caches.keys())"
                           ".then((keys) => keys.some((key) => key.startsWith('shell-')))")

    context.set_offline(True)
    page.goto(site_url + "fine-tuning/")
    page.fill(f"{CALC} input[name=examples]", "600")
    status = page.locator(f"{CALC} .calc-status")
    expect(status).to_contain_text(re.compile("offline", re.IGNORECASE))
    said = status.text_content() or ""
    assert not re.search(r"https?:|://|fetch|\.whl|\.mjs", said, re.IGNORECASE), said
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("Worth a careful first run")
    expect(page.locator(f"{CALC} input[name=examples]")).to_have_value("600")

    context.set_offline(False)
    page.fill(f"{CALC} input[name=examples]", "700")
    expect(page.locator(f"{CALC} .calc-result")).to_contain_text("700 reviewed examples")
    context.close()
