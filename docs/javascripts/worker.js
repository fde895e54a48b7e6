// The Python side of the page, in a Web Worker so it never blocks reading or scrolling.
// Protocol: plain objects, each with the id of the request it belongs to.
//   page -> worker  {id, type: "boot", runtime, wheel, stdlib, packed}   runtime: folder URL;
//                                                      wheel, stdlib: file URLs; packed: the
//                                                      URLs of the files served packed (unpack.js)
//                   {id, type: "run", calculator, values}
//   worker -> page  {id, type: "ready"}                  after boot
//                   {id, type: "result", answer}         after run: what calculators.run() returns
//                   {id, type: "failed", reason}         after either: one line a reader can read

import { describe } from "./shared.js";
import { forgetSnapshots, readSnapshot, saveSnapshot } from "./snapshot.js";
import { servePacked } from "./unpack.js";

let runJson = null; // (calculator, valuesJson) -> answerJson, once Python is up
let afterFirstAnswer = null; // a fresh start's memory snapshot, taken once the reader has an answer

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "boot") {
      servePacked(data.packed); // before anything is fetched
      await boot(data.runtime, data.wheel, data.stdlib);
      self.postMessage({ id: data.id, type: "ready" });
    } else if (data.type === "run") {
      const answer = JSON.parse(runJson(data.calculator, JSON.stringify(data.values)));
      self.postMessage({ id: data.id, type: "result", answer });
      if (afterFirstAnswer) setTimeout(afterFirstAnswer);
      afterFirstAnswer = null;
    }
  } catch (error) {
    if (data.type === "run") console.error(error); // a bug in a calculator: keep its traceback
    self.postMessage({ id: data.id, type: "failed", reason: describe(error) });
  }
};

async function boot(runtime, wheel, stdlib) {
  if (typeof WebAssembly !== "object") {
    throw new Error("this browser has WebAssembly turned off");
  }
  // The runtime's module loads while Cache Storage is asked for a snapshot.
  const runtimeModule = step(import(runtime + "pyodide.mjs"), "the Python runtime could not be downloaded");
  runtimeModule.catch(() => {}); // reported when awaited below, not as an unhandled rejection
  const snapshot = await readSnapshot(runtime, wheel);
  // Without a snapshot the wheel downloads while the runtime starts; neither waits.
  const wheelBytes = snapshot ? null : step(download(wheel), "the calculators package could not be downloaded");
  wheelBytes?.catch(() => {});
  const { loadPyodide } = await runtimeModule;
  // The build's standard library: the part of Pyodide's a visit imports, precompiled.
  const options = { indexURL: runtime, stdLibURL: stdlib };
  if (snapshot) {
    try {
      const pyodide = await start(loadPyodide, { ...options, _loadSnapshot: snapshot });
      runJson = pyodide.pyimport("calculators").run_json;
      return;
    } catch {
      await forgetSnapshots(); // unusable: start afresh
      return boot(runtime, wheel, stdlib);
    }
  }
  const pyodide = await start(loadPyodide, { ...options, _makeSnapshot: true });
  pyodide.unpackArchive(await wheelBytes, "wheel");
  pyodide.runPython("import calculators");
  // The snapshot must be taken before any Python object is handed to JavaScript, and
  // making it costs tens of milliseconds: so the first answers come through runPython,
  // which hands back only a string (JSON text is a valid Python string literal), and
  // the snapshot is taken once the reader has their first answer.
  runJson = (calculator, valuesJson) =>
    pyodide.runPython(`calculators.run_json(${JSON.stringify(calculator)}, ${JSON.stringify(valuesJson)})`);
  afterFirstAnswer = () => {
    try {
      // The first answer imported its own calculator only (the package imports each on first
      // use): the memory kept for the next visit holds them all, whichever page that is.
      pyodide.runPython("import calculators\nfor _ in calculators.CALCULATORS.values(): pass");
      saveSnapshot(runtime, wheel, pyodide.makeMemorySnapshot()); // not awaited: answers go on
    } catch {
      // No snapshot: the next visit starts normally.
    }
    runJson = pyodide.pyimport("calculators").run_json;
  };
}

function start(loadPyodide, options) {
  return step(Promise.race([loadPyodide(options), wasmFailure()]),
              "the Python runtime could not be downloaded or started");
}

// Pyodide 314 logs "wasm instantiation failed!" when the .wasm cannot be downloaded or
// compiled, and then waits forever: turn that warning into a failure the reader sees.
// The wrapper is installed once; each start points it at its own promise.
let wasmFailed = () => {};
const warn = console.warn;
console.warn = (...args) => {
  warn(...args);
  if (String(args[0]).includes("wasm instantiation failed")) {
    wasmFailed(new Error("its WebAssembly file did not arrive"));
  }
};

function wasmFailure() {
  return new Promise((_, reject) => {
    wasmFailed = reject;
  });
}

async function step(promise, what) {
  try {
    return await promise;
  } catch (error) {
    throw new Error(`${what} (${describe(error)})`);
  }
}

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}
