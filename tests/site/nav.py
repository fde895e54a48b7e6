"""The pages mkdocs.yml puts in the navigation, read without loading the build hooks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; its `!ENV` and `!relative` tags only matter to a build."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _walk(entries: list[Any]) -> Iterator[str]:
    for entry in entries:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                yield from _walk(value) if isinstance(value, list) else _walk([value])


def nav_pages() -> tuple[str, ...]:
    """Every Markdown file the nav lists, as its path under docs/."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return tuple(_walk(config["nav"]))


def built_path(markdown: str) -> str:
    """Where MkDocs writes a page: `rag.md` -> `rag/index.html`, `index.md` -> `index.html`."""
    stem = markdown.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"
