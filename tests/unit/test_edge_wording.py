"""The latency and context-window results read well at the edges: one token, one chunk,
retrieved text many times the size of the window."""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators.kit.schema import NumberField

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Nouns the two calculators count; a count of exactly one takes the singular.
NOUNS = ("token", "chunk", "request", "second", "minute", "hour", "time")
PLURAL_AFTER_ONE = re.compile(rf"(?<![\d.,])1 (?:{'|'.join(NOUNS)})s\b")
SINGULAR_AFTER_MANY = re.compile(rf"(?<![\d.,])(?:0|[2-9]|\d[\d,]*\d)(?:\.\d+)? (?:{'|'.join(NOUNS)})\b(?![-s])")
SHARE = re.compile(r"([\d,]+(?:\.\d+)?)% of the window")


def small_inputs(name: str) -> st.SearchStrategy[dict[str, str]]:
    """Each number field at 0, 1, 2 or a larger value, within its range, as text."""
    fields = [f for f in CALCULATORS[name].fields if isinstance(f, NumberField)]

    def values(f: NumberField) -> st.SearchStrategy[str]:
        picks = [v for v in (0, 1, 2, 8, 1000, 640_000) if f.minimum <= v <= f.maximum]
        return st.sampled_from([str(v) for v in picks])

    return st.fixed_dictionaries({}, optional={f.name: values(f) for f in fields})


def reader_text(answer: dict) -> str:
    """Everything a reader reads in the answer: the Markdown and the HTML without tags."""
    html = unescape(re.sub(r"<[^>]+>", " ", answer["html"] or ""))
    return re.sub(r"\s+", " ", f"{answer['markdown'] or ''} {html}")


@pytest.mark.parametrize("name", ["latency", "context"])
def test_a_count_of_one_is_singular_and_others_plural(name: str) -> None:
    @SETTINGS
    @given(small_inputs(name))
    @example({"chunks": "1", "chunk_tokens": "1", "window_tokens": "1"} if name == "context"
             else {"output_tokens": "1", "tokens_per_second": "1"})
    def check(inputs: dict[str, str]) -> None:
        answer = run(name, inputs)
        if not answer["ok"]:
            return
        text = reader_text(answer)
        assert not PLURAL_AFTER_ONE.search(text), PLURAL_AFTER_ONE.search(text)
        assert not SINGULAR_AFTER_MANY.search(text), SINGULAR_AFTER_MANY.search(text)

    check()


def test_retrieved_text_larger_than_the_window_is_not_a_huge_percentage() -> None:
    @SETTINGS
    @given(small_inputs("context"))
    @example({"window_tokens": "1", "chunks": "8", "chunk_tokens": "800"})
    def check(inputs: dict[str, str]) -> None:
        answer = run("context", inputs)
        if not answer["ok"]:
            return
        for share in SHARE.findall(reader_text(answer)):
            assert float(share.replace(",", "")) <= 100, share

    check()


def test_the_share_of_a_window_is_still_given_when_it_fits() -> None:
    answer = run("context", {"window_tokens": "16000", "chunks": "8", "chunk_tokens": "800"})
    assert "40% of the window" in reader_text(answer)
