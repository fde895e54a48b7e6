"""The form groups inputs as a reader reads them; assumptions fold away and say what they hold."""

import re

from calculators import CALCULATORS, render_default_widget
from calculators.kit.calculator import Calculator
from calculators.kit.provenance import Judgement
from calculators.kit.report import Report
from calculators.kit.schema import Group, NumberField, validate
from calculators.kit.widget import render_widget


def _number(name: str, default: float = 1) -> NumberField:
    return NumberField(name=name, label=name.title(), unit="units", help="", default=default,
                       minimum=0, maximum=100)


TOY = Calculator(
    name="toy", title="Toy", presets=(), figures=(), compute=lambda values: values,
    report=lambda result: Report(kind="toy", headline="H", tone="note", summary="S", sources=(),
                                 sources_text=""),
    groups=(Group("Essentials", "What most readers change.", (_number("a"),)),
            Group("Assumptions", "Rarely changed.", (_number("b"), _number("c", 5)),
                  assumptions=True)),
)


def widget(inputs: dict) -> str:
    checked = validate(TOY.fields, inputs)
    return render_widget(TOY, checked, TOY.report(None), ())


def test_each_group_is_a_fieldset_with_its_legend_and_help():
    html = widget({})
    assert html.count('<div class="calc-group-fields">') == 2  # the fields' grid, after the help
    assert html.count('<fieldset class="calc-group" aria-describedby="calc-toy-group-') == 2
    assert '<legend class="calc-group-title">Essentials</legend>' in html
    assert ('<p class="calc-group-help" id="calc-toy-group-0-help">What most readers change.</p>'
            in html)


def test_an_assumptions_group_is_folded_and_counts_its_values():
    html = widget({})
    details = re.search(r"<details[^>]*>.*</details>", html, re.S).group(0)
    assert '<details class="calc-assumptions" data-group="1">' in details  # closed
    assert "Assumptions: 2 values, all at their defaults</summary>" in details
    assert 'name="b"' in details and 'name="a"' not in details


def test_the_summary_says_when_a_value_differs_from_its_default():
    assert "Assumptions: 2 values, 1 changed from the default</summary>" in widget({"c": "7"})
    assert "all at their defaults" in widget({"c": "5.0"})  # the same number, written differently


def test_an_error_inside_opens_the_group_so_its_message_shows():
    html = widget({"b": "lots"})
    assert '<details class="calc-assumptions" open data-group="1">' in html


def test_every_calculator_groups_every_input_once_with_essentials_first():
    for name, calc in CALCULATORS.items():
        names = [f.name for g in calc.groups for f in g.fields]
        assert len(names) == len(set(names)) and names, name
        assert not calc.groups[0].assumptions, name
        folded = [g.assumptions for g in calc.groups]
        assert folded == sorted(folded), f"{name}: assumptions come last"
        html = render_default_widget(name)
        assert html.count("<legend class=\"calc-group-title\">") == len(calc.groups)


def test_no_help_text_repeats_within_a_group():
    for calc in CALCULATORS.values():
        for group in calc.groups:
            helps = [f.help for f in group.fields if f.help]
            assert len(helps) == len(set(helps)) or group.title.endswith("ranges"), group.title


def test_sourced_fields_keep_their_source_in_the_schema():
    prices = next(g for g in CALCULATORS["costs"].groups if g.title == "Prices you type")
    assert all(isinstance(f.source, Judgement) for f in prices.fields)
