"""What the plugin's tests share: a throwaway copy of the project to build in."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a copy of the project needs to build; node_modules is linked, not copied.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv*", "node_modules", "site", ".make", ".hypothesis", ".cache",
                                    "__pycache__", ".pytest_cache", "tests", "*.egg-info", "dist", "build")


def copy_of_project(parent: Path) -> Path:
    """A copy of the project under `parent`, sharing this one's node_modules."""
    copy = parent / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy
