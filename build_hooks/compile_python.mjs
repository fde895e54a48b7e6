// Compiles the Python the browser imports to bytecode, with the very Python it runs, and
// leaves out the Python it never imports.
//   node build_hooks/compile_python.mjs WHEEL PYODIDE_DIR OUT_DIR PACKAGE
// writes the wheel and PYODIDE_DIR's standard library, trimmed and compiled, under their
// own names in OUT_DIR; PACKAGE is the wheel's calculator package (its CALCULATORS and
// run_json).
//
// What a visit imports is found by making one, as the worker does (worker.js): Pyodide
// starts, the wheel is unpacked, the package is imported and every calculator runs its
// defaults and presets. Every module that any import statement in the imported part of
// the package names is imported too, function-level imports included, so a code path
// the defaults never take cannot meet a missing module (tests/pyodide proves it on the
// shipped files).
//
// The standard library keeps only those modules (Pyodide's start-up imports most of them),
// as bytecode without docstrings: Pyodide ships it as source (2.5 MB, 559 modules), and
// compiling what start-up imports is half of a cold start.
// The package's modules no visit imports (the command line, the build's page text) stay
// out of the browser's wheel; pip users get every module in the source wheel. The
// browser's wheel adds the package's dataclass methods, compiled (its _precompiled.py).
// Compiling in Pyodide itself guarantees the bytecode matches the runtime.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [wheel, pyodideDir, outDir, packageName] = process.argv.slice(2);
// The project's pinned Pyodide, wherever this script is installed.
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const stdlib = path.join(pyodideDir, "python_stdlib.zip");
// Started as the worker starts it (a fresh start that may be snapshotted), and without
// column ranges: a sourceless traceback cannot show them, and they are 20% of a .pyc.
const pyodide = await loadPyodide({ env: { PYTHONNODEBUGRANGES: "1" }, _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel"); // as worker.js does
pyodide.runPython(`
import ast, importlib, json, sys

def visit(package_name):
    package = importlib.import_module(package_name)
    for calc in package.CALCULATORS.values():
        for values in [{}, *(preset.values for preset in calc.presets)]:
            package.run_json(calc.name, json.dumps(dict(values)))
    seen = set()
    while todo := [m for m in list(sys.modules.values()) if _in_package(m, package_name) and m not in seen]:
        for module in todo:
            seen.add(module)
            for name in imported_names(module):
                importlib.import_module(name)

def _in_package(module, package_name):
    return module.__name__ == package_name or module.__name__.startswith(package_name + ".")

def imported_names(module):
    """Every module an import statement anywhere in module's source names."""
    tree = ast.parse(open(module.__file__, encoding="utf-8").read())
    package = module.__name__ if module.__file__.endswith("__init__.py") else module.__package__
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node.module, node.level, package)
            if base == "__future__":
                continue
            yield base
            parent = importlib.import_module(base)
            # "from package import module" names a module, not an attribute.
            yield from (f"{base}.{a.name}" for a in node.names if not hasattr(parent, a.name))

def absolute(name, level, package):
    """The module that "from {'.' * level}{name} import ..." in package names."""
    if not level:
        return name
    parent = package.rsplit(".", level - 1)[0]
    return f"{parent}.{name}" if name else parent

# Every dataclass method text the package's import makes, compiled as dataclasses would
# (exec compiles with "<string>" and no inherited future flags): the browser's wheel ships
# them compiled (the package's _precompiled.py).
import builtins, dataclasses
dataclass_methods = {}

def _compiling_exec(text, globals, locals):
    dataclass_methods[text] = compile(text, "<string>", "exec", dont_inherit=True)
    builtins.exec(dataclass_methods[text], globals, locals)

dataclasses.exec = _compiling_exec
visit(${JSON.stringify(packageName)})
del dataclasses.exec

# Where each module was loaded from (frozen ones are built into the runtime: not files),
# before the compiling below imports anything of its own.
_package = sys.modules[${JSON.stringify(packageName)}]
_site_packages = _package.__file__.removesuffix(_package.__name__ + "/__init__.py")
_zip = next(p for p in sys.path if p.endswith(".zip")) + "/"
_origins = {getattr(m.__spec__, "origin", None) or "" for m in list(sys.modules.values()) if m.__spec__}
from_stdlib = {o.removeprefix(_zip) for o in _origins if o.startswith(_zip)}
from_package = {o.removeprefix(_site_packages) for o in _origins if o.startswith(_site_packages)}
`);
pyodide.FS.writeFile("/stdlib.zip", new Uint8Array(await readFile(stdlib)));
pyodide.FS.writeFile("/in.whl", new Uint8Array(await readFile(wheel)));
pyodide.runPython(`
import ast, importlib.util, marshal, zipfile

class WithoutDocstrings(ast.NodeTransformer):
    """Drops docstrings, as python -OO does, but keeps asserts: a reader's Python never
    shows them, and they are a sixth of the standard library's bytecode."""

    def _drop_docstring(self, node):
        self.generic_visit(node)
        first = node.body[0] if node.body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
            node.body = node.body[1:] or [ast.Pass()]
        return node

    visit_Module = visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _drop_docstring

# Pyodide's own modules read their docstrings (_pyodide/docstring.py): they keep them.
def standard_library_docstrings_dropped(name):
    return not name.startswith(("_pyodide/", "pyodide/"))

def to_pyc(data, filename, without_docstrings):
    tree = ast.parse(data, filename)
    if without_docstrings:
        tree = ast.fix_missing_locations(WithoutDocstrings().visit(tree))
    code = compile(tree, filename, "exec", dont_inherit=True)
    # The .pyc header: magic number, flags (0: timestamp-based), mtime 0, size 0; with no
    # source beside it, nothing is compared.
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)

def rewrite(source, target, keep, prefix, other_files, drop_docstrings=lambda name: False):
    """Copy the zip source to target with the modules in keep as bytecode and the other
    modules left out; files that are not modules stay if other_files. Stored, not deflated:
    the site sends it zstd-compressed whole (build_hooks/packing.py), which packs smaller
    across files than deflate does file by file, and zipimport then reads without inflating."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in zin.infolist():
            if info.filename in keep:
                # The source's timestamp, not today's: the same code gives the same bytes.
                compiled = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
                out.writestr(compiled, to_pyc(zin.read(info), prefix + info.filename, drop_docstrings(info.filename)))
            elif other_files and not info.filename.endswith(".py"):
                out.writestr(info, zin.read(info), zipfile.ZIP_STORED)

# The standard library's other files are folders, READMEs and type-checker settings.
rewrite("/stdlib.zip", "/stdlib-out.zip", from_stdlib, _zip, other_files=False,
        drop_docstrings=standard_library_docstrings_dropped)
rewrite("/in.whl", "/out.whl", from_package, "", other_files=True)  # with its metadata
_precompiled = importlib.import_module(${JSON.stringify(packageName)} + "._precompiled")
with zipfile.ZipFile("/out.whl", "a", zipfile.ZIP_STORED) as out:
    out.writestr(zipfile.ZipInfo(f"{_package.__name__}/{_precompiled.METHODS_FILE}", date_time=(1980, 1, 1, 0, 0, 0)),
                 _precompiled.dump(dataclass_methods))
`);
await writeFile(path.join(outDir, path.basename(wheel)), pyodide.FS.readFile("/out.whl"));
await writeFile(path.join(outDir, path.basename(stdlib)), pyodide.FS.readFile("/stdlib-out.zip"));
