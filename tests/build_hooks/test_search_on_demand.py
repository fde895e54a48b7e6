"""Each page's config names the site's stand-in for Material's search worker, with Material's
worker after the "#" relative to the stand-in (build_hooks/search.py); pages whose config
names no Material worker are left as they are."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from build_hooks.search import with_search_on_demand

STAND_IN = "javascripts/search-worker.js"
MATERIAL = "assets/javascripts/workers/search.a7633da7.min.js"


def _page(search: object) -> str:
    config = json.dumps({"base": "..", "features": [], "search": search, "version": None})
    return f'<head><script id="__config" type="application/json">{config}</script></head><body>x</body>'


def _search(html: str) -> object:
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    return json.loads(found.group(1))["search"]


@pytest.mark.parametrize(("to_root", "expected"), [
    ("", f"{STAND_IN}#../{MATERIAL}"),
    ("../", f"../{STAND_IN}#../{MATERIAL}"),
    ("../../", f"../../{STAND_IN}#../{MATERIAL}"),
    ("/rag-vs-finetune/", f"/rag-vs-finetune/{STAND_IN}#../{MATERIAL}"),  # 404.html: from the host
])
def test_the_config_names_the_stand_in_at_the_pages_depth(to_root: str, expected: str) -> None:
    html = with_search_on_demand(_page(to_root + MATERIAL), STAND_IN)
    assert _search(html) == expected
    assert html.replace(json.dumps(expected), json.dumps(to_root + MATERIAL)) == _page(to_root + MATERIAL)


def test_materials_worker_is_named_from_wherever_the_stand_in_lives() -> None:
    html = with_search_on_demand(_page("../" + MATERIAL), "assets/site/search/worker.js")
    assert _search(html) == "../assets/site/search/worker.js#../../javascripts/workers/search.a7633da7.min.js"


@pytest.mark.parametrize("search", [
    None,  # no search
    "../assets/search/disco.js",  # another theme's search
    f"../{STAND_IN}#../{MATERIAL}",  # already the stand-in: a second pass changes nothing
    "../somewhere/assets/javascripts/workers/search.js",
])
def test_a_config_without_materials_worker_is_left_alone(search: object) -> None:
    assert with_search_on_demand(_page(search), STAND_IN) == _page(search)


def test_a_page_without_a_config_is_left_alone() -> None:
    assert with_search_on_demand("<p>no theme</p>", STAND_IN) == "<p>no theme</p>"


def test_every_built_page_names_the_stand_in_and_materials_own_worker(built_site: Path) -> None:
    (material,) = built_site.glob("assets/javascripts/workers/search.*.min.js")
    expected_hash = "../" + material.relative_to(built_site).as_posix()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        stand_in, _, material_from_stand_in = _search(page.read_text(encoding="utf-8")).partition("#")
        folder = posixpath.dirname(page.relative_to(built_site).as_posix())
        if stand_in.startswith("/"):  # 404.html names it from the host, under the site's path
            assert stand_in.endswith("/" + STAND_IN), page
        else:
            assert posixpath.normpath(posixpath.join(folder, stand_in)) == STAND_IN, page
        assert material_from_stand_in == expected_hash, page
    assert (built_site / STAND_IN).is_file()
