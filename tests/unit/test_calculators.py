"""What every calculator promises alike: data out of compute, one report, presets that validate."""

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS
from calculators.kit.report import Report
from calculators.kit.schema import ChoiceField, defaults, validate

# A key, a number's text or a field's canonical text: never a sentence.
DATA_TEXT = re.compile(r"[A-Za-z0-9_.\-]*")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def valid_inputs(name):
    """Any valid set of inputs: choices from their options, numbers inside their bounds."""
    calc = CALCULATORS[name]
    strategies = {}
    for f in calc.fields:
        if isinstance(f, ChoiceField):
            strategies[f.name] = st.sampled_from([o.value for o in f.options])
        else:
            top = min(f.maximum, max(f.default * 4, f.minimum + 10))
            number = st.integers(int(f.minimum) + (f.minimum % 1 > 0), int(top)) if f.integer \
                else st.floats(f.minimum, top, allow_nan=False)
            strategies[f.name] = number
    return st.fixed_dictionaries(strategies)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_compute_returns_data_and_report_builds_one_report(name):
    calc = CALCULATORS[name]

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(valid_inputs(name))
    def check(values):
        checked = validate(calc.fields, values)
        if not checked.ok or (calc.check and calc.check(checked.values)):
            return
        before = dict(checked.values)
        result = calc.compute(checked.values)
        assert checked.values == before  # compute leaves its inputs alone
        assert dataclasses.is_dataclass(result) and result.__dataclass_params__.frozen
        sentences = [s for s in strings_in(dataclasses.asdict(result)) if not DATA_TEXT.fullmatch(s)]
        assert sentences == [], "compute returned prose; words belong in report()"
        assert isinstance(calc.report(result), Report)

    check()


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_preset_is_valid_and_differs_from_the_defaults(name):
    calc = CALCULATORS[name]
    for preset in calc.presets:
        checked = validate(calc.fields, preset.values)
        assert checked.ok and not (calc.check and calc.check(checked.values)), preset.name
        assert checked.values != validate(calc.fields, defaults(calc.fields)).values, preset.name
