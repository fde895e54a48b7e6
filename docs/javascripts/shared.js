// What the site's scripts share, written once. Safe to import from a worker: nothing here
// touches the page until called.

// The site root, wherever the site is served: this file lives in <root>/javascripts/.
export const SITE_ROOT = new URL("../", import.meta.url);

// An error as one short line for a status message, which adds its own full stop.
export function describe(error) {
  return String(error?.message || error).split("\n")[0].slice(0, 160).replace(/\.$/, "");
}

// Runs `callback` once the page has loaded and the browser is idle (at most `timeoutMs`
// after load), so it never competes with the page's own loading.
export function whenPageIsIdle(callback, timeoutMs) {
  const idle = () => (window.requestIdleCallback
    ? requestIdleCallback(callback, { timeout: timeoutMs })
    : setTimeout(callback, timeoutMs / 5));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}
