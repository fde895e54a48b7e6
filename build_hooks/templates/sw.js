// Service worker: the site keeps working offline after a visit. Generated at build
// time by build_hooks/service_worker.py, which fills in the two constants below.
//
// - Pages, styles and scripts: network first, so a new deploy shows at once; the
//   cached copy when offline. All of them are cached when the worker installs.
// - The Python runtime and the calculators wheel live under versioned or hashed paths,
//   so once fetched they are served from the cache and never go stale. They are cached
//   once a calculator has run, not on install: a page without a calculator never downloads Python.
const BUILD = "__BUILD__";
const { shell: SHELL, runtime: RUNTIME } = __FILES__;

const SHELL_CACHE = `shell-${BUILD}`;
const RUNTIME_CACHE = "runtime";
const scoped = (path) => new URL(path, self.registration.scope).href;
const RUNTIME_URLS = new Set(RUNTIME.map(scoped));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(SHELL.map(scoped));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("shell-") && key !== SHELL_CACHE) await caches.delete(key);
    }
    // A runtime or wheel this build no longer uses (an older Pyodide, an older wheel).
    const runtime = await caches.open(RUNTIME_CACHE);
    for (const request of await runtime.keys()) {
      if (!RUNTIME_URLS.has(request.url)) await runtime.delete(request);
    }
    await self.clients.claim();
  })());
});

// A page whose calculator has answered asks for the runtime to be kept for offline use.
// Those files were just downloaded, so this is served from the browser's HTTP cache.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep-runtime") return;
  event.waitUntil((async () => {
    const cache = await caches.open(RUNTIME_CACHE);
    for (const url of RUNTIME_URLS) {
      if (!(await cache.match(url))) await cache.add(url);
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const url = request.url.split(/[?#]/)[0];
  event.respondWith(RUNTIME_URLS.has(url) ? cacheFirst(event, url) : networkFirst(event));
});

async function cacheFirst(event, url) {
  const { request } = event;
  const cache = await caches.open(RUNTIME_CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) keep(event, cache.put(url, response.clone()));
  return response;
}

async function networkFirst(event) {
  const { request } = event;
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) keep(event, cache.put(request, response.clone()));
    return response;
  } catch (offline) {
    // A shared link carries the calculator's state in its query: the page is the same.
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const notFound = await cache.match(scoped("404.html"));
      if (notFound) return notFound;
    }
    throw offline;
  }
}

// The copy is written while the page already reads the response: waiting for the write
// first held back every page and script by the time it took (and the page from parsing
// as its HTML streamed in). A write that fails leaves the copy from before.
function keep(event, writing) {
  event.waitUntil(writing.catch(() => {}));
}
