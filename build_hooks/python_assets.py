"""MkDocs hook: put Python in the site, and tell each calculator page where it is.

Guide pages never learn where Python is, so they cannot fetch it. A calculator page names
the exact runtime, wheel and standard library it was built with, so a page and a wheel
from different deploys never meet.
"""

from __future__ import annotations

from pathlib import Path

from build_hooks import runtime, wheel
from build_hooks.layout import (PREFETCH_META, RUNTIME_FILES, RUNTIME_META, STDLIB_META, WHEEL_META,
                                has_calculator, runtime_folder)

_built: dict[str, wheel.BrowserPython] = {}  # this build's Python


def on_pre_build(config, **kwargs) -> None:
    runtime.check_installed()  # before the slow wheel build: a stale node_modules fails fast
    _built["python"] = wheel.build()


def on_post_page(output: str, page, config, **kwargs) -> str:
    if not has_calculator(output):
        return output
    return output.replace("</head>", head_tags(_built["python"]) + "</head>", 1)


def on_post_build(config, **kwargs) -> None:
    site_dir = Path(config["site_dir"])
    runtime.stage(site_dir)
    _built["python"].write(site_dir)


def head_tags(python: wheel.BrowserPython) -> str:
    """The tags a calculator page's <head> gets (paths from the site root)."""
    # Not the wheel: it downloads while the runtime starts, and a repeat visit's memory
    # snapshot already holds it.
    files = " ".join([runtime_folder() + name for name in RUNTIME_FILES] + [python.stdlib_path])
    return (f'<meta name="{RUNTIME_META}" content="{runtime_folder()}">'
            f'<meta name="{WHEEL_META}" content="{python.wheel_path}">'
            f'<meta name="{STDLIB_META}" content="{python.stdlib_path}">'
            f'<meta name="{PREFETCH_META}" content="{files}">')
