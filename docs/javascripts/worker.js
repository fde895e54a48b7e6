// The Python side of the page, in a Web Worker so it never blocks reading or scrolling.
// Protocol (plain objects):
//   page -> worker  {type: "boot", runtime, wheel}        runtime: folder URL, wheel: file URL
//                   {type: "run", id, calculator, values}
//   worker -> page  {type: "ready"} | {type: "failed", reason}
//                   {type: "result", id, answer} | {type: "error", id, reason}

let runJson = null;

self.onmessage = async ({ data }) => {
  if (data.type === "boot") {
    try {
      await boot(data.runtime, data.wheel);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", reason: describe(error) });
    }
    return;
  }
  if (data.type === "run") {
    try {
      const answer = JSON.parse(runJson(data.calculator, JSON.stringify(data.values)));
      self.postMessage({ type: "result", id: data.id, answer });
    } catch (error) {
      console.error(error);
      self.postMessage({ type: "error", id: data.id, reason: describe(error) });
    }
  }
};

async function boot(runtime, wheel) {
  if (typeof WebAssembly !== "object") {
    throw new Error("this browser has WebAssembly turned off");
  }
  // The wheel downloads while the runtime starts; neither waits for the other.
  const wheelBytes = download(wheel);
  const { loadPyodide } = await import(runtime + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: runtime });
  pyodide.unpackArchive(await wheelBytes, "wheel");
  runJson = pyodide.pyimport("calculators").run_json;
}

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the calculators package could not be downloaded (HTTP ${response.status})`);
  }
  return response.arrayBuffer();
}

function describe(error) {
  const text = String(error && error.message ? error.message : error);
  return text.split("\n")[0].slice(0, 200);
}
