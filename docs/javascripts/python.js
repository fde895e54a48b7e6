// The page's handle on the Python worker: starts it once, on demand, turns its messages
// into promises, and keeps requests alive across a worker that dies (restart, resend).
// Knows nothing about any calculator. The protocol is in worker.js.

import { SITE_ROOT } from "./shared.js";
import { hasSnapshot } from "./snapshot.js";

// A computation takes milliseconds: this much silence means the worker has died.
const ANSWER_TIMEOUT_MS = 8000;
// Past this, loading is slow enough to say so.
const SLOW_BOOT_MS = 10000;
// A worker that dies again before answering anything is not restarted a third time.
const MAX_RESTARTS = 2;

export class Python {
  constructor() {
    this.worker = null;
    this.ready = null; // a promise, while a start is under way or done
    this.runs = new Map(); // id -> {message, resolve, reject, timer}: run requests in flight
    this.nextId = 1;
    this.restarts = 0;
    this.listeners = new Set();
    this.state = "idle";
    this.prefetched = false;
    // A browser that kept this deploy's Python from an earlier visit (its memory snapshot;
    // the files it started from are in the browser's caches) downloads next to nothing,
    // and the page must not announce a download. Known before "loading" is reported.
    this.kept = false;
    this.keptKnown = keptCopy().then((kept) => {
      this.kept = kept;
    });
  }

  onStatus(listener) {
    this.listeners.add(listener);
    listener(this.state, "");
  }

  // Downloads the runtime into the browser's cache without starting Python, so a later
  // start only has to compile and run it. The build lists the files in the page. A browser
  // that kept this deploy's Python restores it from its own copies and needs none of them:
  // fetching them anyway put a repeat visit's first answer 0.1 s later (827 against 720 ms,
  // measured 2026-12-06), for a lookup that costs a first visit's prefetch tens of ms.
  async prefetch() {
    if (this.ready || this.prefetched) return;
    this.prefetched = true;
    await this.keptKnown;
    if (this.kept || this.ready) return;
    const meta = document.querySelector('meta[name="calculators-prefetch"]');
    for (const path of meta ? meta.content.split(" ") : []) {
      const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
      link.href = new URL(path, SITE_ROOT).href;
      document.head.append(link);
    }
  }

  // Safe to call often; after a failed start, the next call tries again (flaky networks).
  start() {
    if (!this.ready) {
      this.ready = this.boot().catch((error) => {
        this.ready = null;
        throw error;
      });
    }
    return this.ready;
  }

  async run(calculator, values) {
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.runs.set(id, { message: { id, type: "run", calculator, values }, resolve, reject, timer: null });
      this.send(id);
    });
  }

  send(id) {
    const request = this.runs.get(id);
    if (!request) return; // answered, or rejected with the others, meanwhile
    if (!this.worker) {
      // The worker died after this request was made: a start sends every request in
      // flight once Python is back, or rejects them all if it cannot come back.
      this.start().catch(() => {});
      return;
    }
    request.timer = setTimeout(() => this.restart("it stopped answering"), ANSWER_TIMEOUT_MS);
    this.worker.postMessage(request.message);
  }

  async boot() {
    let worker = null;
    let slow = null;
    try {
      worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
      const id = this.nextId++;
      const started = new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => {
          if (data.id !== id) return;
          if (data.type === "ready") resolve();
          else reject(new Error(data.reason));
        };
        worker.onerror = (event) => reject(new Error(event.message || "the worker could not start"));
        worker.postMessage({ id, type: "boot", runtime: siteUrl("calculators-runtime"),
                             wheel: siteUrl("calculators-wheel"), stdlib: siteUrl("calculators-stdlib"),
                             packed: siteUrls("calculators-packed") });
      });
      started.catch(() => {}); // awaited below
      // Only the status's wording waits for the kept-copy lookup (60 ms on a first visit,
      // measured 2026-12-06): the worker starts meanwhile.
      await this.keptKnown;
      this.report("loading", "");
      slow = setTimeout(() => this.report("slow", ""), SLOW_BOOT_MS);
      await started;
      worker.onmessage = ({ data }) => this.answer(data);
      worker.onerror = () => this.restart("it failed");
      this.worker = worker;
      this.report("ready", "");
      for (const id of this.runs.keys()) this.send(id); // requests that outlived a dead worker
    } catch (error) {
      worker?.terminate(); // a runtime that failed half-way never answers; the next input retries
      this.report("failed", error.message);
      this.rejectAll(error);
      throw error;
    } finally {
      clearTimeout(slow);
    }
  }

  restart(reason) {
    if (!this.worker) return; // already restarting
    this.worker.terminate();
    this.worker = null;
    this.ready = null;
    for (const request of this.runs.values()) clearTimeout(request.timer);
    if (++this.restarts > MAX_RESTARTS) {
      const error = new Error(`Python stopped: ${reason}`);
      this.rejectAll(error);
      this.report("failed", error.message);
      return;
    }
    this.report("restarting", reason);
    this.start().catch(() => {}); // a failed start is reported to the views
  }

  answer(data) {
    const request = this.runs.get(data.id);
    if (!request) return;
    clearTimeout(request.timer);
    this.runs.delete(data.id);
    this.restarts = 0;
    if (data.type === "result") request.resolve(data.answer);
    else request.reject(new Error(data.reason));
  }

  rejectAll(error) {
    for (const request of this.runs.values()) request.reject(error);
    this.runs.clear();
  }

  report(state, reason) {
    this.state = state;
    for (const listener of this.listeners) listener(state, reason);
  }
}

function keptCopy() {
  try {
    return hasSnapshot(siteUrl("calculators-runtime"), siteUrl("calculators-wheel"));
  } catch {
    return Promise.resolve(false); // a page that does not say where Python is: boot reports it
  }
}

// Where the build put the runtime, the wheel and the standard library for this page, as
// absolute URLs.
function siteUrl(metaName) {
  return siteUrls(metaName)[0];
}

function siteUrls(metaName) {
  const meta = document.querySelector(`meta[name="${metaName}"]`);
  if (!meta) throw new Error(`this page does not say where its ${metaName.split("-")[1]} is`);
  return meta.content.split(" ").map((path) => new URL(path, SITE_ROOT).href);
}
