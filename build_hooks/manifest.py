"""Write the manifest the browser reads to find the staged runtime and wheel.

It runs after the wheel and runtime hooks and describes what they left in the site,
with paths relative to the site root so the site works under any sub-path.
"""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST = "assets/calculators/manifest.json"


def on_post_build(config, **kwargs) -> None:
    site = Path(config["site_dir"])
    (wheel,) = site.glob("assets/calculators/*/calculators-*.whl")
    (runtime,) = site.glob("assets/pyodide/*/pyodide.mjs")
    manifest = {
        "runtime": runtime.parent.relative_to(site).as_posix() + "/",
        "wheel": wheel.relative_to(site).as_posix(),
    }
    (site / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
