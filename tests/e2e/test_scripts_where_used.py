"""Calculator JavaScript loads only where a calculator is: a guide page without one asks
for none of it, and a calculator page asks for each module once."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

CALCULATOR_MODULES = ("calculator.js", "calculator-layout.js", "python.js", "url-state.js",
                      "worker.js", "snapshot.js")


def _scripts_requested(page: Page, url: str) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return [u.rsplit("/", 1)[1] for u in requested if u.endswith(".js") or u.endswith(".mjs")]


def test_a_guide_page_without_a_calculator_loads_no_calculator_javascript(page: Page, site_url: str,
                                                                          built_site: Path) -> None:
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "data-calculator=" not in html, "the glossary must be a page without a calculator"
    scripts = _scripts_requested(page, site_url + "glossary/")
    print("glossary/ requested:", scripts)  # the request list, for the record
    assert not [s for s in scripts if s in CALCULATOR_MODULES], scripts
    assert "offline.js" in scripts and "shared.js" in scripts  # what every page runs


def test_a_calculator_page_loads_each_calculator_module_once(page: Page, site_url: str) -> None:
    scripts = _scripts_requested(page, site_url + "fine-tuning/")
    page_modules = [s for s in scripts if s in CALCULATOR_MODULES and s not in ("worker.js", "snapshot.js")]
    assert sorted(page_modules) == ["calculator-layout.js", "calculator.js", "python.js", "url-state.js"]
    assert scripts.count("shared.js") == 1
