"""The calculators wheel: built once per site build, in two flavours.

The browser's copy is compiled to bytecode by Pyodide itself (compile_wheel.mjs), so the
first result does not wait for Python to compile the package. It goes under a
content-hashed folder: browsers may cache it forever and still get a new one after a
deploy (the file name itself must stay a valid wheel name for Pyodide). pip users get
the portable source wheel at a stable address.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .layout import DOWNLOAD_DIR, ROOT, WHEEL_DIR


@dataclass(frozen=True)
class Wheel:
    compiled: bytes  # for the browser
    source: bytes    # for pip
    path: str        # the compiled wheel's place in the site

    def write(self, site_dir: Path) -> None:
        for path, data in ((self.path, self.compiled), (f"{DOWNLOAD_DIR}/{Path(self.path).name}", self.source)):
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def build() -> Wheel:
    with tempfile.TemporaryDirectory() as tmp:
        # --no-isolation: hatchling comes pinned from requirements.txt, no download per build.
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp, str(ROOT)],
            check=True, capture_output=True,
        )
        (wheel,) = Path(tmp).glob("calculators-*-py3-none-any.whl")
        compiled = Path(tmp) / "compiled" / wheel.name
        compiled.parent.mkdir()
        subprocess.run(["node", str(ROOT / "build_hooks/compile_wheel.mjs"), str(wheel), str(compiled)],
                       check=True, capture_output=True, cwd=ROOT)
        source, data = wheel.read_bytes(), compiled.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    return Wheel(compiled=data, source=source, path=f"{WHEEL_DIR}/{digest}/{wheel.name}")
