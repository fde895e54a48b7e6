"""The project's performance report: `make bench` (or `python tests/bench/bench.py`).

Builds the site for a fixed local address, serves it like GitHub Pages (sub-path, gzip,
revalidation) and measures it in headless Chromium. Every time is counted from the
page's navigation start, as a reader feels it, and ours and the baseline are measured
in the same run, alternating, so a busy machine slows both alike:

1. transfer: bytes and requests for each page, cold and on a repeat visit, counted by
   the server (so the worker's downloads count too);
2. first answer: a reader opens the fine-tuning page and types a value at the load
   event; we time navigation start -> the first result computed in the browser. The
   baseline is a bare page, served the same way, whose only script calls `loadPyodide()`
   as the page loads, on Pyodide as its npm package ships it: navigation start -> Pyodide
   ready. A second bare page, on the standard library this site compiles to bytecode,
   shows what that alone buys. Cold is a fresh on-disk profile,
   warm a second visit in the same profile (launch_persistent_context: an incognito
   context's small memory cache would drop the 9.6 MB wasm and make "warm" cold);
3. recompute: input event to updated result over 200 changes;
4. Lighthouse (npm, pinned), mobile profile, every page of the site.

Options: BENCH_RUNS (default 5; 0 skips the first-answer timing), BENCH_LIGHTHOUSE_RUNS (default 2;
0 skips Lighthouse).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import BrowserContext, Page, sync_playwright  # noqa: E402

from build_hooks.packing import packed, unpack  # noqa: E402
from build_hooks.project import PACKED_SUFFIX, RUNTIME_FILES, STDLIB_FILE, WHEEL_DIR, Project  # noqa: E402
from tests.e2e.browser import LAUNCH_ARGS, chromium_path  # noqa: E402
from tests.e2e.conftest import wait_for_snapshot  # noqa: E402
from tests.e2e.server import SUB_PATH, SiteServer  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "2"))
PORT = 8765
CHANGES = 200
# Issue 27's targets: bytes of a first calculator visit; first live answer against the
# bare page cold (repeat visit: an aim, not a promise).
FIRST_VISIT_TARGET_MB = 4.5
COLD_TARGET, WARM_AIM = 0.6, 0.25
TRANSFER_PAGES = {"home": "", "fine-tuning": "fine-tuning/", "decide": "decide/", "costs": "costs/",
                  "rag": "rag/", "python-api": "python-api/", "glossary": "glossary/"}
CALCULATOR_PAGE, CALCULATOR = "fine-tuning/", "readiness"
BARE_PAGE, BARE_COMPILED_PAGE = "bench-bare.html", "bench-bare-compiled.html"
STOCK_STDLIB = "bench-bare-stdlib.zip"  # the npm package's own, for the baseline
COMPILED_STDLIB = "bench-bare-compiled-stdlib.zip"  # the site's, unpacked
BARE_RUNTIME = "bench-bare-runtime"
BARE_NAMES = {BARE_PAGE: "bare loadPyodide() page",
              BARE_COMPILED_PAGE: "bare page on this site's compiled stdlib (for reference)"}
INPUT = f'.calc[data-calculator="{CALCULATOR}"] input[name=examples]'
TIMEOUT_MS = 120_000

# Ours, as a reader meets it: the value is typed at the load event, and the clock is the
# page's own (performance.now() counts from navigation start).
TYPE_AT_LOAD = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
document.addEventListener("DOMContentLoaded", () => {
  if (!document.querySelector(".calc-result")) return;
  requestAnimationFrame(() => setTimeout(() => { window.__resultVisible = performance.now(); }));
});
window.addEventListener("load", () => {
  const input = document.querySelector(%s);
  input.closest(".calc").addEventListener("calc:result", () => {
    window.__firstResult = performance.now();
  }, { once: true });
  input.value = "640";
  input.dispatchEvent(new Event("input", { bubbles: true }));
});
""" % json.dumps(INPUT)

# The baseline: nothing but Pyodide, started as the page loads.
BARE_HTML = """<!doctype html><html lang="en"><meta charset="utf-8"><title>bare loadPyodide()</title>
<script type="module">
import { loadPyodide } from "./%(runtime)spyodide.mjs";
const here = (path) => new URL(path, location.href).href;
await loadPyodide({ indexURL: here("./%(runtime)s"), stdLibURL: here("./%(stdlib)s") });
window.__ready = performance.now();
</script>
"""

RECOMPUTE_LOOP = """async ([selector, changes, first]) => {
  const input = document.querySelector(selector);
  const calc = input.closest(".calc");
  const times = [];
  for (let i = 0; i < changes; i++) {
    const done = new Promise((resolve) => calc.addEventListener("calc:result", resolve, { once: true }));
    const start = performance.now();
    input.value = String(first + i * 37);  // a new value each time: a repeat is not recomputed
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    times.push(performance.now() - start);
  }
  return times;
}"""


