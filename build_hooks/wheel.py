"""Build the calculators wheel and put it in the site under a content-hashed folder.

The hash in the path lets browsers cache the wheel forever and still pick up a new one
after a deploy; the file name itself must stay a valid wheel name for Pyodide.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL_DIR = "assets/calculators"


def on_post_build(config, **kwargs) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # --no-isolation: hatchling comes pinned from requirements.txt, no download per build.
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp, str(ROOT)],
            check=True, capture_output=True,
        )
        (wheel,) = Path(tmp).glob("calculators-*-py3-none-any.whl")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:16]
        target = Path(config["site_dir"]) / WHEEL_DIR / digest / wheel.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(wheel.read_bytes())
        # The same wheel at a stable address, for readers who pip install it (docs/python-api.md).
        download = Path(config["site_dir"]) / "download" / wheel.name
        download.parent.mkdir(parents=True, exist_ok=True)
        download.write_bytes(wheel.read_bytes())
