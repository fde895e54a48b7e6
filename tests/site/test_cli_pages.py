"""The built site matches what the command line and the Python API page promise about it."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Mapping
from html import unescape
from pathlib import Path

import pytest

import calculators
from build_hooks.blocks import HELP_WIDTH
from calculators import CALCULATORS
from calculators.cli import help_text

from .nav import built_path, nav_pages

API_PAGE = "python-api/index.html"
API_PARTS = "python-api/"  # the reference's part pages, each python-api/PART/index.html


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_calculator_sits_on_the_page_its_links_open(built_site: Path, name: str) -> None:
    page = CALCULATORS[name].page
    assert page.endswith("/") and not page.startswith("/"), "a directory URL relative to the root"
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert f'data-calculator="{name}"' in html
    assert f'id="calc-{name}-title"' in html  # the fragment --url adds


def test_the_api_page_links_to_a_wheel_that_is_there(built_site: Path) -> None:
    html = (built_site / API_PAGE).read_text(encoding="utf-8")
    (href,) = set(re.findall(r'href="([^"]+\.whl)"', html))
    assert not href.startswith(("/", "http")), "a relative link, so the site works under a sub-path"
    wheel = built_site / posixpath.normpath(posixpath.join(posixpath.dirname(API_PAGE), href))
    assert wheel.parent == built_site / "download"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "rag-or-finetune = calculators.cli:main" in archive.read(entry_points).decode()
    assert "calculators/cli.py" in names and f"calculators-{calculators.__version__}" in wheel.name


def test_the_api_pages_show_every_public_name_and_every_commands_help(built_site: Path) -> None:
    overview = (built_site / API_PAGE).read_text(encoding="utf-8")
    parts = {page: (built_site / page).read_text(encoding="utf-8")
             for page in map(built_path, nav_pages()) if page.startswith(API_PARTS) and page != API_PAGE}
    assert parts, "the reference is split over part pages under python-api/"
    for name in calculators.__all__:
        anchor = f'id="calculators.{name}"'  # mkdocstrings' anchor for the name
        # The overview keeps every name's anchor, so links made before the split still land.
        assert anchor in overview, name
        # The full entry, under its heading, on exactly one page.
        entries = [page for page, html in [(API_PAGE, overview), *parts.items()]
                   if re.search(rf'<h\d {anchor}', html)]
        assert len(entries) == 1, (name, entries)
        obj = getattr(calculators, name)
        if not isinstance(obj, Mapping):  # the registry: its entry is the comment above it
            text = unescape(re.sub(r"<[^>]+>", "", (built_site / entries[0]).read_text(encoding="utf-8")))
            assert obj.__doc__.strip().splitlines()[0].replace("`", "") in text
    text = unescape(re.sub(r"<[^>]+>", "", overview))
    for name in [None, *CALCULATORS]:
        assert help_text(name, width=HELP_WIDTH) in text


def test_each_name_on_the_api_overview_links_to_its_entry(built_site: Path) -> None:
    overview = (built_site / API_PAGE).read_text(encoding="utf-8")
    for href, name in re.findall(r'<a [^>]*href="([^"]+)"[^>]*id="calculators\.(\w+)"', overview):
        page, _, fragment = href.partition("#")
        assert fragment == f"calculators.{name}" and page, href
        target = built_site / posixpath.normpath(posixpath.join("python-api", page)) / "index.html"
        assert f'id="calculators.{name}"' in target.read_text(encoding="utf-8"), href
