// Runs the shared test vectors in real Pyodide, from the same npm package the site
// serves, with the wheel and standard library the site ships, installed the way the
// browser's worker installs them, through the call the worker makes: run_json, JSON text
// in and out.
//   node tests/pyodide/run_vectors.mjs WHEEL STDLIB VECTORS_DIR SOURCE_WHEEL
// Prints the checker's JSON: {"passed": n, "failed": {...}, "python": "3.x.y",
// "compiled": [...], "from_source": [...], "dataclass_methods": {...}, "imports": n,
// "unresolved": [...]}: the standard library modules the calculators imported, as bytecode
// and as source; how many dataclass method texts came precompiled and how many were
// compiled; and how many import statements the browser's modules hold (read from
// SOURCE_WHEEL, the same code as source), with each one that fails on the shipped files.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [wheel, stdlib, vectors, sourceWheel] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdLibURL: stdlib });
// A Uint8Array, as the browser passes an ArrayBuffer: Pyodide rejects a Node Buffer.
pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel");

pyodide.FS.mkdirTree("/vectors");
for (const name of await readdir(vectors)) {
  if (name.endsWith(".json") || name === "check.py") {
    pyodide.FS.writeFile(`/vectors/${name}`, await readFile(path.join(vectors, name)));
  }
}
pyodide.FS.writeFile("/source.whl", new Uint8Array(await readFile(sourceWheel)));
pyodide.FS.writeFile("/browser.whl", new Uint8Array(await readFile(wheel)));
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
report["dataclass_methods"] = dict(sys.modules["calculators._precompiled"].used)

# Every import statement in every module the browser gets, function-level ones included:
# the build ships only the standard library a visit imports, so a code path the visits
# never took must still find its modules.
import ast, importlib, zipfile
with zipfile.ZipFile("/browser.whl") as browser, zipfile.ZipFile("/source.whl") as source:
    shipped = [name.removesuffix("c") for name in browser.namelist() if name.endswith(".pyc")]
    sources = {name: source.read(name) for name in shipped}
statements, unresolved = 0, []
for name, text in sources.items():
    module = name.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
    package = module if name.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            wanted = [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            wanted = [(base, alias.name) for alias in node.names]
        else:
            continue
        statements += 1
        for target, attribute in wanted:
            try:
                found = importlib.import_module(target)
                if attribute and not hasattr(found, attribute):
                    importlib.import_module(f"{target}.{attribute}")
            except ImportError as error:
                unresolved.append(f"{name}:{node.lineno}: {error}")
report["imports"], report["unresolved"] = statements, unresolved
json.dumps(report)
`);
console.log(report);
