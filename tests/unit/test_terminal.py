"""The command line's output layer: nothing echoed can steer the terminal, and JSON stays JSON."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.terminal import OutputError, escape_controls, write

STEERING = {"Cc", "Cf", "Zl", "Zp", "Cs"}


@given(st.text(st.characters(codec=None)))
def test_no_control_format_or_bidi_character_survives(text: str) -> None:
    escaped = escape_controls(text)
    assert all(c in "\n\t" or unicodedata.category(c) not in STEERING for c in escaped)


@given(st.text(st.characters(codec=None)))
def test_escaped_json_reads_back_as_the_same_value(text: str) -> None:
    assert json.loads(escape_controls(json.dumps({"typed": text}, ensure_ascii=False))) == {"typed": text}


def test_text_the_stream_cannot_encode_is_refused_before_anything_is_written() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    with pytest.raises(OutputError, match="ascii"):
        write(stream, "fine until the arrow \u2192")
    assert stream.buffer.getvalue() == b""


def test_a_closed_stream_is_an_output_error() -> None:
    with pytest.raises(OutputError, match="closed"):
        write(None, "anything")
