"""What the plugin leaves in the site: where Python is, the one stylesheet, and the
offline copy's file list. Read from the site `built_site` builds with --strict."""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path

import mkdocs.config

from build_hooks.project import (
    DOWNLOAD_META,
    PREFETCH_META,
    RUNTIME_FILES,
    RUNTIME_META,
    STDLIB_FILE,
    STDLIB_META,
    WHEEL_META,
    Project,
)

from .conftest import first_visit_files, served_bytes

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Project(ROOT)


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("index.html")}


def _meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta name="{name}" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_calculator_pages_name_python_and_guide_pages_do_not(built_site: Path) -> None:
    pages = _pages(built_site)
    with_calculator = [p for p, html in pages.items() if "data-calculator=" in html]
    assert len(with_calculator) >= 4
    for path, html in pages.items():
        names = [_meta(html, n) for n in (RUNTIME_META, WHEEL_META, STDLIB_META, PREFETCH_META)]
        scripts = re.findall(r'<script type="module" src="([^"]*)"></script>', html)
        if path not in with_calculator:
            assert names == [None, None, None, None], path
            assert not [s for s in scripts if s.endswith("calculator.js")], path
            continue
        root = "../" * path.count("/")
        assert f"{root}javascripts/calculator.js" in scripts, path
        runtime, wheel, stdlib, prefetch = names
        assert runtime == PROJECT.runtime_folder()
        assert (built_site / wheel).is_file() and wheel.endswith("-py3-none-any.whl")
        assert stdlib == posixpath.join(posixpath.dirname(wheel), STDLIB_FILE)  # one hashed folder
        listed = prefetch.split(" ")
        assert listed == [runtime + name for name in RUNTIME_FILES] + [stdlib]
        assert all((built_site / file).is_file() for file in listed), path


def test_every_page_gets_the_sites_css_as_one_file_in_source_order(built_site: Path) -> None:
    config = mkdocs.config.load_config(str(ROOT / "mkdocs.yml"))
    sources = [css for css in config["extra_css"] if (ROOT / "docs" / css).is_file()]
    assert len(sources) > 1, "the sources stay one file per concern"
    for path, html in _pages(built_site).items():
        own = re.findall(r'<link rel="stylesheet" href="([^"]*stylesheets/site\.[0-9a-f]+\.css)">', html)
        assert len(own) == 1, path
        assert not any(f'{css}"' in html for css in sources), path
    (bundle,) = built_site.glob("stylesheets/site.*.css")
    text = bundle.read_text(encoding="utf-8")
    starts = [text.index((ROOT / "docs" / css).read_text(encoding="utf-8")) for css in sources]
    assert starts == sorted(starts)
    assert sorted(p.name for p in (built_site / "stylesheets").iterdir()) == [bundle.name]


def test_the_offline_copy_holds_every_page_and_nothing_readers_never_ask_for(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"const \{ shell: SHELL, runtime: RUNTIME \} = (\{.*?\});", worker, re.S).group(1))
    pages = {p.removesuffix("index.html") or "./" for p in _pages(built_site)}
    assert pages <= set(files["shell"])
    assert not [f for f in files["shell"] if f.startswith(("assets/javascripts/lunr/", "download/", "diagrams/"))]
    assert sorted(files["runtime"]) == sorted(
        [PROJECT.runtime_folder() + name for name in RUNTIME_FILES]
        + [p.relative_to(built_site).as_posix() for p in built_site.glob("assets/calculators/*/*")])


def test_the_shipped_standard_library_is_the_part_of_pyodides_a_visit_imports_compiled(built_site: Path) -> None:
    (shipped,) = built_site.glob(f"assets/calculators/*/{STDLIB_FILE}")
    with zipfile.ZipFile(PROJECT.pyodide_package / STDLIB_FILE) as stock, zipfile.ZipFile(shipped) as ours:
        stock_modules = {name for name in stock.namelist() if name.endswith(".py")}
        our_names = ours.namelist()
        # Nothing but bytecode of the package's own modules (that it loads, and that every
        # import resolves: tests/pyodide).
        assert all(name.endswith(".pyc") for name in our_names)
        assert {name.removesuffix("c") for name in our_names} <= stock_modules
        # Start-up's and the calculators' modules, and only a part of the whole.
        assert {"json/__init__.pyc", "dataclasses.pyc", "enum.pyc", "datetime.pyc", "asyncio/__init__.pyc",
                "urllib/parse.pyc"} <= set(our_names)
        assert not {"email/__init__.pyc", "unittest/__init__.pyc", "tkinter/__init__.pyc"} & set(our_names)
        assert len(our_names) < len(stock_modules) / 3
    assert shipped.stat().st_size < (PROJECT.pyodide_package / STDLIB_FILE).stat().st_size / 2


def test_the_browsers_wheel_leaves_out_what_no_visit_imports(built_site: Path) -> None:
    (wheel,) = built_site.glob("assets/calculators/*/calculators-*-py3-none-any.whl")
    browser = {name.removesuffix("c") for name in zipfile.ZipFile(wheel).namelist()}
    (download,) = built_site.glob("download/calculators-*-py3-none-any.whl")
    source = set(zipfile.ZipFile(download).namelist())
    # The command line and the build's page text are for pip users and the build alone.
    assert source - browser == {"calculators/__main__.py", "calculators/cli.py",
                                "calculators/terminal.py", "calculators/advisor/page.py",
                                "calculators/vendors/pages/__init__.py",
                                "calculators/vendors/pages/facts.py",
                                "calculators/vendors/pages/routes.py",
                                "calculators/vendors/pages/text.py"}
    assert "calculators/costs/estimate.py" in browser



def test_calculator_pages_state_the_bytes_a_first_visits_python_downloads_as_served(built_site: Path) -> None:
    pages = [html for html in _pages(built_site).values() if "data-calculator=" in html]
    stated = {_meta(html, DOWNLOAD_META) for html in pages}
    assert len(stated) == 1 and None not in stated, stated
    files = first_visit_files(pages[0])
    served = served_bytes(built_site, files)
    assert int(stated.pop()) == served
    # Compressed where it pays, and counted from the files this build wrote.
    assert served < sum((built_site / file).stat().st_size for file in files) * 0.6
