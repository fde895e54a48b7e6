// The runtime's biggest files are served zstd-compressed, under their name plus one more
// extension (build_hooks/packing.py says why, and what it saves). servePacked() makes the
// worker's fetch answer a request for such a file with the file unpacked, so Pyodide and
// the worker ask for their files by the usual names.
//
// What is unpacked is kept in Cache Storage, for as long as the deploy that made it: a
// repeat visit then neither unpacks nor recompiles. Chromium keeps a wasm module's
// compiled code only beside a response it can find again (HTTP cache, Cache Storage), and
// a response made here has no such home: without the kept copy, a repeat visit's first
// answer came 0.38 s later (measured 2026-12-06, fine-tuning page).

import { Decompress } from "./fzstd.js";

const CACHE = "calculators-unpacked";
const TYPES = { wasm: "application/wasm" }; // instantiateStreaming() insists on its type

// packedUrls: absolute URLs of the packed files, as served.
export function servePacked(packedUrls) {
  const packedFor = new Map(packedUrls.map((url) => [url.slice(0, url.lastIndexOf(".")), url]));
  const plainFetch = self.fetch.bind(self);
  self.fetch = (resource, options) => {
    const url = new URL(resource instanceof Request ? resource.url : resource, self.location.href).href;
    return packedFor.has(url) ? unpacked(url, packedFor.get(url), plainFetch) : plainFetch(resource, options);
  };
  forgetOtherDeploys(new Set(packedFor.keys())).catch(() => {});
}

async function unpacked(url, packedUrl, plainFetch) {
  const cache = await openCache();
  const kept = await cache?.match(url);
  if (kept) return kept;
  const response = await plainFetch(packedUrl);
  if (!response.ok) return response; // the caller reports it, as for any failed download
  const type = TYPES[url.split(".").pop()] || "application/octet-stream";
  const headers = { "Content-Type": type };
  if (!cache) return new Response(decoded(response.body), { headers });
  const [mine, toKeep] = decoded(response.body).tee();
  // Not awaited: the answer does not wait for the disk. A stream that fails is not kept.
  cache.put(url, new Response(toKeep, { headers })).catch(() => {});
  return new Response(mine, { headers });
}

// The body unpacked as it arrives: on a slow connection the runtime compiles while it downloads.
function decoded(body) {
  const reader = body.getReader();
  return new ReadableStream({
    async start(controller) {
      try {
        const decoder = new Decompress((chunk) => controller.enqueue(chunk));
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          decoder.push(value);
        }
        decoder.push(new Uint8Array(0), true); // throws if the file ended early
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

async function openCache() {
  try {
    return await caches.open(CACHE);
  } catch {
    return null; // no Cache Storage (private mode, quota): unpack on every visit
  }
}

async function forgetOtherDeploys(current) {
  const cache = await openCache();
  for (const request of (await cache?.keys()) ?? []) {
    if (!current.has(request.url)) await cache.delete(request);
  }
}
