"""Answers the advisor's tests share: a quiet baseline each situation changes, and every input.

QUIET needs nothing: no knowledge, no gap, prompting tried, plenty of reviewed examples, an
open-weight model and no rule on where data stays. A situation states only what differs.
"""

from hypothesis import strategies as st

from calculators.advisor.inputs import FIELDS
from calculators.kit.schema import ChoiceField, flat_fields

QUIET = {"knowledge": "no", "tone": "no", "format": "no", "reasoning": "no", "accuracy": "no",
         "prompting": "yes", "change": "never", "citations": "no", "documents": 2000,
         "document_tokens": 2000, "window": 1_000_000, "vocabulary": "no", "access": "no",
         "latency": "flexible", "volume": "modest", "examples": 2000, "quality": "curated",
         "platform": "open", "residency": "anywhere"}
FIELD = {f.name: f for f in flat_fields(FIELDS)}


def _field_values(f):
    if isinstance(f, ChoiceField):
        return st.sampled_from([o.value for o in f.options])
    return st.integers(min_value=int(f.minimum), max_value=max(int(f.minimum), 2_000_000))


# Every input at once, any valid value: for properties that must hold whatever the answers.
INPUTS = st.fixed_dictionaries({f.name: _field_values(f) for f in flat_fields(FIELDS)})
