"""Screenshots for a human to look at: the top of every page and every calculator on it,
at phone and desktop widths, in light and dark mode.

    python tests/e2e/screenshots.py OUT_DIR [PAGE ...]    (after `make build`)
    python tests/e2e/screenshots.py --after-change OUT_DIR

With --after-change, each calculator instead: its first essential input changed once Python
answers, and the screen as the reader then sees it, with the field mid-screen and the
pinned figures above (CALC-phone-light.png, ...).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from calculators import CALCULATORS  # noqa: E402
from tests.e2e.browser import LAUNCH_ARGS, chromium_path  # noqa: E402
from tests.e2e.conftest import wait_until_ready  # noqa: E402
from tests.e2e.server import SiteServer  # noqa: E402
from tests.e2e.test_layout import calc_locator, change, first_essential_control  # noqa: E402

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def every_view(out: Path) -> Iterator[tuple[str, str, Page]]:
    """A page in each scheme at each width, on the built site: (site URL, suffix, page)."""
    out.mkdir(parents=True, exist_ok=True)
    with SiteServer(ROOT / "site") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        for scheme in ("light", "dark"):
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              color_scheme=scheme, device_scale_factor=1)
                yield url, f"{width_name}-{scheme}", context.new_page()
                context.close()
        browser.close()


def main(out: Path, pages: list[str]) -> None:
    site = ROOT / "site"
    pages = pages or sorted(str(p.parent.relative_to(site)) + "/" for p in site.glob("**/index.html")
                            if "assets" not in p.parts)
    for url, suffix, page in every_view(out):
        for path in pages:
            path = "" if path == "./" else path
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            name = (path.strip("/") or "home").replace("/", "_")
            page.screenshot(path=out / f"{name}-{suffix}.png")
            for calc in page.locator(".calc").all():
                calc_name = calc.get_attribute("data-calculator")
                calc.screenshot(path=out / f"{name}-{calc_name}-{suffix}.png")


def after_change(out: Path) -> None:
    for url, suffix, page in every_view(out):
        for name, calc in CALCULATORS.items():
            page.goto(url + calc.page)
            control = first_essential_control(calc_locator(page, name))
            control.evaluate("(c) => c.closest('.calc-field').scrollIntoView({block: 'center'})")
            wait_until_ready(page, name)
            summary = calc_locator(page, name).locator(".calc-summary")
            before = summary.text_content()
            change(control)
            expect(summary).not_to_have_text(before)  # the new answer, pinned
            page.screenshot(path=out / f"{name}-{suffix}.png")


if __name__ == "__main__":
    if sys.argv[1] == "--after-change":
        after_change(Path(sys.argv[2]))
    else:
        main(Path(sys.argv[1]), sys.argv[2:])
