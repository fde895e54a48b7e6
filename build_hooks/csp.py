"""Put a Content-Security-Policy in every page, as the first thing in <head>.

GitHub Pages cannot send headers, so the policy travels in a <meta http-equiv> tag; it
applies to everything after it, hence first. Scripts come from the site's own origin only.
The few inline scripts Material's templates write (palette, scope, tab restore) are allowed
by their SHA-256 hash, computed here per page because their text depends on the page's
depth. An inline script in a page's own Markdown content gets no hash: it is blocked in the
browser, and the build warns (so `mkdocs build --strict` fails).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re

log = logging.getLogger("mkdocs.hooks.csp")

# Fixed parts of the policy. Meta-delivered CSP ignores frame-ancestors and reporting,
# so they are left out. Material sets no style attributes and no <style> in its pages
# (checked by tests/e2e/test_policy.py), so styles need no 'unsafe-inline' either.
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# `mkdocs serve` injects its live-reload script inline after every hook has run, so its
# hash cannot be known here: while serving locally (only then) inline scripts are allowed.
_serving = {"on": False}

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Script types the browser executes; others (application/json config) are data, not code.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


def on_startup(command: str, dirty: bool, **kwargs) -> None:
    _serving["on"] = command == "serve"


def on_post_page(output: str, page, config, **kwargs) -> str:
    content = page.content or ""
    if _inline_scripts(content):
        log.warning("%s has an inline <script> in its content; the page's policy blocks it.",
                    page.file.src_uri)
    # Only the theme's own inline scripts are hashed: the page's content is left out.
    return with_policy(output, output.replace(content, "", 1) if content else output)


def on_post_template(output_content: str, template_name: str, config, **kwargs) -> str:
    # Pages rendered from a template alone (404.html) are all theme: hash all of it.
    if not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, output_content)


def with_policy(output: str, theme_html: str) -> str:
    """`output` with the policy first in its <head>, allowing `theme_html`'s inline scripts."""
    head = _HEAD.search(output)
    if head is None:
        return output
    hashes = sorted({_sha256(body) for body in _inline_scripts(theme_html)})
    text = policy([], allow_inline=True) if _serving["on"] else policy(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    return output[: head.end()] + "\n    " + meta + output[head.end():]


def policy(script_hashes: list[str], allow_inline: bool = False) -> str:
    """The policy text, with `script_hashes` ('sha256-…') added to script-src; with
    `allow_inline` (local serving only) any inline script instead."""
    parts = []
    for directive, sources in POLICY:
        if directive == "script-src":
            extra = ["'unsafe-inline'"] if allow_inline else [f"'{h}'" for h in script_hashes]
            sources = " ".join([sources, *extra])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def _inline_scripts(html: str) -> list[str]:
    bodies = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.groups()
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _EXECUTABLE):
            continue
        bodies.append(body)
    return bodies


def _sha256(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