def main() -> None:
    base = f"http://127.0.0.1:{PORT}{SUB_PATH}"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        print(f"building the site for {base} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                       cwd=ROOT, check=True, env={**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"})
        write_bare_pages(site)
        server = SiteServer(site, port=PORT)
        with server as url, sync_playwright() as p:
            def profile(**options) -> BrowserContext:
                return p.chromium.launch_persistent_context(
                    tempfile.mkdtemp(prefix="bench-profile-", dir=tmp), executable_path=chromium_path(),
                    args=LAUNCH_ARGS, headless=True, **options)

            print(transfer_table(server, url, profile))
            if RUNS:
                print(timing_table(measure_first_answer(url, profile)))
        if LIGHTHOUSE_RUNS:
            with SiteServer(site, port=PORT) as url:
                print(lighthouse_table(url, site))


def write_bare_pages(site: Path) -> None:
    """The baselines, beside the site and without its CSP (their one inline script is the
    point), on the runtime's files as the npm package ships them (the site packs some)."""
    package = Project(ROOT).pyodide_package
    runtime = site / BARE_RUNTIME
    runtime.mkdir()
    for name in RUNTIME_FILES:
        shutil.copy2(package / name, runtime / name)
    shutil.copy2(package / STDLIB_FILE, site / STOCK_STDLIB)
    (compiled,) = site.glob(f"{WHEEL_DIR}/*/{packed(STDLIB_FILE)}")
    (site / COMPILED_STDLIB).write_bytes(unpack(compiled.read_bytes()))
    (site / BARE_PAGE).write_text(BARE_HTML % {"runtime": BARE_RUNTIME + "/", "stdlib": STOCK_STDLIB})
    (site / BARE_COMPILED_PAGE).write_text(BARE_HTML % {"runtime": BARE_RUNTIME + "/", "stdlib": COMPILED_STDLIB})


def transfer_table(server: SiteServer, url: str, profile) -> str:
    rows = ["| what | cold KB | cold requests | Python KB | repeat KB | repeat requests |",
            "|---|---:|---:|---:|---:|---:|"]

    def visit(context: BrowserContext, path: str, compute: bool, ready: str = "") -> tuple[float, int, float]:
        server.traffic.reset()
        page = context.new_page()
        if compute:
            page.add_init_script(TYPE_AT_LOAD)
        page.goto(url + path, wait_until="networkidle")
        page.wait_for_timeout(1000)  # the search index and other late fetches
        if compute or ready:
            _wait_for(page, ready or "window.__firstResult")
        page.wait_for_load_state("networkidle")
        page.close()
        return server.traffic.bytes / 1024, server.traffic.requests, server.traffic.python_bytes / 1024

    # The page itself, without the service worker's one-off offline copy (measured below).
    for name, path in TRANSFER_PAGES.items():
        context = profile(service_workers="block")
        (cold_kb, cold_n, cold_py), (warm_kb, warm_n, _) = visit(context, path, False), visit(context, path, False)
        context.close()
        rows.append(f"| {name} page | {cold_kb:,.0f} | {cold_n} | {cold_py:,.0f} | {warm_kb:,.0f} | {warm_n} |")
    context = profile(service_workers="block")
    (cold_kb, cold_n, cold_py), (warm_kb, warm_n, _) = (visit(context, CALCULATOR_PAGE, True),
                                                         visit(context, CALCULATOR_PAGE, True))
    context.close()
    first_visit_kb = cold_kb
    rows.append(f"| {CALCULATOR_PAGE} with a value typed at load (Python loaded) | {cold_kb:,.0f} | {cold_n} | "
                f"{cold_py:,.0f} | {warm_kb:,.0f} | {warm_n} |")
    context = profile()
    bare_kb, bare_n, _ = visit(context, BARE_PAGE, False, ready="window.__ready")
    context.close()
    rows.append(f"| {BARE_NAMES[BARE_PAGE]} | {bare_kb:,.0f} | {bare_n} | | | |")
    context = profile()
    home_kb, home_n, _ = visit(context, "", False)
    context.close()
    rows.append(f"| home page with the service worker installing the offline copy | {home_kb:,.0f} | {home_n} "
                "| 0 | | |")
    rows.append(f"\n- a first visit to a calculator page, Python loaded: {first_visit_kb * 1024 / 1e6:,.2f} MB "
                f"(target <= {FIRST_VISIT_TARGET_MB} MB; the bare page {bare_kb * 1024 / 1e6:,.2f} MB; "
                "MB = 10^6 bytes, KB above = 1,024 bytes)")
    return "\n### Transfer (server-counted body bytes, gzip as the server sends them)\n\n" + "\n".join(rows)


