"""build_hooks/csp.py and the plugin's use of it: the policy, and which inline scripts it
lets through."""

from __future__ import annotations

import base64
import hashlib
import logging
from types import SimpleNamespace

from build_hooks import csp
from build_hooks.plugin import CalculatorsPlugin

THEME_SCRIPT = "var palette=1"
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>var palette=1</script><script id="__config" type="application/json">{"a": 1}</script>
<script src="assets/bundle.js"></script></head><body>
<article class="md-content__inner md-typeset">CONTENT</article></body></html>"""


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def plugin(command: str = "build") -> CalculatorsPlugin:
    built = CalculatorsPlugin()
    built.load_config({})
    built.on_startup(command=command, dirty=False)
    return built


def render(content: str, command: str = "build") -> str:
    page = SimpleNamespace(content=content, file=SimpleNamespace(src_uri="page.md"))
    return plugin(command)._place_policy(PAGE.replace("CONTENT", content), page=page, config={})


def policy_of(html: str) -> str:
    return html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]


def test_the_policy_comes_first_and_allows_only_the_theme_script():
    html = render("<p>Hello</p>")
    assert html.split("<head>", 1)[1].lstrip().startswith('<meta http-equiv="Content-Security-Policy"')
    script_src = next(d for d in policy_of(html).split("; ") if d.startswith("script-src"))
    assert script_src == f"script-src 'self' 'wasm-unsafe-eval' {sha(THEME_SCRIPT)}"
    assert "unsafe-inline" not in policy_of(html)


def test_a_script_in_page_content_gets_no_hash_and_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.calculators"):
        html = render("<p>Hi</p><script>steal()</script>")
    assert sha("steal()") not in policy_of(html)
    assert "inline <script>" in caplog.text


def test_a_built_page_s_content_is_found_without_the_generator():
    # What `python -m build_hooks` relies on for another generator's pages.
    html = PAGE.replace("CONTENT", "<p>Hi</p><script>steal()</script>")
    content = csp.content_of(html)
    assert csp.inline_scripts(content) == ["steal()"]
    assert policy_of(csp.with_policy(html, content)) == policy_of(render("<p>Hi</p><script>steal()</script>"))


def test_a_template_page_is_hashed_too():
    built = plugin()
    html = built.on_post_template(PAGE.replace("CONTENT", ""), template_name="404.html", config={})
    assert sha(THEME_SCRIPT) in policy_of(html)
    assert built.on_post_template("<urlset/>", template_name="sitemap.xml", config={}) == "<urlset/>"


def test_only_local_serving_allows_inline_scripts_for_live_reload():
    served = policy_of(render("<p>text</p>", command="serve"))
    assert "'unsafe-inline'" in served and sha(THEME_SCRIPT) not in served
    built = policy_of(render("<p>text</p>"))
    assert "'unsafe-inline'" not in built and sha(THEME_SCRIPT) in built
