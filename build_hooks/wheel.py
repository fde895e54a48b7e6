"""The calculators' Python for the browser, built once per site build.

The wheel is built from source; then Pyodide itself compiles it, and the part of its
standard library a visit imports, to bytecode (compile_python.mjs), so a page does not
wait for Python to compile them, and leaves out every module no visit imports. Both go in one content-hashed folder:
browsers may cache them forever and still get new ones after a deploy (the wheel's
file name itself must stay a valid wheel name for Pyodide); both are served packed
(packing.py). pip users get the portable source wheel at a stable address.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .packing import pack, packed
from .project import DOWNLOAD_DIR, STDLIB_FILE, WHEEL_DIR, Project

COMPILER = Path(__file__).with_name("compile_python.mjs")


@dataclass(frozen=True)
class BrowserPython:
    folder: str    # the content-hashed folder, from the site root
    name: str      # the wheel's file name
    wheel: bytes   # compiled, for the browser
    stdlib: bytes  # the part of Pyodide's standard library a visit imports, compiled
    source: bytes  # the source wheel, for pip

    @property
    def wheel_path(self) -> str:
        return f"{self.folder}/{self.name}"

    @property
    def stdlib_path(self) -> str:
        return f"{self.folder}/{STDLIB_FILE}"

    def write(self, site_dir: Path, cache_dir: Path | None = None) -> None:
        for path, data in ((packed(self.wheel_path), pack(self.wheel, cache_dir)),
                           (packed(self.stdlib_path), pack(self.stdlib, cache_dir)),
                           (f"{DOWNLOAD_DIR}/{self.name}", self.source)):
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def build(project: Project) -> BrowserPython:
    """Build the project's wheel, and compile it and the standard library it uses."""
    with tempfile.TemporaryDirectory() as tmp:
        # --no-isolation: hatchling comes pinned from requirements.txt, no download per build.
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp, str(project.root)],
            check=True, capture_output=True,
        )
        (wheel,) = Path(tmp).glob(f"{project.package}-*-py3-none-any.whl")
        compiled = Path(tmp) / "compiled"
        compiled.mkdir()
        subprocess.run(["node", str(COMPILER), str(wheel), str(project.pyodide_package),
                        str(compiled), project.package],
                       check=True, capture_output=True, cwd=project.root)
        built = {"wheel": (compiled / wheel.name).read_bytes(), "stdlib": (compiled / STDLIB_FILE).read_bytes()}
        source = wheel.read_bytes()
    digest = hashlib.sha256(built["wheel"] + built["stdlib"]).hexdigest()[:16]
    return BrowserPython(folder=f"{WHEEL_DIR}/{digest}", name=wheel.name, source=source, **built)
