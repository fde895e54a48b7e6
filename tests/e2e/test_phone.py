"""On a 390 px phone: the figures that change stay in view and in full, charts are readable
and draw no label over a bar or a line, tables never widen the page, and numbers are read
as the reader meant them (or the field says how to write them).

Like test_layout.py, the tests know no calculator: they take each one's page, fields and
key figures from the registry, so a new calculator is covered once it is placed.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from calculators import CALCULATORS, run
from calculators.kit.links import state_query
from calculators.kit.schema import NumberField, defaults

from .conftest import wait_until_ready
from .test_layout import calc_locator, change, first_essential_control, visible_without_scrolling

PHONE = {"width": 390, "height": 844}
SMALLEST_TEXT_PX = 12
# The charts the kit, the readiness scale and the advisor draw (the costs chart is its own).
CHARTS = ".calc-result svg.calc-bars, .calc-result svg.calc-chart"
WITH_KEY_FIGURES = sorted(name for name, calc in CALCULATORS.items()
                          if calc.report(calc.compute(defaults(calc.fields))).key_figures)


def extremes(name: str) -> dict[str, dict[str, str]]:
    """Every number field at its largest and at its smallest allowed value (a field whose
    extreme contradicts another's is left at its default), as the state a link holds."""
    calc = CALCULATORS[name]
    states = {}
    for end in ("maximum", "minimum"):
        values = {f.name: getattr(f, end) for f in calc.fields if isinstance(f, NumberField)}
        answer = run(name, values)
        for field in answer["errors"]:
            values.pop(field, None)
        states[end] = run(name, values)["state"]
    return states


def open_phone(page: Page, site_url: str, name: str, state: dict[str, str] | None = None) -> None:
    page.set_viewport_size(PHONE)
    query = f"?{state_query(name, state)}" if state else ""
    page.goto(site_url + CALCULATORS[name].page + query)
    if state:
        wait_until_ready(page, name)


def test_the_calculators_name_their_key_figures() -> None:
    assert {"latency", "context", "readiness"} <= set(WITH_KEY_FIGURES)


@pytest.mark.parametrize("name", WITH_KEY_FIGURES)
def test_after_a_change_the_pinned_headline_shows_the_new_key_figures_in_full(
        page: Page, site_url: str, name: str) -> None:
    open_phone(page, site_url, name)
    calc = calc_locator(page, name)
    control = first_essential_control(calc)
    control.evaluate("(c) => c.closest('.calc-field').scrollIntoView({block: 'center'})")
    control.focus()
    wait_until_ready(page, name)
    figures = calc.locator(".calc-summary .calc-key-figures")
    # The result's verdict repeats the figures: the pinned ones must match the new result.
    fresh = calc.locator(".calc-result .calc-verdict .calc-key-figures")
    before = fresh.text_content()
    change(control)
    expect(fresh).not_to_have_text(before)
    expect(figures).to_have_text(fresh.text_content())
    assert visible_without_scrolling(page, calc.locator(".calc-summary"))
    cut = figures.evaluate("""(list) => [...list.children].filter((item) => {
        const box = item.getBoundingClientRect();
        return item.scrollWidth > item.clientWidth + 1 || box.right > innerWidth || box.left < 0;
    }).map((item) => item.textContent)""")
    assert cut == [], f"{name}: key figures cut off on a phone: {cut}"
    summary = calc.locator(".calc-summary")
    assert summary.evaluate("(e) => e.scrollHeight <= e.clientHeight + 1"), "the headline is clipped"


@pytest.mark.parametrize("name", WITH_KEY_FIGURES)
def test_the_back_to_top_button_never_covers_the_pinned_figures(page: Page, site_url: str, name: str) -> None:
    open_phone(page, site_url, name)
    calc = calc_locator(page, name)
    first_essential_control(calc).evaluate("(c) => c.closest('.calc-field').scrollIntoView({block: 'center'})")
    # Material shows its back-to-top button while the reader scrolls up.
    page.mouse.move(195, 600)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -150)
    button = page.locator(".md-top")
    expect(button).to_be_visible()
    page.wait_for_timeout(300)  # its slide-in
    overlap = page.evaluate("""([summary, top]) => {
        const a = summary.getBoundingClientRect(), b = top.getBoundingClientRect();
        return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
             * Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
    }""", [calc.locator(".calc-summary").element_handle(), button.element_handle()])
    assert visible_without_scrolling(page, calc.locator(".calc-summary"))
    assert overlap == 0, f"{name}: the back-to-top button covers {overlap:.0f} px² of the pinned figures"


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_chart_text_is_at_least_12_px_and_no_label_sits_on_a_bar_or_line(
        page: Page, site_url: str, name: str) -> None:
    calc = CALCULATORS[name]
    states = {"defaults": None, **extremes(name)}
    states.update({p.name: run(name, p.values)["state"] for p in calc.presets})
    states.update({label: run(name, values)["state"]
                   for label, values in TIGHTEST_CHARTS.get(name, {}).items()})
    for label, state in states.items():
        open_phone(page, site_url, name, state)
        found = page.locator(CHARTS).evaluate_all(MEASURE_CHARTS)
        small = [t for t in found["sizes"] if t[1] < SMALLEST_TEXT_PX]
        assert small == [], f"{name} ({label}): chart text under {SMALLEST_TEXT_PX} px: {small}"
        assert found["overlaps"] == [], f"{name} ({label}): labels over shapes: {found['overlaps']}"