def measure_first_answer(url: str, profile) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    for run in range(RUNS):
        # The pages take turns going first, so none always meets a cooler machine.
        sides = ("ours", BARE_PAGE, BARE_COMPILED_PAGE)
        for side in sides[run % 3:] + sides[:run % 3]:
            context = profile()
            for visit in ("cold", "warm"):
                page = context.new_page()
                if side == "ours":
                    wasm_requested = _watch_wasm_request(page)
                    page.add_init_script(TYPE_AT_LOAD)
                    page.goto(url + CALCULATOR_PAGE)
                    add(f"ours: first computed result, {visit}",
                        _wait_for(page, "window.__firstResult"))
                    add(f"ours: pre-rendered result on screen, {visit}", page.evaluate("window.__resultVisible"))
                    tasks = page.evaluate("window.__longTasks")
                    add(f"ours: main-thread long tasks until the answer, {visit} (total)", sum(tasks))
                    if wasm_requested and visit == "cold":
                        started = page.evaluate("performance.timeOrigin")
                        add("ours: runtime (.wasm) requested, cold", wasm_requested[0] - started)
                    if visit == "cold":  # a reader stays longer than the memory snapshot takes to save
                        wait_for_snapshot(page)
                else:
                    page.goto(url + side)
                    add(f"{BARE_NAMES[side]}: ready, {visit}", _wait_for(page, "window.__ready"))
                page.close()
            if side == "ours":
                page = context.new_page()
                page.goto(url + CALCULATOR_PAGE)
                page.evaluate(RECOMPUTE_LOOP, [INPUT, 1, 99])  # Python ready before timing starts
                figures.setdefault("recompute", []).extend(page.evaluate(RECOMPUTE_LOOP, [INPUT, CHANGES, 100]))
                page.close()
            context.close()
        print(f"run {run + 1}/{RUNS} done", file=sys.stderr)
    return figures


def _wait_for(page: Page, expression: str) -> float:
    # A function, not a bare expression: the page's policy forbids evaluating strings.
    page.wait_for_function(f"() => {expression}", timeout=TIMEOUT_MS)
    return page.evaluate(expression)


def _watch_wasm_request(page: Page) -> list[float]:
    """Filled with the wall-clock start of the page's (or its worker's) .wasm request."""
    times: list[float] = []

    def finished(request) -> None:
        if request.url.endswith((".wasm", ".wasm" + PACKED_SUFFIX)) and not times:
            times.append(request.timing["startTime"])

    page.context.on("requestfinished", finished)
    return times


def timing_table(figures: dict[str, list[float]]) -> str:
    rows = ["| measure (from navigation start) | median | min | max | n |", "|---|---:|---:|---:|---:|"]
    for name, values in figures.items():
        if name != "recompute":
            rows.append(f"| {name} | {statistics.median(values):,.0f} ms | {min(values):,.0f} | "
                        f"{max(values):,.0f} | {len(values)} |")
    median = {name: statistics.median(values) for name, values in figures.items()}
    ours_cold, ours_warm = median["ours: first computed result, cold"], median["ours: first computed result, warm"]
    bare_cold = median["bare loadPyodide() page: ready, cold"]
    bare_warm = median["bare loadPyodide() page: ready, warm"]
    recompute = sorted(figures["recompute"])
    p95 = recompute[round(0.95 * (len(recompute) - 1))]
    return "\n".join([
        "\n### First answer, measured from navigation start (median over runs)\n", *rows, "",
        f"- cold: ours {ours_cold:,.0f} ms vs bare page {bare_cold:,.0f} ms: ratio {ours_cold / bare_cold:.2f} "
        f"(target <= {COLD_TARGET})",
        f"- warm: ours {ours_warm:,.0f} ms vs bare page cold {bare_cold:,.0f} ms: ratio {ours_warm / bare_cold:.2f} "
        f"(aim <= {WARM_AIM}); vs bare page warm {bare_warm:,.0f} ms: {ours_warm / bare_warm:.2f}",
        f"- recompute over {len(recompute)} changes: p50 {statistics.median(recompute):.1f} ms, p95 {p95:.1f} ms",
    ])


def lighthouse_table(url: str, site: Path) -> str:
    rows = ["| page | performance | TBT ms | LCP ms | accessibility | best practices | SEO |",
            "|---|---|---|---|---|---|---|"]
    flags = "--headless=new " + " ".join(LAUNCH_ARGS)
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    for path in _site_pages(site):
        reports = []
        for _ in range(LIGHTHOUSE_RUNS):
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                subprocess.run([str(ROOT / "node_modules/.bin/lighthouse"), url + path, "--quiet",
                                f"--chrome-flags={flags}", "--output=json", f"--output-path={out.name}"],
                               check=True, env=env, cwd=ROOT)
                reports.append(json.loads(Path(out.name).read_text()))

        def spread(values: list[float], digits: str = ",.0f") -> str:
            low, high = min(values), max(values)
            return f"{low:{digits}}" if low == high else f"{low:{digits}}-{high:{digits}}"

        def score(category: str, reports: list[dict] = reports) -> str:
            return spread([round(r["categories"][category]["score"] * 100) for r in reports])

        def audit(name: str, reports: list[dict] = reports) -> str:
            return spread([r["audits"][name]["numericValue"] for r in reports])

        rows.append(f"| {path or 'home'} | {score('performance')} | {audit('total-blocking-time')} | "
                    f"{audit('largest-contentful-paint')} | {score('accessibility')} | "
                    f"{score('best-practices')} | {score('seo')} |")
    runs = f"{LIGHTHOUSE_RUNS} run{'s' if LIGHTHOUSE_RUNS > 1 else ''} a page"
    return (f"\n### Lighthouse, mobile profile ({runs}; a range is min-max)\n\n"
            + "\n".join(rows))


def _site_pages(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages]


if __name__ == "__main__":
    main()
