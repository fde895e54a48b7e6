"""A Content-Security-Policy in every page, as the first thing in <head>.

GitHub Pages cannot send headers, so the policy travels in a <meta http-equiv> tag; it
applies to everything after it, hence first. Scripts come from the site's own origin only.
The few inline scripts the theme's templates write (palette, scope, tab restore) are allowed
by their SHA-256 hash, computed per page because their text depends on the page's depth.
An inline script in a page's own content gets no hash: it is blocked in the browser, and
the build warns (so `mkdocs build --strict` fails).
"""

from __future__ import annotations

import base64
import hashlib
import re

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

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Script types the browser executes; others (application/json config) are data, not code.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
# A built page's content, in Material's and Zensical's templates alike.
_CONTENT = re.compile(r'<article class="md-content__inner[^"]*">.*</article>', re.DOTALL)


def content_of(html: str) -> str:
    """The page's own content in a built page (empty when the template has none)."""
    found = _CONTENT.search(html)
    return found.group(0) if found else ""


def with_policy(output: str, content: str = "", allow_inline: bool = False) -> str:
    """`output` with the policy first in its <head>, allowing the inline scripts outside
    its `content` (the theme's); with `allow_inline` (local serving only), any."""
    head = _HEAD.search(output)
    if head is None:
        return output
    theme_html = output.replace(content, "", 1) if content else output
    hashes = sorted({_sha256(body) for body in inline_scripts(theme_html)})
    text = policy([], allow_inline=True) if allow_inline else policy(hashes)
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


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run in `html`."""
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
