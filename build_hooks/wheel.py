"""Build the calculators wheel, tell each calculator page where it is, and ship it.

The browser's copy is compiled to bytecode by Pyodide itself (compile_wheel.mjs), so
the first result does not wait for Python to compile the package. It goes under a
content-hashed folder: browsers may cache it forever and still
get a new one after a deploy (the file name itself must stay a valid wheel name for
Pyodide). Each page with a calculator names the exact wheel it was built with, so a
page and a wheel from different deploys never meet.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL_DIR = "assets/calculators"
_wheel: dict[str, object] = {}  # this build's wheel: its bytes and its path in the site


def on_pre_build(config, **kwargs) -> None:
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
    # The browser gets the bytecode wheel; pip users get the portable source wheel.
    _wheel.update(data=data, source=source, path=f"{WHEEL_DIR}/{digest}/{wheel.name}")


def on_post_page(output: str, page, config, **kwargs) -> str:
    if "data-calculator=" not in output:
        return output  # guide pages never learn where Python is
    meta = f'<meta name="calculators-wheel" content="{_wheel["path"]}">'
    return output.replace("</head>", meta + "</head>", 1)


def on_post_build(config, **kwargs) -> None:
    target = Path(config["site_dir"]) / str(_wheel["path"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_wheel["data"])
    # The same wheel at a stable address, for readers who pip install it (docs/python-api.md).
    download = Path(config["site_dir"]) / "download" / target.name
    download.parent.mkdir(parents=True, exist_ok=True)
    download.write_bytes(_wheel["source"])
