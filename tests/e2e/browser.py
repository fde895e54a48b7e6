"""Find a Chromium for the end-to-end tests and the benchmark, installing one if none is found;
and a Firefox for the test that drives the site in it (test_firefox.py).

Order: $CHROMIUM_PATH; a system Chromium (Debian's `chromium` package works with
Playwright); Playwright's own build. When none is present: on Debian as root, install
Debian's package with apt (Playwright cannot download browsers on every network);
elsewhere, `playwright install chromium`. Firefox: $FIREFOX_PATH, else a system Firefox;
on Debian as root, Debian's `firefox-esr` is installed when none is found.

    python tests/e2e/browser.py --ensure           # print the path, installing if needed
    python tests/e2e/browser.py --ensure-firefox   # the same for Firefox
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FIREFOX_NAMES = ("firefox-esr", "firefox")
# Flags for a root user on a machine with a closed network: no sandbox, no phoning home.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """The executable to launch, or None for Playwright's bundled build (if installed)."""
    return _installed("CHROMIUM_PATH", SYSTEM_NAMES)


def firefox_path() -> str | None:
    """A Firefox to drive over WebDriver BiDi (puppeteer-core), or None."""
    return _installed("FIREFOX_PATH", FIREFOX_NAMES)


def _installed(variable: str, names: tuple[str, ...]) -> str | None:
    """The path in the environment variable, else the first of `names` on PATH that runs here."""
    if os.environ.get(variable):
        return os.environ[variable]
    for name in names:
        found = shutil.which(name)
        if found and not _is_snap_stub(found):
            return found
    return None


def ensure_firefox() -> str | None:
    """A usable Firefox's path, installing Debian's when there is none and we may."""
    if not firefox_path() and _is_debian() and os.geteuid() == 0:
        _apt_install("firefox-esr")
    return firefox_path()


def playwright_has_chromium() -> bool:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        return Path(p.chromium.executable_path).exists()


def ensure() -> str:
    """A usable Chromium's path ("" meaning Playwright's own), installing one if needed."""
    path = chromium_path()
    if path:
        return path
    if playwright_has_chromium():
        return ""
    if _is_debian() and os.geteuid() == 0:
        _apt_install("chromium", "fonts-noto-core")
        return chromium_path() or ""
    command = [sys.executable, "-m", "playwright", "install", "chromium"]
    if os.environ.get("GITHUB_ACTIONS"):
        command.insert(-1, "--with-deps")
    subprocess.run(command, check=True)
    return ""


def _apt_install(*packages: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)


def _is_debian() -> bool:
    try:
        release = Path("/etc/os-release").read_text()
    except OSError:
        return False
    return "ID=debian" in release


def _is_snap_stub(path: str) -> bool:
    # Ubuntu's chromium package is a wrapper that asks for snap; it cannot run headless here.
    head = Path(path).read_bytes()[:4096]
    return Path(path).resolve().as_posix().startswith("/snap/") or (
        head.startswith(b"#!") and b"snap" in head)


if __name__ == "__main__":
    if "--ensure" in sys.argv:
        print(ensure() or "playwright's bundled chromium")
    if "--ensure-firefox" in sys.argv:
        print(ensure_firefox() or "no Firefox here: tests/e2e/test_firefox.py will skip")
    else:
        print(chromium_path() or "playwright's bundled chromium")
