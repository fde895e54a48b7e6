// Compiles the Python the browser imports to bytecode, with the very Python it runs.
//   node build_hooks/compile_python.mjs WHEEL PYODIDE_DIR OUT_DIR PACKAGE
// writes the wheel and PYODIDE_DIR's standard library, compiled, under their own names in
// OUT_DIR; PACKAGE is the wheel's calculator package (its CALCULATORS and run_json).
//
// Pyodide ships its standard library as source, so every page load compiles each module
// Python's start-up and the calculators import: about half of a cold start's two seconds.
// Bytecode skips that. The calculators wheel becomes sourceless .pyc files. In the
// standard library only the modules actually imported (by Pyodide's start-up, the package
// and a run of each calculator's defaults and presets) become .pyc: the zip grows by
// about 15% instead of 40%, and the rest stays source, compiled if ever imported.
// Each .pyc goes where its .py was, so the import system (and zipimport) loads it
// directly. Compiling in Pyodide itself guarantees the bytecode matches the runtime.
// Modules of the package that no visit imports (the command line) are left out of the
// browser's wheel.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [wheel, pyodideDir, outDir, packageName] = process.argv.slice(2);
// The project's pinned Pyodide, wherever this script is installed.
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const stdlib = path.join(pyodideDir, "python_stdlib.zip");
// Without column ranges: a sourceless traceback cannot show them, and they are 20% of a .pyc.
const pyodide = await loadPyodide({ env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.FS.writeFile("/in.whl", new Uint8Array(await readFile(wheel)));
pyodide.FS.writeFile("/stdlib.zip", new Uint8Array(await readFile(stdlib)));
pyodide.globals.set("PACKAGE", packageName);
pyodide.runPython(`
import importlib, importlib.util, json, marshal, sys, zipfile

def to_pyc(data, filename):
    code = compile(data, filename, "exec", dont_inherit=True)
    # The .pyc header: magic number, flags (0: timestamp-based), mtime 0, size 0; with no
    # source beside it, nothing is compared.
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)

def rewrite(source, target, compile_this, prefix="", keep=lambda name: True):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zin.infolist():
            if not keep(info.filename):
                continue
            data = zin.read(info)
            if info.filename.endswith(".py") and compile_this(info.filename):
                # The source's timestamp, not today's: the same code gives the same bytes.
                compiled = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
                out.writestr(compiled, to_pyc(data, prefix + info.filename), zipfile.ZIP_DEFLATED)
            else:
                out.writestr(info, data)

# What a reader's visits import: the package, then every calculator's defaults and presets.
with zipfile.ZipFile("/in.whl") as zin:
    zin.extractall("/package")
sys.path.insert(0, "/package")
package = importlib.import_module(PACKAGE)
for calc in package.CALCULATORS.values():
    for values in [{}, *(preset.values for preset in calc.presets)]:
        package.run_json(calc.name, json.dumps(dict(values)))
zip_path = next(p for p in sys.path if p.endswith(".zip"))
# Where each module was loaded from (frozen ones are built into the runtime: not from the zip).
origins = [getattr(m.__spec__, "origin", None) or "" for m in list(sys.modules.values()) if m.__spec__]
imported = {origin.removeprefix(zip_path + "/") for origin in origins if origin.startswith(zip_path + "/")}
rewrite("/stdlib.zip", "/stdlib-out.zip", imported.__contains__, prefix=zip_path + "/")

# The package's modules the browser never imports (the command line, the build's page text)
# stay out of its wheel; pip users get every module in the source wheel.
used = {origin.removeprefix("/package/") for origin in origins if origin.startswith("/package/")}
rewrite("/in.whl", "/out.whl", lambda name: True,
        keep=lambda name: not name.endswith(".py") or name in used)
`);
await writeFile(path.join(outDir, path.basename(wheel)), pyodide.FS.readFile("/out.whl"));
await writeFile(path.join(outDir, path.basename(stdlib)), pyodide.FS.readFile("/stdlib-out.zip"));
