"""The command line survives its terminal: output it cannot encode, a full disk, a closed or
broken stdout or stderr, a hostile --site-url, and control characters in what it echoes.
Each failure is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMAND = (sys.executable, "-m", "calculators")
# A report with characters beyond ASCII (an arrow) in its text.
NON_ASCII_REPORT = ("advisor",)


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PYTHONIOENCODING")}
    return {**env, "COLUMNS": "100", **extra}


def cli(*args: str | bytes, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*COMMAND, *args], cwd=ROOT, env=env or environment(), timeout=60, **kwargs)


def one_line_error(stderr: bytes) -> str:
    """The single line the command wrote to stderr (and that it is one, with no traceback)."""
    text = stderr.decode("utf-8", "backslashreplace")
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# --- output the terminal cannot take ---------------------------------------------------


@pytest.mark.parametrize("locale", [
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
], ids=["PYTHONIOENCODING=ascii", "C locale"])
def test_output_the_terminal_cannot_encode_is_one_line_and_a_failure(locale: dict[str, str]) -> None:
    done = cli(*NON_ASCII_REPORT, env=environment(**locale))
    assert done.returncode != 0
    assert done.stdout == b"", "no half-written report"
    assert "encod" in one_line_error(done.stderr).lower()


def test_a_full_disk_is_one_line_and_a_failure() -> None:
    with open("/dev/full", "wb") as full:
        done = cli("readiness", stdout=full)
    assert done.returncode != 0
    assert "space" in one_line_error(done.stderr).lower()


def test_a_closed_stdout_is_a_failure() -> None:
    done = subprocess.run(["sh", "-c", 'exec "$0" -m calculators readiness >&-', sys.executable],
                          cwd=ROOT, env=environment(), capture_output=True, timeout=60)
    assert done.returncode != 0
    assert "output" in one_line_error(done.stderr).lower()


def _broken_pipe() -> int:
    """The write end of a pipe whose reader has gone."""
    read, write = os.pipe()
    os.close(read)
    return write


def test_a_stdout_whose_reader_has_gone_ends_quietly_with_a_failure() -> None:
    write = _broken_pipe()
    try:
        done = cli("readiness", stdout=write)
    finally:
        os.close(write)
    assert done.returncode != 0
    assert done.stderr == b""


def test_invalid_input_is_still_reported_when_stdout_has_gone() -> None:
    write = _broken_pipe()
    try:
        done = cli("readiness", "--examples", "-5", "--json", stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 2, "the exit code says the input was invalid"
    assert b"Traceback" not in done.stderr and b"--examples" in done.stderr


def test_a_stderr_whose_reader_has_gone_still_fails_invalid_input() -> None:
    write = _broken_pipe()
    try:
        done = cli("readiness", "--examples", "-5", stderr=write)
    finally:
        os.close(write)
    assert done.returncode == 2
    assert done.stdout == b""


# --- --site-url ------------------------------------------------------------------------

REFUSED_SITE_URLS = ["javascript:alert(1)//", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/",
                     "ftp://example.org/", "//example.org/", "example.org/docs/", "http://",
                     "https://example.org/?next=evil", "https://example.org/#x", "http:///docs/",
                     "https://exa mple.org/", "https://example.org/\u202e/"]


@pytest.mark.parametrize("url", REFUSED_SITE_URLS, ids=ascii)
def test_site_url_must_be_http_without_query_or_fragment(url: str) -> None:
    done = cli("readiness", "--url", "--site-url", url)
    assert done.returncode == 2 and done.stdout == b""
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "--site-url" in errors[0], stderr


def test_a_hostile_site_url_from_the_environment_is_refused_too() -> None:
    done = cli("readiness", "--url", env=environment(SITE_URL="javascript:alert(1)//"))
    assert done.returncode != 0 and done.stdout == b""
    assert "SITE_URL" in one_line_error(done.stderr)


@pytest.mark.parametrize("url", ["https://example.org/docs/", "http://127.0.0.1:8000",
                                 "https://Example.org:8443/a/b/"])
def test_a_plain_site_url_makes_the_link(url: str) -> None:
    done = cli("readiness", "--url", "--site-url", url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith(url.rstrip("/") + "/fine-tuning/?")


# --- what is echoed --------------------------------------------------------------------

# Terminal control (escape sequences, bell, carriage return) and bidirectional overrides,
# which reorder what the reader sees.
HOSTILE = ["\x1b[2J\x1b[31mred", "12\x07", "12\rOK", "\u202e21", "\u2066x\u2069", "1\u200f2", "\x9b31m"]
RAW = [b"\x1b", b"\x07", b"\r", b"\xc2\x9b", *(c.encode() for c in "\u202a\u202b\u202c\u202d\u202e"
                                               "\u2066\u2067\u2068\u2069\u200e\u200f\u061c")]


def assert_nothing_raw(output: bytes) -> None:
    for raw in RAW:
        assert raw not in output, (raw, output[-300:])


@pytest.mark.parametrize("text", HOSTILE, ids=ascii)
def test_control_and_bidi_characters_are_escaped_in_errors(text: str) -> None:
    done = cli("readiness", "--examples", text)
    assert done.returncode == 2
    assert_nothing_raw(done.stderr)
    assert "--examples" in done.stderr.decode()


@pytest.mark.parametrize("text", HOSTILE, ids=ascii)
def test_json_output_escapes_them_and_keeps_the_value(text: str) -> None:
    done = cli("readiness", "--examples", text, "--json")
    assert_nothing_raw(done.stdout)
    assert json.loads(done.stdout)["state"]["examples"] == text


def test_argparse_echoes_are_escaped_too() -> None:
    done = cli("readiness", "--colour", "\u202eblue\x1b[0m")
    assert done.returncode == 2
    assert_nothing_raw(done.stderr)


def test_bytes_that_are_not_utf8_are_escaped_not_written_back() -> None:
    done = cli(b"readiness", b"--examples", b"\xff\xfe12", b"--json")
    json.loads(done.stdout.decode("utf-8"))  # valid UTF-8 and valid JSON
    errors = cli(b"readiness", b"--examples", b"\xff12").stderr
    errors.decode("utf-8")
    assert b"\xff" not in errors
