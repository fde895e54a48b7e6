"""The context-window budget: hand-checked windows, the report, and properties."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.context_window import DEFAULT_WINDOW, DEFAULT_WINDOW_SOURCE, FIELDS, WINDOWS, compute, report
from calculators.kit.provenance import ILLUSTRATIVE
from calculators.kit.report import render_html, render_markdown
from calculators.kit.schema import defaults, flat_fields
from calculators.price_dataset import CUSTOM


def values(**changes: int) -> dict:
    return {**defaults(flat_fields(FIELDS)), **changes}


def result_html(result) -> str:
    return render_html(report(result))


def test_token_counts_are_illustrative_and_the_window_says_why_it_is_a_million():
    for group in FIELDS:
        assert "enter your" in group.help, group.title
        for f in group.fields:
            expected = DEFAULT_WINDOW_SOURCE if f.name == "window_tokens" else ILLUSTRATIVE
            assert f.source is expected, f.name


def test_the_default_window_is_the_commonest_among_current_models():
    # Windows to the nearest hundred thousand tokens (1,048,576 and 1,050,000 are "a million").
    rounded = Counter(round(m.context_window, -5) for m in WINDOWS.values())
    assert rounded.most_common(1)[0][0] == DEFAULT_WINDOW
    assert DEFAULT_WINDOW == next(f for g in FIELDS for f in g.fields if f.name == "window_tokens").default


def test_defaults_add_up_by_hand():
    # 1,000 system + 6,000 history + 8 x 800 retrieved + 1,500 answer = 14,900 of 1,000,000.
    result = compute(values())
    assert (result.retrieved_tokens, result.used_tokens, result.free_tokens) == (6400, 14900, 985_100)
    # (1,000,000 - 1,000 - 6,000 - 1,500) // 800 = 991,500 // 800 = 1,239 chunks.
    assert result.max_chunks == 1239 and result.verdict == "fits"


def test_a_request_that_barely_dents_the_window_is_told_the_window_is_not_its_limit():
    roomy = result_html(compute(values()))
    assert "The window is not the limit here" in roomy and "would fit" not in roomy
    assert "the default window" in roomy and "a tenth of the window" in roomy
    tight = result_html(compute(values(window_tokens=16_000)))
    assert "Up to 9 chunks would fit, 1 more than now" in tight
    assert "not the limit" not in tight and "the default window" not in tight


def test_retrieved_text_that_pushes_out_the_conversation_warns():
    result = compute(values(window_tokens=12_000))
    # 12,000 - 1,000 - 6,400 - 1,500 leaves 3,100 for a 6,000-token conversation.
    assert result.conversation_room == 3100 and not result.fits
    assert result.verdict == "crowded" and result.max_chunks == 4
    html = result_html(result)
    assert "admonition warning" in html and "Retrieve at most 4 chunks" in html


def test_a_window_too_small_for_prompt_and_history_fails_with_no_chunk_advice():
    result = compute(values(window_tokens=8_000))
    assert result.verdict == "too_big" and result.max_chunks == 0
    html = result_html(result)
    assert "admonition failure" in html and "Retrieve at most" not in html


def test_bar_shows_free_space_only_when_there_is_some():
    fits = report(compute(values(window_tokens=16_000))).chart
    over = report(compute(values(window_tokens=12_000))).chart
    assert "Free 1,100" in fits and "Free" not in over
    assert 'class="calc-bar-limit"' in fits and "window 12,000" in over


def test_markdown_lists_every_part_and_the_window():
    markdown = render_markdown(report(compute(values(window_tokens=16_000))))
    for row in ("| Retrieved | 6,400 |", "| Free | 1,100 |", "| Window | 16,000 |"):
        assert row in markdown


def test_a_model_from_the_price_table_brings_its_window_and_its_source():
    model = next(iter(WINDOWS.values()))
    result = compute(values(model=model.key, window_tokens=1))
    assert result.window_tokens == model.context_window  # the typed window is not used
    html = result_html(result)
    assert f"{model.model}'s window" in html and "Dataset: genai-prices" in html
    assert "Dataset" not in result_html(compute(values(model=CUSTOM)))


tokens = st.integers(min_value=0, max_value=200_000)
inputs = st.fixed_dictionaries({
    "model": st.sampled_from([CUSTOM, *WINDOWS]), "window_tokens": st.integers(1, 400_000),
    "system_tokens": tokens, "history_tokens": tokens,
    "chunks": st.integers(0, 500), "chunk_tokens": st.integers(1, 20_000), "answer_tokens": tokens,
})


@settings(max_examples=300)
@given(inputs)
def test_the_largest_number_of_chunks_that_fits_fits_and_one_more_does_not(given_values):
    result = compute(given_values)
    if not result.fits_without_chunks:
        assert result.max_chunks == 0 and not compute({**given_values, "chunks": 0}).fits
        return
    assert compute({**given_values, "chunks": result.max_chunks}).fits
    assert not compute({**given_values, "chunks": result.max_chunks + 1}).fits


@settings(max_examples=300)
@given(inputs, st.integers(0, 500))
def test_more_chunks_never_make_a_request_fit(given_values, more):
    before = compute(given_values)
    after = compute({**given_values, "chunks": given_values["chunks"] + more})
    assert after.fits <= before.fits
    assert after.conversation_room <= before.conversation_room


@settings(max_examples=300)
@given(inputs)
def test_parts_add_up_and_the_verdict_agrees(given_values):
    r = compute(given_values)
    assert r.used_tokens + r.free_tokens == r.window_tokens
    assert r.fits == (r.conversation_room >= r.history_tokens) == (r.free_tokens >= 0)
    assert r.fits == (r.chunks <= r.max_chunks and r.fits_without_chunks)
    expected = "fits" if r.fits else "crowded" if r.fits_without_chunks else "too_big"
    assert r.verdict == expected
