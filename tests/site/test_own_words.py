"""The site's text is its own: no run of 12 or more words is copied from the source material."""

from __future__ import annotations

import pytest

from .own_words import RUN, facts_path, shared_runs, site_texts


def test_no_page_shares_a_long_run_of_words_with_the_source() -> None:
    facts = facts_path()
    if not facts.is_file():
        pytest.skip(f"the source material is not here ({facts}); set GUIDE_FACTS to check against it")
    source = facts.read_text(encoding="utf-8")
    copied = {name: runs for name, text in site_texts().items() if (runs := shared_runs(source, text))}
    assert not copied, "\n".join(f"{name}: {run}" for name, runs in copied.items() for run in runs)


def test_a_copied_run_is_found_and_markup_does_not_hide_it() -> None:
    source = "Fine-tuning a GPT-4-class model costs hundreds to thousands of dollars a run, they say."
    copied = "Note: fine-tuning a [GPT-4-class](x.md) model costs hundreds to thousands of dollars a run."
    reworded = "One training run of a large model can cost from hundreds to thousands of dollars."
    assert len(shared_runs(source, copied)) == 15 - RUN + 1
    assert shared_runs(source, reworded) == []

