// Runs the shared test vectors in real Pyodide, from the same npm package the site
// serves, with the wheel and standard library the site ships, installed the way the
// browser's worker installs them, through the call the worker makes: run_json, JSON text
// in and out.
//   node tests/pyodide/run_vectors.mjs WHEEL STDLIB VECTORS_DIR
// Prints the checker's JSON: {"passed": n, "failed": {...}, "python": "3.x.y",
// "compiled": [...], "from_source": [...]}: the standard library modules the calculators
// imported, as bytecode and as source.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [wheel, stdlib, vectors] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdLibURL: stdlib });
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
import calculators
stdlib = next(p for p in sys.path if p.endswith(".zip")) + "/"
# Where each module was loaded from (frozen modules, built into the runtime, are not files).
origins = [getattr(m.__spec__, "origin", None) or "" for m in list(sys.modules.values()) if m.__spec__]
files = [origin for origin in origins if origin.startswith(stdlib)]
sys.path.insert(0, "/vectors")
import check
report = json.loads(check.run_all(lambda name, inputs: json.loads(calculators.run_json(name, json.dumps(inputs)))))
report["compiled"] = sorted(f for f in files if f.endswith(".pyc"))
report["from_source"] = sorted(f for f in files if not f.endswith(".pyc"))
report["python"] = sys.version.split()[0]
json.dumps(report)
`);
console.log(report);
