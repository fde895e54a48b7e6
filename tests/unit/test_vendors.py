"""The vendor facts (calculators/vendors) are consistent as of the day they were checked, every
fact sourced and dated, and the staleness check says what to re-check on any given day.

No test here reads the clock: "today" is always an argument, built from CHECKED.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date, timedelta
from fnmatch import fnmatch
from pathlib import Path

import pytest

from calculators import prices, vendors
from calculators.guide import GUIDE
from calculators.kit.provenance import Judgement, Page, Section
from calculators.vendors import (
    CACHE_RULES,
    CHECKED,
    DATA_TERMS,
    FORMAT_SUPPORT,
    LIFECYCLES,
    OPEN,
    ROUTES,
    STALE_AFTER_DAYS,
    DataTerm,
    Fact,
    TuningRoute,
    all_facts,
    cache_rule,
    can_tune_today,
    lifecycle,
    offered_routes,
    routes_for,
    stale_problems,
)
from calculators.vendors.model import ASKED_TOPICS, CONFIDENCE, METHODS, TERM_TOPICS

ROOT = Path(__file__).resolve().parents[2]
CHECKED_DAY = date.fromisoformat(CHECKED)
PRICE_KEYS = {m.key for m in prices.MODELS}


def _iso(day: str) -> str:
    return date.fromisoformat(day).isoformat()  # raises on anything but YYYY-MM-DD


# --- consistency as of CHECKED -------------------------------------------------------------

@pytest.mark.parametrize("route", [r for r in ROUTES if r.access == OPEN], ids=lambda r: r.key)
def test_no_open_route_is_offered_past_its_last_job_day_or_retirement(route: TuningRoute) -> None:
    assert route.jobs_until is None or CHECKED <= route.jobs_until
    assert route.retires is None or CHECKED < route.retires
    assert can_tune_today(route)


def test_what_the_advisor_and_estimator_are_offered_can_be_tuned_today() -> None:
    assert routes_for() and offered_routes()
    assert all(can_tune_today(r) for r in routes_for())
    assert all(r.price_key in PRICE_KEYS for r in offered_routes())
    # A road that is closed on the checked day is never offered, whatever its platform.
    closed = [r for r in ROUTES if not can_tune_today(r)]
    assert closed and not set(closed) & set(routes_for())


def test_route_keys_are_unique_and_their_fields_take_known_values() -> None:
    assert len({r.key for r in ROUTES}) == len(ROUTES)
    for r in ROUTES:
        assert set(r.methods) <= set(METHODS), r.key
        assert r.access in (vendors.OPEN, vendors.EXISTING_CUSTOMERS, vendors.CLOSED), r.key
        assert r.serving in (vendors.PER_TOKEN, vendors.DEDICATED), r.key
        assert r.residency in (vendors.OWN_HARDWARE, vendors.CHOSEN_REGION, vendors.HOSTS_CLOUD)
        assert (r.access == OPEN) == bool(r.methods) or r.access == vendors.EXISTING_CUSTOMERS
        for day in (r.jobs_until, r.retires):
            assert day is None or _iso(day) == day, r.key
        assert r.facts, f"{r.key} states no fact"


@pytest.mark.parametrize(("subject", "fact"), all_facts(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_fact_is_sourced_dated_and_graded(subject: str, fact: Fact) -> None:
    assert fact.claim.strip() and fact.confidence in CONFIDENCE
    source = fact.source
    if isinstance(source, Page):
        assert source.url.startswith("https://") and " " not in source.url, subject
        assert source.title.strip(), subject
        assert _iso(source.read) <= CHECKED, f"{subject}: read after the checked date"
    elif isinstance(source, Judgement):
        # An assumption where no page says anything: allowed, but never as a sure thing.
        assert fact.confidence == "low" and source.reason.endswith("."), subject
    else:
        assert isinstance(source, Section), f"{subject}: a vendor fact needs a page or the guide"
        assert source.work == GUIDE and source.section in GUIDE.sections
        assert GUIDE.published <= CHECKED


def test_every_fact_of_every_table_is_in_the_full_list() -> None:
    listed = {fact for _, fact in all_facts()}
    tables = ([f for r in ROUTES for f in (*r.facts, r.price_note) if f] + [life.fact for life in LIFECYCLES]
              + [c.fact for c in CACHE_RULES] + [s.fact for s in FORMAT_SUPPORT]
              + [t.fact for t in DATA_TERMS])
    assert set(tables) == listed
    assert {f"Data terms: {t.service}" for t in DATA_TERMS} <= {subject for subject, _ in all_facts()}


def test_every_data_term_rests_on_the_vendors_own_page_and_a_known_topic() -> None:
    assert DATA_TERMS
    for term in DATA_TERMS:
        # What a vendor does with data is the vendor's word: never the guide, never a guess.
        assert isinstance(term.fact.source, Page), term.fact.claim[:60]
        assert term.topic in TERM_TOPICS
    # Each service says something on at least one question every reader asks.
    for service in {t.service for t in DATA_TERMS}:
        assert {t.topic for t in DATA_TERMS if t.service == service} & set(ASKED_TOPICS), service


def test_a_data_term_refuses_a_topic_it_does_not_know() -> None:
    fact = Fact("A claim.", Page("t", "https://example.org/", CHECKED))
    with pytest.raises(ValueError, match="topic"):
        DataTerm("Some API", "pricing", fact)


def test_a_fact_refuses_a_confidence_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="confidence"):
        Fact("A claim.", Page("t", "https://example.org/", CHECKED), "certain")


def test_every_price_and_lifecycle_key_is_a_model_in_the_price_table() -> None:
    route_keys = {r.price_key for r in ROUTES if r.price_key}
    life_keys = {life.price_key for life in LIFECYCLES}
    assert route_keys and life_keys
    assert route_keys <= PRICE_KEYS, route_keys - PRICE_KEYS
    assert life_keys <= PRICE_KEYS, life_keys - PRICE_KEYS
    assert len(life_keys) == len(LIFECYCLES), "one lifecycle per model"
    for life in LIFECYCLES:
        assert life.retires or life.price_change, life.price_key
        for day in (life.retires, life.price_change):
            assert day is None or _iso(day) == day


@pytest.mark.parametrize("rule", CACHE_RULES, ids=lambda r: r.key)
def test_every_cache_rule_pattern_matches_a_model_in_the_price_table(rule) -> None:
    for pattern in rule.applies_to:
        assert any(fnmatch(key, pattern) for key in PRICE_KEYS), f"{rule.key}: {pattern}"
    assert rule.write_factor >= 1 and rule.min_tokens > 0 and rule.lifetime_minutes > 0


def test_the_last_cache_rule_matches_every_model_even_one_not_yet_listed() -> None:
    last = CACHE_RULES[-1]
    for key in (*PRICE_KEYS, "a-vendor-nobody-has-heard-of", ""):
        assert any(fnmatch(key, p) for p in last.applies_to), key
    assert cache_rule("a-vendor-nobody-has-heard-of") is last
    # Earlier rules win: a model a vendor rule names is not billed by the catch-all.
    assert cache_rule("anthropic-claude-opus-5-5") is not last


def test_cache_rules_match_models_by_the_pattern_written_first() -> None:
    for key in PRICE_KEYS:
        first = next(r for r in CACHE_RULES if any(fnmatch(key, p) for p in r.applies_to))
        assert cache_rule(key) is first


# --- the staleness check, on fixed days ----------------------------------------------------

def _day(days_after_checked: int) -> date:
    return CHECKED_DAY + timedelta(days=days_after_checked)


def _first_lifecycle_date() -> tuple[str, str]:
    """The first retirement or price change after CHECKED, and its model."""
    dated = [(d, life.price_key) for life in LIFECYCLES for d in (life.retires, life.price_change)
             if d and d > CHECKED]
    return min(dated)


def test_the_facts_on_their_checked_day_need_nothing() -> None:
    assert stale_problems(CHECKED_DAY) == []


def test_the_age_of_the_facts_fails_the_check_only_past_its_limit() -> None:
    on_the_limit = stale_problems(_day(STALE_AFTER_DAYS))
    past_it = stale_problems(_day(STALE_AFTER_DAYS + 1))
    assert not any("days ago" in p for p in on_the_limit)
    assert any(f"{STALE_AFTER_DAYS + 1} days ago" in p and CHECKED in p for p in past_it)


def test_ninety_one_days_on_the_list_names_every_date_that_has_passed() -> None:
    day = _day(91)
    problems = stale_problems(day)
    assert any("91 days ago" in p for p in problems)
    for life in LIFECYCLES:
        for when in (life.retires, life.price_change):
            if when and CHECKED < when <= day.isoformat():
                assert any(life.price_key in p and when in p for p in problems), life.price_key


def test_a_passed_retirement_is_listed_from_its_day_and_cleared_once_checked_after_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    when, key = _first_lifecycle_date()
    day = date.fromisoformat(when)
    assert not any(key in p for p in stale_problems(day - timedelta(days=1)))
    assert any(key in p and when in p for p in stale_problems(day))
    # A maintainer re-checks the facts on that day: the date no longer needs attention.
    monkeypatch.setattr(vendors, "CHECKED", when)
    assert not any(key in p and when in p for p in stale_problems(day))
    assert not any(key in p and when in p for p in stale_problems(day + timedelta(days=30)))


def test_an_offered_route_past_its_last_job_day_or_retirement_is_listed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    base = next(r for r in ROUTES if r.access == OPEN)
    jobs_end = _day(10).isoformat()
    ends = dataclasses.replace(base, key="test-route", family="Test family", jobs_until=jobs_end,
                               retires=_day(20).isoformat(), retires_or_later=True)
    monkeypatch.setattr(vendors, "ROUTES", (ends,))
    monkeypatch.setattr(vendors, "LIFECYCLES", ())
    assert stale_problems(_day(10)) == []
    assert [p for p in stale_problems(_day(11)) if "Test family" in p and jobs_end in p]
    retired = [p for p in stale_problems(_day(20)) if "retired" in p and "Test family" in p]
    assert retired and "or later" in retired[0]
    # A road already closed is not "offered", so its passing dates are not a problem.
    monkeypatch.setattr(vendors, "ROUTES", (dataclasses.replace(ends, access=vendors.CLOSED),))
    assert stale_problems(_day(20)) == []


def test_a_page_that_could_not_be_re_read_ages_from_its_own_read_date(
        monkeypatch: pytest.MonkeyPatch) -> None:
    earlier = (CHECKED_DAY - timedelta(days=9)).isoformat()
    old_page = Page("A vendor's data terms", "https://example.org/terms", earlier)
    monkeypatch.setattr(vendors, "DATA_TERMS", (*DATA_TERMS, DataTerm(
        "Some API", "training", Fact("Some API does not train on your data.", old_page))))
    # Ninety days after its own read date is still in time; the day after is not, though the
    # other facts, read on CHECKED, are not due yet (dates that came to pass are listed apart).
    assert not [p for p in stale_problems(_day(STALE_AFTER_DAYS - 9)) if "days ago" in p]
    aged = [p for p in stale_problems(_day(STALE_AFTER_DAYS - 8)) if "days ago" in p]
    assert len(aged) == 1
    assert earlier in aged[0] and old_page.url in aged[0] and "91 days ago" in aged[0]


def test_pages_read_on_the_checked_day_are_not_listed_one_by_one() -> None:
    problems = stale_problems(_day(STALE_AFTER_DAYS + 30))
    assert len([p for p in problems if "days ago" in p]) == 1


def test_lifecycle_lookup_finds_only_listed_models() -> None:
    first = LIFECYCLES[0]
    assert lifecycle(first.price_key) == first
    assert lifecycle("not-a-model") is None


# --- the script that the make target and the workflow run ---------------------------------

def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_vendor_facts.py"), *args],
                          capture_output=True, text=True, timeout=60)


def test_the_check_passes_on_the_checked_day() -> None:
    done = _check("--today", CHECKED)
    assert done.returncode == 0, done.stdout + done.stderr
    assert CHECKED in done.stdout and "nothing needs re-checking" in done.stdout


def test_the_check_fails_with_a_readable_list_ninety_one_days_on() -> None:
    day = _day(91).isoformat()
    done = _check("--today", day)
    assert done.returncode == 1
    listed = [line for line in done.stdout.splitlines() if line.startswith("  - ")]
    assert [line[4:] for line in listed] == stale_problems(_day(91))
    assert day in done.stdout.splitlines()[0] and "Traceback" not in done.stderr


def test_the_check_refuses_a_day_it_cannot_read() -> None:
    done = _check("--today", "5 March")
    assert done.returncode == 2 and "not a date like" in done.stderr