# Inputs that draw a chart's widest text, beyond the presets and the extremes.
TIGHTEST_CHARTS = {"advisor": {"Q3 yes, no effect": {"knowledge": "no", "change": "weekly"}}}
# For each chart: every text's rendered size, and every text that meets a shape other than
# the segment it labels (bars, limit lines, the advisor's pills), another text, or the edge.
MEASURE_CHARTS = """(charts) => {
  const sizes = [], overlaps = [];
  const meets = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                       && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (const svg of charts) {
    const frame = svg.getBoundingClientRect();
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const shapes = [...svg.querySelectorAll(
      'rect.calc-bar-seg, line.calc-bar-limit, rect.calc-advisor-pill, text')];
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (!box.width) continue;
      sizes.push([text.textContent, parseFloat(getComputedStyle(text).fontSize) * scale]);
      if (box.left < frame.left - 1 || box.right > frame.right + 1) {
        overlaps.push(`${text.textContent} / the chart's edge`);
      }
      for (const shape of shapes) {
        if (shape === text) continue;
        // A segment's own label, and a pill's own mark, sit inside it by design.
        if (shape.parentNode === text.parentNode && shape.tagName === 'rect') {
          const own = shape.getBoundingClientRect();
          if (box.left >= own.left - 0.5 && box.right <= own.right + 0.5) continue;
        }
        if (meets(box, shape.getBoundingClientRect())) {
          overlaps.push(`${text.textContent} / ${shape.textContent || shape.getAttribute('class')}`);
        }
      }
    }
  }
  return {sizes, overlaps};
}"""


@pytest.mark.parametrize("end", ["maximum", "minimum"])
@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_the_largest_values_allowed_never_widen_the_page(
        page: Page, site_url: str, name: str, end: str) -> None:
    open_phone(page, site_url, name, extremes(name)[end])
    expect(calc_locator(page, name).locator(".calc-result")).not_to_have_class("is-stale")
    overflow = page.evaluate("document.scrollingElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{name} at its {end}: the page is {overflow} px wider than the phone"


@pytest.mark.parametrize("path", ["vendor-facts/", "methodology/", "decide/"])
def test_the_guides_tables_keep_their_one_wrapper_and_never_widen_the_page(
        page: Page, site_url: str, path: str) -> None:
    # The build wraps them (build_hooks/tables.py); Material's script must leave them be.
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    tables = page.locator("article table.data-table")
    assert tables.count() > 0
    expect(page.locator(".md-typeset__scrollwrap .md-typeset__scrollwrap")).to_have_count(0)
    expect(page.locator(".md-typeset__table > table.data-table")).to_have_count(tables.count())
    overflow = page.evaluate("document.scrollingElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{path}: the page is {overflow} px wider than the phone"


# What a reader may type, and what the field must then say (calculators/kit/numbers.py).
UNREAD = {"50.000": "could mean 50 or 50,000; write 50 or 50000 to say which",
          "1.000,5": "so write 1000.5",
          "1e-400": "too close to 0"}


@pytest.mark.parametrize("typed", sorted(UNREAD))
def test_a_number_that_could_be_misread_is_not_guessed_and_stays_as_typed(
        page: Page, site_url: str, typed: str) -> None:
    name = "latency"
    open_phone(page, site_url, name)
    calc = calc_locator(page, name)
    control = first_essential_control(calc)
    control.focus()
    wait_until_ready(page, name)
    before = calc.locator(".calc-result").inner_text()
    control.fill(typed)
    message = calc.locator(f'[data-error-for="{control.get_attribute("name")}"]')
    expect(message).to_contain_text(UNREAD[typed])
    expect(control).to_have_value(typed)
    expect(calc.locator(".calc-summary")).to_have_class("calc-summary is-stale")
    assert calc.locator(".calc-result").inner_text() == before, "a guess changed the result"
    # The link holds what the box shows, so a shared link reopens the same question.
    field = control.get_attribute("name")
    expect(page).to_have_url(re.compile(re.escape(f"{name}.{field}={quote(typed)}")))
