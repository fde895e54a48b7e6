"""Links are untrusted: markup and script in a page's query or fragment never run, the reader
is told what was wrong with the link, and the calculator keeps working."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from .conftest import wait_until_ready

# Each payload would set window.__pwned (or open a dialog) if it ever ran.
IMG = "<img src=x onerror=\"window.__pwned=1;alert(1)\">"
SVG = "<svg/onload=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
READINESS = '.calc[data-calculator="readiness"]'
ADVISOR = '.calc[data-calculator="advisor"]'


def query(**pairs: str) -> str:
    return "?" + "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs.items())


@pytest.fixture
def hostile_page(page: Page) -> Page:
    """The page, watched for anything the payloads could do if they ran."""
    page.context.add_init_script("window.__dialogs = 0;")
    page.on("dialog", lambda dialog: (page.evaluate("window.__dialogs++"), dialog.dismiss()))
    return page


def nothing_ran(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__dialogs") == 0
    # The markup never became elements either (the policy would block their handlers anyway).
    assert page.locator("img[src=x], svg[onload], .calc script").count() == 0


@pytest.mark.parametrize("payload", [IMG, SCRIPT, '"><x-inj>${7*7}'])
def test_markup_in_a_number_field_is_reported_as_not_a_number(
        hostile_page: Page, site_url: str, payload: str) -> None:
    page = hostile_page
    page.goto(site_url + "fine-tuning/" + query(**{"readiness.examples": payload}))
    field = page.locator(f"{READINESS} input[name=examples]")
    expect(field).to_have_value(payload)  # kept as the reader's text, not as markup
    expect(page.locator("#calc-readiness-examples-error")).to_be_visible()
    expect(page.locator("#calc-readiness-examples-error")).to_contain_text(re.compile("number"))
    expect(page.locator(f"{READINESS} .calc-result")).to_have_class(re.compile("is-stale"))
    nothing_ran(page)
    field.fill("600")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("600 reviewed examples")
    expect(page.locator("#calc-readiness-examples-error")).to_be_hidden()
    nothing_ran(page)


def test_markup_as_a_choice_is_reported_and_a_real_choice_still_works(
        hostile_page: Page, site_url: str) -> None:
    page = hostile_page
    page.goto(site_url + "decide/" + query(**{"advisor.knowledge": IMG, "advisor.tone": SVG}))
    for field in ("knowledge", "tone"):
        expect(page.locator(f"#calc-advisor-{field}-error")).to_contain_text("Choose one of")
    nothing_ran(page)
    # Two quick clicks: the second comes while the first answer is still in flight, and the
    # linked (hostile) value that answer brings back must not undo the reader's choice.
    page.locator(f'{ADVISOR} [name=knowledge][value=no]').check()
    page.locator(f'{ADVISOR} [name=tone][value=no]').check()
    for field in ("knowledge", "tone"):
        expect(page.locator(f"#calc-advisor-{field}-error")).to_be_hidden()
        expect(page.locator(f'{ADVISOR} [name={field}][value=no]')).to_be_checked()
    expect(page.locator(f"{ADVISOR} .calc-result")).not_to_have_class(re.compile("is-stale"))
    expect(page).to_have_url(re.compile(r"advisor\.knowledge=no"))
    nothing_ran(page)


@pytest.mark.parametrize("key", [f'x"]{IMG}', f"x']) *{{[{SCRIPT}]"])
def test_strange_keys_are_named_in_a_note_as_plain_text(hostile_page: Page, site_url: str,
                                                         key: str) -> None:
    page = hostile_page
    page.goto(site_url + "fine-tuning/" + query(**{f"readiness.{key}": IMG,
                                                     "readiness.examples": "400"}))
    notes = page.locator(f"{READINESS} .calc-notes")
    expect(notes).to_be_visible()
    expect(notes).to_contain_text("Ignored")
    expect(notes).to_contain_text(key[:10])  # shown as text, as typed
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("400 reviewed examples")
    nothing_ran(page)
    page.locator(f"{READINESS} input[name=examples]").fill("700")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("700 reviewed examples")
    nothing_ran(page)


def test_a_proto_key_pollutes_nothing(hostile_page: Page, site_url: str) -> None:
    """`__proto__` cannot become a field or change what every object inherits."""
    page = hostile_page
    page.goto(site_url + "fine-tuning/" + query(**{"readiness.__proto__": "polluted",
                                                     "readiness.constructor": IMG,
                                                     "readiness.examples": "400"}))
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("400 reviewed examples")
    expect(page.locator(f"{READINESS} .calc-notes")).to_contain_text("Ignored “constructor”")
    expect(page.locator(f"{READINESS} .calc-notes")).to_contain_text("Ignored “__proto__”")
    assert page.evaluate("Object.getPrototypeOf({}) === Object.prototype && !('polluted' in {})")
    page.locator(f"{READINESS} input[name=examples]").fill("700")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("700 reviewed examples")
    nothing_ran(page)


@pytest.mark.parametrize("fragment", [SCRIPT, '"><svg onload=alert(1)>'])
def test_markup_in_the_fragment_is_inert(hostile_page: Page, site_url: str, fragment: str) -> None:
    page = hostile_page
    page.goto(site_url + "fine-tuning/" + query(**{"readiness.examples": "500"}) + "#"
              + quote(fragment, safe=""))
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("500 reviewed examples")
    wait_until_ready(page, "readiness")
    page.locator(f"{READINESS} input[name=examples]").fill("900")
    expect(page.locator(f"{READINESS} .calc-result")).to_contain_text("900 reviewed examples")
    nothing_ran(page)
