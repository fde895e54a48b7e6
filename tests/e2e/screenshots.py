"""Screenshots for a human to look at: the top of every page and every calculator on it,
at phone and desktop widths, in light and dark mode.

    python tests/e2e/screenshots.py OUT_DIR [PAGE ...]    (after `make build`)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.browser import LAUNCH_ARGS, chromium_path  # noqa: E402
from tests.e2e.server import SiteServer  # noqa: E402

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def main(out: Path, pages: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    site = ROOT / "site"
    pages = pages or sorted(str(p.parent.relative_to(site)) + "/" for p in site.glob("**/index.html")
                            if "assets" not in p.parts)
    with SiteServer(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        for scheme in ("light", "dark"):
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              color_scheme=scheme, device_scale_factor=1)
                page = context.new_page()
                for path in pages:
                    path = "" if path == "./" else path
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    name = (path.strip("/") or "home").replace("/", "_")
                    page.screenshot(path=out / f"{name}-{width_name}-{scheme}.png")
                    for calc in page.locator(".calc").all():
                        calc_name = calc.get_attribute("data-calculator")
                        calc.screenshot(path=out / f"{name}-{calc_name}-{width_name}-{scheme}.png")
                context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
