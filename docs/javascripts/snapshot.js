// A memory snapshot of Python with the calculators already imported, kept in the
// browser's Cache Storage. Restoring it skips Python's start-up and the package import:
// a repeat visit answers in a fraction of a cold start. The key names the exact runtime
// and wheel, so a snapshot never outlives the deploy that made it.
//
// Pyodide marks its snapshot options experimental: the pinned version is tested end to
// end, and a snapshot that fails to restore is dropped and Python starts normally.

const CACHE = "calculators-python-memory";

function keyFor(runtime, wheel) {
  return new Request(`${runtime}memory-snapshot?wheel=${encodeURIComponent(wheel)}`);
}

export async function readSnapshot(runtime, wheel) {
  try {
    const cache = await caches.open(CACHE);
    const stored = await cache.match(keyFor(runtime, wheel));
    return stored ? new Uint8Array(await stored.arrayBuffer()) : null;
  } catch {
    return null; // no Cache Storage here (private mode, quota): start normally
  }
}

// Whether this deploy's snapshot is kept: the page asks, to word its status.
export async function hasSnapshot(runtime, wheel) {
  try {
    const cache = await caches.open(CACHE);
    return Boolean(await cache.match(keyFor(runtime, wheel)));
  } catch {
    return false;
  }
}

export async function saveSnapshot(runtime, wheel, memory) {
  try {
    const cache = await caches.open(CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(keyFor(runtime, wheel), new Response(memory));
  } catch {
    // Not stored: the next visit starts normally.
  }
}

export async function forgetSnapshots() {
  try {
    await caches.delete(CACHE);
  } catch {
    // nothing stored
  }
}
