"""Writing to a terminal that may not take what is written: the command line's output layer.

Text echoed from the reader's input can carry escape sequences or bidirectional controls
that would repaint or reorder the terminal, so every such character is written as a
visible escape (\\u202e), which is also valid inside JSON strings. Output the stream
cannot encode, a full disk, or a closed stream is an `OutputError` with a one-line reason,
raised before anything half-written can mislead.
"""

from __future__ import annotations

import os
import unicodedata
from typing import TextIO

# Kept as they are: line breaks and tabs lay out the command line's own text.
_LAYOUT = "\n\t"
# Control, format (bidi overrides, zero-width), line/paragraph separators, surrogates.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


class OutputError(Exception):
    """The output could not be written; str() is a one-line reason for stderr."""


def escape_controls(text: str) -> str:
    """`text` with every control, format and bidi character written as \\uXXXX."""
    return "".join(_escaped(c) if _is_control(c) else c for c in text)


def write(stream: TextIO | None, text: str) -> None:
    """Write all of `text` to `stream` and flush, or raise OutputError (BrokenPipeError
    passes through: a reader that stopped reading is not an error to report)."""
    if stream is None:
        raise OutputError("cannot write the output: standard output is closed")
    text = escape_controls(text)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError as problem:
        char = problem.object[problem.start]
        raise OutputError(f"cannot write the output: the terminal's encoding ({encoding}) has no "
                          f"U+{ord(char):04X} ({unicodedata.name(char, 'a character')}); "
                          "set PYTHONIOENCODING=utf-8 or use a UTF-8 locale") from None
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as problem:
        raise OutputError(f"cannot write the output: {problem.strerror or problem}") from None


def write_quietly(stream: TextIO | None, text: str) -> bool:
    """Write `text` to `stream` as best it can take it; False when nothing could be written."""
    if stream is None:
        return False
    encoding = getattr(stream, "encoding", None) or "utf-8"
    text = escape_controls(text).encode(encoding, "backslashreplace").decode(encoding)
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        return False
    return True


def silence(stream: TextIO | None) -> None:
    """Point `stream` at the null device, so Python's last flush at exit has nowhere to fail."""
    try:
        fileno = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return
    if fileno >= 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fileno)
        os.close(null)


def _is_control(char: str) -> bool:
    return char not in _LAYOUT and unicodedata.category(char) in _ESCAPED_CATEGORIES


def _escaped(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    # As JSON writes a character beyond the BMP: a surrogate pair.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
