"""The package's dataclasses take their methods from a precompiled file when one is
there (the browser's wheel), and compile them as usual otherwise."""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
from pathlib import Path

import pytest

from calculators import _precompiled
from calculators._precompiled import dump, precompiled_dataclasses


def _define(name: str, fields: tuple[str, ...] = ("a", "b")) -> type:
    return dataclasses.make_dataclass(name, fields, frozen=True)


def _methods_of(name: str) -> dict[str, object]:
    """The texts dataclasses writes for _define(name), compiled as the build compiles them."""
    texts: dict[str, object] = {}

    def record(text: str, globals: dict, locals: dict) -> None:
        texts[text] = compile(text, "<string>", "exec", dont_inherit=True)
        exec(texts[text], globals, locals)

    dataclasses.exec = record
    try:
        _define(name)
    finally:
        del dataclasses.exec
    return texts


def test_a_class_whose_methods_the_file_holds_is_not_compiled_and_behaves_the_same(tmp_path: Path) -> None:
    methods = tmp_path / "methods"
    texts = _methods_of("Point")
    methods.write_bytes(dump(texts))
    before = dict(_precompiled.used)
    with precompiled_dataclasses(str(methods)):
        point = _define("Point")(1, "x")
    # One text per class from Python 3.13, one per method before.
    assert _precompiled.used == {"precompiled": before["precompiled"] + len(texts), "compiled": before["compiled"]}
    assert point == type(point)(1, "x") != type(point)(2, "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.a = 2
    assert repr(point) == "Point(a=1, b='x')"
    assert not hasattr(dataclasses, "exec")  # the builtin again, once the import is over


def test_a_class_the_file_does_not_hold_compiles_as_usual(tmp_path: Path) -> None:
    methods = tmp_path / "methods"
    methods.write_bytes(dump(_methods_of("Point")))
    compiled = _precompiled.used["compiled"]
    with precompiled_dataclasses(str(methods)):
        other = _define("Other", ("c", "d"))(2, "y")
    assert _precompiled.used["compiled"] > compiled
    assert repr(other) == "Other(c=2, d='y')"


def test_no_file_or_another_pythons_bytecode_changes_nothing(tmp_path: Path) -> None:
    stale = tmp_path / "stale"
    stale.write_bytes(marshal.dumps({"magic": b"\0\0\r\n", "methods": _methods_of("Point")}))
    for path in (tmp_path / "absent", stale):
        with precompiled_dataclasses(str(path)):
            assert not hasattr(dataclasses, "exec")
            assert _define("Point")(1, "x").a == 1


def test_the_source_package_carries_no_precompiled_file() -> None:
    # Bytecode belongs to the Python that made it: only the browser's wheel has one.
    package = Path(importlib.util.find_spec("calculators").origin).parent
    assert not (package / _precompiled.METHODS_FILE).exists()
