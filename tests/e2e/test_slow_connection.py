"""On a slow connection the runtime waits for the reader: nothing heavy downloads until a
calculator is touched, the page says why, and the calculator then answers."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import wait_until_ready

READINESS = '.calc[data-calculator="readiness"]'
# DevTools' "Slow 3G" profile; Chromium then reports a slow effectiveType to the page.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000,
           "uploadThroughput": 50_000, "connectionType": "cellular3g"}


def test_a_slow_connection_fetches_no_runtime_until_a_calculator_is_touched(
        page: Page, site_url: str) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    python_files: list[str] = []
    page.on("request", lambda r: python_files.append(r.url)
            if "/pyodide/" in r.url or r.url.endswith((".whl", ".zip", ".wasm")) else None)
    page.goto(site_url + "fine-tuning/")
    assert page.evaluate("navigator.connection.effectiveType") in ("slow-2g", "2g", "3g")
    status = page.locator(f"{READINESS} .calc-status")
    expect(status).to_have_attribute("data-state", "waiting")
    stated = int(page.locator('meta[name="calculators-download"]').get_attribute("content"))
    expect(status).to_contain_text(f"Python ({stated / 1e6:.1f} MB) loads only when you change a value")
    page.wait_for_timeout(3000)  # long past the idle start a fast connection would get
    assert python_files == [], python_files
    cdp.send("Network.emulateNetworkConditions", {**SLOW_3G, "latency": 20,
                                                  "downloadThroughput": -1, "uploadThroughput": -1})
    page.locator(f"{READINESS} input[name=examples]").fill("600")
    wait_until_ready(page, "readiness")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("600 reviewed examples")
    assert python_files, "touching the calculator started Python"
