// The page's handle on the Python worker: starts it once, on demand, and turns the
// worker's messages into promises. Knows nothing about any calculator.

const SITE_ROOT = new URL("../", import.meta.url); // this file lives in <root>/javascripts/
const MANIFEST = new URL("assets/calculators/manifest.json", SITE_ROOT);

export class Python {
  constructor() {
    this.worker = null;
    this.ready = null; // a promise, once start() has been called
    this.waiting = new Map(); // id -> {resolve, reject}
    this.nextId = 1;
    this.listeners = new Set();
    this.state = "idle";
  }

  onStatus(listener) {
    this.listeners.add(listener);
    listener(this.state, "");
  }

  start() {
    if (!this.ready) this.ready = this.boot();
    return this.ready;
  }

  async run(calculator, values) {
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ type: "run", id, calculator, values });
    });
  }

  async boot() {
    this.report("loading", "");
    try {
      const manifest = await fetchJson(MANIFEST);
      this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
      await new Promise((resolve, reject) => {
        this.worker.onmessage = ({ data }) => this.receive(data, resolve, reject);
        this.worker.onerror = (event) => reject(new Error(event.message || "the worker stopped"));
        this.worker.postMessage({
          type: "boot",
          runtime: new URL(manifest.runtime, SITE_ROOT).href,
          wheel: new URL(manifest.wheel, SITE_ROOT).href,
        });
      });
      this.report("ready", "");
    } catch (error) {
      this.report("failed", error.message);
      throw error;
    }
  }

  receive(data, resolveBoot, rejectBoot) {
    if (data.type === "ready") return resolveBoot();
    if (data.type === "failed") return rejectBoot(new Error(data.reason));
    const waiter = this.waiting.get(data.id);
    if (!waiter) return;
    this.waiting.delete(data.id);
    if (data.type === "result") waiter.resolve(data.answer);
    else waiter.reject(new Error(data.reason));
  }

  report(state, reason) {
    this.state = state;
    for (const listener of this.listeners) listener(state, reason);
  }
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the site's runtime manifest is missing (HTTP ${response.status})`);
  return response.json();
}
