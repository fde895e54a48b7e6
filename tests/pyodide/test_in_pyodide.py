"""The shared vectors pass in real Pyodide (Node), with the wheel and standard library the
site ships."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from check import VECTORS, load_cases

from build_hooks.packing import packed, unpack
from build_hooks.project import STDLIB_FILE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pyodide_report(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    # The files as the worker gets them: unpacked (build_hooks/packing.py).
    (packed_wheel,) = built_site.glob(f"assets/calculators/*/{packed('calculators-*-py3-none-any.whl')}")
    unpacked = tmp_path_factory.mktemp("unpacked")
    wheel = unpacked / packed_wheel.name.removesuffix(packed(""))
    stdlib = unpacked / STDLIB_FILE
    wheel.write_bytes(unpack(packed_wheel.read_bytes()))
    stdlib.write_bytes(unpack((packed_wheel.parent / packed(STDLIB_FILE)).read_bytes()))
    (source,) = built_site.glob("download/calculators-*-py3-none-any.whl")
    done = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_vectors.mjs"), str(wheel), str(stdlib), str(VECTORS), str(source)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_vector_passes_in_pyodide(pyodide_report: dict) -> None:
    assert pyodide_report["failed"] == {}
    assert pyodide_report["passed"] == len(load_cases())


def test_it_really_ran_on_pyodides_python(pyodide_report: dict) -> None:
    major, minor, _ = pyodide_report["python"].split(".")
    assert (int(major), int(minor)) >= (3, 13)


def test_the_standard_library_the_calculators_import_comes_precompiled(pyodide_report: dict) -> None:
    # Python compiles a module shipped as source on every page load; the build ships these
    # as bytecode (build_hooks/compile_python.mjs).
    assert pyodide_report["from_source"] == []
    assert len(pyodide_report["compiled"]) > 20  # json, dataclasses, re, enum, typing, ...


def test_the_packages_dataclasses_come_with_their_methods_compiled(pyodide_report: dict) -> None:
    # 80 of a cold start's 135-180 ms import went on compiling them (calculators/_precompiled.py).
    # A Python whose dataclasses no longer call `exec` on their text shows here as 0.
    assert pyodide_report["dataclass_methods"]["compiled"] == 0
    assert pyodide_report["dataclass_methods"]["precompiled"] > 40


def test_every_import_the_browsers_python_holds_resolves_on_the_shipped_files(pyodide_report: dict) -> None:
    # The build keeps only the standard library a visit imports (compile_python.mjs); an
    # import no default or preset reaches (kit/links.py's urllib.parse) must still work.
    assert pyodide_report["unresolved"] == []
    assert pyodide_report["imports"] > 100
