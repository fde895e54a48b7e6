"""Speed figures for the built site, from headless Chromium on localhost (`make bench`).

Prints medians (and min-max) over several runs:
- result visible: navigation start to the first frame after the pre-rendered result is parsed;
- first computed result, cold and warm: from an input typed as soon as the page is
  interactive to the result computed by Python in the browser. Cold uses a new browser
  profile; warm a second visit in the same on-disk profile (an incognito context would
  drop the 9.6 MB wasm from its small in-memory cache);
- bare loadPyodide(), cold and warm: the same runtime from the same origin, booted in a
  plain module worker with nothing else, in its own profiles, as the floor to compare with;
- recompute: input event to updated result, over 100 changes after Python is ready.
Targets (issue 2): overhead over the bare boot <= 300 ms; recompute median <= 16 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import BrowserContext, sync_playwright  # noqa: E402

from tests.e2e.browser import LAUNCH_ARGS, chromium_path  # noqa: E402
from tests.e2e.server import SiteServer  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHANGES = 100
PAGE = "fine-tuning/"
CALCULATOR = "readiness"

MARK_RESULT_VISIBLE = """
document.addEventListener("DOMContentLoaded", () => {
  if (!document.querySelector(".calc-result")) return;
  requestAnimationFrame(() => setTimeout(() => { window.__resultVisible = performance.now(); }));
});
"""

TYPE_AND_TIME = """async ([selector, value]) => {
  const input = document.querySelector(selector);
  const calc = input.closest(".calc");
  const done = new Promise((resolve) => calc.addEventListener("calc:result", resolve, { once: true }));
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await done;
  return performance.now() - start;
}"""

RECOMPUTE_LOOP = """async ([selector, changes]) => {
  const input = document.querySelector(selector);
  const calc = input.closest(".calc");
  const times = [];
  for (let i = 0; i < changes; i++) {
    const done = new Promise((resolve) => calc.addEventListener("calc:result", resolve, { once: true }));
    const start = performance.now();
    input.value = String(100 + i * 37);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    times.push(performance.now() - start);
  }
  return times;
}"""

BARE_BOOT = """async (runtime) => {
  const source = `
    const start = performance.now();
    const { loadPyodide } = await import("${runtime}pyodide.mjs");
    await loadPyodide({ indexURL: "${runtime}" });
    postMessage(performance.now() - start);`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })),
                            { type: "module" });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => { worker.terminate(); resolve(data); };
    worker.onerror = (event) => reject(new Error(event.message));
  });
}"""


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        sys.exit("Build the site first: make build")
    figures: dict[str, list[float]] = {}
    with SiteServer(site) as url, sync_playwright() as p:
        def profile() -> BrowserContext:
            return p.chromium.launch_persistent_context(
                tempfile.mkdtemp(prefix="bench-profile-"), executable_path=chromium_path(),
                args=LAUNCH_ARGS, headless=True)

        runtime = url + _manifest(site)["runtime"]
        selector = f'.calc[data-calculator="{CALCULATOR}"] input[name=examples]'
        for run in range(RUNS):
            context = profile()
            for visit in ("cold", "warm"):
                visible, first = _our_visit(context, url + PAGE, selector)
                figures.setdefault(f"result visible ({visit})", []).append(visible)
                figures.setdefault(f"first computed result ({visit})", []).append(first)
            page = context.new_page()
            page.goto(url + PAGE)
            page.evaluate(TYPE_AND_TIME, [selector, "99"])  # Python ready before timing starts
            figures.setdefault("recompute", []).extend(page.evaluate(RECOMPUTE_LOOP, [selector, CHANGES]))
            context.close()

            context = profile()
            for visit in ("cold", "warm"):
                page = context.new_page()
                page.goto(url + "404.html")
                figures.setdefault(f"bare loadPyodide() ({visit})", []).append(page.evaluate(BARE_BOOT, runtime))
                page.close()
            context.close()
            print(f"run {run + 1}/{RUNS} done", file=sys.stderr)
    _report(figures)


def _our_visit(context: BrowserContext, url: str, selector: str) -> tuple[float, float]:
    page = context.new_page()
    page.add_init_script(MARK_RESULT_VISIBLE)
    page.goto(url, wait_until="domcontentloaded")
    first = page.evaluate(TYPE_AND_TIME, [selector, "640"])
    visible = page.evaluate("window.__resultVisible")
    page.close()
    return visible, first


def _manifest(site: Path) -> dict:
    import json

    return json.loads((site / "assets/calculators/manifest.json").read_text())


def _report(figures: dict[str, list[float]]) -> None:
    print(f"\n{'measure (ms)':38} {'median':>9} {'min':>9} {'max':>9} {'n':>5}")
    for name, values in figures.items():
        print(f"{name:38} {statistics.median(values):9.1f} {min(values):9.1f} {max(values):9.1f} {len(values):5}")
    recompute = sorted(figures["recompute"])
    p95 = recompute[int(0.95 * (len(recompute) - 1))]
    print(f"{'recompute p95':38} {p95:9.1f}")
    for visit in ("cold", "warm"):
        ours = statistics.median(figures[f"first computed result ({visit})"])
        bare = statistics.median(figures[f"bare loadPyodide() ({visit})"])
        print(f"overhead over bare boot ({visit}): {ours - bare:+.0f} ms (ratio {ours / bare:.2f}); target <= 300 ms")
    print(f"recompute median {statistics.median(recompute):.1f} ms; target <= 16 ms")


if __name__ == "__main__":
    main()
