// Registers the service worker that keeps the site readable, and its calculators usable,
// without a network after a visit. The worker sits at the site root so its scope is the
// whole site, whatever sub-path the site is served under. Its first install copies the
// whole site, which must not compete with the page, or with Python, for the CPU and the
// connection: it registers once the page has loaded and gone quiet, and on a calculator page
// once Python is up or has failed (with both at once, the first answer came 75 ms later,
// measured 2026-12-06). If Python never starts there (data saving, a calculator never
// scrolled to), it registers as the reader leaves the page.
import { SITE_ROOT, whenPageIsIdle } from "./shared.js";

const PYTHON_SETTLED = new Set(["ready", "failed"]);

if ("serviceWorker" in navigator) {
  let registering = null;
  const register = () => {
    registering ??= navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT), { scope: SITE_ROOT.pathname })
      .catch(() => {}); // no offline copy (private mode, file:// ...): the site works as before
  };
  if (document.querySelector(".calc[data-calculator]")) {
    document.addEventListener("calc:python", ({ detail: state }) => {
      if (PYTHON_SETTLED.has(state)) whenPageIsIdle(register, 5000);
    });
    document.addEventListener("visibilitychange", () => document.hidden && register());
  } else {
    whenPageIsIdle(register, 5000);
  }
  // Once a calculator has answered, Python is in the browser's cache: keep it offline too.
  document.addEventListener("calc:result", async () => {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: "keep-runtime" });
  }, { once: true });
}
