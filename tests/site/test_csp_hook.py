"""build_hooks/csp.py: the policy it writes, and which inline scripts it lets through."""

from __future__ import annotations

import base64
import hashlib
import logging
from types import SimpleNamespace

from build_hooks import csp

THEME_SCRIPT = "var palette=1"
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>var palette=1</script><script id="__config" type="application/json">{"a": 1}</script>
<script src="assets/bundle.js"></script></head><body>CONTENT</body></html>"""


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def render(content: str) -> str:
    page = SimpleNamespace(content=content, file=SimpleNamespace(src_uri="page.md"))
    return csp.on_post_page(PAGE.replace("CONTENT", content), page=page, config={})


def policy_of(html: str) -> str:
    return html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]


def test_the_policy_comes_first_and_allows_only_the_theme_script():
    html = render("<p>Hello</p>")
    assert html.split("<head>", 1)[1].lstrip().startswith('<meta http-equiv="Content-Security-Policy"')
    script_src = next(d for d in policy_of(html).split("; ") if d.startswith("script-src"))
    assert script_src == f"script-src 'self' 'wasm-unsafe-eval' {sha(THEME_SCRIPT)}"
    assert "unsafe-inline" not in policy_of(html)


def test_a_script_in_page_content_gets_no_hash_and_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.csp"):
        html = render("<p>Hi</p><script>steal()</script>")
    assert sha("steal()") not in policy_of(html)
    assert "inline <script>" in caplog.text


def test_a_template_page_is_hashed_too():
    html = csp.on_post_template(PAGE.replace("CONTENT", ""), template_name="404.html", config={})
    assert sha(THEME_SCRIPT) in policy_of(html)
    assert csp.on_post_template("<urlset/>", template_name="sitemap.xml", config={}) == "<urlset/>"


def test_only_local_serving_allows_inline_scripts_for_live_reload():
    try:
        csp.on_startup(command="serve", dirty=False)
        served = policy_of(render("<p>text</p>"))
        assert "'unsafe-inline'" in served and sha(THEME_SCRIPT) not in served
    finally:
        csp.on_startup(command="build", dirty=False)
    built = policy_of(render("<p>text</p>"))
    assert "'unsafe-inline'" not in built and sha(THEME_SCRIPT) in built
