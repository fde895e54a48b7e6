"""The site built by Zensical instead of MkDocs, then finished by `python -m build_hooks`:
every calculator page carries its pre-rendered result, and a calculator answers in the
browser. Zensical runs Python-Markdown extensions (so the markers pre-render) but no
MkDocs plugins; build_hooks/GENERATORS.md says what works under which generator.

Slow (two builds and a browser), so it runs with the end-to-end suite; `make test` puts
Zensical in a venv of its own (.venv-zensical, pinned in zensical/requirements.txt).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from build_hooks.packing import packed
from calculators import CALCULATORS, run
from tests.e2e.server import SiteServer

from .conftest import ROOT, copy_of_project, first_visit_files, served_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.zensical]
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project built by Zensical, then finished by `python -m build_hooks`."""
    if not ZENSICAL.exists():
        pytest.skip("no .venv-zensical: `make test` sets it up")
    copy = copy_of_project(tmp_path_factory.mktemp("zensical"))
    env = {**os.environ, "PYTHONPATH": str(copy), "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=copy, env=env,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    finished = subprocess.run([sys.executable, "-m", "build_hooks", "site"], cwd=copy, env=env,
                              capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return copy / "site"


def _result(site: Path, name: str) -> str:
    html = (site / CALCULATORS[name].page / "index.html").read_text(encoding="utf-8")
    assert f'data-calculator="{name}"' in html
    found = re.search(rf'<div class="calc-result" id="calc-{name}-result"[^>]*>(.*?)</div>\s*<div class="calc-actions"',
                      html, re.DOTALL)
    return found.group(1) if found else html


def _without_links(html: str) -> str:
    return re.sub(r'href="[^"]*"', 'href=""', html)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_calculator_page_carries_its_pre_rendered_result(zensical_site: Path, name: str) -> None:
    assert _without_links(run(name, {})["html"]) in _without_links(_result(zensical_site, name))


@pytest.mark.xfail(strict=True, reason="Zensical 0.0.73 rewrites the page-relative links in pre-rendered HTML "
                                       "as if relative to the Markdown source: one level too deep")
def test_the_pre_rendered_links_are_left_as_the_calculators_wrote_them(zensical_site: Path) -> None:
    for name in CALCULATORS:
        assert run(name, {})["html"] in _result(zensical_site, name), name


def test_calculator_pages_are_finished_and_guide_pages_untouched(zensical_site: Path) -> None:
    pages = {p.relative_to(zensical_site).as_posix(): p.read_text(encoding="utf-8")
             for p in zensical_site.rglob("index.html")}
    for path, html in pages.items():
        assert '<meta http-equiv="Content-Security-Policy"' in html, path
        assert ("calculator.js" in html) == ("data-calculator=" in html), path
    calculator_page = next(html for html in pages.values() if "data-calculator=" in html)
    stated = re.search(r'<meta name="calculators-download" content="(\d+)">', calculator_page).group(1)
    assert int(stated) == served_bytes(zensical_site, first_visit_files(calculator_page))
    assert (zensical_site / "sw.js").is_file() and list(zensical_site.glob(f"assets/calculators/*/{packed('*.whl')}"))
    assert [p.name for p in (zensical_site / "stylesheets").iterdir()] == [
        next(zensical_site.glob("stylesheets/site.*.css")).name]
    # Zensical's own search worker stays: its page speaks another protocol than Material's.
    assert all("search-worker.js" not in html for html in pages.values())


def test_a_calculator_answers_in_the_browser(zensical_site: Path, browser: Browser) -> None:
    with SiteServer(zensical_site) as url:
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        foreign: list[str] = []
        page.on("request", lambda request: None if request.url.startswith(url.split("/rag-")[0])
                else foreign.append(request.url))
        page.goto(url + "fine-tuning/")
        calc = '.calc[data-calculator="readiness"]'
        page.fill(f"{calc} input[name=examples]", "600")
        expect(page.locator(f"{calc} .calc-result")).to_contain_text("600 reviewed examples", timeout=60_000)
        expect(page.locator(f"{calc} .calc-status")).to_have_attribute("data-state", "ready")
        context.close()
    # Zensical's theme script sets one inline style, which the site's policy (style-src
    # 'self') blocks; GENERATORS.md lists it. Anything else is a failure.
    theme_style = [e for e in errors if e.startswith("Applying inline style violates") and "style-src 'self'" in e]
    assert len(theme_style) <= 1 and [e for e in errors if e not in theme_style] == [], errors
    assert foreign == []
