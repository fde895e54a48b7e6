// Registers the service worker that keeps the site readable, and its calculators usable,
// without a network after a visit. The worker sits at the site root so its scope is the
// whole site, whatever sub-path the site is served under. It registers once the page has
// loaded and gone quiet: its first install copies the whole site, which must not compete
// with the page, or with Python, for the connection.
import { SITE_ROOT, whenPageIsIdle } from "./shared.js";

if ("serviceWorker" in navigator) {
  const register = () => navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT), { scope: SITE_ROOT.pathname })
    .catch(() => {}); // no offline copy (private mode, file:// ...): the site works as before
  whenPageIsIdle(register, 5000);
  // Once a calculator has answered, Python is in the browser's cache: keep it offline too.
  document.addEventListener("calc:result", async () => {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: "keep-runtime" });
  }, { once: true });
}
