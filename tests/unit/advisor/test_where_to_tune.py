"""What a reader is told about tuning, read from the dated vendor facts: the roads open to them,
the day those facts were checked, and no closed or closing road offered as a way forward.

Each case is a reader the vendor-facts issue names; each asserts on the page's own text, and
every road and claim it expects is looked up in `calculators.vendors`, never typed here.
"""

import html as html_lib
import re

import pytest

from calculators import run
from calculators.advisor.tuning_words import WITHOUT_TUNING, road_name
from calculators.vendors import (
    CHECKED,
    CHOSEN_REGION,
    OWN_HARDWARE,
    ROUTES,
    can_tune_today,
    format_support,
    route,
    routes_for,
)

from .answers import QUIET


def _keys(routes):
    return {r.key for r in routes}


# reader: (answers beyond QUIET, outcome, the roads offered, the closed roads it must name)
READERS = {
    "reader on Claude with a behaviour gap": (
        {"tone": "yes", "platform": "anthropic"}, "fine_tuning", _keys(routes_for()),
        {"anthropic"}),
    "format-only gap": (
        {"format": "yes", "platform": "anthropic"}, "structured_outputs", set(), set()),
    "own hardware only": (
        {"tone": "yes", "platform": "open", "residency": OWN_HARDWARE}, "fine_tuning",
        _keys(routes_for("open", OWN_HARDWARE)), {"mistral-api"}),
    "region-bound reader on OpenAI": (
        {"tone": "yes", "platform": "openai", "residency": CHOSEN_REGION}, "fine_tuning",
        _keys(routes_for(residency=CHOSEN_REGION)), {"openai-api"}),
    "OpenAI current model": (
        {"tone": "yes", "platform": "openai"}, "fine_tuning", _keys(routes_for()), {"openai-api"}),
    "Gemini reader": (
        {"tone": "yes", "platform": "google"}, "fine_tuning", _keys(routes_for("google")),
        {"gemini-api"}),
    "undecided": (
        {"tone": "yes", "platform": "undecided"}, "fine_tuning", _keys(routes_for()), set()),
}
CANNOT_TUNE = {"reader on Claude with a behaviour gap", "OpenAI current model",
               "region-bound reader on OpenAI"}


def _seen(answers):
    """The answer as the page shows it: its outcome, its HTML, and that HTML as plain text."""
    answer = run("advisor", {**QUIET, **answers})
    assert answer["ok"], answer["errors"]
    page = answer["html"]
    # Inline spans (figures kept unbroken) join their text; other tags separate words.
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</?span[^>]*>", "", page)))
    return answer["result"], page, " ".join(text.split())


@pytest.mark.parametrize("reader", READERS)
def test_the_reader_is_offered_only_open_roads_that_keep_their_data_where_it_must_stay(reader):
    answers, outcome, roads, closed = READERS[reader]
    result, page, text = _seen(answers)
    assert result["outcome"] == outcome
    offered = set(re.findall(r'data-route="([^"]+)"', page))
    assert offered == roads
    assert all(can_tune_today(route(k)) for k in offered)  # nothing closed, nothing closing
    for key in offered:
        assert road_name(route(key)) in text
    said_closed = set(re.findall(r'data-closed="([^"]+)"', page))
    assert not said_closed & offered
    for key in closed:  # a closed road is named only as closed, in the facts' own words
        for fact in route(key).facts:
            assert fact.claim in text


@pytest.mark.parametrize("reader", READERS)
def test_the_vendor_facts_shown_carry_the_day_they_were_checked(reader):
    answers, outcome, roads, closed = READERS[reader]
    _, _, text = _seen(answers)
    assert f"as of {CHECKED}" in text or f"As checked on {CHECKED}" in text


@pytest.mark.parametrize("reader", READERS)
def test_a_reader_whose_model_cannot_be_tuned_is_told_so_with_the_options(reader):
    answers, *_ = READERS[reader]
    result, _, text = _seen(answers)
    told = "Your model cannot be tuned" in text
    assert told == (reader in CANNOT_TUNE)
    assert ("platform-cannot-tune" in result["warnings"]) == told
    if told:
        assert f"As checked on {CHECKED}" in text and WITHOUT_TUNING in text


def test_the_claude_reader_hears_every_alternative_the_issue_names():
    _, page, text = _seen(READERS["reader on Claude with a behaviour gap"][0])
    offered = set(re.findall(r'data-route="([^"]+)"', page))
    makers = {route(k).maker for k in offered}
    assert {"open", "google", "openai"} <= makers  # open weights, Gemini Flash, GPT-4.1 on Azure
    assert "Gemini 3.5 Flash" in text and "Azure AI Foundry: GPT-4.1" in text
    assert f"new tuning jobs until {route('azure-gpt-4.1').jobs_until}" in text
    assert "structured outputs" in text and "RAG for knowledge" in text


def test_openais_closing_road_is_described_with_its_dates_and_never_offered():
    _, page, text = _seen(READERS["OpenAI current model"][0])
    closing = route("openai-api")
    assert not can_tune_today(closing)
    assert closing.jobs_until in text and closing.retires in text
    assert "not offered here as a way forward" in text
    assert 'data-route="openai-api"' not in page


def test_a_format_only_gap_names_the_platforms_schema_support_and_tunes_nothing():
    result, page, text = _seen(READERS["format-only gap"][0])
    assert result["decided_by"] == "format-only-gap" and result["tuning"] is None
    assert format_support("anthropic").fact.claim in text
    assert "Recommendation: Structured outputs" in text
    assert "data-route" not in page


def test_a_format_gap_on_an_unchecked_platform_lists_the_vendors_checked():
    _, _, text = _seen({"format": "yes", "platform": "aws"})
    assert f"as of {CHECKED}" in text
    assert "OpenAI, Anthropic, Google, Mistral" in text


def test_data_on_own_hardware_is_offered_only_roads_on_own_hardware():
    for platform in ("anthropic", "openai", "google", "azure", "aws", "open", "undecided"):
        result, page, _ = _seen({"tone": "yes", "platform": platform, "residency": OWN_HARDWARE})
        offered = set(re.findall(r'data-route="([^"]+)"', page))
        assert offered and all(route(k).residency == OWN_HARDWARE for k in offered), platform


def test_the_undecided_reader_is_told_which_roads_are_left_out():
    _, _, text = _seen(READERS["undecided"][0])
    for r in ROUTES:
        if not can_tune_today(r):
            assert road_name(r) in text


def test_a_tuned_retriever_is_tuned_where_the_weights_are_held():
    result, page, text = _seen({"knowledge": "yes", "vocabulary": "yes", "platform": "anthropic"})
    assert result["outcome"] == "tuned_retriever"
    assert set(re.findall(r'data-route="([^"]+)"', page)) == _keys(routes_for(residency=OWN_HARDWARE))
    assert f"Where to tune the embedding model (as of {CHECKED})" in text
