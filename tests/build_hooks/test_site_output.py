"""What the plugin leaves in the site: where Python is, the one stylesheet, and the
offline copy's file list. Read from the site `built_site` builds with --strict."""

from __future__ import annotations

import gzip
import io
import json
import posixpath
import re
import zipfile
from pathlib import Path

import mkdocs.config

from build_hooks.packing import packed, unpack
from build_hooks.project import (
    DECODER_FILE,
    DECODER_LICENSE_FILE,
    DOWNLOAD_META,
    PACKED_META,
    PACKED_RUNTIME_FILES,
    PREFETCH_META,
    RUNTIME_FILES,
    RUNTIME_META,
    STDLIB_FILE,
    STDLIB_META,
    WHEEL_META,
    Project,
)
from build_hooks.runtime import decoder_binary
from build_hooks.tables import wrap_tables

from .conftest import first_visit_files, served_bytes

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Project(ROOT)


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("index.html")}


def _meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta name="{name}" content="([^"]*)">', html)
    return found.group(1) if found else None


def _runtime_as_served() -> list[str]:
    return [PROJECT.runtime_folder() + (packed(name) if name in PACKED_RUNTIME_FILES else name)
            for name in RUNTIME_FILES]


def _unpacked(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(unpack(path.read_bytes())))


def test_calculator_pages_name_python_and_guide_pages_do_not(built_site: Path) -> None:
    pages = _pages(built_site)
    with_calculator = [p for p, html in pages.items() if "data-calculator=" in html]
    assert len(with_calculator) >= 4
    for path, html in pages.items():
        names = [_meta(html, n) for n in (RUNTIME_META, WHEEL_META, STDLIB_META, PREFETCH_META, PACKED_META)]
        scripts = re.findall(r'<script type="module" src="([^"]*)"></script>', html)
        if path not in with_calculator:
            assert names == [None] * 5, path
            assert not [s for s in scripts if s.endswith("calculator.js")], path
            continue
        root = "../" * path.count("/")
        assert f"{root}javascripts/calculator.js" in scripts, path
        runtime, wheel, stdlib, prefetch, packed_list = names
        assert runtime == PROJECT.runtime_folder()
        assert wheel.endswith("-py3-none-any.whl")
        assert stdlib == posixpath.join(posixpath.dirname(wheel), STDLIB_FILE)  # one hashed folder
        # Pages name the wheel and stdlib as Python sees them; the files are served packed only.
        assert not (built_site / wheel).exists() and not (built_site / stdlib).exists()
        listed = prefetch.split(" ")
        assert listed == _runtime_as_served() + [packed(stdlib), DECODER_FILE]
        assert packed_list.split(" ") == [runtime + packed(name) for name in PACKED_RUNTIME_FILES] + [
            packed(stdlib), packed(wheel)]
        assert all((built_site / file).is_file() for file in listed + packed_list.split(" ")), path


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
    wheel_folder = [p.relative_to(built_site).as_posix() for p in built_site.glob("assets/calculators/*/*")]
    assert sorted(files["runtime"]) == sorted(_runtime_as_served() + wheel_folder)
    assert DECODER_FILE in files["shell"]  # the worker imports it to unpack the runtime offline too


def test_the_packed_runtime_is_pyodides_own_and_the_decoder_is_the_pinned_one(built_site: Path) -> None:
    for name in PACKED_RUNTIME_FILES:
        served = built_site / PROJECT.runtime_folder() / packed(name)
        original = (PROJECT.pyodide_package / name).read_bytes()
        assert unpack(served.read_bytes()) == original
        assert served.stat().st_size < 0.85 * len(gzip.compress(original, 9))  # what packing is for
    decoder = (built_site / DECODER_FILE).read_bytes()
    assert decoder == decoder_binary(PROJECT) and decoder.startswith(b"\0asm")
    notice = (built_site / DECODER_LICENSE_FILE).read_text(encoding="utf-8")
    assert "MIT License" in notice and "Zstandard" in notice  # zstd's BSD licence asks for it
    unpack_js = (built_site / "javascripts/unpack.js").read_text()
    named = re.findall(r'new URL\("\./([^"]+)", import\.meta\.url\)', unpack_js)
    assert [posixpath.join("javascripts", name) for name in named] == [DECODER_FILE]


def test_the_shipped_standard_library_is_the_part_of_pyodides_a_visit_imports_compiled(built_site: Path) -> None:
    (shipped,) = built_site.glob(f"assets/calculators/*/{packed(STDLIB_FILE)}")
    with zipfile.ZipFile(PROJECT.pyodide_package / STDLIB_FILE) as stock, _unpacked(shipped) as ours:
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
        # Stored: packed whole, it sends less than deflated file by file (packing.py).
        assert {info.compress_type for info in ours.infolist()} == {zipfile.ZIP_STORED}
    assert shipped.stat().st_size < (PROJECT.pyodide_package / STDLIB_FILE).stat().st_size / 3


def test_the_browsers_wheel_leaves_out_what_no_visit_imports(built_site: Path) -> None:
    (wheel,) = built_site.glob(f"assets/calculators/*/{packed('calculators-*-py3-none-any.whl')}")
    browser = {name.removesuffix("c") for name in _unpacked(wheel).namelist()}
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
    # ... and adds what only the browser's Python can read: its dataclass methods, compiled.
    assert browser - source == {"calculators/dataclass_methods.marshal"}



def test_calculator_pages_state_the_bytes_a_first_visits_python_downloads_as_served(built_site: Path) -> None:
    pages = [html for html in _pages(built_site).values() if "data-calculator=" in html]
    stated = {_meta(html, DOWNLOAD_META) for html in pages}
    assert len(stated) == 1 and None not in stated, stated
    files = first_visit_files(pages[0])
    served = served_bytes(built_site, files)
    assert int(stated.pop()) == served
    # Packed or gzipped, and counted from the files this build wrote: under a third of
    # what Python gets.
    packed_files = set(_meta(pages[0], PACKED_META).split(" "))
    whole = sum(len(unpack(data)) if file in packed_files else len(data)
                for file in files for data in [(built_site / file).read_bytes()])
    assert served < whole / 3


def test_every_table_arrives_wrapped_so_materials_script_leaves_it_in_place(built_site: Path) -> None:
    # Material's script re-wraps a class-less table after the page is laid out
    # (build_hooks/tables.py says what that cost): none is left to wrap but those of a
    # calculator's live result, and each wrapped one sits inside Material's two wrappers.
    tables = 0
    for path, html in _pages(built_site).items():
        assert wrap_tables(html) == html, path
        wrapped = html.count('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                             '<table class="data-table"')
        assert wrapped == html.count('class="data-table"'), path
        tables += wrapped
    assert tables > 20
