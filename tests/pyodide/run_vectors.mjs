// Runs the shared test vectors in real Pyodide, from the same npm package the site
// serves, with the wheel installed the way the browser's worker installs it.
//   node tests/pyodide/run_vectors.mjs WHEEL VECTORS_DIR
// Prints the checker's JSON: {"passed": n, "failed": {...}, "python": "3.x.y"}.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [wheel, vectors] = process.argv.slice(2);
const pyodide = await loadPyodide();
// A Uint8Array, as the browser passes an ArrayBuffer: Pyodide rejects a Node Buffer.
pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel");

pyodide.FS.mkdirTree("/vectors");
for (const name of await readdir(vectors)) {
  if (name.endsWith(".json") || name === "check.py") {
    pyodide.FS.writeFile(`/vectors/${name}`, await readFile(path.join(vectors, name)));
  }
}
const report = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/vectors")
import check, calculators
report = json.loads(check.run_all(calculators.run))
report["python"] = sys.version.split()[0]
json.dumps(report)
`);
console.log(report);
