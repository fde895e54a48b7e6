"""The widget around the form: presets row, pinned headline, result column, and the
lines run() keeps current (which preset the form holds, what each fold holds)."""

import dataclasses
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

from calculators import CALCULATORS, render_default_widget, run
from calculators.kit.calculator import Calculator, Preset
from calculators.kit.report import MOST_KEY_FIGURES, KeyFigure, Report, render_markdown, render_text
from calculators.kit.schema import Group, NumberField, validate
from calculators.kit.widget import DEFAULTS, form_status, headline, render_widget


def _number(name: str, default: float) -> NumberField:
    return NumberField(name=name, label=name.title(), unit="units", help="", default=default,
                       minimum=0, maximum=100)


TOY = Calculator(
    name="toy", title="Toy", figures=(), compute=lambda values: values,
    presets=(Preset("small", "A small one", {"a": 2}), Preset("big", "A big one", {"a": 90, "b": 9})),
    report=lambda result: Report(kind="toy", headline="It fits", tone="success", summary="S",
                                 sources=(), sources_text=""),
    groups=(Group("Essentials", "What most readers change.", (_number("a", 1),)),
            Group("Assumptions", "Rarely changed.", (_number("b", 5),), assumptions=True)),
)


def widget(inputs: dict) -> str:
    return render_widget(TOY, validate(TOY.fields, inputs), TOY.report(None), ())


def preset_links(html: str) -> dict[str, tuple[dict[str, str], bool]]:
    """{preset name: (the inputs its link sets, whether it is marked current)}."""
    links = {}
    for attributes in re.findall(r'<a class="calc-preset"([^>]*)>', html):
        name = re.search(r'data-preset="([^"]*)"', attributes).group(1)
        href = unescape(re.search(r'href="([^"]*)"', attributes).group(1))
        link = urlsplit(href)
        assert link.fragment == "calc-toy-title" and not link.path
        links[name] = (dict(parse_qsl(link.query)), 'aria-current="true"' in attributes)
    return links


def test_presets_are_links_that_set_every_input_with_the_defaults_first():
    links = preset_links(widget({}))
    assert list(links) == [DEFAULTS, "small", "big"]
    assert links[DEFAULTS][0] == {"toy.a": "1", "toy.b": "5"}
    assert links["small"][0] == {"toy.a": "2", "toy.b": "5"}  # unnamed inputs keep their default
    assert links["big"][0] == {"toy.a": "90", "toy.b": "9"}


def test_the_preset_the_form_holds_is_marked_and_only_that_one():
    assert [name for name, (_, marked) in preset_links(widget({})).items() if marked] == [DEFAULTS]
    assert [name for name, (_, marked) in preset_links(widget({"a": "90", "b": "9.0"})).items()
            if marked] == ["big"]
    assert not any(marked for _, marked in preset_links(widget({"a": "3"})).values())


def test_form_status_names_the_preset_and_counts_changed_assumptions():
    assert form_status(TOY, validate(TOY.fields, {})) == {
        "preset": DEFAULTS, "groups": {"1": "Assumptions: 1 value, all at their defaults"}}
    status = form_status(TOY, validate(TOY.fields, {"a": "90", "b": "9"}))
    assert status == {"preset": "big", "groups": {"1": "Assumptions: 1 value, 1 changed from the default"}}
    # An invalid value still counts as changed: what the reader typed is kept.
    assert form_status(TOY, validate(TOY.fields, {"b": "lots"}))["groups"]["1"].endswith("1 changed from the default")


def _summary(html: str) -> str:
    return re.search(r'<div class="calc-summary".*?class="calc-summary-link"[^>]*>', html, re.S).group(0)


def test_the_headline_has_a_polite_live_region_and_links_to_the_full_result():
    html = widget({})
    summary = _summary(html)
    assert 'data-tone="success"' in summary
    assert re.search(r'<div class="calc-summary-words"><p class="calc-summary-text">It fits</p>', summary)
    # Said apart from what is shown, so the pinned words can follow every answer.
    assert '<p class="calc-summary-said" aria-live="polite" aria-atomic="true"></p>' in html
    assert 'href="#calc-toy-result"' in summary
    result = re.search(r'<div class="calc-result"[^>]*>', html).group(0)
    assert 'id="calc-toy-result"' in result and "aria-live" not in result


def test_the_headline_sits_before_the_form_and_the_result_in_its_own_column():
    html = widget({})
    order = [html.index(marker) for marker in
             ('class="calc-presets"', 'class="calc-summary"', '<form', 'class="calc-output"',
              'class="calc-result"')]
    assert order == sorted(order)
    assert re.search(r'class="calc-output" role="region" aria-label="Toy: result" tabindex="0"', html)


def test_run_keeps_the_headline_preset_and_folds_current():
    for name, calc in CALCULATORS.items():
        answer = run(name, {})
        assert answer["preset"] == DEFAULTS, name
        assert answer["headline"]["text"] in render_default_widget(name), name
        folded = [str(i) for i, g in enumerate(calc.groups) if g.assumptions]
        assert sorted(answer["groups"]) == folded, name
        for preset in calc.presets:
            assert run(name, dict(preset.values))["preset"] == preset.name, (name, preset.name)


def test_a_calculator_without_presets_shows_no_presets_row():
    bare = Calculator(name="bare", title="Bare", figures=(), presets=(), compute=TOY.compute,
                      report=TOY.report, groups=TOY.groups)
    assert "calc-presets" not in render_widget(bare, validate(bare.fields, {}), bare.report(None), ())


def _reported(**fields) -> Calculator:
    report = Report(kind="toy", headline="Use RAG", tone="success", summary="S", sources=(),
                    sources_text="", **fields)
    return dataclasses.replace(TOY, report=lambda result: report)


def test_key_figures_ride_in_the_pinned_headline_and_the_verdict():
    calc = _reported(key_figures=(KeyFigure("RAG, slow", "1,170 of 5,000 ms"),))
    html = render_widget(calc, validate(calc.fields, {}), calc.report(None), ())
    figure = ('<li><span class="calc-key-label">RAG, slow</span> '
              '<strong class="calc-key-value">1,170 of 5,000 ms</strong></li>')
    assert figure in _summary(html)
    verdict = re.search(r'<div class="admonition success calc-verdict".*?</div>', html, re.S).group(0)
    assert figure in verdict
    assert headline(calc.report(None))["figures"] in _summary(html)


def test_a_conditional_answer_says_its_condition_and_is_never_a_success():
    calc = _reported(condition="if retrieval fits the real-time budget")
    report = calc.report(None)
    html = render_widget(calc, validate(calc.fields, {}), report, ())
    said = "Use RAG, if retrieval fits the real-time budget"
    assert headline(report) == {"text": said, "tone": "warning", "figures": ""}
    assert 'data-tone="warning"' in _summary(html) and said in _summary(html)
    assert '<div class="admonition warning calc-verdict calc-verdict--conditional">' in html
    assert "success" not in html
    assert render_markdown(report).startswith(f"**{said}.**")
    assert render_text(report).startswith(f"{said}. S")


def test_a_report_names_only_as_many_key_figures_as_a_phone_shows():
    figures = tuple(KeyFigure(str(n), str(n)) for n in range(MOST_KEY_FIGURES + 1))
    with pytest.raises(ValueError):
        Report(kind="toy", headline="H", tone="note", summary="S", sources=(), sources_text="",
               key_figures=figures)
