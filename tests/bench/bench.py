"""The project's performance report: `make bench` (or `python tests/bench/bench.py`).

Builds the site for a fixed local address, serves it like GitHub Pages (sub-path, gzip,
revalidation) and measures it in headless Chromium. Prints Markdown tables of medians
and spread over several runs:

1. transfer: bytes and requests for each page, cold and on a repeat visit, counted by
   the server (so the worker's downloads count too);
2. Python: time to the pre-rendered result on screen; time from an input typed as soon
   as the page is interactive to the first result computed in the browser, cold (new
   profile) and warm (second visit, same on-disk profile); the bare `loadPyodide()` of
   the same runtime from the same origin in a plain module worker, cold and warm, in
   profiles of its own; main-thread long tasks until Python answered;
3. recompute: input event to updated result over 200 changes;
4. Lighthouse (npm, pinned) in mobile and desktop profiles for the home page and each
   calculator page.

Options: BENCH_RUNS (default 5), BENCH_LIGHTHOUSE=0 to skip Lighthouse.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import BrowserContext, sync_playwright  # noqa: E402

from tests.e2e.browser import LAUNCH_ARGS, chromium_path  # noqa: E402
from tests.e2e.server import SUB_PATH, SiteServer  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PORT = 8765
CHANGES = 200
PAGES = {"home": "", "fine-tuning": "fine-tuning/", "decide": "decide/", "costs": "costs/", "rag": "rag/"}
CALCULATOR_PAGE, CALCULATOR = "fine-tuning/", "readiness"
BARE_PAGE = "bench-bare.html"
INPUT = f'.calc[data-calculator="{CALCULATOR}"] input[name=examples]'

WATCH_PAGE = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
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
    base = f"http://127.0.0.1:{PORT}{SUB_PATH}"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        print(f"building the site for {base} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                       cwd=ROOT, check=True, env={**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"})
        # A blank page of the same origin, without the site's CSP (which forbids the blob:
        # worker the bare boot uses), so the bare loadPyodide() runs with nothing around it.
        (site / BARE_PAGE).write_text("<!doctype html><title>bare</title>")
        server = SiteServer(site, port=PORT)
        with server as url, sync_playwright() as p:
            def profile(**options) -> BrowserContext:
                return p.chromium.launch_persistent_context(
                    tempfile.mkdtemp(prefix="bench-profile-", dir=tmp), executable_path=chromium_path(),
                    args=LAUNCH_ARGS, headless=True, **options)

            print(transfer_table(server, url, profile))
            timings = measure_python(url, site, profile)
            print(timing_table(timings))
        if os.environ.get("BENCH_LIGHTHOUSE", "1") != "0":
            with SiteServer(site, port=PORT) as url:
                print(lighthouse_table(url))


def transfer_table(server: SiteServer, url: str, profile) -> str:
    rows = ["| what | cold KB | cold requests | Python KB | repeat KB | repeat requests |",
            "|---|---:|---:|---:|---:|---:|"]

    def visit(context: BrowserContext, path: str, compute: bool) -> tuple[float, int, float]:
        server.traffic.reset()
        page = context.new_page()
        page.goto(url + path, wait_until="networkidle")
        page.wait_for_timeout(1000)  # the search index and other late fetches
        if compute:
            page.evaluate(TYPE_AND_TIME, [INPUT, "640"])
        page.wait_for_load_state("networkidle")
        page.close()
        return server.traffic.bytes / 1024, server.traffic.requests, server.traffic.python_bytes / 1024

    # The page itself, without the service worker's one-off offline copy (measured below).
    for name, path in PAGES.items():
        context = profile(service_workers="block")
        (cold_kb, cold_n, cold_py), (warm_kb, warm_n, _) = visit(context, path, False), visit(context, path, False)
        context.close()
        rows.append(f"| {name} page | {cold_kb:,.0f} | {cold_n} | {cold_py:,.0f} | {warm_kb:,.0f} | {warm_n} |")
    context = profile(service_workers="block")
    (cold_kb, cold_n, cold_py), (warm_kb, warm_n, _) = (visit(context, CALCULATOR_PAGE, True),
                                                         visit(context, CALCULATOR_PAGE, True))
    context.close()
    rows.append(f"| {CALCULATOR_PAGE} after a value changed (Python loaded) | {cold_kb:,.0f} | {cold_n} | "
                f"{cold_py:,.0f} | {warm_kb:,.0f} | {warm_n} |")
    context = profile()
    home_kb, home_n, _ = visit(context, "", False)
    context.close()
    rows.append(f"| home page with the service worker installing the offline copy | {home_kb:,.0f} | {home_n} | 0 | | |")
    return "\n### Transfer (server-counted body bytes, gzip as the server sends them)\n\n" + "\n".join(rows)


def measure_python(url: str, site: Path, profile) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {}
    runtime = url + _runtime_path(site)
    for run in range(RUNS):
        context = profile()
        for visit in ("cold", "warm"):
            page = context.new_page()
            page.add_init_script(WATCH_PAGE)
            page.goto(url + CALCULATOR_PAGE, wait_until="domcontentloaded")
            figures.setdefault(f"first computed result, {visit}", []).append(page.evaluate(TYPE_AND_TIME, [INPUT, "640"]))
            figures.setdefault(f"result on screen, {visit}", []).append(page.evaluate("window.__resultVisible"))
            tasks = page.evaluate("window.__longTasks")
            figures.setdefault(f"long tasks until Python answered, {visit} (count)", []).append(len(tasks))
            figures.setdefault(f"long tasks until Python answered, {visit} (total)", []).append(sum(tasks))
            page.close()
        page = context.new_page()
        page.goto(url + CALCULATOR_PAGE)
        page.evaluate(TYPE_AND_TIME, [INPUT, "99"])  # Python ready before timing starts
        figures.setdefault("recompute", []).extend(page.evaluate(RECOMPUTE_LOOP, [INPUT, CHANGES]))
        context.close()

        context = profile()
        for visit in ("cold", "warm"):
            page = context.new_page()
            page.goto(url + BARE_PAGE)
            figures.setdefault(f"bare loadPyodide(), {visit}", []).append(page.evaluate(BARE_BOOT, runtime))
            page.close()
        context.close()
        print(f"run {run + 1}/{RUNS} done", file=sys.stderr)
    return figures


def timing_table(figures: dict[str, list[float]]) -> str:
    rows = [f"| measure | median | min | max | n |", "|---|---:|---:|---:|---:|"]
    for name, values in figures.items():
        unit = "" if "count" in name else " ms"
        rows.append(f"| {name} | {statistics.median(values):,.1f}{unit} | {min(values):,.1f} | {max(values):,.1f} | {len(values)} |")
    recompute = sorted(figures["recompute"])
    p95 = recompute[round(0.95 * (len(recompute) - 1))]
    lines = ["\n### Python in the browser (median over runs)\n", *rows, ""]
    for visit in ("cold", "warm"):
        ours = statistics.median(figures[f"first computed result, {visit}"])
        bare = statistics.median(figures[f"bare loadPyodide(), {visit}"])
        lines.append(f"- {visit}: ours {ours:,.0f} ms vs bare loadPyodide() {bare:,.0f} ms: "
                     f"overhead {ours - bare:+,.0f} ms, ratio {ours / bare:.2f}")
    warm_ratio = statistics.median(figures["first computed result, warm"]) / statistics.median(figures["bare loadPyodide(), cold"])
    lines.append(f"- warm visit vs cold bare boot: ratio {warm_ratio:.2f}")
    lines.append(f"- recompute over {len(recompute)} changes: p50 {statistics.median(recompute):.1f} ms, p95 {p95:.1f} ms")
    return "\n".join(lines)


def lighthouse_table(url: str) -> str:
    rows = ["| page | profile | performance | accessibility | best practices | SEO | TBT ms | LCP ms |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    flags = "--headless=new " + " ".join(LAUNCH_ARGS)
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    for name, path in PAGES.items():
        for profile in ("mobile", "desktop"):
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                command = [str(ROOT / "node_modules/.bin/lighthouse"), url + path, "--quiet",
                           f"--chrome-flags={flags}", "--output=json", f"--output-path={out.name}"]
                if profile == "desktop":
                    command.append("--preset=desktop")
                subprocess.run(command, check=True, env=env, cwd=ROOT)
                report = json.loads(Path(out.name).read_text())
            score = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
            audits = report["audits"]
            rows.append(f"| {name} | {profile} | {score['performance']} | {score['accessibility']} | "
                        f"{score['best-practices']} | {score['seo']} | "
                        f"{audits['total-blocking-time']['numericValue']:,.0f} | "
                        f"{audits['largest-contentful-paint']['numericValue']:,.0f} |")
    return "\n### Lighthouse\n\n" + "\n".join(rows)


def _runtime_path(site: Path) -> str:
    (runtime,) = site.glob("assets/pyodide/*/pyodide.mjs")
    return runtime.parent.relative_to(site).as_posix() + "/"


if __name__ == "__main__":
    main()
