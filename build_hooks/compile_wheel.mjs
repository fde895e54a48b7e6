// Compiles the calculators wheel to bytecode with the very Python the browser runs.
//   node build_hooks/compile_wheel.mjs IN.whl OUT.whl
// Pyodide compiles .py files on every page load, which costs a few hundred milliseconds
// before the first result; a wheel of sourceless .pyc files (placed where the .py files
// were, so the import system loads them directly) skips that. Compiling here, in Pyodide
// itself, guarantees the bytecode matches the runtime's Python version.
import { readFile, writeFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [source, target] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.FS.writeFile("/in.whl", new Uint8Array(await readFile(source)));
pyodide.runPython(`
import importlib.util, marshal, zipfile

with zipfile.ZipFile("/in.whl") as wheel, zipfile.ZipFile("/out.whl", "w", zipfile.ZIP_DEFLATED) as out:
    for info in wheel.infolist():
        data = wheel.read(info)
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True)
            # The .pyc header: magic number, flags (0: timestamp-based), mtime 0, size 0.
            header = importlib.util.MAGIC_NUMBER + bytes(12)
            # The source's timestamp, not today's: the same code gives the same wheel and hash.
            compiled = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
            out.writestr(compiled, header + marshal.dumps(code), zipfile.ZIP_DEFLATED)
        else:
            out.writestr(info, data)
`);
await writeFile(target, pyodide.FS.readFile("/out.whl"));
